"""How the body is drawn as regions that share their borders exactly.

A ``Part`` (read from a data file by ``load.py``, or built in code by ``hands.py``)
holds named points, *chains* through them, and *regions* whose outlines are loops of
chain pieces. A chain is drawn as one smooth curve (a centripetal Catmull-Rom
spline turned into cubic Béziers), so the piece of a chain between two of its points is
the same curve whichever region uses it: neighbours share their border to the last
digit, and there can be no gap or overlap between them.

Only the person's right half is written. ``build_shapes`` mirrors it about the view's
centre line to make the left half, and joins the two halves of each midline region
into one outline. So left is always the exact mirror of right.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Point = tuple[float, float]
# A point in a chain's list: a named one ("name", x, y) or an unnamed one (x, y).
Item = tuple[str, float, float] | Point
Bezier = tuple[Point, Point, Point, Point]
Loop = list[Bezier]
# A piece of a region's outline: (chain, from point, to point), along the chain.
Piece = tuple[str, str, str]

EPS = 1e-6


def _dist(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def catmull_rom(
    points: Sequence[Point], *, closed: bool = False, alpha: float = 0.5
) -> list[Bezier]:
    """Return the cubic Béziers of a centripetal Catmull-Rom spline through ``points``.

    Arguments:
        points: the points the curve passes through, in order.
        closed: join the last point back to the first.
        alpha: 0.5 (centripetal) never forms cusps or loops within a segment.

    Returns:
        One Bézier per pair of neighbouring points.
    """
    n = len(points)
    if n < 2:
        return []
    out: list[Bezier] = []
    count = n if closed else n - 1
    for i in range(count):
        p1, p2 = points[i], points[(i + 1) % n]
        if closed:
            p0, p3 = points[(i - 1) % n], points[(i + 2) % n]
        else:
            # Reflect the neighbour at each open end so the curve leaves it straight.
            p0 = points[i - 1] if i > 0 else (2 * p1[0] - p2[0], 2 * p1[1] - p2[1])
            p3 = points[i + 2] if i + 2 < n else (2 * p2[0] - p1[0], 2 * p2[1] - p1[1])
        out.append(_segment(p0, p1, p2, p3, alpha))
    return out


def _segment(p0: Point, p1: Point, p2: Point, p3: Point, alpha: float) -> Bezier:
    d01 = max(_dist(p0, p1) ** alpha, EPS)
    d12 = max(_dist(p1, p2) ** alpha, EPS)
    d23 = max(_dist(p2, p3) ** alpha, EPS)
    # Tangents of the non-uniform Catmull-Rom (Yuksel, Schaefer, Keyser 2011), scaled to
    # the parameter span of the middle segment.
    m1 = tuple(
        ((p1[k] - p0[k]) / d01 - (p2[k] - p0[k]) / (d01 + d12) + (p2[k] - p1[k]) / d12) * d12
        for k in (0, 1)
    )
    m2 = tuple(
        ((p2[k] - p1[k]) / d12 - (p3[k] - p1[k]) / (d12 + d23) + (p3[k] - p2[k]) / d23) * d12
        for k in (0, 1)
    )
    c1 = (p1[0] + m1[0] / 3, p1[1] + m1[1] / 3)
    c2 = (p2[0] - m2[0] / 3, p2[1] - m2[1] / 3)
    return (p1, c1, c2, p2)


def straight(a: Point, b: Point) -> Bezier:
    """Return a straight line as a Bézier (controls a third of the way along)."""
    return (
        a,
        (a[0] + (b[0] - a[0]) / 3, a[1] + (b[1] - a[1]) / 3),
        (a[0] + 2 * (b[0] - a[0]) / 3, a[1] + 2 * (b[1] - a[1]) / 3),
        b,
    )


def reverse(bz: Bezier) -> Bezier:
    """Return the same curve traversed the other way."""
    return (bz[3], bz[2], bz[1], bz[0])


def mirror(bz: Bezier, cx: float) -> Bezier:
    """Return the curve reflected about the vertical line ``x = cx``."""
    return tuple((2 * cx - x, y) for x, y in bz)  # type: ignore[return-value]


def flatten(loop: Iterable[Bezier], steps: int = 8) -> list[Point]:
    """Sample a loop of Béziers into a polygon (for tests and measurements)."""
    pts: list[Point] = []
    for p0, p1, p2, p3 in loop:
        for s in range(steps):
            t = s / steps
            u = 1 - t
            pts.append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )
    return pts


@dataclass
class Chain:
    """A smooth curve through a list of points, some of them named."""

    name: str
    points: list[Point]
    index: dict[str, int]
    closed: bool = False
    is_straight: bool = False
    _beziers: list[Bezier] | None = field(default=None, repr=False)

    def beziers(self) -> list[Bezier]:
        if self._beziers is None:
            if self.is_straight:
                n = len(self.points)
                pairs = range(n if self.closed else n - 1)
                self._beziers = [straight(self.points[i], self.points[(i + 1) % n]) for i in pairs]
            else:
                self._beziers = catmull_rom(self.points, closed=self.closed)
        return self._beziers

    def piece(self, start: str, end: str) -> list[Bezier]:
        """Return the Béziers from named point ``start`` to ``end`` along this chain.

        An open chain is followed either way; a closed one in its own direction.
        """
        a, b = self.index[start], self.index[end]
        segs = self.beziers()
        n = len(self.points)
        if not self.closed:
            if a < b:
                return segs[a:b]
            return [reverse(s) for s in reversed(segs[b:a])]
        return [segs[(a + k) % n] for k in range((b - a) % n)]


class GeometryError(ValueError):
    """The geometry data is inconsistent (a loop that does not close, an unknown point)."""


class Part:
    """Named points, chains through them, and regions outlined by pieces of chains."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.points: dict[str, Point] = {}
        self.chains: dict[str, Chain] = {}
        self.regions: dict[str, list[Piece]] = {}
        self.marks: list[tuple[list[Point], bool]] = []
        self.labels: list[tuple[str, Point]] = []

    def pt(self, name: str, x: float, y: float) -> str:
        """Name a point; return the name, so calls can be nested in ``chain``."""
        if name in self.points and self.points[name] != (x, y):
            raise GeometryError(f"{self.name}: point {name} defined twice")
        self.points[name] = (float(x), float(y))
        return name

    def add(self, items: Sequence[Item]) -> list[str | Point]:
        """Name the named points of ``items``; return them as entries for ``chain``."""
        out: list[str | Point] = []
        for item in items:
            if len(item) == 3:
                name, x, y = item
                out.append(self.pt(name, x, y))
            else:
                out.append((float(item[0]), float(item[1])))
        return out

    def _resolve(
        self, items: Sequence[str | Point], what: str
    ) -> tuple[list[Point], dict[str, int]]:
        pts: list[Point] = []
        index: dict[str, int] = {}
        for i, item in enumerate(items):
            if isinstance(item, str):
                if item not in self.points:
                    raise GeometryError(f"{self.name}/{what}: point {item} is not defined above")
                index[item] = i
                pts.append(self.points[item])
            else:
                pts.append((float(item[0]), float(item[1])))
        return pts, index

    def chain(
        self, name: str, *items: str | Point, closed: bool = False, is_straight: bool = False
    ) -> None:
        """Add a smooth chain through named points (str) and unnamed ones ((x, y))."""
        if name in self.chains:
            raise GeometryError(f"{self.name}: chain {name} defined twice")
        pts, index = self._resolve(items, name)
        self.chains[name] = Chain(name, pts, index, closed=closed, is_straight=is_straight)

    def line(self, name: str, *items: str | Point) -> None:
        """Add a chain of straight lines."""
        self.chain(name, *items, is_straight=True)

    def region(self, base: str, *pieces: Piece) -> None:
        """Outline region ``base`` by pieces of chains, ``(chain, from point, to point)``."""
        if base in self.regions:
            raise GeometryError(f"{self.name}: region {base} outlined twice")
        for piece in pieces:
            if len(piece) != 3 or not all(isinstance(p, str) for p in piece):
                raise GeometryError(f"{self.name}/{base}: {piece!r} is not [chain, from, to]")
            chain = self.chains.get(piece[0])
            if chain is None:
                raise GeometryError(f"{self.name}/{base}: chain {piece[0]} is not defined above")
            for p in piece[1:]:
                if p not in chain.index:
                    raise GeometryError(f"{self.name}/{base}: {p} is not on chain {piece[0]}")
        self.regions[base] = list(pieces)

    def mark(self, *items: str | Point, closed: bool = False) -> None:
        """Add a landmark line (clavicle, navel…): drawn, not clickable."""
        pts, _ = self._resolve(items, "landmark")
        self.marks.append((pts, closed))

    def label(self, text: str, x: float, y: float) -> None:
        """Caption a sub-figure ("Palm", "Right side"); mirrored with the rest."""
        self.labels.append((text, (float(x), float(y))))

    def loop(self, base: str) -> Loop:
        """Return the closed outline of a region as Béziers, checking that it closes."""
        out: Loop = []
        for piece in self.regions[base]:
            chain_name, start, end = piece
            segs = self.chains[chain_name].piece(start, end)
            if not segs:
                raise GeometryError(f"{self.name}/{base}: empty piece {piece}")
            if out and _dist(out[-1][3], segs[0][0]) > 1e-6:
                raise GeometryError(
                    f"{self.name}/{base}: {piece} does not start where the last piece ended"
                )
            out.extend(segs)
        if _dist(out[-1][3], out[0][0]) > 1e-6:
            raise GeometryError(f"{self.name}/{base}: outline does not close")
        return out


