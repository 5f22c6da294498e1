"""The knowledge base as plain, immutable data: muscles, red flags and their sources.

These classes are what the rest of the domain works on. They are built either from the
seed files (``bodymap.seedfiles``) or from the database rows (``app.crud``), so ranking
and triage never touch a database session.

Referral zones are written side-neutral, as region *bases*; ``ReferralIndex`` mirrors
them onto the concrete left and right regions once, so a lookup per request is a dict
access.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from bodymap.regions import RegionScheme, Side, opposite

Zone = Literal["essential", "spillover"]
Laterality = Literal["same", "opposite", "both"]
Prevalence = Literal["common", "occasional", "less_common"]
Level = Literal["emergency", "urgent", "see_clinician"]

ZONES: tuple[Zone, ...] = ("essential", "spillover")
LATERALITIES: tuple[Laterality, ...] = ("same", "opposite", "both")
PREVALENCES: tuple[Prevalence, ...] = ("common", "occasional", "less_common")
LEVELS: tuple[Level, ...] = ("emergency", "urgent", "see_clinician")

PREVALENCE_LABELS: dict[str, str] = {
    "common": "commonly involved",
    "occasional": "sometimes involved",
    "less_common": "less often involved",
}
LEVEL_LABELS: dict[str, str] = {
    "emergency": "Emergency",
    "urgent": "Urgent: same day",
    "see_clinician": "See a clinician soon",
}


@dataclass(frozen=True, slots=True)
class Source:
    """A publication a fact comes from."""

    id: str
    citation: str
    kind: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A pointer into a source: which source, and where in it (chapter, section)."""

    source: str
    locator: str = ""


@dataclass(frozen=True, slots=True)
class ZoneRef:
    """One region base of a referral pattern, relative to the muscle's side."""

    base: str
    zone: Zone
    laterality: Laterality = "same"


@dataclass(frozen=True, slots=True)
class TriggerPoint:
    """Where a trigger point sits: a region base, a spot inside it, and how to find it."""

    name: str
    base: str
    find: str
    # Position inside the region's bounding box on the figure: 0..1 across (from the
    # body's midline outwards on the right side) and 0..1 down.
    at: tuple[float, float] = (0.5, 0.5)
    # False for a point that is not for pressing yourself (near an artery or a nerve, see
    # ``no_self_pressure`` in seed/precautions.toml); its ``find`` text says so (#14).
    self_pressure: bool = True


@dataclass(frozen=True, slots=True)
class SelfCare:
    """One safe self-treatment and its stretch, within the ranges in PRODUCT.md."""

    tool: str
    how: str
    pressure: str
    hold_seconds: tuple[int, int]
    repetitions: tuple[int, int]
    stretch: str
    stretch_hold_seconds: tuple[int, int]
    # False where pressing the muscle yourself is unsafe (front of the neck, near the
    # brachial plexus): the card then gives the stretch and says not to press.
    self_pressure: bool = True


@dataclass(frozen=True, slots=True)
class Muscle:
    """A muscle, its trigger points, its side-neutral referral pattern and its care."""

    slug: str
    name: str
    anatomical_name: str
    group: str
    prevalence: Prevalence
    synonyms: tuple[str, ...]
    zones: tuple[ZoneRef, ...]
    trigger_points: tuple[TriggerPoint, ...]
    self_care: SelfCare
    symptoms: tuple[str, ...] = ()
    perpetuating: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    see_a_professional: str = ""
    professional: str = ""
    sources: tuple[SourceRef, ...] = ()

    def bases(self, zone: Zone) -> tuple[str, ...]:
        """Return the region bases of one zone of the pattern."""
        return tuple(z.base for z in self.zones if z.zone == zone)


@dataclass(frozen=True, slots=True)
class RedFlag:
    """A symptom that needs a clinician rather than self-care, and how urgently."""

    id: str
    symptom: str
    level: Level
    advice: str
    bases: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    question: str = ""
    # Place in the "any of these?" checklist (None: not in it).
    checklist: int | None = None


