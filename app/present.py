"""Turn the in-memory knowledge into the public API models and the page context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from app.thumbnails import thumbnail_url
from bodymap import models as pub
from bodymap.figure import figure_view
from bodymap.geometry.views import VIEW_NAMES
from bodymap.knowledge import (
    LEVEL_LABELS,
    LEVELS,
    PREVALENCE_LABELS,
    Knowledge,
    MuscleCard,
    MuscleSummary,
    SourcePublic,
)
from bodymap.patterns import overlay_for
from bodymap.ranking import Candidate, explain, rank
from bodymap.regions import GROUPS, Region
from bodymap.search import search_muscles
from bodymap.state import ExplorerState
from bodymap.triage import flags_for, most_urgent


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


def muscle_index_context(k: Knowledge, q: str) -> dict[str, Any]:
    """Muscles grouped by body area (or the matches for ``q``), with a link that shows each."""
    muscles = list(k.muscles.values())
    if q.strip():
        muscles = search_muscles(q, muscles)
    groups: dict[str, list[dict[str, Any]]] = {}
    for m in muscles:
        groups.setdefault(m.group, []).append(
            {
                "name": m.name,
                "anatomical_name": m.anatomical_name,
                "synonyms": m.synonyms,
                "prevalence": PREVALENCE_LABELS[m.prevalence],
                "url": ExplorerState(muscle=m.slug, side="right", view=_best_view(k, m.slug)).url(),
            }
        )
    order = {g: i for i, g in enumerate(GROUPS)}
    return {
        "q": q,
        "count": len(muscles),
        "total": len(k.muscles),
        "groups": sorted(groups.items(), key=lambda kv: order.get(kv[0], 99)),
    }


def _best_view(k: Knowledge, slug: str) -> str:
    """The body view that shows most of a muscle's essential zone (front or back)."""

    essential = [r for r, z in k.pattern(slug, "right").items() if z == "essential"]
    counts = {v: sum(1 for r in essential if v in k.scheme[r].views) for v in ("front", "back")}
    return max(counts, key=lambda v: (counts[v], v == "front"))


def handout_context(
    k: Knowledge, state: ExplorerState, *, link: str, emergency_number: str, clinic_name: str
) -> dict[str, Any]:
    """The printable handout: places, warning signs, the chosen muscle's care, and a QR code."""
    import segno

    context = explorer_context(
        k, state, emergency_number=emergency_number, clinic_name=clinic_name, with_figure=False
    )
    overlay = overlay_for(k, state.muscle, state.side) if state.muscle else None
    # Front and back always; the close-up too when the person was looking at one.
    views = ["front", "back"] + ([state.view] if state.view not in ("front", "back") else [])
    context["print_figures"] = [
        {
            "title": figure_view(name).view.title,
            "svg": figure_view(name).render(picked=set(state.regions), overlay=overlay),
        }
        for name in views
    ]
    qr = segno.make(link, error="m")
    context["qr_svg"] = qr.svg_inline(scale=3, title="QR code: open this page again")
    context["link"] = link
    return context


def _alarm(k: Knowledge, answers: Sequence[str]) -> dict[str, Any] | None:
    """The message for checklist answers: the most urgent level, and each flag's advice."""
    flags = sorted((k.red_flags[a] for a in answers), key=lambda f: LEVELS.index(f.level))
    if not flags:
        return None
    return {"level": flags[0].level, "label": LEVEL_LABELS[flags[0].level], "flags": flags}


def _source_line(sources: Sequence[SourcePublic]) -> str:
    """Sources as one line: "Citation (locator); Citation"."""
    return "; ".join(f"{s.citation} ({s.locator})" if s.locator else s.citation for s in sources)


def _pattern_ids(k: Knowledge, slug: str, side: str) -> dict[str, str]:
    """A muscle's pattern as space-separated region ids per zone (both sides for "both")."""
    pattern = k.pattern(slug, side)
    return {
        zone: " ".join(sorted(r for r, z in pattern.items() if z == zone))
        for zone in ("essential", "spillover")
    }


def _views_shown(view: str, side_by_side: bool) -> tuple[str, ...]:
    """The figure views a page carries for the current ``view``."""
    if side_by_side and view in ("front", "back"):
        return ("front", "back")
    return (view,)


