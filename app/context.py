"""The page context: what the explorer, handout and muscle index templates display, as
plain data. (The API's shapes are in ``app.present``; the figure's overlays in
``app.overlays``; the screen-reader sentence in ``app.announce``.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from app.announce import level_name, prevalence_sentence, summary
from app.i18n import url_lang
from app.overlays import pattern_ids
from app.thumbnails import thumbnail_url
from bodymap.figure import Overlay, figure_view
from bodymap.geometry.views import VIEW_NAMES, view_title
from bodymap.i18n import gettext
from bodymap.knowledge import LEVELS, Knowledge, RedFlag, SourcePublic
from bodymap.patterns import overlay_for
from bodymap.ranking import Candidate, explain, rank
from bodymap.regions import GROUPS
from bodymap.search import search_muscles
from bodymap.state import ExplorerState
from bodymap.triage import flags_for


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
                "prevalence": prevalence_sentence(m.prevalence),
                "url": ExplorerState(
                    muscle=m.slug, side="right", view=best_view(k, m.slug), lang=url_lang()
                ).url(),
                "thumbnail": thumbnail_url(k, m.slug, "right"),
            }
        )
    order = {g: i for i, g in enumerate(GROUPS)}
    return {
        "q": q,
        "count": len(muscles),
        "total": len(k.muscles),
        "groups": sorted(groups.items(), key=lambda kv: order.get(kv[0], 99)),
    }


def best_view(k: Knowledge, slug: str) -> str:
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
    # The warning signs in full, by level (the page asks them as a short check instead).
    context["flag_groups"] = _flag_groups(k, flags_for(list(state.regions), k))
    overlay = overlay_for(k, state.muscle, state.side) if state.muscle else None
    # Front and back always; the close-up too when the person was looking at one.
    views = ["front", "back"] + ([state.view] if state.view not in ("front", "back") else [])
    context["print_figures"] = [
        {
            "title": view_title(name),
            "svg": figure_view(name, k.scheme).render(picked=set(state.regions), overlay=overlay),
        }
        for name in views
    ]
    qr = segno.make(link, error="m")
    context["qr_svg"] = qr.svg_inline(scale=3, title=gettext("QR code: open this page again"))
    context["link"] = link
    # Only the handout shows a date: the explorer's answers stay pure functions of their
    # request, which app.response_cache relies on.
    context["today"] = date.today()
    return context


def explorer_context(
    k: Knowledge,
    state: ExplorerState,
    *,
    emergency_number: str,
    clinic_name: str,
    show: int = 8,
    with_figure: bool = True,
    with_results: bool = True,
    side_by_side: bool = True,
) -> dict[str, Any]:
    """Everything the explorer templates display, as plain data.

    The page carries only the views it can show: front and back together (a wide screen
    shows both; ``side_by_side=False``, as in the narrow widget, sends one), or the one
    close-up. Another view's tab fetches it. ``with_figure=False`` skips the figure and the
    region list: the htmx results fragment shows neither, and they are most of the work.
    ``with_results=False`` leaves out the ranking and the safety check (for the figures
    alone, which follow a tap).
    """
    picked = list(state.regions)
    labels = k.region_labels
    flags = flags_for(picked, k) if with_results else []
    ranked = rank(picked, k) if with_results else []
    card = k.cards[state.muscle] if state.muscle else None
    shown = _views_shown(state.view, side_by_side)
    return {
        "state": state,
        "picked": [
            {"id": r, "label": labels[r], "remove_url": state.toggled(r).url()} for r in picked
        ],
        "clear_url": state.url(regions=(), muscle=None),
        "figures": _figures(k, state, shown) if with_figure else [],
        "view_links": [
            {
                "name": n,
                "title": view_title(n),
                "current": n == state.view,
                "url": state.url(view=n),
                "on_page": n in shown,
            }
            for n in VIEW_NAMES
        ],
        "region_groups": _region_groups(k, picked) if with_figure and with_results else {},
        "alarm": _alarm(k, state.answers),
        "safety": safety_check(
            k, (flags if picked else k.checklist) if with_results else [], state.answers
        ),
        "candidates": [_candidate(k, state, c, len(picked)) for c in ranked],
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
        "summary": summary(
            places=len(picked),
            flags=len(flags),
            muscles=len(ranked),
            card_name=card.name if card else None,
            side=state.side,
        ),
    }


def _views_shown(view: str, side_by_side: bool) -> tuple[str, ...]:
    """The figure views a page carries for the current ``view``."""
    if side_by_side and view in ("front", "back"):
        return ("front", "back")
    return (view,)


def _figures(k: Knowledge, state: ExplorerState, views: Sequence[str]) -> list[dict[str, Any]]:
    """The figure views with the picks, the chosen (and compared) pattern, and each
    region's link to the state with it toggled."""
    overlay = overlay_for(k, state.muscle, state.side) if state.muscle else None
    compare: Overlay | None = (
        replace(overlay_for(k, state.compare, state.compare_side), kind="cmp")
        if state.compare
        else None
    )
    picked = set(state.regions)
    href = state.toggle_links()
    return [
        {
            "name": name,
            "title": view_title(name),
            "current": name == state.view,
            "url": state.url(view=name),
            "svg": figure_view(name, k.scheme).render(
                picked=picked,
                href=href,
                overlay=overlay,
                compare=compare,
            ),
        }
        for name in views
    ]