def _on_axis(bz: Bezier, cx: float) -> bool:
    return all(abs(p[0] - cx) < 1e-6 for p in bz)


def merge_midline(loop: Loop, cx: float) -> Loop:
    """Join a right-half outline that runs along the centre line with its mirror image."""
    n = len(loop)
    on = [_on_axis(b, cx) for b in loop]
    if not any(on):
        raise GeometryError("midline region does not touch the centre line")
    # Rotate so the loop starts just after the last centre-line segment.
    start = next(i for i in range(n) if on[i - 1] and not on[i])
    rest = [loop[(start + k) % n] for k in range(n)]
    rest = [b for b in rest if not _on_axis(b, cx)]
    return rest + [reverse(mirror(b, cx)) for b in reversed(rest)]


@dataclass(frozen=True)
class Shape:
    """One closed outline of one region in a view (a region may have several)."""

    region: str
    loop: tuple[Bezier, ...]

    def bbox(self) -> tuple[float, float, float, float]:
        pts = flatten(self.loop, 4)
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return (min(xs), min(ys), max(xs), max(ys))


def build_shapes(part: Part, cx: float, midline_bases: set[str]) -> list[Shape]:
    """Return every region shape of a half-body part and its mirror image.

    Arguments:
        part: the right half, as written.
        cx: x of the centre line to mirror about.
        midline_bases: bases that are one region across the midline.

    Returns:
        Shapes with concrete region ids: ``<base>-right``, ``<base>-left`` or ``<base>``.
    """
    shapes: list[Shape] = []
    for key in part.regions:
        loop = part.loop(key)
        base = key.split("#")[0]  # "heel#sole": a second shape of the same region
        if base in midline_bases:
            if any(_on_axis(b, cx) for b in loop):
                shapes.append(Shape(base, tuple(merge_midline(loop, cx))))
            else:
                shapes.append(Shape(base, tuple(loop)))
                shapes.append(Shape(base, tuple(mirror(b, cx) for b in loop)))
        else:
            shapes.append(Shape(f"{base}-right", tuple(loop)))
            shapes.append(Shape(f"{base}-left", tuple(mirror(b, cx) for b in loop)))
    return shapes


def mirror_marks(part: Part, cx: float) -> list[Loop]:
    """Return the landmark lines of both halves as lists of Béziers."""
    out: list[Loop] = []
    for pts, closed in part.marks:
        bz = catmull_rom(pts, closed=closed)
        out.append(bz)
        out.append([mirror(b, cx) for b in bz])
    return out
