"""Turn the in-memory knowledge into the public API models and the page context."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bodymap import models as pub
from bodymap.knowledge import (
    Knowledge,
    RedFlag,
    SourceRef,
    Technique,
)
from bodymap.ranking import Candidate, explain, rank
from bodymap.regions import Region
from bodymap.triage import flags_for


def region_public(r: Region) -> pub.RegionPublic:
    """A region in the API's shape."""
    return pub.RegionPublic(
        id=r.id,
        name=r.label,
        side=r.side,
        group=r.group,
        view=r.views[0],
        views=list(r.views),
        clinical_name=r.clinical_name,
        synonyms=list(r.synonyms),
    )


# The knowledge is read-only after start-up and hashes by identity, so what is derived
# from it alone is computed once per process (bench/run.py shows the effect).


@lru_cache(maxsize=4096)
def _source(k: Knowledge, ref: SourceRef) -> pub.SourcePublic:
    s = k.sources.get(ref.source)
    return pub.SourcePublic(
        id=ref.source,
        citation=s.citation if s else "",
        kind=s.kind if s else "",
        url=s.url if s else "",
        locator=ref.locator,
    )


def flag_public(k: Knowledge, flag: RedFlag) -> pub.RedFlagPublic:
    """A red flag in the API's shape, with its concrete region ids."""
    # Cached by id: a frozen dataclass re-hashes every nested field on each lookup.
    return _flag_public(k, flag.id)


@lru_cache(maxsize=1024)
def _flag_public(k: Knowledge, flag_id: str) -> pub.RedFlagPublic:
    flag = k.red_flags[flag_id]
    regions = [rid for base in flag.bases for rid in k.scheme.ids_for_base(base)]
    return pub.RedFlagPublic(
        id=flag.id,
        symptom=flag.symptom,
        level=flag.level,
        advice=flag.advice,
        regions=regions,
        sources=[_source(k, s) for s in flag.sources],
    )


def muscle_summary(k: Knowledge, slug: str) -> pub.MuscleSummary:
    """A muscle in the list's shape."""
    mu = k.muscles[slug]
    return pub.MuscleSummary(slug=mu.slug, name=mu.name, group=mu.group, synonyms=list(mu.synonyms))


def muscle_card(k: Knowledge, slug: str) -> pub.MuscleCard:
    """The whole card of one muscle."""
    mu = k.muscles[slug]
    c = mu.self_care
    return pub.MuscleCard(
        slug=mu.slug,
        name=mu.name,
        anatomical_name=mu.anatomical_name,
        group=mu.group,
        prevalence=mu.prevalence,
        synonyms=list(mu.synonyms),
        trigger_points=[
            pub.TriggerPointPublic(name=t.name, region=t.base, find=t.find, at=t.at)
            for t in mu.trigger_points
        ],
        referral=pub.ReferralPublic(
            essential=list(mu.bases("essential")),
            spillover=list(mu.bases("spillover")),
            crosses_midline=any(z.laterality != "same" for z in mu.zones),
        ),
        referral_regions={
            side: {
                zone: sorted(r for r, z in k.pattern(slug, side).items() if z == zone)
                for zone in ("essential", "spillover")
            }
            for side in ("right", "left")
        },
        symptoms=list(mu.symptoms),
        perpetuating=list(mu.perpetuating),
        self_care=pub.SelfCarePublic(
            tool=c.tool,
            how=c.how,
            pressure=c.pressure,
            hold_seconds=c.hold_seconds,
            repetitions=c.repetitions,
            stretch=c.stretch,
            stretch_hold_seconds=c.stretch_hold_seconds,
            self_pressure=c.self_pressure,
        ),
        cautions=list(mu.cautions),
        see_a_professional=mu.see_a_professional,
        professional=mu.professional,
        sources=[_source(k, s) for s in mu.sources],
    )


def technique_public(k: Knowledge, t: Technique) -> pub.TechniquePublic:
    """A technique in the API's shape."""
    return pub.TechniquePublic(
        id=t.id,
        name=t.name,
        what=t.what,
        who=t.who,
        evidence=t.evidence,
        self_care=t.self_care,
        cautions=list(t.cautions),
        sources=[_source(k, s) for s in t.sources],
    )


LICENCE = pub.Licence(
    name="CC BY 4.0",
    url="https://creativecommons.org/licenses/by/4.0/",
    attribution="Bodymap knowledge base, drawn from the sources listed with each entry",
)


def export(k: Knowledge) -> pub.ExportPublic:
    """The whole knowledge base as open data, with its licence and sources."""
    return pub.ExportPublic(
        licence=LICENCE,
        regions=[region_public(r) for r in k.scheme.regions],
        muscles=[muscle_card(k, slug) for slug in k.muscles],
        red_flags=[flag_public(k, f) for f in k.red_flags.values()],
        techniques=[technique_public(k, t) for t in k.base.techniques],
        sources=[
            pub.SourcePublic(id=s.id, citation=s.citation, kind=s.kind, url=s.url, locator="")
            for s in k.sources.values()
        ],
    )


@lru_cache(maxsize=16)
def _labels(k: Knowledge) -> dict[str, str]:
    """Region names for running text: "right temple", "breastbone"."""
    return {r.id: r.name if r.side == "midline" else f"{r.side} {r.name}" for r in k.scheme.regions}


def candidate_public(c: Candidate, picked: int, labels: dict[str, str]) -> pub.CandidatePublic:
    """A ranked candidate in the API's shape, with its one-line explanation."""
    return pub.CandidatePublic(
        muscle=c.muscle,
        name=c.name,
        side=c.side,
        score=c.score,
        matches=[pub.MatchPublic(region=mt.region, zone=mt.zone) for mt in c.matches],
        explanation=explain(c, picked, labels),
    )


def candidates_public(k: Knowledge, picked: Sequence[str]) -> pub.CandidatesPublic:
    """Red flags and ranked muscles for a selection."""
    labels = _labels(k)
    return pub.CandidatesPublic(
        regions=list(picked),
        red_flags=[flag_public(k, f) for f in flags_for(picked, k)],
        candidates=[candidate_public(c, len(picked), labels) for c in rank(picked, k)],
    )
