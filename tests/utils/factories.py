"""Small knowledge bases built in code, for tests that need exact, known data."""

from __future__ import annotations

from bodymap.knowledge import (
    Knowledge,
    KnowledgeBase,
    Muscle,
    Prevalence,
    RedFlag,
    SelfCare,
    Source,
    SourceRef,
    TriggerPoint,
    ZoneRef,
)
from bodymap.regions import load_scheme

CARE = SelfCare(
    tool="ball",
    how="Lean into it.",
    pressure="about 5-7 out of 10",
    hold_seconds=(30, 90),
    repetitions=(2, 3),
    stretch="Stretch gently.",
    stretch_hold_seconds=(20, 30),
)


def make_muscle(
    slug: str,
    *,
    essential: list[str],
    spillover: list[str] | None = None,
    prevalence: Prevalence = "common",
    name: str | None = None,
    tp_region: str | None = None,
) -> Muscle:
    """A muscle whose zones are given as "base" or "base:both"/"base:opposite"."""
    zones: list[ZoneRef] = []
    for zone, entries in (("essential", essential), ("spillover", spillover or [])):
        for entry in entries:
            base, _, lat = entry.partition(":")
            zones.append(ZoneRef(base=base, zone=zone, laterality=lat or "same"))  # type: ignore[arg-type]
    return Muscle(
        slug=slug,
        name=name or slug.replace("-", " ").capitalize(),
        anatomical_name=slug,
        group="neck",
        prevalence=prevalence,
        synonyms=(),
        zones=tuple(zones),
        trigger_points=(
            TriggerPoint(name="TP1", base=tp_region or essential[0].split(":")[0], find="Here."),
        ),
        self_care=CARE,
        sources=(SourceRef(source="book"),),
    )


def make_flag(fid: str, level: str, bases: list[str]) -> RedFlag:
    """A red flag on the given region bases."""
    return RedFlag(
        id=fid,
        symptom=fid,
        level=level,
        advice="Act.",
        bases=tuple(bases),  # type: ignore[arg-type]
        sources=(SourceRef(source="book"),),
    )


def make_knowledge(
    muscles: list[Muscle],
    flags: list[RedFlag] | None = None,
    guides: dict[str, tuple[str, ...]] | None = None,
) -> Knowledge:
    """Index muscles, flags and pain-guide orders over the real region scheme."""
    kb = KnowledgeBase(
        muscles=tuple(muscles),
        red_flags=tuple(flags or ()),
        sources=(Source(id="book", citation="A book.", kind="book"),),
        pain_guides=guides or {},
    )
    return Knowledge(scheme=load_scheme(), base=kb)