def _region_groups(k: Knowledge, picked: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Every region by body area, for the "pick from a list" alternative."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in k.scheme.regions:
        groups.setdefault(r.group, []).append(
            {"id": r.id, "label": r.label, "checked": r.id in picked}
        )
    return groups


def _flag_groups(k: Knowledge, flags: Sequence[RedFlag]) -> list[dict[str, Any]]:
    """The warning signs that apply, grouped by level, most urgent first."""
    return [
        {
            "level": level,
            "label": level_name(level),
            "entries": [
                {"flag": f, "source_line": _source_line(k.flag_cards[f.id].sources)}
                for f in flags
                if f.level == level
            ],
        }
        for level in LEVELS
        if any(f.level == level for f in flags)
    ]


# The emergency questions asked before the muscles: few, as the NHS care cards advise
# (issue 12); every other warning sign is one tap away, grouped by level.
MAX_QUESTIONS = 6


def safety_check(k: Knowledge, flags: Sequence[RedFlag], answers: Sequence[str]) -> dict[str, Any]:
    """The short safety check for ``flags`` (those of the picked places, most urgent first;
    or the general checklist when nothing is picked).

    Returns ``ask``: up to ``MAX_QUESTIONS`` emergency questions, most serious first;
    ``more``: one group per level for every other sign (the emergency ones past the
    limit first), each a list of the same yes/no questions; and ``sources``. A sign the
    person already said yes to is always among them, checked.
    """
    said = set(answers)
    shown = {f.id for f in flags}
    pool = [*flags, *(k.red_flags[a] for a in answers if a not in shown)]
    emergency = [f for f in pool if f.level == "emergency"]
    ask = emergency[:MAX_QUESTIONS]
    asked = {f.id for f in ask}
    more = []
    for level in LEVELS:
        rest = [f for f in pool if f.level == level and f.id not in asked]
        if rest:
            more.append(
                {
                    "level": level,
                    "label": level_name(level),
                    "flags": [_question(f, said) for f in rest],
                    "open": any(f.id in said for f in rest),
                }
            )
    return {
        "ask": [_question(f, said) for f in ask],
        "more": more,
        "level": ask[0].level if ask else (more[0]["level"] if more else None),
        "sources": sorted({_source_line(k.flag_cards[f.id].sources) for f in pool}),
    }


def _question(flag: RedFlag, said: set[str]) -> dict[str, Any]:
    return {"id": flag.id, "question": flag.question or flag.symptom, "checked": flag.id in said}


def _candidate(k: Knowledge, state: ExplorerState, c: Candidate, picked: int) -> dict[str, Any]:
    """One ranked muscle with why it is listed and the links that show or compare it."""
    return {
        "c": c,
        "explanation": explain(c, picked, k.short_labels),
        "thumbnail": thumbnail_url(k, c.muscle, c.side),
        "prevalence": prevalence_sentence(c.prevalence),
        "url": state.url(muscle=c.muscle, side=c.side),
        "chosen": c.muscle == state.muscle and c.side == state.side,
        "compare_url": state.url(compare=c.muscle, compare_side=c.side)
        if state.muscle and (c.muscle, c.side) != (state.muscle, state.side)
        else None,
        # The pattern, for previewing it on the figure on hover or focus.
        "zones": pattern_ids(k, c.muscle, c.side),
        "percent": round(c.score * 100),
        "tenths": int(c.score * 10 + 0.5),  # the match bar's length (bodymap.css: .match.m0-.m10)
    }


def _alarm(k: Knowledge, answers: Sequence[str]) -> dict[str, Any] | None:
    """The message for checklist answers: the most urgent level, and each flag's advice."""
    flags = sorted((k.red_flags[a] for a in answers), key=lambda f: LEVELS.index(f.level))
    if not flags:
        return None
    return {"level": flags[0].level, "label": level_name(flags[0].level), "flags": flags}


def _source_line(sources: Sequence[SourcePublic]) -> str:
    """Sources as one line: "Citation (locator); Citation"."""
    return "; ".join(f"{s.citation} ({s.locator})" if s.locator else s.citation for s in sources)
