"""The hands-and-feet close-up: palms, backs of the hands, soles and tops of the feet.

Coordinates: a 600 x 760 canvas, centre line x = 300. Only the person's right hand and
foot are written, on the canvas's left half; the mirror about x = 300 makes the left
ones. Four sub-figures of the right side:

* top left, the PALM of the right hand, fingers up. Seen palm-on, fingers up, the thumb
  of a right hand is on the viewer's right (look at your own right palm).
* top middle, the BACK of the same hand, fingers up: the thumb is on the viewer's left.
  Its silhouette is the palm view's mirrored (the same hand seen from the other side).
* bottom left, the SOLE of the right foot seen from below, toes up: big toe on the
  viewer's right.
* bottom middle, the TOP of the right foot seen from above, toes up, ankle at the
  bottom: big toe on the viewer's left. Its toes are the sole's mirrored.

Fingers and toes are generated (``Digit``) from their two base points, tip and tip
width, so creases and nails can be placed along each digit's own axis. This is why this
view is code while the body and the head are data (``bodymap/data/*.toml``). Names of
points and chains start with their sub-figure: ``palm-``, ``back-``, ``sole-``, ``top-``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from bodymap.geometry.core import Item, Part, Piece, Point

WIDTH = 600.0
HEIGHT = 760.0
CX = 300.0

HAND_M = 150.0  # the back of the hand is the palm view mirrored about x = HAND_M
FOOT_M = 152.0  # the top of the foot's toes are the sole's mirrored about x = FOOT_M


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


# --- digits ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Digit:
    """A finger or toe: its base corners (left, right as drawn), tip and tip width."""

    name: str
    base_l: Point
    base_r: Point
    tip: Point
    tip_w: float
    round_tip: float = 1.08  # > 1: the tip is a little longer than a half circle
    waist: float = 0.0  # pull the sides in a little above the base (toes)
    bulge: float = 0.0  # and push them out a little below the tip (toe pads)

    @property
    def c0(self) -> Point:
        return _lerp(self.base_l, self.base_r, 0.5)

    @property
    def axis(self) -> Point:
        dx, dy = self.tip[0] - self.c0[0], self.tip[1] - self.c0[1]
        n = math.hypot(dx, dy)
        return (dx / n, dy / n)

    @property
    def length(self) -> float:
        return math.hypot(self.tip[0] - self.c0[0], self.tip[1] - self.c0[1])

    def _frame(self) -> tuple[Point, Point, float, Point]:
        d = self.axis
        nl = (d[1], -d[0])  # towards the drawn left when the digit points up
        r = self.tip_w / 2
        k = r * self.round_tip
        tc = (self.tip[0] - k * d[0], self.tip[1] - k * d[1])
        return d, nl, r, tc

    def _ends(self) -> tuple[Point, Point]:
        _, nl, r, tc = self._frame()
        return (tc[0] + r * nl[0], tc[1] + r * nl[1]), (tc[0] - r * nl[0], tc[1] - r * nl[1])

    def outline(self, names: tuple[str, str]) -> list[Item]:
        """Chain items from the named left base, round the tip, to the named right base."""
        d, nl, r, tc = self._frame()
        left_end, right_end = self._ends()
        k = self.round_tip
        w, b = self.waist, self.bulge

        def side(base: Point, end: Point, t: float, out: float, sign: float) -> Point:
            q = _lerp(base, end, t)
            return (q[0] + sign * out * nl[0], q[1] + sign * out * nl[1])

        spots = ([(0.38, -w)] if w else []) + ([(0.74, b)] if b else []) or [(0.5, 0.0)]
        left: list[Item] = [side(self.base_l, left_end, t, o, 1.0) for t, o in spots]
        right: list[Item] = [side(self.base_r, right_end, t, o, -1.0) for t, o in reversed(spots)]
        arc: list[Item] = []
        for deg in (0, 45, 90, 135, 180):
            a = math.radians(deg)
            c, s = math.cos(a) * r, math.sin(a) * r * k
            arc.append((tc[0] + c * nl[0] + s * d[0], tc[1] + c * nl[1] + s * d[1]))
        return [(names[0], *self.base_l), *left, *arc, *right, (names[1], *self.base_r)]

    def across(self, frac: float, inset: float = 1.6) -> tuple[Point, Point, Point]:
        """Left, middle and right points across the digit at ``frac`` of its length."""
        d, nl, _, _ = self._frame()
        c0 = self.c0
        a = frac * self.length
        left_end, right_end = self._ends()

        def side(base: Point, end: Point, sign: float) -> Point:
            a0 = (base[0] - c0[0]) * d[0] + (base[1] - c0[1]) * d[1]
            a1 = (end[0] - c0[0]) * d[0] + (end[1] - c0[1]) * d[1]
            p = _lerp(base, end, (a - a0) / (a1 - a0))
            return (p[0] - sign * inset * nl[0], p[1] - sign * inset * nl[1])

        mid = (c0[0] + a * d[0], c0[1] + a * d[1])
        return side(self.base_l, left_end, 1.0), mid, side(self.base_r, right_end, -1.0)

    def crease(self, frac: float, bow: float = 0.8, span: float = 1.0) -> list[Point]:
        """A line across the digit at ``frac``, bowed ``bow`` towards the base."""
        left, mid, right = self.across(frac)
        d = self.axis
        left, right = _lerp(mid, left, span), _lerp(mid, right, span)
        return [left, (mid[0] - bow * d[0], mid[1] - bow * d[1]), right]

    def nail(self, start: float, end: float, half: float) -> list[Point]:
        """A closed nail outline between ``start`` and ``end`` fractions of the length."""
        d, nl, _, _ = self._frame()
        c0, n = self.c0, self.length

        def at(u: float, v: float) -> Point:
            return (c0[0] + v * n * d[0] + u * nl[0], c0[1] + v * n * d[1] + u * nl[1])

        top = end - 0.035
        return [
            at(0, start + 0.012),
            at(half, start),
            at(half * 0.96, top),
            at(0, end),
            at(-half * 0.96, top),
            at(-half, start),
        ]


def _flip(d: Digit, m: float, name: str) -> Digit:
    """The digit mirrored about x = m (its left and right bases swap)."""
    bl, br = (2 * m - d.base_r[0], d.base_r[1]), (2 * m - d.base_l[0], d.base_l[1])
    return Digit(name, bl, br, (2 * m - d.tip[0], d.tip[1]), d.tip_w, d.round_tip, d.waist, d.bulge)


# --- the hand, in palm-view coordinates (thumb on the right) ------------------------------

FINGERS: list[Digit] = [
    Digit("little-finger", (7, 174), (30.5, 159), (11, 90), 18.0),
    Digit("ring-finger", (30.5, 159), (54, 148), (36, 55), 20.0),
    Digit("middle-finger", (54, 148), (77.5, 148), (66, 38), 21.0),
    Digit("index-finger", (77.5, 148), (101, 160), (97, 59), 20.0),
]
# The thumb is drawn by hand (a broad base, a rounded web); this digit only places its
# crease and nail.
THUMB = Digit("thumb", (113, 201), (136, 209), (139.5, 136.5), 20.0, 1.1)
# The web between index and thumb runs on, smoothly, into the thumb's outline.
WEB_THUMB: list[Item] = [
    ("index-base-outer", 101, 160),
    (101.5, 174),
    ("thenar-crease-top", 103, 185),
    (105.5, 192.5),
    ("thumb-web", 110, 196),
    (114.5, 191.5),
    (118.5, 178),
    (121.5, 165),
    (124.5, 153),
    (128, 143.5),
    (133.5, 137.5),
    (139.5, 136.5),
    (144.5, 140),
    (146.5, 147),
    (146, 157),
    (143.5, 170),
    (140, 186),
    (136, 203),
    (131.5, 218),
    ("thumb-base", 127, 230),
]
WEBS = [
    "little-finger-base-outer",
    "little-ring-web",
    "ring-middle-web",
    "middle-index-web",
    "index-base-outer",
]  # finger base corners, little to index

ULNAR: list[Item] = [
    ("little-finger-base-outer", 7, 174),
    (4.5, 198),
    (4.5, 226),
    (7.5, 250),
    (13.5, 267),
    ("wrist-crease-little-side", 23, 282),
    (26, 300),
    (27, 322),
    ("wrist-bottom-little-side", 28, 350),
]
RADIAL: list[Item] = [
    ("thumb-base", 127, 230),
    (125, 246),
    (119, 260),
    (111, 272),
    ("wrist-crease-thumb-side", 102, 282),
    (100, 300),
    (99, 322),
    ("wrist-bottom-thumb-side", 99, 350),
]
THUMB_BASE: list[Item] = [("thumb-web", 110, 196), (117.5, 214), ("thumb-base", 127, 230)]
WRIST_BOTTOM: list[Item] = [
    ("wrist-bottom-little-side", 28, 350),
    (63.5, 352),
    ("wrist-bottom-thumb-side", 99, 350),
]
WRIST_LINE: list[Item] = [
    ("wrist-crease-little-side", 23, 282),
    (44, 278),
    ("thenar-crease-bottom", 65, 277),
    (85, 278),
    ("wrist-crease-thumb-side", 102, 282),
]


def _namer(
    pre: str, mirror_x: float | None
) -> tuple[Callable[[str], str], Callable[[list[Item]], list[Item]]]:
    """Return (n, tr): ``n`` prefixes point names with ``pre``; ``tr`` prefixes the named
    points of a list and mirrors every point about ``x = mirror_x`` when one is given."""

    def n(name: str) -> str:
        return f"{pre}-{name}"

    def tr(items: list[Item]) -> list[Item]:
        out: list[Item] = []
        for it in items:
            if len(it) == 3:
                name, x, y = it
                out.append((n(name), 2 * mirror_x - x if mirror_x is not None else x, y))
            else:
                x = 2 * mirror_x - it[0] if mirror_x is not None else it[0]
                out.append((x, it[1]))
        return out

    return n, tr


def _outline(n: Callable[[str], str], *pieces: tuple[str, str, str]) -> list[Piece]:
    """A region's outline written with a sub-figure's own names, prefixed by ``n``."""
    return [(n(chain), n(start), n(end)) for chain, start, end in pieces]


def _hand(p: Part, pre: str, flip: bool) -> tuple[list[Digit], Digit, Callable[[str], str]]:
    """Add the hand silhouette chains, prefixed ``pre``; mirror it if ``flip``."""

    n, tr = _namer(pre, HAND_M if flip else None)

    fingers = [_flip(f, HAND_M, f.name) if flip else f for f in FINGERS]
    thumb = _flip(THUMB, HAND_M, "thumb") if flip else THUMB
    p.chain(n("little-finger-edge"), *p.add(tr(ULNAR)))
    p.chain(n("thumb-side-edge"), *p.add(tr(RADIAL)))
    p.chain(n("thumb-web-outline"), *p.add(tr(WEB_THUMB)))
    p.chain(n("thumb-base-line"), *p.add(tr(THUMB_BASE)))
    p.chain(n("wrist-bottom-line"), *p.add(tr(WRIST_BOTTOM)))
    p.chain(n("wrist-crease"), *p.add(tr(WRIST_LINE)))
    base = tr([(w, x, y) for w, (x, y) in zip(WEBS, _web_points(), strict=True)])
    p.chain(n("finger-base-line"), *p.add(base))
    for i, f in enumerate(fingers):
        a, b = n(WEBS[i]), n(WEBS[i + 1])
        names = (b, a) if flip else (a, b)
        p.chain(n(f.name), *p.add(f.outline(names)))
        p.region(
            f.name if pre == "palm" else f"{f.name}#back",
            (n(f.name), a, b),
            (n("finger-base-line"), b, a),
        )
    p.region(
        "thumb" if pre == "palm" else "thumb#back",
        (n("thumb-web-outline"), n("thumb-web"), n("thumb-base")),
        (n("thumb-base-line"), n("thumb-base"), n("thumb-web")),
    )
    return fingers, thumb, n


def _web_points() -> list[Point]:
    return [FINGERS[0].base_l] + [f.base_r for f in FINGERS]


def _palm(p: Part) -> None:
    """The palm of the right hand (thumb on the viewer's right)."""
    fingers, thumb, n = _hand(p, "palm", flip=False)
    # The thenar crease (life line) from the thumb-index web down to the wrist crease.
    p.chain(
        n("thenar-crease"),
        n("thenar-crease-top"),
        (92, 197),
        (81, 215),
        (72.5, 237),
        (67, 258),
        n("thenar-crease-bottom"),
    )
    p.region(
        "palm",
        *_outline(
            n,
            ("little-finger-edge", "little-finger-base-outer", "wrist-crease-little-side"),
            ("wrist-crease", "wrist-crease-little-side", "thenar-crease-bottom"),
            ("thenar-crease", "thenar-crease-bottom", "thenar-crease-top"),
            ("thumb-web-outline", "thenar-crease-top", "index-base-outer"),
            ("finger-base-line", "index-base-outer", "little-finger-base-outer"),
        ),
    )
    p.region(
        "thenar",
        *_outline(
            n,
            ("thenar-crease", "thenar-crease-top", "thenar-crease-bottom"),
            ("wrist-crease", "thenar-crease-bottom", "wrist-crease-thumb-side"),
            ("thumb-side-edge", "wrist-crease-thumb-side", "thumb-base"),
            ("thumb-base-line", "thumb-base", "thumb-web"),
            ("thumb-web-outline", "thumb-web", "thenar-crease-top"),
        ),
    )
    p.region(
        "wrist-front",
        *_outline(
            n,
            ("wrist-crease", "wrist-crease-thumb-side", "wrist-crease-little-side"),
            ("little-finger-edge", "wrist-crease-little-side", "wrist-bottom-little-side"),
            ("wrist-bottom-line", "wrist-bottom-little-side", "wrist-bottom-thumb-side"),
            ("thumb-side-edge", "wrist-bottom-thumb-side", "wrist-crease-thumb-side"),
        ),
    )
    # Finger creases: middle (PIP) crease doubled, distal (DIP) crease single.
    for f in fingers:
        p.mark(*f.crease(0.41))
        p.mark(*f.crease(0.70))
    p.mark(*thumb.crease(0.50, bow=1.2))
    # Heart line (distal transverse crease) and head line (proximal transverse crease).
    p.mark((5.5, 204), (22, 200), (42, 194), (60, 184), (73, 170))
    p.mark((100, 188), (84, 200), (60, 214), (36, 227), (16, 236))
    p.mark((28, 297), (48, 294), (65, 293.5), (83, 294), (99, 297))  # proximal wrist crease


def _back_of_hand(p: Part) -> None:
    """The back of the right hand (thumb on the viewer's left)."""
    fingers, thumb, n = _hand(p, "back", flip=True)
    p.region(
        "hand-back",
        *_outline(
            n,
            ("little-finger-edge", "little-finger-base-outer", "wrist-crease-little-side"),
            ("wrist-crease", "wrist-crease-little-side", "wrist-crease-thumb-side"),
            ("thumb-side-edge", "wrist-crease-thumb-side", "thumb-base"),
            ("thumb-base-line", "thumb-base", "thumb-web"),
            ("thumb-web-outline", "thumb-web", "index-base-outer"),
            ("finger-base-line", "index-base-outer", "little-finger-base-outer"),
        ),
    )
    p.region(
        "wrist-back",
        *_outline(
            n,
            ("wrist-crease", "wrist-crease-thumb-side", "wrist-crease-little-side"),
            ("little-finger-edge", "wrist-crease-little-side", "wrist-bottom-little-side"),
            ("wrist-bottom-line", "wrist-bottom-little-side", "wrist-bottom-thumb-side"),
            ("thumb-side-edge", "wrist-bottom-thumb-side", "wrist-crease-thumb-side"),
        ),
    )
    for f in fingers:
        half = 0.31 * f.tip_w
        p.mark(*f.nail(0.80, 0.965, half), closed=True)
        p.mark(*f.crease(0.40, bow=-1.2, span=0.55))  # knuckle wrinkles over the PIP joint
        p.mark(*f.crease(0.44, bow=-1.4, span=0.65))
        p.mark(*f.crease(0.72, bow=-0.9, span=0.5))  # and over the DIP joint
        # The knuckle (metacarpal head) below the finger, and its extensor tendon.
        c0, d = f.c0, f.axis
        k = (c0[0] - 17 * d[0], c0[1] - 17 * d[1])
        p.mark((k[0] - 6, k[1] + 2.5), (k[0], k[1]), (k[0] + 6, k[1] + 2.5))
    p.mark(*thumb.nail(0.74, 0.96, 0.31 * thumb.tip_w), closed=True)
    p.mark(*thumb.crease(0.46, bow=-1.2, span=0.55))
    # Extensor tendons fanning from the wrist to the knuckles.
    for f, x0 in zip(fingers, (256, 243, 231, 218), strict=True):
        c0, d = f.c0, f.axis
        k = (c0[0] - 26 * d[0], c0[1] - 26 * d[1])
        p.mark((k[0], k[1]), ((k[0] + x0) / 2, (k[1] + 268) / 2 + 1), (x0, 268))
    m = 2 * HAND_M
    p.mark((m - 27, 305), (m - 32, 301), (m - 32.5, 296), (m - 29, 292))  # ulnar styloid


# --- the foot, in sole coordinates (big toe on the right) ---------------------------------

TOES: list[Digit] = [
    Digit("little-toe", (26, 490), (43, 478), (33.5, 461), 15.0, 1.0, 0.0, 0.7),
    Digit("fourth-toe", (43, 478), (60, 471), (50.5, 449), 15.5, 1.0, 0.0, 0.5),
    Digit("third-toe", (60, 471), (77.5, 466), (68.5, 438.5), 16.5, 1.0, 0.0, 0.4),
    Digit("second-toe", (77.5, 466), (96.5, 462), (87.5, 429), 17.5, 1.0, 0.0, 0.4),
]
BIG_TOE = Digit("big-toe", (96.5, 462), (131, 474), (115, 420), 30.0, 0.98, 0.0, 0.8)
NOTCHES = [
    "little-toe-base-outer",
    "little-fourth-notch",
    "fourth-third-notch",
    "third-second-notch",
    "second-big-notch",
]

SOLE_OUT: list[Item] = [
    ("little-toe-base-outer", 26, 490),
    (23, 508),
    (23.5, 526),
    ("ball-outer", 27, 550),
    (31, 580),
    (36, 615),
    ("heel-outer", 40, 652),
    (42, 684),
    (48, 709),
    (61, 725),
    (78, 731),
    (95, 727),
    (107, 713),
    (113.5, 690),
    ("heel-inner", 113, 655),
    (110.5, 625),
    (114, 595),
    (121, 566),
    ("ball-inner", 129, 540),
    (134, 518),
    (135, 498),
    ("big-toe-base-inner", 131, 474),
]
TOE_CREASE: list[Item] = [
    ("little-toe-base-outer", 26, 490),
    (42, 486),
    (59, 480),
    (77, 475.5),
    ("big-toe-crease-end", 96, 472.5),
]
BIG_CREASE: list[Item] = [
    ("big-toe-crease-end", 96, 472.5),
    (113, 477),
    ("big-toe-base-inner", 131, 474),
]
TOE_WEB: list[Item] = [("second-big-notch", 96.5, 462), ("big-toe-crease-end", 96, 472.5)]


def _toes(p: Part, pre: str, flip: bool) -> tuple[list[Digit], Callable[[str], str]]:
    """Add the toes, their base creases and the outline by the toes; mirror if ``flip``."""

    n, tr = _namer(pre, FOOT_M if flip else None)

    toes = [_flip(t, FOOT_M, t.name) if flip else t for t in TOES + [BIG_TOE]]
    notch_pts = [TOES[0].base_l] + [t.base_r for t in TOES]
    p.add(tr([(nm, x, y) for nm, (x, y) in zip(NOTCHES, notch_pts, strict=True)]))
    p.add(tr([("big-toe-base-inner", *BIG_TOE.base_r)]))
    names = NOTCHES + ["big-toe-base-inner"]
    for i, t in enumerate(toes):
        a, b = n(names[i]), n(names[i + 1])
        p.chain(n(t.name), *p.add(t.outline((b, a) if flip else (a, b))))
    p.chain(n("toe-crease"), *p.add(tr(TOE_CREASE)))
    p.chain(n("big-toe-crease"), *p.add(tr(BIG_CREASE)))
    p.line(n("big-toe-web"), *p.add(tr(TOE_WEB)))
    sfx = "" if pre == "sole" else "#top"
    small = [(n(t.name), n(names[i]), n(names[i + 1])) for i, t in enumerate(toes[:4])]
    p.region(
        f"toes{sfx}",
        *small,
        (n("big-toe-web"), n("second-big-notch"), n("big-toe-crease-end")),
        (n("toe-crease"), n("big-toe-crease-end"), n("little-toe-base-outer")),
    )
    p.region(
        f"big-toe{sfx}",
        *_outline(
            n,
            ("big-toe", "second-big-notch", "big-toe-base-inner"),
            ("big-toe-crease", "big-toe-base-inner", "big-toe-crease-end"),
            ("big-toe-web", "big-toe-crease-end", "second-big-notch"),
        ),
    )
    return toes, n


def _sole(p: Part) -> None:
    """The sole of the right foot from below (big toe on the viewer's right)."""
    toes, n = _toes(p, "sole", flip=False)
    out = [(n(it[0]), it[1], it[2]) if len(it) == 3 else it for it in SOLE_OUT]
    p.chain(n("outline"), *p.add(out))
    p.chain(n("ball-line"), n("ball-outer"), (55, 556), (90, 552.5), n("ball-inner"))
    p.chain(n("heel-line"), n("heel-outer"), (60, 643), (80, 639.5), (99, 642.5), n("heel-inner"))
    p.region(
        "heel",
        *_outline(
            n,
            ("outline", "heel-outer", "heel-inner"),
            ("heel-line", "heel-inner", "heel-outer"),
        ),
    )
    p.region(
        "arch",
        *_outline(
            n,
            ("outline", "ball-outer", "heel-outer"),
            ("heel-line", "heel-outer", "heel-inner"),
            ("outline", "heel-inner", "ball-inner"),
            ("ball-line", "ball-inner", "ball-outer"),
        ),
    )
    p.region(
        "forefoot-sole",
        *_outline(
            n,
            ("outline", "ball-outer", "little-toe-base-outer"),
            ("toe-crease", "little-toe-base-outer", "big-toe-crease-end"),
            ("big-toe-crease", "big-toe-crease-end", "big-toe-base-inner"),
            ("outline", "big-toe-base-inner", "ball-inner"),
            ("ball-line", "ball-inner", "ball-outer"),
        ),
    )
    big = toes[4]
    p.mark(*big.crease(0.52, bow=1.5, span=0.85))  # interphalangeal crease of the big toe
    for t in toes[:4]:
        p.mark(*t.crease(0.55, bow=0.8, span=0.7))
    # The inner edge of the footprint: the raised medial arch lies inside it.
    p.mark((111, 557), (97, 580), (89, 606), (91, 626), (97, 635))


def _top_of_foot(p: Part) -> None:
    """The top of the right foot from above (big toe on the viewer's left)."""
    toes, n = _toes(p, "top", flip=True)
    m = 2 * FOOT_M
    med: list[Item] = [
        (n("big-toe-base-inner"), m - 131, 474),
        (m - 135, 498),
        (m - 134, 518),
        (172, 532),
        (175, 562),
        (179, 591),
        (n("ankle-inner"), 183, 616),
        (179, 634),
        (176.5, 650),
        (180, 667),
        (186, 683),
        (188, 706),
        (n("leg-inner-bottom"), 188, 736),
    ]
    lat: list[Item] = [
        (n("little-toe-base-outer"), m - 26, 490),
        (m - 23, 508),
        (m - 23.5, 526),
        (277, 545),
        (273, 574),
        (269, 600),
        (n("ankle-outer"), 265, 624),
        (269, 645),
        (271, 664),
        (267, 682),
        (259, 697),
        (257, 715),
        (n("leg-outer-bottom"), 257, 736),
    ]
    p.chain(n("inner-edge"), *p.add(med))
    p.chain(n("outer-edge"), *p.add(lat))
    ai, ao = p.pt(n("ankle-front-inner"), 205, 626), p.pt(n("ankle-front-outer"), 241, 628)
    p.chain(n("ankle-crease"), n("ankle-inner"), ai, (223, 629), ao, n("ankle-outer"))
    p.chain(
        n("ankle-front-inner-line"),
        n("ankle-front-inner"),
        (203.5, 680),
        p.pt(n("ankle-front-inner-bottom"), 206, 736),
    )
    p.chain(
        n("ankle-front-outer-line"),
        n("ankle-front-outer"),
        (242.5, 682),
        p.pt(n("ankle-front-outer-bottom"), 240, 736),
    )
    p.line(
        n("bottom-line"),
        n("leg-inner-bottom"),
        n("ankle-front-inner-bottom"),
        n("ankle-front-outer-bottom"),
        n("leg-outer-bottom"),
    )
    p.region(
        "foot-top",
        *_outline(
            n,
            ("outer-edge", "little-toe-base-outer", "ankle-outer"),
            ("ankle-crease", "ankle-outer", "ankle-inner"),
            ("inner-edge", "ankle-inner", "big-toe-base-inner"),
            ("big-toe-crease", "big-toe-base-inner", "big-toe-crease-end"),
            ("toe-crease", "big-toe-crease-end", "little-toe-base-outer"),
        ),
    )
    p.region(
        "ankle-inner",
        *_outline(
            n,
            ("inner-edge", "ankle-inner", "leg-inner-bottom"),
            ("bottom-line", "leg-inner-bottom", "ankle-front-inner-bottom"),
            ("ankle-front-inner-line", "ankle-front-inner-bottom", "ankle-front-inner"),
            ("ankle-crease", "ankle-front-inner", "ankle-inner"),
        ),
    )
    p.region(
        "ankle-front",
        *_outline(
            n,
            ("ankle-crease", "ankle-front-inner", "ankle-front-outer"),
            ("ankle-front-outer-line", "ankle-front-outer", "ankle-front-outer-bottom"),
            ("bottom-line", "ankle-front-outer-bottom", "ankle-front-inner-bottom"),
            ("ankle-front-inner-line", "ankle-front-inner-bottom", "ankle-front-inner"),
        ),
    )
    p.region(
        "ankle-outer",
        *_outline(
            n,
            ("ankle-crease", "ankle-front-outer", "ankle-outer"),
            ("outer-edge", "ankle-outer", "leg-outer-bottom"),
            ("bottom-line", "leg-outer-bottom", "ankle-front-outer-bottom"),
            ("ankle-front-outer-line", "ankle-front-outer-bottom", "ankle-front-outer"),
        ),
    )
    big = toes[4]
    p.mark(*big.nail(0.60, 0.95, 0.30 * big.tip_w), closed=True)
    p.mark(*big.crease(0.40, bow=-1.2, span=0.5))
    for t in toes[:4]:
        p.mark(*t.nail(0.62, 0.93, 0.28 * t.tip_w), closed=True)
        p.mark(*t.crease(0.42, bow=-0.8, span=0.5))
    # Malleoli, and the extensor tendons to the big toe and the other toes.
    p.mark((186, 638), (183.5, 650), (186, 662))
    p.mark((262, 652), (264.5, 665), (262, 678))
    big_c = big.c0
    p.mark((207, 620), (199, 556), (big_c[0] + 1, big_c[1] + 14))
    for t, x0 in zip(toes[:4], (238, 233, 228, 223), strict=True):
        c0 = t.c0
        p.mark((x0, 620), ((x0 + c0[0]) / 2, (620 + c0[1]) / 2 + 4), (c0[0], c0[1] + 12))


def hands() -> Part:
    """Return the right half of the hands-and-feet view."""
    p = Part("hands")
    _palm(p)
    _back_of_hand(p)
    _sole(p)
    _top_of_foot(p)
    p.label("Right palm", 76, 374)
    p.label("Right back of hand", 225, 374)
    p.label("Right sole", 79, 752)
    p.label("Right top of foot", 225, 752)
    return p
