"""The geometry data files: readable, complete, used, and read in one order."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from typing import Any

import pytest

from bodymap.geometry import hands
from bodymap.geometry.core import GeometryError, Part, build_shapes, mirror
from bodymap.geometry.load import load_part, part_from_data
from bodymap.geometry.views import get_view

VIEW_PARTS = ["front", "back", "head", "hands"]


def _part(view: str) -> Part:
    """The half-body part a view is drawn from: from its data file, or hands.py's code."""
    if view == "hands":
        return hands.hands()
    return load_part("head.toml" if view == "head" else "body.toml", view)[0]


SQUARE = """
[canvas]
width = 100
height = 100
centre = 50

[points.both]
top-in = [50, 10]
top-out = [20, 10]
bottom-out = [20, 40]
bottom-in = [50, 40]

[straight-lines.both]
top = ["top-in", "top-out"]
side = ["top-out", "bottom-out"]
bottom = ["bottom-out", "bottom-in"]

[straight-lines.front]
middle = ["bottom-in", "top-in"]

[regions.both]
box = [["top", "top-in", "top-out"], ["side", "top-out", "bottom-out"],
  ["bottom", "bottom-out", "bottom-in"], ["middle", "bottom-in", "top-in"]]

[renamed.back]
box = "crate"
"""


@pytest.mark.parametrize("view", VIEW_PARTS)
def test_every_chain_and_point_is_used(view: str) -> None:
    """No dead data: each chain borders a region, each named point lies on a chain."""
    part = _part(view)
    on_borders = {piece[0] for pieces in part.regions.values() for piece in pieces}
    assert set(part.chains) == on_borders
    on_chains = {name for chain in part.chains.values() for name in chain.index}
    assert set(part.points) == on_chains


@pytest.mark.parametrize("view", VIEW_PARTS)
def test_names_are_words_not_codes(view: str) -> None:
    part = _part(view)
    short = {"c7", "t12", "l5"}  # vertebrae: the names clinicians use
    for name in [*part.points, *part.chains]:
        assert name in short or (len(name) >= 4 and "_" not in name), name


def test_a_small_file_draws_a_region_and_its_mirror() -> None:
    part, canvas = part_from_data(tomllib.loads(SQUARE), "front", where="square")
    assert (canvas.width, canvas.height, canvas.centre) == (100, 100, 50)
    right, left = build_shapes(part, canvas.centre, set())
    assert (right.region, left.region) == ("box-right", "box-left")
    assert left.loop == tuple(mirror(b, 50) for b in right.loop)


def test_a_view_reads_both_and_its_own_scope_and_renames() -> None:
    data = tomllib.loads(SQUARE)
    back = data["straight-lines"].setdefault("back", {})
    back["middle"] = ["bottom-in", "top-in"]
    part, _ = part_from_data(data, "back", where="square")
    assert list(part.regions) == ["crate"]
    with pytest.raises(GeometryError, match="chain middle is not defined above"):
        part_from_data(tomllib.loads(SQUARE), "back", where="square")


def test_the_same_arm_is_another_place_from_behind() -> None:
    front, back = get_view("front"), get_view("back")
    arm = {s.region: s.loop for s in front.shapes}["upper-arm-front-right"]
    # One outline, written once: on the canvas's left it is the person's right upper arm
    # seen from the front, and their left one seen from behind.
    assert {s.region: s.loop for s in back.shapes}["upper-arm-back-left"] == arm


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["straight-lines"]["both"].update(top=["top-in", "nowhere"]), "nowhere"),
        (lambda d: d["regions"]["both"]["box"].append(["side", "top-in", "bottom-in"]), "top-in"),
        (lambda d: d["regions"]["both"].update(lid=[["top", "a", "b", "c"]]), "not \\[chain"),
        (lambda d: d["points"]["both"].update(odd=[1, 2, 3]), "odd"),
        (lambda d: d.update(points=d.pop("points")), "order"),
        (lambda d: d["regions"]["both"]["box"].pop(), "does not close"),
    ],
)
def test_inconsistent_data_is_refused_with_the_name_at_fault(
    change: Callable[[dict[str, Any]], object], message: str
) -> None:
    data = tomllib.loads(SQUARE)
    change(data)
    with pytest.raises(GeometryError, match=message):
        part, canvas = part_from_data(data, "front", where="square")
        build_shapes(part, canvas.centre, set())
