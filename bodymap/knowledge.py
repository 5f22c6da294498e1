"""The knowledge base: one family of models per entity, and the index built from it.

Each entity is written once, as frozen pydantic models, following SQLModel's
``HeroBase`` / ``Hero`` / ``HeroPublic`` pattern:

- ``*Fields`` hold what the seed file, the in-memory knowledge and the API share;
- the entity itself (``Muscle``, ``RedFlag``, ``Technique``, ``Source``) adds what the
  seed file says in its own shape (side-neutral region *bases*, source references), and
  is validated straight from the TOML (``bodymap.seedfiles``) or from the database;
- ``*Public`` / ``MuscleCard`` add what the API shows in its stead (concrete region ids,
  sources with their citations).

So a new muscle field is one line in ``MuscleFields``, plus the template that shows it
and a test. Validation needs the region scheme and the source ids; they come through
pydantic's validation context (see ``ValidationContext``). Without a context (the API
shapes) those cross-checks are skipped.

``Knowledge`` indexes a ``KnowledgeBase`` once, when it loads: referral lookups mirrored
onto both sides, red flags per region, labels, and every public shape, so a request only
reads dicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    ValidationInfo,
    model_validator,
)

from bodymap.explainer import Explainer
from bodymap.i18n import use_locale
from bodymap.precautions import Precautions, PrecautionsPublic
from bodymap.regions import GROUPS, RegionScheme, Side, opposite
from bodymap.validation import (
    MAX_NAME,
    Frozen,
    Name,
    OptionalText,
    RegionBase,
    SourceId,
    SourceRef,
    Text,
    Texts,
    collapse,
    known_base,
)

Zone = Literal["essential", "spillover"]
Laterality = Literal["same", "opposite", "both"]
Prevalence = Literal["common", "occasional", "less_common"]
Level = Literal["emergency", "urgent", "see_clinician"]
SourceKind = Literal["book", "guideline", "paper", "website"]

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

# Safe self-care ranges (PRODUCT.md, from the seed articles).
HOLD_RANGE = (30, 90)
REPETITION_RANGE = (2, 3)
STRETCH_RANGE = (20, 30)


# --- field types ------------------------------------------------------------------------


def _span(allowed: tuple[int, int]) -> AfterValidator:
    def check(value: tuple[int, int], info: ValidationInfo) -> tuple[int, int]:
        low, high = value
        if not allowed[0] <= low <= high <= allowed[1]:
            raise ValueError(
                f"'{info.field_name}' is {low}-{high}; the safe range is {allowed[0]}-{allowed[1]}"
            )
        return value

    return AfterValidator(check)


def _known_group(value: str) -> str:
    if value not in GROUPS:
        raise ValueError(f"unknown group '{value}'; use one of {', '.join(GROUPS)}")
    return value


# --- sources ----------------------------------------------------------------------------


class SourceFields(Frozen):
    """A publication facts come from."""

    id: str
    citation: Text
    kind: SourceKind
    url: OptionalText = ""


class Source(SourceFields):
    """A publication, as ``sources.toml`` lists it."""


class SourcePublic(SourceFields):
    """A source as cited on a card, a flag or a technique."""

    locator: str


SourceRefs = Annotated[tuple[SourceRef, ...], Field(min_length=1)]


# --- muscles ----------------------------------------------------------------------------


class ZoneRef(Frozen):
    """One region base of a referral pattern, relative to the muscle's side."""

    base: str
    zone: Zone
    laterality: Laterality = "same"


def _zone_entry(value: str, info: ValidationInfo) -> str:
    base, _, laterality = value.partition(":")
    known_base(base, info)
    if laterality and laterality not in LATERALITIES:
        raise ValueError(f"'{value}': side must be one of {', '.join(LATERALITIES)}")
    return value


ZoneEntry = Annotated[str, AfterValidator(_zone_entry)]


class Referral(Frozen):
    """A side-neutral pattern: region bases, each optionally ``:opposite`` or ``:both``."""

    essential: tuple[ZoneEntry, ...] = Field(min_length=1)
    spillover: tuple[ZoneEntry, ...] = ()

    @property
    def zones(self) -> tuple[ZoneRef, ...]:
        """Every entry as a ``ZoneRef``, essential first."""
        out: list[ZoneRef] = []
        for zone, entries in (("essential", self.essential), ("spillover", self.spillover)):
            for entry in entries:
                base, _, lat = entry.partition(":")
                data = {"base": base, "zone": zone, "laterality": lat or "same"}
                out.append(ZoneRef.model_validate(data))
        return tuple(out)


