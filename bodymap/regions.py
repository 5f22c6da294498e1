"""The region scheme: the places a person can pick, with their sides, views and words.

Regions are written once, side-neutral, in ``bodymap/data/regions.toml``. A paired base
such as ``temple`` becomes ``temple-right`` and ``temple-left`` (the person's own right
and left); a midline base such as ``sternum`` keeps its name as its id.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

Side = Literal["left", "right", "midline"]
LATERAL_SIDES: tuple[Side, Side] = ("right", "left")
GROUPS: tuple[str, ...] = (
    "head",
    "neck",
    "shoulder",
    "arm",
    "hand",
    "chest",
    "abdomen",
    "upper-back",
    "low-back",
    "pelvis",
    "hip-thigh",
    "knee",
    "leg",
    "foot",
)


@dataclass(frozen=True, slots=True)
class Region:
    """One pickable place on one side of the body."""

    id: str
    base: str
    side: Side
    name: str
    clinical_name: str
    group: str
    views: tuple[str, ...]
    synonyms: tuple[str, ...]

    @property
    def label(self) -> str:
        """Human name with its side, e.g. ``Temple (right)``."""
        text = self.name[:1].upper() + self.name[1:]
        return text if self.side == "midline" else f"{text} ({self.side})"


@dataclass(frozen=True, slots=True)
class BaseRegion:
    """A side-neutral region entry as written in the scheme file."""

    base: str
    paired: bool
    name: str
    clinical_name: str
    group: str
    views: tuple[str, ...]
    synonyms: tuple[str, ...]


def region_id(base: str, side: Side) -> str:
    """Return the id of ``base`` on ``side`` (midline bases ignore the side)."""
    return base if side == "midline" else f"{base}-{side}"


def opposite(side: Side) -> Side:
    """Return the other side; the midline stays the midline."""
    if side == "midline":
        return side
    return "left" if side == "right" else "right"


class RegionScheme:
    """All regions, looked up by id or by side-neutral base."""

    def __init__(self, bases: list[BaseRegion]) -> None:
        self.bases: dict[str, BaseRegion] = {b.base: b for b in bases}
        regions: list[Region] = []
        for b in bases:
            sides: tuple[Side, ...] = LATERAL_SIDES if b.paired else ("midline",)
            for side in sides:
                regions.append(
                    Region(
                        id=region_id(b.base, side),
                        base=b.base,
                        side=side,
                        name=b.name,
                        clinical_name=b.clinical_name,
                        group=b.group,
                        views=b.views,
                        synonyms=b.synonyms,
                    )
                )
        self.regions: tuple[Region, ...] = tuple(regions)
        self.by_id: dict[str, Region] = {r.id: r for r in regions}

    def __contains__(self, region: object) -> bool:
        return region in self.by_id

    def __getitem__(self, region: str) -> Region:
        return self.by_id[region]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.regions)

    def __len__(self) -> int:
        return len(self.regions)

    def ids_for_base(self, base: str) -> tuple[str, ...]:
        """Return every region id of ``base`` (two for a pair, one on the midline)."""
        b = self.bases[base]
        if not b.paired:
            return (b.base,)
        return tuple(region_id(base, s) for s in LATERAL_SIDES)

    def on_side(self, base: str, side: Side) -> str:
        """Return the id of ``base`` on the given side of the body."""
        return region_id(base, side if self.bases[base].paired else "midline")

    def mirror(self, region: str) -> str:
        """Return the id of the same place on the other side."""
        r = self.by_id[region]
        return region_id(r.base, opposite(r.side))

    def in_view(self, view: str) -> tuple[Region, ...]:
        """Return the regions the named view draws."""
        return tuple(r for r in self.regions if view in r.views)


def parse_scheme(text: str) -> RegionScheme:
    """Parse the TOML text of a region scheme."""
    data = tomllib.loads(text)
    bases = [
        BaseRegion(
            base=key,
            paired=bool(entry["paired"]),
            name=entry["name"],
            clinical_name=entry["clinical"],
            group=entry["group"],
            views=tuple(entry["views"]),
            synonyms=tuple(entry.get("synonyms", ())),
        )
        for key, entry in data.items()
    ]
    return RegionScheme(bases)


@cache
def load_scheme() -> RegionScheme:
    """Return the region scheme shipped with the package (parsed once)."""
    text = resources.files("bodymap").joinpath("data/regions.toml").read_text("utf-8")
    return parse_scheme(text)
