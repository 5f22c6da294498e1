"""Draw the body map as SVG with svgwrite: the whole picture, one way.

svgwrite makes every element of the figure, and ElementTree, which svgwrite writes
through, escapes every attribute value and every text, so a region label or a link can
never break the markup. What never changes in a view (the fill patterns, each region's
title and outline, the body outline, landmarks and captions) is built once with svgwrite
and kept as ElementTree elements; a request builds the document around them with
svgwrite: each region's link (picked or not, and where it goes) and an overlay with a
muscle's referral pattern (essential zone solid, spillover stippled) and its trigger
points (X marks). ``render`` is a pure function of its arguments.

(svgwrite once built the figure as a document that was then cut apart with string
surgery, and later a hand-written builder wrote every element; issue 11 asked for one
drawing method, and svgwrite is the project's choice for the figure.)
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import svgwrite
from svgwrite.base import BaseElement, Title

from bodymap.geometry.core import Bezier, Shape, flatten
from bodymap.geometry.views import VIEW_NAMES, View, figure_label, get_view
from bodymap.i18n import current, gettext, pgettext
from bodymap.regions import RegionScheme, load_scheme

Zone = str  # "essential" | "spillover"
SVG_NS = "http://www.w3.org/2000/svg"

# The factory every element is made with (``_SVG.path(...)`` and so on), with svgwrite's
# validation off: it knows SVG 1.1's attributes only, so it rejects the ``role``,
# ``aria-*`` and ``data-*`` attributes the figure needs (and it is slow). The factory
# itself is never written out: each picture is an ``svg`` element it makes, which,
# unlike a ``Drawing``, carries no version, profile or xlink namespace (an inline SVG in
# HTML needs none of them).
_SVG = svgwrite.Drawing(debug=False)


class _Link(BaseElement):  # type: ignore[misc]  # svgwrite ships no type information
    """An ``<a>`` with a plain ``href`` (SVG 2); svgwrite's ``Hyperlink`` writes xlink's.

    Made with its attributes as a dict, by their SVG names: a view has a hundred links on
    every request, and svgwrite's keyword spelling (``aria_label=``, turned into
    ``aria-label`` one key at a time) more than doubles the time they take to build.
    """

    elementname = "a"

    def __init__(self, attribs: dict[str, str], children: Sequence[_Built]) -> None:
        super().__init__(factory=_SVG)
        self.attribs = attribs
        self.elements = list(children)


class _Built(BaseElement):  # type: ignore[misc]
    """An element svgwrite built once, added as it is to the documents of later requests.

    svgwrite writes an element by turning it and its children into ElementTree elements
    (``get_xml``); this keeps the result, so a request neither rebuilds nor converts again
    the geometry that never changes. An ElementTree element has no link to its parent, so
    one can sit in any number of documents; nothing changes it after it is built.
    """

    def __init__(self, built: Any) -> None:
        super().__init__(factory=_SVG)
        self.elementname = built.elementname
        self.xml: ET.Element = built.get_xml()

    def get_xml(self) -> ET.Element:
        """Return the element as it was built."""
        return self.xml


def _g(v: float) -> str:
    """A number as an attribute value, in its shortest form (``%g``)."""
    return f"{v:g}"


def _num(v: float) -> str:
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _coord(v: float) -> str:
    """A path number in its shortest form: ``0.5`` -> ``.5``, ``-0.5`` -> ``-.5``."""
    text = _num(v)
    if text.startswith("0."):
        return text[1:]
    if text.startswith("-0."):
        return "-" + text[2:]
    return text


def _numbers(values: Sequence[str]) -> str:
    """Join path numbers; a minus sign already separates a number from the one before."""
    return "".join(v if i == 0 or v.startswith("-") else " " + v for i, v in enumerate(values))


def _curves(numbers: Sequence[str]) -> str:
    """One relative-curve command for a run of curves (the ``c`` is not repeated)."""
    return "c" + _numbers(numbers) if numbers else ""


def path_data(loops: Sequence[Sequence[Bezier]], *, closed: bool = True) -> str:
    """Return SVG path data for loops of Béziers (absolute move, relative curves).

    Written compactly, as the SVG grammar allows: one ``c`` per run of curves, no space
    before a minus sign, no leading zero. The figure is most of a page's bytes.
    """
    parts: list[str] = []
    for loop in loops:
        if not loop:
            continue
        x0, y0 = loop[0][0]
        parts.append(f"M{_num(x0)} {_num(y0)}")
        cur = (round(x0, 1), round(y0, 1))
        run: list[str] = []  # the numbers of the current run of curves
        for p0, c1, c2, p3 in loop:
            if p0 != loop[0][0] and (round(p0[0], 1), round(p0[1], 1)) != cur:
                parts.append(_curves(run))
                run = []
                parts.append(f"M{_num(p0[0])} {_num(p0[1])}")
                cur = (round(p0[0], 1), round(p0[1], 1))
            pts = [(round(q[0], 1), round(q[1], 1)) for q in (c1, c2, p3)]
            run += [_coord(c) for x, y in pts for c in (x - cur[0], y - cur[1])]
            cur = pts[2]
        parts.append(_curves(run) + ("z" if closed else ""))
    return "".join(parts)


def _segments_path(segs: Sequence[Bezier]) -> str:
    """Path data for loose curve segments, joining those that continue each other."""
    loops: list[list[Bezier]] = []
    for b in segs:
        if loops and loops[-1][-1][3] == b[0]:
            loops[-1].append(b)
        else:
            loops.append([b])
    return path_data(loops, closed=False)


@dataclass(frozen=True)
class TriggerMark:
    """A trigger point to draw: the region it lies in and where inside it (0..1, 0..1)."""

    region: str
    at: tuple[float, float]
    label: str = ""


@dataclass(frozen=True)
class Overlay:
    """What to draw over the regions: a referral pattern and its trigger points."""

    zones: Mapping[str, Zone]
    trigger_points: Sequence[TriggerMark] = ()
    title: str = ""
    # "zone": the chosen muscle (solid red / red stipple). "cmp": a muscle compared with
    # it, drawn on top as blue hatching (dense for essential, sparse for spillover) so
    # both patterns stay visible where they overlap.
    kind: str = "zone"


def _inside(pt: tuple[float, float], poly: Sequence[tuple[float, float]]) -> bool:
    """Even-odd test: is ``pt`` inside the polygon?"""
    x, y = pt
    inside = False
    for (x1, y1), (x2, y2) in zip(poly, [*poly[1:], poly[0]], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


@dataclass(frozen=True)
class _Region:
    """One clickable region: its id and label, and what its link holds, built once."""

    id: str
    # The attributes of its link but the href, as drawn unpicked, and picked.
    plain: Mapping[str, str]
    picked: Mapping[str, str]
    inner: tuple[_Built, ...]  # its <title> and one <path> per outline


_FILLS = {
    ("zone", "essential"): None,
    ("zone", "spillover"): "stipple",
    ("cmp", "essential"): "hatch",
    ("cmp", "spillover"): "hatch-light",
}


@dataclass(frozen=True)
class FigureView:
    """A view's drawing: the pieces built once, which ``render`` puts together per request."""

    view: View
    label: str  # the figure's accessible name, "Body map, front view"
    defs: tuple[_Built, ...]  # the fill patterns
    regions: tuple[_Region, ...]
    decor: tuple[_Built, ...]  # outline, landmarks, side labels and captions, over the regions
    bboxes: Mapping[str, tuple[float, float, float, float]]
    polygons: Mapping[str, tuple[tuple[float, float], ...]]
    # Path data of each region's shapes, for the overlay. (Copies rather than <use>: a
    # <use> clone is styled by the rules that match its original, so a picked region's
    # fill would hide the pattern drawn over it.)
    path_data: Mapping[str, str]

    def render(
        self,
        *,
        picked: Collection[str] = (),
        href: Callable[[str], str] | None = None,
        overlay: Overlay | None = None,
        compare: Overlay | None = None,
        label: str = "",
    ) -> str:
        """Return the whole SVG for one request.

        Arguments:
            picked: region ids shown as picked (and ``aria-checked="true"``).
            href: maps a region id to the link that toggles it; without it, regions
                link to ``?region=<id>``.
            overlay: a referral pattern and trigger points to draw on top.
            compare: a second muscle's pattern, hatched, drawn over the first.
            label: accessible name of the figure.

        Returns:
            The SVG markup, ready to inline in HTML.
        """
        name = self.view.name
        svg = _SVG.svg(
            size=("100%", "100%"),
            xmlns=SVG_NS,
            class_=f"figure figure-{name}",
            role="group",
            data_view=name,
            viewBox=f"0 0 {_num(self.view.width)} {_num(self.view.height)}",
            aria_label=label or self.label,
        )
        svg.defs.elements.extend(self.defs)
        links = svg.add(_SVG.g(class_="regions"))
        for r in self.regions:
            attribs = {**(r.picked if r.id in picked else r.plain)}
            attribs["href"] = href(r.id) if href else f"?region={r.id}"
            links.add(_Link(attribs, r.inner))
        for layer in (overlay, compare):
            if layer:
                svg.add(self._overlay(layer, picked))
        svg.elements.extend(self.decor)
        # svgwrite's own ``tostring`` encodes to UTF-8 and decodes again: twice the time.
        return ET.tostring(svg.get_xml(), encoding="unicode")

    def _overlay(self, overlay: Overlay, picked: Collection[str] = ()) -> Any:
        """A muscle's pattern (spillover under essential), picked outlines, and its Xs."""
        group = _SVG.g(class_=f"overlay overlay-{overlay.kind}", aria_hidden="true")
        for zone in ("spillover", "essential"):
            pattern = _FILLS[(overlay.kind, zone)]
            for region, z in sorted(overlay.zones.items()):
                if z == zone and region in self.path_data:
                    group.add(
                        _SVG.path(
                            d=self.path_data[region],
                            class_=f"{overlay.kind}-{zone}",
                            data_zone_region=region,
                            fill=f"url(#{pattern}-{self.view.name})" if pattern else None,
                        )
                    )
        # Keep the picked places visible on top of the pattern.
        for region in sorted(set(picked) & set(overlay.zones)):
            if region in self.path_data:
                group.add(_SVG.path(d=self.path_data[region], class_="picked-outline"))
        for tp in overlay.trigger_points:
            box = self.bboxes.get(tp.region)
            if box is None:
                continue
            x, y = self._place(tp.region, box, tp.at)
            d = f"M{_num(x - 5)} {_num(y - 5)}l10 10m0 -10l-10 10"
            if overlay.kind == "cmp":
                # A ringed X, so the compared muscle's points differ by shape too.
                d += f"M{_num(x + 7)} {_num(y)}a7 7 0 1 0 -14 0a7 7 0 1 0 14 0"
            group.add(_SVG.path(d=d, class_="tp-halo"))
            group.add(_SVG.path(d=d, class_="tp" if overlay.kind == "zone" else "tp tp-cmp"))
        return group

    def _place(
        self, region: str, box: tuple[float, float, float, float], at: tuple[float, float]
    ) -> tuple[float, float]:
        """Turn (across from the midline, down) into canvas coordinates for one region."""
        x0, y0, x1, y1 = box
        cx = self.view.cx
        # "Across" runs from the edge nearer the body's midline to the outer edge.
        if abs(x0 - cx) < abs(x1 - cx):
            inner, outer = x0, x1
        else:
            inner, outer = x1, x0
        if not region.endswith(("-right", "-left")):
            inner = cx
        target = (inner + (outer - inner) * at[0], y0 + (y1 - y0) * at[1])
        poly = self.polygons[region]
        if _inside(target, poly):
            return target
        # A thin or curved region: use the point of its outline nearest the target,
        # pulled a little towards the region's middle so the X sits on it.
        near = min(poly, key=lambda p: (p[0] - target[0]) ** 2 + (p[1] - target[1]) ** 2)
        mx = sum(p[0] for p in poly) / len(poly)
        my = sum(p[1] for p in poly) / len(poly)
        return (near[0] + (mx - near[0]) * 0.25, near[1] + (my - near[1]) * 0.25)


