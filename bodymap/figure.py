"""Draw the body map as SVG with svgwrite: built once per view, stamped per request.

Building a view (geometry, svgwrite elements, path data) happens once and is cached.
A request only stamps its state on the cached pieces: which regions are picked (class
and ``aria-checked``), where each region's link goes, and an overlay with a muscle's
referral pattern (essential zone solid, spillover stippled) and its trigger points
(X marks). ``render`` is a pure function of its arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape

import svgwrite

from bodymap.geometry.core import Bezier, Shape, flatten
from bodymap.geometry.views import VIEW_NAMES, View, get_view
from bodymap.regions import load_scheme

Zone = str  # "essential" | "spillover"


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
class _RegionPiece:
    region: str
    label: str
    shapes_svg: str


@dataclass(frozen=True)
class FigureView:
    """A view's SVG, cut into the pieces a request stamps its state on."""

    view: View
    head: str
    regions: tuple[_RegionPiece, ...]
    tail: str
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
        out = [
            self.head.replace(
                "__LABEL__", escape(label or f"Body map, {self.view.title.lower()} view")
            )
        ]
        for piece in self.regions:
            is_picked = piece.region in picked
            link = href(piece.region) if href else f"?region={piece.region}"
            out.append(
                f'<a class="region{" picked" if is_picked else ""}" href="{escape(link)}"'
                f' data-region="{piece.region}" role="checkbox"'
                f' aria-checked="{"true" if is_picked else "false"}"'
                f' aria-label="{escape(piece.label)}">'
                f"<title>{escape(piece.label)}</title>{piece.shapes_svg}</a>"
            )
        out.append("</g>")
        for layer in (overlay, compare):
            if layer is not None:
                out.append(self._overlay(layer, picked))
        out.append(self.tail)
        return "".join(out)

    def _overlay(self, overlay: Overlay, picked: Collection[str] = ()) -> str:
        parts = [f'<g class="overlay overlay-{overlay.kind}" aria-hidden="true">']
        fills = {
            ("zone", "essential"): "",
            ("zone", "spillover"): f' fill="url(#stipple-{self.view.name})"',
            ("cmp", "essential"): f' fill="url(#hatch-{self.view.name})"',
            ("cmp", "spillover"): f' fill="url(#hatch-light-{self.view.name})"',
        }
        for zone in ("spillover", "essential"):
            for region, z in sorted(overlay.zones.items()):
                if z == zone and region in self.path_data:
                    parts.append(
                        f'<path class="{overlay.kind}-{zone}" data-zone-region="{region}"'
                        f'{fills[(overlay.kind, zone)]} d="{self.path_data[region]}"/>'
                    )
        # Keep the picked places visible on top of the pattern.
        for region in sorted(set(picked) & set(overlay.zones)):
            if region in self.path_data:
                parts.append(f'<path class="picked-outline" d="{self.path_data[region]}"/>')
        for tp in overlay.trigger_points:
            box = self.bboxes.get(tp.region)
            if box is None:
                continue
            x, y = self._place(tp.region, box, tp.at)
            d = f"M{_num(x - 5)} {_num(y - 5)}l10 10m0 -10l-10 10"
            if overlay.kind == "cmp":
                # A ringed X, so the compared muscle's points differ by shape too.
                d += f"M{_num(x + 7)} {_num(y)}a7 7 0 1 0 -14 0a7 7 0 1 0 14 0"
            cls = "tp" if overlay.kind == "zone" else "tp tp-cmp"
            parts.append(f'<path class="tp-halo" d="{d}"/><path class="{cls}" d="{d}"/>')
        parts.append("</g>")
        return "".join(parts)

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


def _side_labels(view: View) -> tuple[str, str]:
    """Label the person's own right and left at the top corners of the view."""
    near, far = 0.075 * view.width, 0.925 * view.width
    right_x, left_x = (near, far) if view.right_side_on == "left" else (far, near)
    return (
        f'<text x="{_num(right_x)}" y="24" class="side-label">RIGHT</text>',
        f'<text x="{_num(left_x)}" y="24" class="side-label">LEFT</text>',
    )


