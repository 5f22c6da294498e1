"""The knowledge model as SQLModel tables, and the public shapes the JSON API returns.

Tables hold what the seed files say, side-neutral (referral zones point at region
*bases*). The app reads them once at start into ``bodymap.knowledge.Knowledge``; the
``*Public`` models are the stable JSON contract of PRODUCT.md.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from bodymap.precautions import PrecautionsPublic

# --- tables ------------------------------------------------------------------------------


class RegionBase(SQLModel):
    """Fields shared by the region table and its public shape."""

    id: str = Field(primary_key=True, max_length=64)
    name: str
    side: str = Field(max_length=8)
    group: str = Field(max_length=32)


class Region(RegionBase, table=True):
    """A pickable place on one side of the body (from the region scheme)."""

    base: str = Field(index=True, max_length=64)
    clinical_name: str
    views: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    synonyms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    position: int = 0


class Source(SQLModel, table=True):
    """A publication facts come from."""

    id: str = Field(primary_key=True, max_length=64)
    citation: str
    kind: str = Field(max_length=16)
    url: str = ""


class Muscle(SQLModel, table=True):
    """A muscle with its care; its zones, trigger points and sources are child rows."""

    slug: str = Field(primary_key=True, max_length=64)
    name: str
    anatomical_name: str
    group: str = Field(max_length=32)
    prevalence: str = Field(max_length=16)
    synonyms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    symptoms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    perpetuating: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    cautions: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    see_a_professional: str = ""
    professional: str = ""
    care_tool: str = ""
    care_how: str = ""
    care_pressure: str = ""
    hold_min: int = 30
    hold_max: int = 90
    reps_min: int = 2
    reps_max: int = 3
    stretch: str = ""
    stretch_min: int = 20
    stretch_max: int = 30
    care_self_pressure: bool = True
    position: int = 0


class ReferralZone(SQLModel, table=True):
    """One region base of a muscle's side-neutral referral pattern."""

    id: int | None = Field(default=None, primary_key=True)
    muscle_slug: str = Field(foreign_key="muscle.slug", index=True, max_length=64)
    region_base: str = Field(max_length=64)
    zone: str = Field(max_length=16)
    laterality: str = Field(default="same", max_length=16)


class TriggerPoint(SQLModel, table=True):
    """A trigger point of a muscle: region base, spot inside it, how to find it."""

    id: int | None = Field(default=None, primary_key=True)
    muscle_slug: str = Field(foreign_key="muscle.slug", index=True, max_length=64)
    name: str
    region_base: str = Field(max_length=64)
    find: str
    at_x: float = 0.5
    at_y: float = 0.5
    self_pressure: bool = True  # false: a point not for pressing yourself (#14)


class MuscleSource(SQLModel, table=True):
    """Links a muscle to a source, with where in the source (chapter, section)."""

    id: int | None = Field(default=None, primary_key=True)
    muscle_slug: str = Field(foreign_key="muscle.slug", index=True, max_length=64)
    source_id: str = Field(foreign_key="source.id", max_length=64)
    locator: str = ""


class RedFlag(SQLModel, table=True):
    """A warning symptom, its level and what to do; its sources are ``RedFlagSource`` rows."""

    id: str = Field(primary_key=True, max_length=64)
    symptom: str
    level: str = Field(max_length=16)
    advice: str
    question: str = ""
    checklist: int | None = None
    region_bases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    position: int = 0


class RedFlagSource(SQLModel, table=True):
    """Links a red flag to a source, with where in the source."""

    id: int | None = Field(default=None, primary_key=True)
    flag_id: str = Field(foreign_key="redflag.id", index=True, max_length=64)
    source_id: str = Field(foreign_key="source.id", max_length=64)
    locator: str = ""


class Technique(SQLModel, table=True):
    """A treatment technique and what the evidence says about it."""

    id: str = Field(primary_key=True, max_length=64)
    name: str
    what: str
    who: str
    evidence: str
    self_care: bool = False
    cautions: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    position: int = 0


class TechniqueSource(SQLModel, table=True):
    """Links a technique to a source, with where in the source."""

    id: int | None = Field(default=None, primary_key=True)
    technique_id: str = Field(foreign_key="technique.id", index=True, max_length=64)
    source_id: str = Field(foreign_key="source.id", max_length=64)
    locator: str = ""