def _defs(name: str) -> tuple[_Built, ...]:
    """The fill patterns of one view (ids carry the view's name: views share a page)."""
    # Spillover: a stipple of dots over a light tint; essential: a solid fill. Pattern plus
    # colour, never colour alone.
    stipple = _SVG.pattern(id=f"stipple-{name}", size=(5, 5), patternUnits="userSpaceOnUse")
    stipple.add(_SVG.rect((0, 0), (5, 5), class_="stipple-bg"))
    stipple.add(_SVG.circle((1.25, 1.25), 0.9, class_="stipple-dot"))
    stipple.add(_SVG.circle((3.75, 3.75), 0.9, class_="stipple-dot"))
    patterns = [stipple]
    # A compared muscle: hatching, dense for essential, sparse for spillover.
    for pid, gap, width in ((f"hatch-{name}", 4, 1.4), (f"hatch-light-{name}", 7, 0.9)):
        hatch = _SVG.pattern(
            id=pid, size=(gap, gap), patternUnits="userSpaceOnUse", patternTransform="rotate(45)"
        )
        hatch.add(_SVG.line((0, 0), (0, gap), class_="hatch-line", stroke_width=width))
        patterns.append(hatch)
    return tuple(_Built(p) for p in patterns)


def _decor(view: View) -> tuple[_Built, ...]:
    """What is drawn over the regions: outline, landmarks, side labels and captions."""
    lines = _SVG.g(class_="decor", aria_hidden="true")
    lines.add(_SVG.path(d=_segments_path(view.outline), class_="outline"))
    lines.add(_SVG.path(d=path_data(view.marks, closed=False), class_="landmark"))
    # The person's own right and left, at the top corners of the view, each running inwards
    # from its edge (a longer word, such as Spanish IZQUIERDA, stays inside the drawing).
    near = (_g(0.02 * view.width), "start")
    far = (_g(0.98 * view.width), "end")
    right, left = (near, far) if view.right_side_on == "left" else (far, near)
    sides = ((pgettext("figure", "RIGHT"), right), (pgettext("figure", "LEFT"), left))
    texts = [
        _SVG.text(word, insert=(x, 24), text_anchor=anchor, class_="side-label")
        for word, (x, anchor) in sides
    ]
    texts += [
        _SVG.text(gettext(caption), insert=(_g(x), _g(y)), class_="view-label")
        for caption, x, y in view.labels
    ]
    return tuple(_Built(e) for e in (lines, *texts))