@dataclass(frozen=True, slots=True)
class Technique:
    """A treatment technique: what it is, who delivers it, what the evidence says."""

    id: str
    name: str
    what: str
    who: str
    evidence: str
    self_care: bool
    cautions: tuple[str, ...]
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Everything the seed files hold, before it is indexed for lookups."""

    muscles: tuple[Muscle, ...]
    red_flags: tuple[RedFlag, ...]
    sources: tuple[Source, ...]
    techniques: tuple[Technique, ...] = ()


@dataclass(frozen=True, slots=True)
class Referral:
    """One concrete hit: this muscle, on this side, refers to a region in this zone."""

    muscle: str
    side: Side
    zone: Zone


@dataclass(eq=False)
class Knowledge:
    """The knowledge base indexed over a region scheme, ready for ranking and triage.

    Built once at start-up and read-only afterwards; it hashes by identity, so the web
    layer can memoise what it derives from it.
    """

    scheme: RegionScheme
    base: KnowledgeBase
    muscles: dict[str, Muscle] = field(init=False)
    sources: dict[str, Source] = field(init=False)
    red_flags: dict[str, RedFlag] = field(init=False)
    referrals: dict[str, tuple[Referral, ...]] = field(init=False)
    flags_by_region: dict[str, tuple[RedFlag, ...]] = field(init=False)
    checklist: tuple[RedFlag, ...] = field(init=False)
    _patterns: dict[tuple[str, Side], dict[str, Zone]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.muscles = {m.slug: m for m in self.base.muscles}
        self.sources = {s.id: s for s in self.base.sources}
        self.red_flags = {f.id: f for f in self.base.red_flags}
        self.referrals = _index_referrals(self.scheme, self.base.muscles)
        flags: dict[str, list[RedFlag]] = defaultdict(list)
        for flag in self.base.red_flags:
            for base in flag.bases:
                for rid in self.scheme.ids_for_base(base):
                    flags[rid].append(flag)
        self.flags_by_region = {k: tuple(v) for k, v in flags.items()}
        # The red flags of the symptom checklist, in checklist order.
        items = [f for f in self.base.red_flags if f.checklist is not None]
        self.checklist = tuple(sorted(items, key=lambda f: f.checklist or 0))
        self._patterns = {
            (m.slug, side): _pattern(self.scheme, m, side)
            for m in self.base.muscles
            for side in ("right", "left")
        }

    def pattern(self, slug: str, side: Side) -> dict[str, Zone]:
        """Return the concrete regions of one muscle on one side, with their zone.

        Where a region is both essential and spillover (through different entries),
        essential wins. The dict is shared: read it, do not change it.
        """
        return self._patterns[slug, side]


def _pattern(scheme: RegionScheme, muscle: Muscle, side: Side) -> dict[str, Zone]:
    out: dict[str, Zone] = {}
    for z in muscle.zones:
        for rid in _zone_regions(scheme, z, side):
            if out.get(rid) != "essential":
                out[rid] = z.zone
    return out


def _zone_regions(scheme: RegionScheme, z: ZoneRef, muscle_side: Side) -> tuple[str, ...]:
    """Return the concrete region ids a zone entry covers for a muscle on one side."""
    if not scheme.bases[z.base].paired:
        return (z.base,)
    if z.laterality == "both":
        return scheme.ids_for_base(z.base)
    side = muscle_side if z.laterality == "same" else opposite(muscle_side)
    return (scheme.on_side(z.base, side),)


def _index_referrals(
    scheme: RegionScheme, muscles: tuple[Muscle, ...]
) -> dict[str, tuple[Referral, ...]]:
    """Mirror every side-neutral pattern onto both sides and index it by region id."""
    hits: dict[str, dict[tuple[str, Side], Zone]] = defaultdict(dict)
    sides: tuple[Side, Side] = ("right", "left")
    for muscle in muscles:
        for side in sides:
            for z in muscle.zones:
                for rid in _zone_regions(scheme, z, side):
                    key = (muscle.slug, side)
                    if hits[rid].get(key) != "essential":
                        hits[rid][key] = z.zone
    return {
        rid: tuple(Referral(muscle=m, side=s, zone=zone) for (m, s), zone in sorted(found.items()))
        for rid, found in hits.items()
    }
