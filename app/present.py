"""Turn the in-memory knowledge into the public API models and the page context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from app.config import get_settings
from bodymap import models as pub
from bodymap.figure import Overlay, TriggerMark, figure_view
from bodymap.geometry.views import VIEW_NAMES
from bodymap.knowledge import (
    LEVEL_LABELS,
    LEVELS,
    PREVALENCE_LABELS,
    Knowledge,
    RedFlag,
    SourceRef,
    Technique,
)
from bodymap.precautions import FILE as PRECAUTIONS_FILE
from bodymap.precautions import PrecautionsPublic, load_precautions
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
            pub.TriggerPointPublic(
                name=t.name, region=t.base, find=t.find, at=t.at, self_pressure=t.self_pressure
            )
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
        precautions=card_precautions(),
    )


def card_precautions() -> PrecautionsPublic:
    """The general precautions every card carries, read once from the seed (#14)."""
    path = get_settings().seed_dir / PRECAUTIONS_FILE
    return load_precautions(path).public()


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


def overlay_for(k: Knowledge, slug: str, side: str) -> Overlay:
    """The referral pattern and trigger points of one muscle, for the figure."""
    mu = k.muscles[slug]
    sides = ("right", "left") if side == "both" else (side,)
    zones: dict[str, str] = {}
    marks: list[TriggerMark] = []
    for s in sides:
        for region, zone in k.pattern(slug, s).items():  # type: ignore[arg-type]
            if zones.get(region) != "essential":
                zones[region] = zone
        for t in mu.trigger_points:
            marks.append(TriggerMark(region=k.scheme.on_side(t.base, s), at=t.at, label=t.name))  # type: ignore[arg-type]
    return Overlay(zones=zones, trigger_points=tuple(marks), title=mu.name)


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


@lru_cache(maxsize=1024)
def _source_line(k: Knowledge, flag_id: str) -> str:
    """A red flag's sources as one line: "Citation (locator); Citation"."""
    refs = (_source(k, s) for s in k.red_flags[flag_id].sources)
    return "; ".join(f"{s.citation} ({s.locator})" if s.locator else s.citation for s in refs)


@lru_cache(maxsize=16)
def _region_labels(k: Knowledge) -> dict[str, str]:
    """Region names as the figure shows them: "Right temple"."""
    return {r.id: r.label for r in k.scheme.regions}


@lru_cache(maxsize=16)
def _base_labels(k: Knowledge) -> dict[str, str]:
    return {b: e.name for b, e in k.scheme.bases.items()}


@lru_cache(maxsize=4096)
def _pattern_ids(k: Knowledge, slug: str, side: str) -> dict[str, str]:
    """A muscle's pattern as space-separated region ids per zone (both sides for "both")."""
    zones = overlay_for(k, slug, side).zones
    return {
        zone: " ".join(sorted(r for r, z in zones.items() if z == zone))
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
    labels = _region_labels(k)
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
    card = muscle_card(k, state.muscle) if state.muscle else None
    short_labels = _labels(k)
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
                    {"flag": f, "source_line": _source_line(k, f.id)}
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
                "explanation": explain(c, len(picked), short_labels),
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
        "card2": muscle_card(k, state.compare) if state.compare else None,
        "card2_side": state.compare_side,
        "stop_compare_url": state.url(compare=None),
        "region_label": labels,
        "base_label": _base_labels(k),
        "emergency_number": emergency_number,
        "clinic_name": clinic_name,
        "today": date.today().isoformat(),
        "summary": _summary(len(picked), len(flags), len(ranked), card, state.side),
    }


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary(places: int, flags: int, muscles: int, card: pub.MuscleCard | None, side: str) -> str:
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