def explorer_context(
    k: Knowledge,
    state: ExplorerState,
    *,
    emergency_number: str,
    clinic_name: str,
    show: int = 8,
    with_figure: bool = True,
    side_by_side: bool = True,
) -> dict[str, Any]:
    """Everything the explorer templates display, as plain data.

    The page carries only the views it can show: front and back together (a wide screen
    shows both; ``side_by_side=False``, as in the narrow widget, sends one), or the one
    close-up. Another view's tab fetches it. ``with_figure=False`` skips the figure and the
    region list: the htmx results fragment shows neither, and they are most of the work.
    """
    picked = list(state.regions)
    labels = k.region_labels
    flags = flags_for(picked, k)
    ranked = rank(picked, k)
    overlay = overlay_for(k, state.muscle, state.side) if state.muscle else None
    compare = (
        replace(overlay_for(k, state.compare, state.compare_side), kind="cmp")
        if state.compare
        else None
    )
    figures = [
        {
            "name": name,
            "title": figure_view(name).view.title,
            "current": name == state.view,
            "url": state.url(view=name),
            "svg": figure_view(name).render(
                picked=set(picked),
                href=lambda r: state.toggled(r).url(),
                overlay=overlay,
                compare=compare,
            ),
        }
        for name in (_views_shown(state.view, side_by_side) if with_figure else ())
    ]
    view_links = [
        {
            "name": n,
            "title": figure_view(n).view.title,
            "current": n == state.view,
            "url": state.url(view=n),
            "on_page": n in _views_shown(state.view, side_by_side),
        }
        for n in VIEW_NAMES
    ]
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in k.scheme.regions if with_figure else ():
        groups.setdefault(r.group, []).append(
            {"id": r.id, "label": r.label, "checked": r.id in picked}
        )
    card = k.cards[state.muscle] if state.muscle else None
    return {
        "state": state,
        "picked": [
            {"id": r, "label": labels[r], "remove_url": state.toggled(r).url()} for r in picked
        ],
        "clear_url": state.url(regions=(), muscle=None),
        "figures": figures,
        "view_links": view_links,
        "region_groups": groups,
        "checklist": [
            {"id": f.id, "question": f.question, "checked": f.id in state.answers}
            for f in k.checklist
        ],
        "alarm": _alarm(k, state.answers),
        "flag_groups": [
            {
                "level": level,
                "label": LEVEL_LABELS[level],
                "entries": [
                    {"flag": f, "source_line": _source_line(k.flag_cards[f.id].sources)}
                    for f in flags
                    if f.level == level
                ],
            }
            for level in LEVELS
            if any(f.level == level for f in flags)
        ],
        "urgent_level": most_urgent(flags),
        "candidates": [
            {
                "c": c,
                "explanation": explain(c, len(picked), k.short_labels),
                "prevalence": PREVALENCE_LABELS[c.prevalence],
                "url": state.url(muscle=c.muscle, side=c.side),
                "chosen": c.muscle == state.muscle and c.side == state.side,
                "compare_url": state.url(compare=c.muscle, compare_side=c.side)
                if state.muscle and (c.muscle, c.side) != (state.muscle, state.side)
                else None,
                # The pattern, for previewing it on the figure on hover or focus.
                "zones": _pattern_ids(k, c.muscle, c.side),
                "percent": round(c.score * 100),
            }
            for c in ranked
        ],
        "show": show,
        "card": card,
        "card_side": state.side,
        "card2": k.cards[state.compare] if state.compare else None,
        "card2_side": state.compare_side,
        "stop_compare_url": state.url(compare=None),
        "region_label": labels,
        "base_label": k.base_labels,
        "emergency_number": emergency_number,
        "clinic_name": clinic_name,
        "today": date.today().isoformat(),
        "summary": _summary(len(picked), len(flags), len(ranked), card, state.side),
    }


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary(places: int, flags: int, muscles: int, card: MuscleCard | None, side: str) -> str:
    """One sentence for screen readers after each change: what the results now hold."""
    parts = []
    if card is not None:
        parts.append(f"Showing {card.name}, {'either side' if side == 'both' else side + ' side'}.")
    if not places:
        parts.append("No places picked.")
    else:
        parts.append(f"{_plural(places, 'place', 'places')} picked.")
        if flags:
            parts.append(f"{_plural(flags, 'warning sign', 'warning signs')} to check first.")
        parts.append(
            f"{_plural(muscles, 'muscle commonly refers', 'muscles commonly refer')} pain there."
        )
    return " ".join(parts)
