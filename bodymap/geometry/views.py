"""The figure's views, built from the half-body parts into concrete region shapes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from bodymap.geometry import hands
from bodymap.geometry.core import Bezier, Loop, Part, Shape, build_shapes, mirror_marks
from bodymap.geometry.load import Canvas, load_part
from bodymap.i18n import N_, gettext
from bodymap.regions import load_scheme


@dataclass(frozen=True)
class View:
    """One drawable view: its canvas, region shapes, outline and landmark lines."""

    name: str
    title: str
    width: float
    height: float
    cx: float
    shapes: tuple[Shape, ...]
    outline: tuple[Bezier, ...]
    marks: tuple[Loop, ...]
    # Where the person's right side is drawn: "left" of the canvas (front) or "right" (back).
    right_side_on: str
    # Captions of sub-figures: (text, x, y), both halves.
    labels: tuple[tuple[str, float, float], ...] = ()


def _swap_side(region: str) -> str:
    if region.endswith("-right"):
        return region[: -len("right")] + "left"
    if region.endswith("-left"):
        return region[: -len("left")] + "right"
    return region


def _key(b: Bezier) -> tuple[tuple[float, float], ...]:
    pts = tuple((round(x, 3), round(y, 3)) for x, y in b)
    return min(pts, pts[::-1])


def outline_of(shapes: tuple[Shape, ...]) -> tuple[Bezier, ...]:
    """Return the curves used by exactly one shape: the outer edge of the figure."""
    counts = Counter(_key(b) for s in shapes for b in s.loop)
    return tuple(b for s in shapes for b in s.loop if counts[_key(b)] == 1)


def _build(name: str, title: str, part: Part, canvas: Canvas, *, flip_sides: bool) -> View:
    scheme = load_scheme()
    midline = {b for b, entry in scheme.bases.items() if not entry.paired}
    cx = canvas.centre
    shapes = build_shapes(part, cx, midline)
    if flip_sides:
        shapes = [Shape(_swap_side(s.region), s.loop) for s in shapes]
    # In the scheme's order, as figure.py draws them, whatever order a part lists them in
    # (the outline's curves then follow the regions' own, which compresses best).
    order = {r.id: i for i, r in enumerate(scheme.regions)}
    shapes_t = tuple(sorted(shapes, key=lambda s: order[s.region]))
    return View(
        name=name,
        title=title,
        width=canvas.width,
        height=canvas.height,
        cx=cx,
        shapes=shapes_t,
        outline=outline_of(shapes_t),
        marks=tuple(mirror_marks(part, cx)),
        right_side_on="right" if flip_sides else "left",
        labels=tuple(_mirror_labels(part, cx)),
    )


def _mirror_labels(part: Part, cx: float) -> list[tuple[str, float, float]]:
    """Captions of the written half and their mirror images (one copy on the centre line)."""
    out: list[tuple[str, float, float]] = []
    swap = {"Right": "Left", "Left": "Right", "right": "left", "left": "right"}
    for text, (x, y) in part.labels:
        out.append((text, x, y))
        if abs(x - cx) > 1e-6:
            mirrored = " ".join(swap.get(w, w) for w in text.split(" "))
            out.append((mirrored, 2 * cx - x, y))
    return out


# Each view: its title (English; ``view_title`` gives it in the request's language),
# and the data file that holds its right half (None: hands.py).
_SOURCES: dict[str, tuple[str, str | None]] = {
    "front": (N_("Front"), "body.toml"),
    "back": (N_("Back"), "body.toml"),
    "head": (N_("Head"), "head.toml"),
    "hands": (N_("Hands & feet"), None),
}
# The figure's accessible name in each view.
_FIGURE_LABELS: dict[str, str] = {
    "front": N_("Body map, front view"),
    "back": N_("Body map, back view"),
    "head": N_("Body map, head view"),
    "hands": N_("Body map, hands and feet view"),
}
# Captions of sub-figures (in the data files and hands.py), and their mirror images.
CAPTIONS: tuple[str, ...] = (
    N_("Right side"),
    N_("Left side"),
    N_("Face"),
    N_("Right palm"),
    N_("Left palm"),
    N_("Right back of hand"),
    N_("Left back of hand"),
    N_("Right sole"),
    N_("Left sole"),
    N_("Right top of foot"),
    N_("Left top of foot"),
)


def view_title(name: str) -> str:
    """A view's title in the request's language: "Front", "Hands & feet"."""
    return gettext(_SOURCES[name][0])


def figure_label(name: str) -> str:
    """The accessible name of a view's figure, in the request's language."""
    return gettext(_FIGURE_LABELS[name])


@cache
def get_view(name: str) -> View:
    """Return a view by name (built once)."""
    title, filename = _SOURCES[name]
    if filename is None:
        part, canvas = hands.hands(), Canvas(hands.WIDTH, hands.HEIGHT, hands.CX)
    else:
        part, canvas = load_part(filename, name)
    # The back is written as if seen from the front; seen from behind, the half on the
    # canvas's left is the person's left.
    return _build(name, title, part, canvas, flip_sides=name == "back")


VIEW_NAMES: tuple[str, ...] = ("front", "back", "head", "hands")
