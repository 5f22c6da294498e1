"""Rank the muscles whose trigger points commonly refer pain to the picked regions.

The formula, kept simple so every result can be explained in one sentence:

    points(candidate) = 2 x (picked regions in its essential zone)
                      + 1 x (picked regions in its spillover zone)
    score             = points / (2 x number of picked regions)      (0 < score <= 1)

So essential coverage weighs twice as much as spillover, and a muscle that covers more
of the picked places scores higher. A score of 1 means every picked region lies in the
muscle's essential zone. Ties break by how commonly the muscle is involved clinically
(common, then occasional, then less common), then by name, then by side, so the order
is fully deterministic.

A candidate is a muscle on one side. A right-side pick yields right-side muscles (or the
other side, for the few patterns that cross the midline). A midline pick, such as the
sacrum, can come from either side; when a muscle's left and right candidates match
exactly the same picked regions, they are shown once with side "both".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bodymap.knowledge import PREVALENCES, Knowledge, Zone

ESSENTIAL_POINTS = 2
SPILLOVER_POINTS = 1
_PREVALENCE_ORDER: dict[str, int] = {p: i for i, p in enumerate(PREVALENCES)}


@dataclass(frozen=True, slots=True)
class Match:
    """A picked region a candidate covers, and in which zone of its pattern."""

    region: str
    zone: Zone


@dataclass(frozen=True, slots=True)
class Candidate:
    """A muscle, on one side (or both), ranked for a selection of regions."""

    muscle: str
    name: str
    side: str  # "right" | "left" | "both"
    score: float
    points: int
    prevalence: str
    matches: tuple[Match, ...]

    @property
    def essential(self) -> tuple[str, ...]:
        """Picked regions in the essential zone."""
        return tuple(m.region for m in self.matches if m.zone == "essential")

    @property
    def spillover(self) -> tuple[str, ...]:
        """Picked regions in the spillover zone."""
        return tuple(m.region for m in self.matches if m.zone == "spillover")


def rank(picked: Sequence[str], knowledge: Knowledge) -> list[Candidate]:
    """Return the candidate muscles for the picked regions, best first.

    Arguments:
        picked: region ids (duplicates are ignored; order does not matter).
        knowledge: the indexed knowledge base.

    Returns:
        Candidates sorted by score, then prevalence, then name, then side.
    """
    regions = list(dict.fromkeys(picked))
    if not regions:
        return []
    found: dict[tuple[str, str], dict[str, Zone]] = {}
    for region in regions:
        for ref in knowledge.referrals.get(region, ()):
            found.setdefault((ref.muscle, ref.side), {})[region] = ref.zone

    # Merge left and right when they explain exactly the same places (midline picks).
    merged: dict[tuple[str, str], dict[str, Zone]] = {}
    for (slug, side), hits in sorted(found.items()):
        other = found.get((slug, "left" if side == "right" else "right"))
        if other == hits:
            merged[(slug, "both")] = hits
        else:
            merged[(slug, side)] = hits

    order = {r: i for i, r in enumerate(regions)}
    out: list[Candidate] = []
    for (slug, side), hits in merged.items():
        muscle = knowledge.muscles[slug]
        points = sum(
            ESSENTIAL_POINTS if z == "essential" else SPILLOVER_POINTS for z in hits.values()
        )
        matches = tuple(
            Match(region=r, zone=z)
            for r, z in sorted(hits.items(), key=lambda kv: (kv[1] != "essential", order[kv[0]]))
        )
        out.append(
            Candidate(
                muscle=slug,
                name=muscle.name,
                side=side,
                score=round(points / (ESSENTIAL_POINTS * len(regions)), 4),
                points=points,
                prevalence=muscle.prevalence,
                matches=matches,
            )
        )
    out.sort(key=lambda c: (-c.points, _PREVALENCE_ORDER[c.prevalence], c.name, c.side))
    return out


def explain(candidate: Candidate, picked_count: int, label: dict[str, str]) -> str:
    """Say in one plain sentence why a candidate is listed.

    Example: "Covers 2 of your 3 places: temple (main area), back of the neck (spillover)."
    """
    parts = [
        f"{label.get(m.region, m.region)} ({'main area' if m.zone == 'essential' else 'spillover'})"
        for m in candidate.matches
    ]
    n = len(candidate.matches)
    if picked_count == 1:
        lead = "Covers your place"
    else:
        lead = f"Covers {n} of your {picked_count} places"
    return f"{lead}: {', '.join(parts)}."
