"""Small knowledge bases built in code, for tests that need exact, known data."""

from __future__ import annotations

from bodymap.knowledge import (
    Knowledge,
    KnowledgeBase,
    Level,
    Muscle,
    PainGuide,
    Prevalence,
    RedFlag,
    Referral,
    SelfCare,
    Source,
    SourceRef,
    TriggerPoint,
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
    return Muscle(
        slug=slug,
        name=name or slug.replace("-", " ").capitalize(),
        anatomical_name=slug,
        group="neck",
        prevalence=prevalence,
        referral=Referral(essential=tuple(essential), spillover=tuple(spillover or ())),
        trigger_points=(
            TriggerPoint(name="TP1", region=tp_region or essential[0].split(":")[0], find="Here."),
        ),
        self_care=CARE,
        see_a_professional="See a clinician if it persists.",
        professional="A therapist can help.",
        sources=(SourceRef(id="book"),),
    )


def make_flag(fid: str, level: Level, bases: list[str]) -> RedFlag:
    """A red flag on the given region bases."""
    return RedFlag(
        id=fid,
        symptom=fid,
        level=level,
        advice="Act.",
        regions=tuple(bases),
        sources=(SourceRef(id="book"),),
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
        pain_guides=tuple(
            PainGuide(id=base, source="book", locator="test", muscles=slugs)
            for base, slugs in (guides or {}).items()
        ),
    )
    return Knowledge(scheme=load_scheme(), base=kb)