def figure_view(name: str, scheme: RegionScheme | None = None) -> FigureView:
    """The constant pieces of one view's drawing, in the request's language.

    ``scheme`` names the places (the knowledge's, in its language; the packaged English
    one by default). Each is built once per scheme and language, and kept on the scheme,
    so a reloaded knowledge base draws with its own words and frees the old drawings.
    """
    scheme = scheme or load_scheme()
    key = ("figure", name, current())
    built = scheme.cache.get(key)
    if not isinstance(built, FigureView):
        built = scheme.cache[key] = _figure_view(name, scheme)
    return built


def _figure_view(name: str, scheme: RegionScheme) -> FigureView:
    """Build the constant pieces of one view's drawing; its words (side labels,
    captions, accessible name, place names) are in the current language."""
    view = get_view(name)
    by_region: dict[str, list[Shape]] = {}
    for s in view.shapes:
        by_region.setdefault(s.region, []).append(s)
    regions: list[_Region] = []
    bboxes: dict[str, tuple[float, float, float, float]] = {}
    polygons: dict[str, tuple[tuple[float, float], ...]] = {}
    datas: dict[str, str] = {}
    for region in sorted(by_region, key=lambda r: scheme.regions.index(scheme[r])):
        shapes = by_region[region]
        label = scheme[region].label
        datas[region] = path_data([s.loop for s in shapes])
        paths = [_SVG.path(d=path_data([s.loop])) for s in shapes]
        plain, picked = (
            {
                "class": "region picked" if is_picked else "region",
                "data-region": region,
                "role": "checkbox",
                "aria-checked": "true" if is_picked else "false",
                # Its name is its <title> (SVG-AAM), which is also the pointer's tooltip:
                # no aria-label saying it again (3.5 KB a view).
            }
            for is_picked in (False, True)
        )
        inner = tuple(_Built(e) for e in (Title(label), *paths))
        regions.append(_Region(region, plain, picked, inner))
        main = max(shapes, key=lambda s: (s.bbox()[2] - s.bbox()[0]) * (s.bbox()[3] - s.bbox()[1]))
        bboxes[region] = main.bbox()
        polygons[region] = tuple(flatten(main.loop, 6))
    return FigureView(
        view=view,
        label=figure_label(name),
        defs=_defs(name),
        regions=tuple(regions),
        decor=_decor(view),
        bboxes=bboxes,
        polygons=polygons,
        path_data=datas,
    )