class ReferralPublic(Frozen):
    """A side-neutral referral pattern in the API: region bases in each zone."""

    essential: list[str]
    spillover: list[str]
    crosses_midline: bool


class TriggerPoint(Frozen):
    """Where a trigger point sits: a region base, a spot inside it, and how to find it."""

    name: Name
    region: RegionBase
    find: Text
    # Position inside the region's bounding box on the figure: 0..1 across (from the
    # body's midline outwards on the right side) and 0..1 down.
    at: tuple[Annotated[float, Field(ge=0, le=1)], Annotated[float, Field(ge=0, le=1)]] = (
        0.5,
        0.5,
    )
    # False for a point not to press yourself (near an artery or a nerve: see
    # ``no_self_pressure`` in seed/precautions.toml); its ``find`` text says so.
    self_pressure: bool = True


class SelfCare(Frozen):
    """One safe self-treatment and its stretch, within the ranges in PRODUCT.md."""

    tool: Name
    how: Text
    pressure: Name
    hold_seconds: Annotated[tuple[int, int], _span(HOLD_RANGE)]
    repetitions: Annotated[tuple[int, int], _span(REPETITION_RANGE)]
    stretch: Text
    stretch_hold_seconds: Annotated[tuple[int, int], _span(STRETCH_RANGE)]
    # False where pressing the muscle yourself is unsafe (front of the neck, near the
    # brachial plexus): the card then gives the stretch and says not to press.
    self_pressure: bool = True


class MuscleFields(Frozen):
    """What a muscle's seed file, its in-memory entry and its API card share."""

    slug: str
    name: Name
    anatomical_name: Name
    group: Annotated[str, AfterValidator(_known_group)]
    prevalence: Prevalence
    synonyms: tuple[Name, ...] = ()
    trigger_points: tuple[TriggerPoint, ...] = Field(min_length=1)
    symptoms: Texts = ()
    perpetuating: Texts = ()
    self_care: SelfCare
    cautions: Texts = ()
    see_a_professional: Text
    professional: Text


class Muscle(MuscleFields):
    """A muscle as its seed file writes it: a side-neutral pattern and source references."""

    referral: Referral
    sources: SourceRefs

    @property
    def zones(self) -> tuple[ZoneRef, ...]:
        """The referral pattern as a flat list of zone entries."""
        return self.referral.zones

    def bases(self, zone: Zone) -> tuple[str, ...]:
        """Return the region bases of one zone of the pattern."""
        return tuple(z.base for z in self.zones if z.zone == zone)


class MuscleSummary(Frozen):
    """A muscle in ``/api/muscles``."""

    slug: str
    name: str
    group: str
    synonyms: list[str]
    thumbnail: str = Field(description="URL of a small picture of its pattern (right side).")


class MuscleCard(MuscleFields):
    """The whole card of one muscle (``/api/muscles/{slug}``)."""

    referral: ReferralPublic
    # The pattern mirrored onto concrete regions for each side of the body.
    referral_regions: dict[str, dict[str, list[str]]]
    sources: list[SourcePublic]
    precautions: PrecautionsPublic | None = Field(
        description="The general precautions, the same on every card: who should ask a "
        "clinician before self-care, and where never to press."
    )


# --- red flags --------------------------------------------------------------------------


class RedFlagFields(Frozen):
    """What a red flag's seed entry and its API shape share."""

    id: str
    symptom: Text
    level: Level
    advice: Text


class RedFlag(RedFlagFields):
    """A symptom that needs a clinician rather than self-care, and how urgently."""

    # Side-neutral region bases the flag applies to.
    regions: tuple[RegionBase, ...] = Field(min_length=1)
    sources: SourceRefs
    question: Annotated[str, BeforeValidator(collapse), Field(max_length=2 * MAX_NAME)] = ""
    # Place in the "any of these?" checklist (None: not in it); set from checklist.toml.
    checklist: int | None = None

    @property
    def bases(self) -> tuple[str, ...]:
        """The region bases the flag applies to."""
        return self.regions


class RedFlagPublic(RedFlagFields):
    """A red flag as ``/api/red-flags`` and ``/api/candidates`` return it."""

    # Concrete region ids (both sides of a paired base).
    regions: list[str]
    sources: list[SourcePublic]


# --- techniques -------------------------------------------------------------------------


class TechniqueFields(Frozen):
    """A treatment technique: what it is, who delivers it, what the evidence says."""

    id: str
    name: Name
    what: Text
    who: Text
    evidence: Text
    self_care: bool
    cautions: Texts = ()


class Technique(TechniqueFields):
    """A technique as ``techniques.toml`` writes it."""

    sources: SourceRefs


