"""The database tables, and the API shapes that belong to no single entity.

The knowledge base is a load-once store: ``KnowledgeRecord`` keeps each validated entry
of ``bodymap.knowledge.KnowledgeBase`` as a JSON document, so a new field in a model
needs no table change. Regions keep a relational table of their own (the place scheme,
in SQLModel's Base / table / Public pattern). The entity families (muscle cards, red
flags, techniques, sources) live with their models in ``bodymap.knowledge``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from bodymap.knowledge import MuscleCard, RedFlagPublic, SourcePublic, TechniquePublic

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


class KnowledgeRecord(SQLModel, table=True):
    """One validated entry of the knowledge base (a muscle, a red flag, ...) as JSON."""

    # The ``KnowledgeBase`` field it belongs to: "muscles", "red_flags", ...
    kind: str = Field(primary_key=True, max_length=32)
    id: str = Field(primary_key=True, max_length=64)
    position: int
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class SeedMeta(SQLModel, table=True):
    """Bookkeeping for the seed loader (the digest of the seed files last loaded)."""

    key: str = Field(primary_key=True, max_length=32)
    value: str


# --- API shapes --------------------------------------------------------------------------


class RegionPublic(RegionBase):
    """A region as ``/api/regions`` returns it."""

    view: str
    views: list[str]
    clinical_name: str
    synonyms: list[str]


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
    thumbnail: str = Field(description="URL of a small picture of its pattern on this side.")


class CandidatesPublic(SQLModel):
    """The answer of ``/api/candidates``: red flags first, then ranked muscles."""

    regions: list[str]
    red_flags: list[RedFlagPublic]
    candidates: list[CandidatePublic]


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
