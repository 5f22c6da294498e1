"""Queries: read the knowledge base out of the database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol, cast

from sqlalchemy import text
from sqlmodel import Session, col, select

from bodymap import models as m
from bodymap.knowledge import (
    Knowledge,
    KnowledgeBase,
    Laterality,
    Level,
    Muscle,
    Prevalence,
    RedFlag,
    SelfCare,
    Source,
    SourceRef,
    Technique,
    TriggerPoint,
    Zone,
    ZoneRef,
)
from bodymap.regions import RegionScheme


def ping(session: Session) -> bool:
    """True when the database answers a trivial query."""
    return session.exec(text("SELECT 1")).first() is not None  # type: ignore[call-overload]


def load_knowledge(*, session: Session, scheme: RegionScheme) -> Knowledge:
    """Read every knowledge table once and index it for ranking and triage."""
    zones: dict[str, list[ZoneRef]] = defaultdict(list)
    for z in session.exec(select(m.ReferralZone).order_by(col(m.ReferralZone.id))):
        zones[z.muscle_slug].append(
            ZoneRef(base=z.region_base, zone=_zone(z.zone), laterality=_laterality(z.laterality))
        )
    tps: dict[str, list[TriggerPoint]] = defaultdict(list)
    for t in session.exec(select(m.TriggerPoint).order_by(col(m.TriggerPoint.id))):
        tps[t.muscle_slug].append(
            TriggerPoint(
                name=t.name,
                base=t.region_base,
                find=t.find,
                at=(t.at_x, t.at_y),
                self_pressure=t.self_pressure,
            )
        )
    refs = _source_refs(session, m.MuscleSource, "muscle_slug")

    muscles = tuple(
        Muscle(
            slug=row.slug,
            name=row.name,
            anatomical_name=row.anatomical_name,
            group=row.group,
            prevalence=_prevalence(row.prevalence),
            synonyms=tuple(m.json_list(row.synonyms)),
            zones=tuple(zones[row.slug]),
            trigger_points=tuple(tps[row.slug]),
            self_care=SelfCare(
                tool=row.care_tool,
                how=row.care_how,
                pressure=row.care_pressure,
                hold_seconds=(row.hold_min, row.hold_max),
                repetitions=(row.reps_min, row.reps_max),
                stretch=row.stretch,
                stretch_hold_seconds=(row.stretch_min, row.stretch_max),
                self_pressure=row.care_self_pressure,
            ),
            symptoms=tuple(m.json_list(row.symptoms)),
            perpetuating=tuple(m.json_list(row.perpetuating)),
            cautions=tuple(m.json_list(row.cautions)),
            see_a_professional=row.see_a_professional,
            professional=row.professional,
            sources=tuple(refs[row.slug]),
        )
        for row in session.exec(select(m.Muscle).order_by(col(m.Muscle.position)))
    )
    flag_refs = _source_refs(session, m.RedFlagSource, "flag_id")
    flags = tuple(
        RedFlag(
            id=row.id,
            symptom=row.symptom,
            level=_level(row.level),
            advice=row.advice,
            bases=tuple(b for b in m.json_list(row.region_bases) if b in scheme.bases),
            sources=tuple(flag_refs[row.id]),
            question=row.question,
            checklist=row.checklist,
        )
        for row in session.exec(select(m.RedFlag).order_by(col(m.RedFlag.position)))
    )
    sources = tuple(
        Source(id=s.id, citation=s.citation, kind=s.kind, url=s.url)
        for s in session.exec(select(m.Source).order_by(col(m.Source.id)))
    )
    tech_refs = _source_refs(session, m.TechniqueSource, "technique_id")
    techniques = tuple(
        Technique(
            id=row.id,
            name=row.name,
            what=row.what,
            who=row.who,
            evidence=row.evidence,
            self_care=row.self_care,
            cautions=tuple(m.json_list(row.cautions)),
            sources=tuple(tech_refs[row.id]),
        )
        for row in session.exec(select(m.Technique).order_by(col(m.Technique.position)))
    )
    return Knowledge(
        scheme=scheme,
        base=KnowledgeBase(
            muscles=muscles, red_flags=flags, sources=sources, techniques=techniques
        ),
    )


SourceLink = type[m.MuscleSource] | type[m.RedFlagSource] | type[m.TechniqueSource]


class _LinkRow(Protocol):
    source_id: str
    locator: str


def _source_refs(session: Session, table: SourceLink, owner: str) -> dict[str, list[SourceRef]]:
    """Read one source link table into {owner id: its source references, in order}."""
    refs: dict[str, list[SourceRef]] = defaultdict(list)
    rows = cast(Iterable[_LinkRow], session.exec(select(table).order_by(col(table.id))))
    for row in rows:
        refs[getattr(row, owner)].append(SourceRef(source=row.source_id, locator=row.locator))
    return refs


def _zone(value: str) -> Zone:
    return "essential" if value == "essential" else "spillover"


def _laterality(value: str) -> Laterality:
    return value if value in ("same", "opposite", "both") else "same"  # type: ignore[return-value]


def _prevalence(value: str) -> Prevalence:
    return value if value in ("common", "occasional", "less_common") else "occasional"  # type: ignore[return-value]


def _level(value: str) -> Level:
    # An unknown level is treated as the most urgent one: never soften a red flag.
    return value if value in ("emergency", "urgent", "see_clinician") else "emergency"  # type: ignore[return-value]