@cache
def figure_view(name: str) -> FigureView:
    """Build (once) the SVG pieces of one view with svgwrite."""
    view = get_view(name)
    scheme = load_scheme()
    dwg = svgwrite.Drawing(
        size=("100%", "100%"), viewBox=f"0 0 {_num(view.width)} {_num(view.height)}", debug=False
    )
    dwg.attribs["class"] = f"figure figure-{name}"
    dwg.attribs["role"] = "group"
    dwg.attribs["aria-label"] = "__LABEL__"
    dwg.attribs["data-view"] = name
    # Spillover: a stipple of dots over a light tint; essential: a solid fill. Pattern plus
    # colour, never colour alone.
    # One id per view: several views share one HTML page, and ids must be unique in it.
    stipple = dwg.pattern(id=f"stipple-{name}", size=(5, 5), patternUnits="userSpaceOnUse")
    stipple.add(dwg.rect((0, 0), (5, 5), class_="stipple-bg"))
    stipple.add(dwg.circle((1.25, 1.25), 0.9, class_="stipple-dot"))
    stipple.add(dwg.circle((3.75, 3.75), 0.9, class_="stipple-dot"))
    dwg.defs.add(stipple)
    for pid, gap, width in ((f"hatch-{name}", 4, 1.4), (f"hatch-light-{name}", 7, 0.9)):
        hatch = dwg.pattern(
            id=pid, size=(gap, gap), patternUnits="userSpaceOnUse", patternTransform="rotate(45)"
        )
        hatch.add(dwg.line((0, 0), (0, gap), class_="hatch-line", stroke_width=width))
        dwg.defs.add(hatch)
    regions_group = dwg.g(class_="regions")
    dwg.add(regions_group)
    markup = dwg.tostring()
    # svgwrite writes the whole document; cut it where the region links go.
    empty_group = '<g class="regions" />'
    head, _, tail_doc = markup.partition(empty_group)
    head = head.replace('<?xml version="1.0" encoding="utf-8" ?>\n', "") + '<g class="regions">'
    # Inline in HTML, the SVG needs no version, profile or extra namespaces.
    for attr in (
        ' baseProfile="full"',
        ' version="1.1"',
        ' xmlns:ev="http://www.w3.org/2001/xml-events"',
        ' xmlns:xlink="http://www.w3.org/1999/xlink"',
    ):
        head = head.replace(attr, "", 1)
    tail_doc = tail_doc.replace("</svg>", "")

    by_region: dict[str, list[Shape]] = {}
    for s in view.shapes:
        by_region.setdefault(s.region, []).append(s)
    pieces: list[_RegionPiece] = []
    bboxes: dict[str, tuple[float, float, float, float]] = {}
    polygons: dict[str, tuple[tuple[float, float], ...]] = {}
    datas: dict[str, str] = {}
    for region in sorted(by_region, key=lambda r: scheme.regions.index(scheme[r])):
        shapes = by_region[region]
        datas[region] = path_data([s.loop for s in shapes])
        markup = "".join(dwg.path(d=path_data([s.loop])).tostring() for s in shapes)
        pieces.append(_RegionPiece(region, scheme[region].label, markup))
        main = max(shapes, key=lambda s: (s.bbox()[2] - s.bbox()[0]) * (s.bbox()[3] - s.bbox()[1]))
        bboxes[region] = main.bbox()
        polygons[region] = tuple(flatten(main.loop, 6))

    deco = dwg.g(class_="decor", **{"aria-hidden": "true"})
    deco.add(dwg.path(d=_segments_path(view.outline), class_="outline"))
    deco.add(dwg.path(d=path_data(view.marks, closed=False), class_="landmark"))
    captions = "".join(
        f'<text x="{_num(x)}" y="{_num(y)}" class="view-label">{escape(text)}</text>'
        for text, x, y in view.labels
    )
    tail = deco.tostring() + tail_doc + "".join(_side_labels(view)) + captions + "</svg>"
    return FigureView(
        view=view,
        head=head,
        regions=tuple(pieces),
        tail=tail,
        bboxes=bboxes,
        polygons=polygons,
        path_data=datas,
    )


def all_views() -> tuple[FigureView, ...]:
    """Return every view's figure (building any not built yet)."""
    return tuple(figure_view(n) for n in VIEW_NAMES)
