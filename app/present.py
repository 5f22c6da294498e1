"""The API shapes of what a request asks about (the entities' own shapes are built once, in
``bodymap.knowledge.Knowledge``)."""

from __future__ import annotations

from collections.abc import Sequence

from app.thumbnails import thumbnail_url
from bodymap import models as pub
from bodymap.knowledge import (
    Knowledge,
    MuscleSummary,
    SourcePublic,
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


def muscle_summary(k: Knowledge, slug: str) -> MuscleSummary:
    """A muscle in the list's shape."""
    mu = k.muscles[slug]
    return MuscleSummary(
        slug=mu.slug,
        name=mu.name,
        group=mu.group,
        synonyms=list(mu.synonyms),
        thumbnail=thumbnail_url(k, slug, "right"),
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
        muscles=list(k.cards.values()),
        red_flags=list(k.flag_cards.values()),
        techniques=list(k.technique_cards.values()),
        sources=[
            SourcePublic(**s.model_dump(), locator="")
            for s in sorted(k.sources.values(), key=lambda s: s.id)
        ],
    )


def candidate_public(
    k: Knowledge, c: Candidate, picked: int, labels: dict[str, str]
) -> pub.CandidatePublic:
    """A ranked candidate in the API's shape, with its one-line explanation."""
    return pub.CandidatePublic(
        muscle=c.muscle,
        name=c.name,
        side=c.side,
        score=c.score,
        matches=[pub.MatchPublic(region=mt.region, zone=mt.zone) for mt in c.matches],
        explanation=explain(c, picked, labels),
        thumbnail=thumbnail_url(k, c.muscle, c.side),
    )


def candidates_public(k: Knowledge, picked: Sequence[str]) -> pub.CandidatesPublic:
    """Red flags and ranked muscles for a selection."""
    return pub.CandidatesPublic(
        regions=list(picked),
        red_flags=[k.flag_cards[f.id] for f in flags_for(picked, k)],
        candidates=[candidate_public(k, c, len(picked), k.short_labels) for c in rank(picked, k)],
    )