def all_views() -> tuple[FigureView, ...]:
    """Return every view's figure (building any not built yet)."""
    return tuple(figure_view(n) for n in VIEW_NAMES)


# --- pattern thumbnails ------------------------------------------------------------------

_THUMB_VIEWS = ("front", "back")  # the whole body first; the close-ups only as a fallback
ESSENTIAL_FILL = "#b8322a"
OUTLINE_STROKE = "#5d3f2c"


def _thumb_view(overlay: Overlay) -> FigureView:
    """The view that shows most of a pattern: essential regions count double, then Xs."""

    def score(fv: FigureView) -> tuple[int, int]:
        zones = sum(
            2 if z == "essential" else 1 for r, z in overlay.zones.items() if r in fv.bboxes
        )
        return (zones, sum(tp.region in fv.bboxes for tp in overlay.trigger_points))

    whole = [figure_view(n) for n in _THUMB_VIEWS]
    best = max(whole, key=score)  # max keeps the first of equals: the front
    if score(best) == (0, 0):
        best = max(all_views(), key=score)
    return best


def _crop(
    fv: FigureView, regions: Collection[str], marks: Sequence[tuple[float, float]]
) -> tuple[float, float, float, float]:
    """The part of the canvas to show: the pattern with a margin of body around it."""
    boxes = [s.bbox() for s in fv.view.shapes if s.region in regions]
    boxes += [(x - 6, y - 6, x + 6, y + 6) for x, y in marks]
    if not boxes:
        return (0.0, 0.0, fv.view.width, fv.view.height)
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    # A margin, and at least a hand's breadth of context around a small pattern.
    pad = max(0.15 * max(x1 - x0, y1 - y0), 12.0)
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    least = 110.0
    if x1 - x0 < least:
        x0, x1 = (x0 + x1 - least) / 2, (x0 + x1 + least) / 2
    if y1 - y0 < least:
        y0, y1 = (y0 + y1 - least) / 2, (y0 + y1 + least) / 2
    return (max(x0, 0.0), max(y0, 0.0), min(x1, fv.view.width), min(y1, fv.view.height))