class TechniquePublic(TechniqueFields):
    """A technique as ``/api/techniques`` returns it."""

    sources: list[SourcePublic]


# --- pain guides ------------------------------------------------------------------------


class PainGuide(Frozen):
    """The muscles the pain guides name for pain in one place, the most common first."""

    id: str  # the region base: the table's name in pain_guides.toml
    source: SourceId
    locator: Annotated[str, BeforeValidator(collapse), Field(min_length=1, max_length=200)]
    muscles: tuple[str, ...] = Field(min_length=1, max_length=20)


# --- translations -----------------------------------------------------------------------


class RegionText(Frozen):
    """A region base's words in another language (``seed/<lang>/regions.toml``)."""

    id: str  # the region base
    name: Name
    clinical: Name
    synonyms: tuple[Name, ...] = ()
    gender: Literal["", "f", "m"] = ""


# --- the whole base ---------------------------------------------------------------------


class KnowledgeBase(Frozen):
    """Everything the seed files hold, before it is indexed for lookups."""

    muscles: tuple[Muscle, ...]
    red_flags: tuple[RedFlag, ...]
    sources: tuple[Source, ...]
    techniques: tuple[Technique, ...] = ()
    # Per region base, the muscles in pain-guide order (seed/pain_guides.toml). Empty:
    # ranking falls back to prevalence.
    pain_guides: tuple[PainGuide, ...] = ()
    # The general precautions shown wherever self-care is, and the "How it works" page.
    precautions: Precautions | None = None
    how_it_works: Explainer | None = None
    # The same knowledge in other languages (seed/<lang>/), each validated like English.
    translations: tuple[Translation, ...] = ()

    @model_validator(mode="after")
    def _unique_ids(self) -> KnowledgeBase:
        for kind, ids in (
            ("muscle", [m.slug for m in self.muscles]),
            ("red flag", [f.id for f in self.red_flags]),
            ("source", [s.id for s in self.sources]),
            ("technique", [t.id for t in self.techniques]),
            ("pain guide", [g.id for g in self.pain_guides]),
        ):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate {kind} id: {', '.join(dupes)}")
        return self


class Translation(Frozen):
    """The knowledge base in one other language: its texts and its region words."""

    id: str  # the language code, e.g. "es"
    regions: tuple[RegionText, ...]
    base: KnowledgeBase


KnowledgeBase.model_rebuild()


# --- the index --------------------------------------------------------------------------


class Hit(NamedTuple):
    """One concrete referral: this muscle, on this side, refers to a region in this zone."""

    muscle: str
    side: Side
    zone: Zone


def _zone_regions(scheme: RegionScheme, z: ZoneRef, muscle_side: Side) -> tuple[str, ...]:
    """Return the concrete region ids a zone entry covers for a muscle on one side."""
    if not scheme.bases[z.base].paired:
        return (z.base,)
    if z.laterality == "both":
        return scheme.ids_for_base(z.base)
    side = muscle_side if z.laterality == "same" else opposite(muscle_side)
    return (scheme.on_side(z.base, side),)


def _pattern(scheme: RegionScheme, muscle: Muscle, side: Side) -> dict[str, Zone]:
    """A muscle's concrete regions on one side; where a region is in both zones, essential wins."""
    return merge_patterns(
        dict.fromkeys(_zone_regions(scheme, z, side), z.zone) for z in muscle.zones
    )


def merge_patterns(patterns: Iterable[dict[str, Zone]]) -> dict[str, Zone]:
    """Merge several patterns into one; essential wins over spillover."""
    out: dict[str, Zone] = {}
    for pattern in patterns:
        for region, zone in pattern.items():
            if out.get(region) != "essential":
                out[region] = zone
    return out


