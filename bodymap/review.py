"""A printable review of the whole knowledge base, for a clinician to sign off on paper.

``bodymap review`` writes one self-contained HTML file (no scripts, no external
requests): the general precautions first, then one muscle per printed page (its zones
with region names, trigger points, self-care, cautions, when to see a professional and
sources), then every red flag with its level, places and sources (issue #14).
"""

from __future__ import annotations

from html import escape

from bodymap.knowledge import LEVEL_LABELS, KnowledgeBase, Muscle, RedFlag
from bodymap.precautions import Precautions
from bodymap.regions import RegionScheme
from bodymap.validation import SourceRef

STYLE = """
body { font: 11pt/1.4 system-ui, sans-serif; color: #000; max-width: 46rem; margin: 1rem auto; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin: 0 0 .2rem; } h3 { font-size: 1rem; }
section { break-after: page; page-break-after: always; padding-bottom: 1rem; }
.meta { color: #333; margin: 0 0 .6rem; }
.signoff { border-top: 1px solid #000; margin-top: 1rem; padding-top: .3rem; }
dt { font-weight: 700; } dd { margin: 0 0 .4rem 1rem; }
@media screen { section { border-bottom: 2px dashed #999; margin-bottom: 1.5rem; } }
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _list(items: list[str] | tuple[str, ...]) -> str:
    if not items:
        return "<p>(none)</p>"
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def _sources(refs: tuple[SourceRef, ...], kb: KnowledgeBase) -> str:
    cites = {s.id: s.citation for s in kb.sources}
    items = [
        f"[{r.id}] {cites.get(r.id, '(unknown source)')}" + (f" ({r.locator})" if r.locator else "")
        for r in refs
    ]
    return _list(items)


def _places(bases: tuple[str, ...] | list[str], scheme: RegionScheme) -> str:
    return ", ".join(f"{scheme.bases[b].name} ({b})" for b in bases if b in scheme.bases)


def _zone_line(m: Muscle, zone: str, scheme: RegionScheme) -> str:
    parts = []
    for z in m.zones:
        if z.zone != zone:
            continue
        name = scheme.bases[z.base].name if z.base in scheme.bases else z.base
        side = "" if z.laterality == "same" else f", {z.laterality} side"
        parts.append(f"{name} ({z.base}{side})")
    return ", ".join(parts) or "(none)"


def _muscle(m: Muscle, kb: KnowledgeBase, scheme: RegionScheme) -> str:
    c = m.self_care
    if c.self_pressure:
        care = (
            f"<p><strong>Tool:</strong> {_e(c.tool)}. {_e(c.how)}</p>"
            f"<p><strong>Pressure:</strong> {_e(c.pressure)}; hold {c.hold_seconds[0]}-"
            f"{c.hold_seconds[1]} s, {c.repetitions[0]}-{c.repetitions[1]} times.</p>"
        )
    else:
        care = f"<p><strong>No self-pressure.</strong> {_e(c.how)}</p>"
    care += (
        f"<p><strong>Stretch:</strong> {_e(c.stretch)} Hold {c.stretch_hold_seconds[0]}-"
        f"{c.stretch_hold_seconds[1]} s.</p>"
    )
    points = [
        f"{t.name} [{t.region}]{'' if t.self_pressure else ' (not for self-pressure)'}: {t.find}"
        for t in m.trigger_points
    ]
    return (
        f'<section class="muscle" id="{_e(m.slug)}">'
        f"<h2>{_e(m.name)}</h2>"
        f'<p class="meta">{_e(m.anatomical_name)} · {_e(m.slug)} · {_e(m.group)} · '
        f"{_e(m.prevalence)}</p>"
        f"<dl><dt>Main referral zone</dt><dd>{_e(_zone_line(m, 'essential', scheme))}</dd>"
        f"<dt>Spillover zone</dt><dd>{_e(_zone_line(m, 'spillover', scheme))}</dd></dl>"
        f"<h3>Trigger points</h3>{_list(points)}"
        f"<h3>Self-care</h3>{care}"
        f"<h3>Cautions</h3>{_list(m.cautions)}"
        f"<h3>When to see a professional</h3><p>{_e(m.see_a_professional)}</p>"
        f"<h3>What a professional can do</h3><p>{_e(m.professional)}</p>"
        f"<h3>Sources</h3>{_sources(m.sources, kb)}"
        '<p class="signoff">Reviewed by: ____________________ Date: __________ '
        "Changes needed: yes / no</p>"
        "</section>"
    )


def _flag(f: RedFlag, kb: KnowledgeBase, scheme: RegionScheme) -> str:
    return (
        f'<div class="flag" id="flag-{_e(f.id)}"><h3>{_e(f.id)}: {_e(LEVEL_LABELS[f.level])}</h3>'
        f"<p>{_e(f.symptom)}</p><p><strong>Advice:</strong> {_e(f.advice)}</p>"
        f"<p><strong>Question:</strong> {_e(f.question or '(none)')}</p>"
        f"<p><strong>Places:</strong> {_e(_places(f.bases, scheme))}</p>"
        f"{_sources(f.sources, kb)}</div>"
    )


def review_html(kb: KnowledgeBase, scheme: RegionScheme, pre: Precautions | None) -> str:
    """The whole knowledge base as one printable HTML page, one muscle per printed page.

    Arguments:
        kb: the knowledge base read from ``seed/``.
        scheme: the region scheme, for region names.
        pre: the general precautions, printed first (None: left out).

    Returns:
        A complete HTML document; every text from the seed is escaped.
    """
    parts = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        "<title>Bodymap knowledge base: clinical review</title>",
        f"<style>{STYLE}</style></head><body>",
        "<section><h1>Bodymap knowledge base: clinical review</h1>",
        f"<p>{len(kb.muscles)} muscles, {len(kb.red_flags)} red flags, "
        f"{len(kb.sources)} sources. One muscle per page; red flags at the end.</p>",
    ]
    if pre is not None:
        areas = [f"{a.name} [{', '.join(a.regions)}]: {a.reason}" for a in pre.no_self_pressure]
        parts += [
            f"<h2>{_e(pre.title)}</h2><p>{_e(pre.intro)}</p>",
            _list([a.text for a in pre.ask_first]),
            f"<p>{_e(pre.adults_only)}</p><p>{_e(pre.never_press)}</p>",
            "<h3>Areas where self-pressure is refused</h3>",
            _list(areas),
        ]
    parts.append("</section>")
    parts += [_muscle(m, kb, scheme) for m in sorted(kb.muscles, key=lambda m: m.name)]
    parts.append("<section><h2>Red flags</h2>")
    parts += [_flag(f, kb, scheme) for f in kb.red_flags]
    parts.append("</section></body></html>")
    return "".join(parts)
