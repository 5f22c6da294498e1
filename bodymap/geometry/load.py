"""Read a figure's geometry from a data file beside the region scheme.

The body views and the head close-up are coordinates, so they are written as data
(``bodymap/data/body.toml``, ``bodymap/data/head.toml``) with readable names, and this
module turns one view of a file into a ``Part`` (see ``core.py`` for how a part becomes
region outlines that share their borders exactly and mirror into a left half).

A file has these sections, in this order, so nothing is used before it is defined:

* ``canvas``: ``width``, ``height`` and ``centre`` (the x of the centre line);
* ``points``: named places on the person's right half, ``name = [x, y]``;
* ``chains``, ``straight-lines``, ``closed-chains``: curves through points, each a list
  of point names and unnamed ``[x, y]`` points;
* ``regions``: each region's outline as pieces ``[chain, from point, to point]`` in turn
  (``"region#where"`` draws a region a second time in the same view);
* ``renamed``: an outline shared by two views that is another region in one of them;
* ``landmarks``: lines drawn for orientation, ``{what, through, closed}``;
* ``labels``: captions of sub-figures, ``"text" = [x, y]``.

Every section but ``canvas`` is split into scopes: ``both`` (shared by the file's views)
and one per view; a view reads ``both`` and then its own scope.

The hands-and-feet close-up stays in code (``hands.py``): its fingers and toes are
generated from a few measures each, and written out as points they would be numbers
without a meaning.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from bodymap.geometry.core import GeometryError, Part, Point

SECTIONS = (
    "canvas",
    "points",
    "chains",
    "straight-lines",
    "closed-chains",
    "regions",
    "renamed",
    "landmarks",
    "labels",
)


@dataclass(frozen=True)
class Canvas:
    """The drawing area of a view, and the x of the centre line it is mirrored about."""

    width: float
    height: float
    centre: float


@cache
def _read(filename: str) -> dict[str, Any]:
    text = resources.files("bodymap").joinpath(f"data/{filename}").read_text("utf-8")
    return tomllib.loads(text)


def _point(value: Any, where: str) -> Point:
    if not (isinstance(value, list) and len(value) == 2):
        raise GeometryError(f"{where}: a point is [x, y], not {value!r}")
    return (float(value[0]), float(value[1]))


def _through(values: list[Any], where: str) -> list[str | Point]:
    return [v if isinstance(v, str) else _point(v, where) for v in values]


def load_part(filename: str, view: str) -> tuple[Part, Canvas]:
    """Return one view's half-body part, and its canvas, from a file in ``bodymap/data/``."""
    return part_from_data(_read(filename), view, where=filename)


def part_from_data(data: dict[str, Any], view: str, *, where: str) -> tuple[Part, Canvas]:
    """Return one view's half-body part, and its canvas, from a parsed geometry file.

    Arguments:
        data: the file, as ``tomllib`` reads it.
        view: the scope to read besides ``both``.
        where: the file's name, for messages.

    Returns:
        The part, as written (the person's right half), and the view's canvas.

    Raises:
        GeometryError: sections out of order, a malformed point or piece, or a name used
            that is not defined (above).
    """
    if list(data) != [s for s in SECTIONS if s in data]:
        raise GeometryError(f"{where}: sections must come in this order: {', '.join(SECTIONS)}")
    filename = where

    def scoped(section: str) -> Iterator[tuple[str, Any]]:
        for scope in ("both", view):
            yield from data.get(section, {}).get(scope, {}).items()

    part = Part(view)
    for name, value in scoped("points"):
        x, y = _point(value, f"{filename}: {name}")
        part.pt(name, x, y)
    for name, items in scoped("chains"):
        part.chain(name, *_through(items, f"{filename}: {name}"))
    for name, items in scoped("straight-lines"):
        part.line(name, *_through(items, f"{filename}: {name}"))
    for name, items in scoped("closed-chains"):
        part.chain(name, *_through(items, f"{filename}: {name}"), closed=True)
    renamed = dict(scoped("renamed"))
    for name, pieces in scoped("regions"):
        part.region(renamed.get(name, name), *(tuple(p) for p in pieces))
    for scope in ("both", view):
        for mark in data.get("landmarks", {}).get(scope, []):
            where = f"{filename}: landmark {mark.get('what')}"
            part.mark(*_through(mark["through"], where), closed=mark.get("closed", False))
    for text, value in scoped("labels"):
        x, y = _point(value, f"{filename}: label {text}")
        part.label(text, x, y)
    canvas = data["canvas"]
    return part, Canvas(float(canvas["width"]), float(canvas["height"]), float(canvas["centre"]))