class Knowledge:
    """The knowledge base indexed over a region scheme, ready for ranking and pages.

    Built once when the knowledge loads and read-only afterwards: every lookup a request
    needs (referrals per region, red flags per region, labels, public shapes) is here.
    """

    def __init__(self, *, scheme: RegionScheme, base: KnowledgeBase, lang: str = "en") -> None:
        self.scheme = scheme
        self.base = base
        self.lang = lang
        self.muscles: dict[str, Muscle] = {m.slug: m for m in base.muscles}
        self.sources: dict[str, Source] = {s.id: s for s in base.sources}
        self.red_flags: dict[str, RedFlag] = {f.id: f for f in base.red_flags}
        self.techniques: dict[str, Technique] = {t.id: t for t in base.techniques}
        # Region base -> muscle slugs, the most common source of pain there first.
        self.pain_guides: dict[str, tuple[str, ...]] = {g.id: g.muscles for g in base.pain_guides}

        sides: tuple[Side, Side] = ("right", "left")
        self._patterns: dict[tuple[str, str], dict[str, Zone]] = {
            (m.slug, side): _pattern(scheme, m, side) for m in base.muscles for side in sides
        }
        for m in base.muscles:
            self._patterns[m.slug, "both"] = merge_patterns(
                self._patterns[m.slug, s] for s in sides
            )
        hits: dict[str, list[Hit]] = defaultdict(list)
        for slug, one_side in sorted((m.slug, s) for m in base.muscles for s in sides):
            for rid, zone in self._patterns[slug, one_side].items():
                hits[rid].append(Hit(slug, one_side, zone))
        self.referrals: dict[str, tuple[Hit, ...]] = {k: tuple(v) for k, v in hits.items()}

        flags: dict[str, list[RedFlag]] = defaultdict(list)
        for flag in base.red_flags:
            for b in flag.bases:
                for rid in scheme.ids_for_base(b):
                    flags[rid].append(flag)
        self.flags_by_region: dict[str, tuple[RedFlag, ...]] = {
            k: tuple(v) for k, v in flags.items()
        }
        self.seed_order: dict[str, int] = {f.id: i for i, f in enumerate(base.red_flags)}
        # The red flags of the symptom checklist, in checklist order.
        listed = [f for f in base.red_flags if f.checklist is not None]
        self.checklist: tuple[RedFlag, ...] = tuple(sorted(listed, key=lambda f: f.checklist or 0))

        # Labels: "Temple (right)" as the figure shows it, "right temple" for running
        # text, and the side-neutral base names.
        self.region_labels: dict[str, str] = {r.id: r.label for r in scheme.regions}
        self.short_labels: dict[str, str] = {r.id: r.short_label for r in scheme.regions}
        self.base_labels: dict[str, str] = {b: e.name for b, e in scheme.bases.items()}

        # Public shapes, built once.
        self.precautions = base.precautions.public() if base.precautions else None
        self.cards: dict[str, MuscleCard] = {m.slug: self._card(m) for m in base.muscles}
        self.flag_cards: dict[str, RedFlagPublic] = {
            f.id: RedFlagPublic(
                **f.model_dump(include=set(RedFlagFields.model_fields)),
                regions=[rid for b in f.bases for rid in scheme.ids_for_base(b)],
                sources=self.cite(f.sources),
            )
            for f in base.red_flags
        }
        self.technique_cards: dict[str, TechniquePublic] = {
            t.id: TechniquePublic(
                **t.model_dump(include=set(TechniqueFields.model_fields)),
                sources=self.cite(t.sources),
            )
            for t in base.techniques
        }

        # The same index in each other language, its labels made in that language.
        self.translations: dict[str, Knowledge] = {}
        for t in base.translations:
            with use_locale(t.id):
                words = {r.id: r.model_dump() for r in t.regions}
                self.translations[t.id] = Knowledge(
                    scheme=scheme.localized(words), base=t.base, lang=t.id
                )

    def localized(self, lang: str) -> Knowledge:
        """This knowledge in ``lang``; English (itself) where there is no translation."""
        return self if lang == self.lang else self.translations.get(lang, self)

    def pattern(self, slug: str, side: str) -> Mapping[str, Zone]:
        """Return the concrete regions of one muscle on one side (or ``"both"``), with zones.

        The mapping is shared: read it, do not change it.
        """
        return self._patterns[slug, side]

    def cite(self, refs: Iterable[SourceRef]) -> list[SourcePublic]:
        """Resolve source references into citations, keeping their locators."""
        out = []
        for ref in refs:
            s = self.sources.get(ref.id)
            out.append(
                SourcePublic(
                    id=ref.id,
                    citation=s.citation if s else "(unknown source)",
                    kind=s.kind if s else "website",
                    url=s.url if s else "",
                    locator=ref.locator,
                )
            )
        return out

    def _card(self, m: Muscle) -> MuscleCard:
        fields: dict[str, Any] = {name: getattr(m, name) for name in MuscleFields.model_fields}
        return MuscleCard(
            **fields,
            referral=ReferralPublic(
                essential=list(m.bases("essential")),
                spillover=list(m.bases("spillover")),
                crosses_midline=any(z.laterality != "same" for z in m.zones),
            ),
            referral_regions={
                side: {
                    zone: sorted(r for r, z in self._patterns[m.slug, side].items() if z == zone)
                    for zone in ZONES
                }
                for side in ("right", "left")
            },
            sources=self.cite(m.sources),
            precautions=self.precautions,
        )
