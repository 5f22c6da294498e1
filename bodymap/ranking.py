"""Rank the muscles whose trigger points commonly refer pain to the picked regions.

Coverage of the picks comes first, then how commonly the muscle causes pain there
according to the pain guides (issue 13). The formula, kept simple so every result can
be explained in one sentence:

    points(candidate) = 2 x (picked regions in its essential zone)
                      + 1 x (picked regions in its spillover zone)
    score             = points / (2 x number of picked regions)      (0 < score <= 1)
    guide(candidate)  = sum over the picked regions it covers of 1 / position,
                        where position (1, 2, 3, ...) is where the pain guides list the
                        muscle for that region (seed/pain_guides.toml); a muscle the
                        guide does not list for a region adds 0 for it

    order: points (descending), then the number of picked regions covered
           (descending), then guide (descending), then prevalence (common,
           occasional, less common), then name, then side

So essential coverage weighs twice as much as spillover, and a muscle that covers more
of the picked places scores higher. A score of 1 means every picked region lies in the
muscle's essential zone. At equal points, the muscle that reaches more of the picked
places leads: three places in essential + spillover + spillover (4 points) beat two in
essential + essential (4 points), because one pattern then explains more of the pain.
Among muscles that explain the picks equally well, the one the pain guides name first
for those places leads: for the temple alone, upper trapezius (listed 1st: 1) comes
before temporalis (listed 3rd: 1/3). Being listed first for one place (1) ties being
second for two (1/2 + 1/2) and beats being third for two (2/3).
Prevalence, then the alphabet, decide only what the guides leave tied, so the order is
fully deterministic.

A candidate is a muscle on one side. A right-side pick yields right-side muscles (or the
other side, for the few patterns that cross the midline). A midline pick, such as the
sacrum, can come from either side; when a muscle's left and right candidates match
exactly the same picked regions, they are shown once with side "both".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from babel.lists import format_list

from bodymap.i18n import current, gettext, ngettext, pgettext
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
    # Where the pain guides list this muscle for each covered picked region that lists
    # it: (region id, position from 1), in match order. Empty: the guides do not list it.
    guide: tuple[tuple[str, int], ...] = ()

    @property
    def guide_weight(self) -> float:
        """The guide term of the ranking: the sum of 1 / position over ``guide``."""
        return round(sum(1 / pos for _, pos in self.guide), 6)

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
        Candidates sorted by points, then places covered, then pain-guide weight, then
        prevalence, then name, then side (see the module docstring).
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
        guide = tuple(
            (m.region, pos)
            for m in matches
            if (pos := _guide_position(knowledge, m.region, slug)) is not None
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
                guide=guide,
            )
        )
    out.sort(
        key=lambda c: (
            -c.points,
            -len(c.matches),
            -c.guide_weight,
            _PREVALENCE_ORDER[c.prevalence],
            c.name,
            c.side,
        )
    )
    return out


def _guide_position(knowledge: Knowledge, region: str, slug: str) -> int | None:
    """Where the pain guides list ``slug`` for ``region`` (from 1), or None."""
    listed = knowledge.pain_guides.get(knowledge.scheme[region].base, ())
    return listed.index(slug) + 1 if slug in listed else None


def _ordinal(n: int) -> str:
    """``n`` as an ordinal in the current language: "2nd" (Spanish: "2.º").

    English chooses among four endings; each is its own message, so a language with one
    form translates all four alike.
    """
    if 10 <= n % 100 <= 20:
        return pgettext("ordinal", "%(n)sth") % {"n": n}
    if n % 10 == 1:
        return pgettext("ordinal", "%(n)sst") % {"n": n}
    if n % 10 == 2:
        return pgettext("ordinal", "%(n)snd") % {"n": n}
    if n % 10 == 3:
        return pgettext("ordinal", "%(n)srd") % {"n": n}
    return pgettext("ordinal", "%(n)sth") % {"n": n}


def guide_reason(candidate: Candidate, label: dict[str, str]) -> str:
    """Say where the pain guides put a candidate, or "" when they do not list it.

    Example: "The most common source of right temple pain in the pain guides."
    """
    if not candidate.guide:
        return ""
    firsts = [label.get(r, r) for r, pos in candidate.guide if pos == 1]
    if firsts:
        places = format_list(firsts, locale=current())
        return gettext("The most common source of %(places)s pain in the pain guides.") % {
            "places": places
        }
    region, pos = min(candidate.guide, key=lambda g: g[1])
    return gettext("Listed %(ordinal)s for %(place)s pain in the pain guides.") % {
        "ordinal": _ordinal(pos),
        "place": label.get(region, region),
    }


def explain(candidate: Candidate, picked_count: int, label: dict[str, str]) -> str:
    """Say in one plain sentence why a candidate is listed.

    Example: "Covers 2 of your 3 places: temple (main area), back of the neck (spillover).
    The most common source of temple pain in the pain guides."
    """
    parts = [
        (
            gettext("%(place)s (main area)")
            if m.zone == "essential"
            else gettext("%(place)s (spillover)")
        )
        % {"place": label.get(m.region, m.region)}
        for m in candidate.matches
    ]
    if picked_count == 1:
        sentence = gettext("Covers your place: %(places)s.")
    else:
        sentence = ngettext(
            "Covers %(num)s of your %(total)s place: %(places)s.",
            "Covers %(num)s of your %(total)s places: %(places)s.",
            picked_count,
        )
    text = sentence % {
        "num": len(candidate.matches),
        "total": picked_count,
        "places": ", ".join(parts),
    }
    reason = guide_reason(candidate, label)
    return f"{text} {reason}" if reason else text