def _meets(b: Bezier, box: tuple[float, float, float, float]) -> bool:
    xs, ys = [p[0] for p in b], [p[1] for p in b]
    return min(xs) <= box[2] and max(xs) >= box[0] and min(ys) <= box[3] and max(ys) >= box[1]


def pattern_thumbnail(overlay: Overlay, *, size: float = 96, uid: str = "") -> str:
    """Return a small picture of one muscle's referral pattern, as the pain guides draw it.

    The front or the back view, whichever shows more of the pattern, cropped to it with a
    margin of body outline around: the essential zone solid, the spillover zone stippled,
    an X on each trigger point. Self-contained (colours are attributes, not page CSS) and
    small: under 2 KB gzipped for every muscle in the seed.

    Arguments:
        overlay: the pattern and trigger points, as for ``FigureView.render``.
        size: the longer side of the picture, in pixels.
        uid: makes the stipple pattern's id unique on a page that shows several
            thumbnails; without it, one is derived from the pattern.

    Returns:
        The SVG markup, with ``role="img"`` and the overlay's title as its label.
    """
    fv = _thumb_view(overlay)
    marks = [
        fv._place(tp.region, fv.bboxes[tp.region], tp.at)
        for tp in overlay.trigger_points
        if tp.region in fv.bboxes
    ]
    box = _crop(fv, [r for r in overlay.zones if r in fv.bboxes], marks)
    k = size / max(box[2] - box[0], box[3] - box[1])
    width, height = (box[2] - box[0]) * k, (box[3] - box[1]) * k

    def at(p: tuple[float, float]) -> tuple[float, float]:
        return ((p[0] - box[0]) * k, (p[1] - box[1]) * k)

    def fit(b: Bezier) -> Bezier:
        return (at(b[0]), at(b[1]), at(b[2]), at(b[3]))

    svg = _SVG.svg(
        size=(round(width), round(height)),
        xmlns=SVG_NS,
        viewBox=f"0 0 {_num(width)} {_num(height)}",
        role="img",
        aria_label=overlay.title or gettext("Referral pattern"),
        class_=f"pattern-thumb pattern-thumb-{fv.view.name}",
    )
    digest = hashlib.sha1(repr(sorted(overlay.zones.items())).encode()).hexdigest()[:8]
    pid = f"stipple-{uid or digest}"
    stipple = svg.defs.add(_SVG.pattern(id=pid, size=(3.5, 3.5), patternUnits="userSpaceOnUse"))
    # No x or y (svgwrite leaves out an attribute set to None): both default to 0.
    stipple.add(_SVG.rect((None, None), (3.5, 3.5), fill="#f6d0ca"))
    stipple.add(_SVG.circle((0.9, 0.9), 0.8, fill=ESSENTIAL_FILL))
    stipple.add(_SVG.circle((2.6, 2.6), 0.8, fill=ESSENTIAL_FILL))
    for zone in ("spillover", "essential"):
        loops = [
            [fit(b) for b in s.loop] for s in fv.view.shapes if overlay.zones.get(s.region) == zone
        ]
        if loops:
            fill = f"url(#{pid})" if zone == "spillover" else ESSENTIAL_FILL
            svg.add(_SVG.path(d=path_data(loops), fill=fill))
    outline = [fit(b) for b in fv.view.outline if _meets(b, box)]
    crosses = "".join(f"M{_num(at(xy)[0] - 3)} {_num(at(xy)[1] - 3)}l6 6m0 -6l-6 6" for xy in marks)
    # An X is drawn twice: a white halo under a dark stroke, visible on any fill.
    strokes = [(OUTLINE_STROKE, 1.0, _segments_path(outline))] + (
        [("#fff", 3.5, crosses), ("#111", 1.6, crosses)] if crosses else []
    )
    for colour, stroke_width, d in strokes:
        svg.add(
            _SVG.path(
                d=d,
                fill="none",
                stroke=colour,
                stroke_width=_g(stroke_width),
                stroke_linecap="round",
            )
        )
    return ET.tostring(svg.get_xml(), encoding="unicode")