class SeedMeta(SQLModel, table=True):
    """Bookkeeping for the seed loader (the digest of the seed files last loaded)."""

    key: str = Field(primary_key=True, max_length=32)
    value: str


# --- public API shapes -------------------------------------------------------------------


class RegionPublic(RegionBase):
    """A region as ``/api/regions`` returns it."""

    view: str
    views: list[str]
    clinical_name: str
    synonyms: list[str]


class MuscleSummary(SQLModel):
    """A muscle in ``/api/muscles``."""

    slug: str
    name: str
    group: str
    synonyms: list[str]


class TriggerPointPublic(SQLModel):
    """A trigger point on a muscle card."""

    name: str
    region: str
    find: str
    at: tuple[float, float]
    self_pressure: bool = Field(
        default=True, description="False for a point not to press yourself (vessels, nerves)."
    )


class SelfCarePublic(SQLModel):
    """The self-care steps on a muscle card."""

    tool: str
    how: str
    pressure: str
    hold_seconds: tuple[int, int]
    repetitions: tuple[int, int]
    stretch: str
    stretch_hold_seconds: tuple[int, int]
    self_pressure: bool


class SourcePublic(SQLModel):
    """A source as cited on a card or a flag."""

    id: str
    citation: str
    kind: str
    url: str
    locator: str


class ReferralPublic(SQLModel):
    """A side-neutral referral pattern: region bases in each zone."""

    essential: list[str]
    spillover: list[str]
    crosses_midline: bool


class MuscleCard(SQLModel):
    """The whole card of one muscle (``/api/muscles/{slug}``)."""

    slug: str
    name: str
    anatomical_name: str
    group: str
    prevalence: str
    synonyms: list[str]
    trigger_points: list[TriggerPointPublic]
    referral: ReferralPublic
    # The pattern mirrored onto concrete regions for each side of the body.
    referral_regions: dict[str, dict[str, list[str]]]
    symptoms: list[str]
    perpetuating: list[str]
    self_care: SelfCarePublic
    cautions: list[str]
    see_a_professional: str
    professional: str
    sources: list[SourcePublic]
    # The general precautions (seed/precautions.toml), the same on every card (#14).
    precautions: PrecautionsPublic = Field(
        description="Who should ask a clinician before self-care, and where never to press."
    )


class RedFlagPublic(SQLModel):
    """A red flag as ``/api/red-flags`` and ``/api/candidates`` return it."""

    id: str
    symptom: str
    level: str
    advice: str
    regions: list[str]
    sources: list[SourcePublic]


class MatchPublic(SQLModel):
    """Why a candidate is listed: one picked region and its zone."""

    region: str
    zone: str


class CandidatePublic(SQLModel):
    """One ranked muscle for a selection."""

    muscle: str
    name: str
    side: str
    score: float
    matches: list[MatchPublic]
    explanation: str


class CandidatesPublic(SQLModel):
    """The answer of ``/api/candidates``: red flags first, then ranked muscles."""

    regions: list[str]
    red_flags: list[RedFlagPublic]
    candidates: list[CandidatePublic]


class TechniquePublic(SQLModel):
    """A technique as ``/api/techniques`` returns it."""

    id: str
    name: str
    what: str
    who: str
    evidence: str
    self_care: bool
    cautions: list[str]
    sources: list[SourcePublic]


class Licence(SQLModel):
    """The licence the knowledge base is published under."""

    name: str
    url: str
    attribution: str


class ExportPublic(SQLModel):
    """The whole knowledge base as open data (``/api/export``)."""

    licence: Licence
    regions: list[RegionPublic]
    muscles: list[MuscleCard]
    red_flags: list[RedFlagPublic]
    techniques: list[TechniquePublic]
    sources: list[SourcePublic]


class Problem(SQLModel):
    """A refused request: what was wrong, in words."""

    detail: str


class Health(SQLModel):
    """The answer of ``/healthz``."""

    status: str
    muscles: int
    regions: int


def json_list(value: Any) -> list[str]:
    """Coerce a JSON column value into a list of strings."""
    return [str(v) for v in value] if isinstance(value, list) else []
