"""The region scheme: the places a person can pick, with their sides, views and words.

Regions are written once, side-neutral, in ``bodymap/data/regions.toml``. A paired base
such as ``temple`` becomes ``temple-right`` and ``temple-left`` (the person's own right
and left); a midline base such as ``sternum`` keeps its name as its id.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any, Literal

from bodymap.i18n import gettext, pgettext

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
    # The grammatical gender of ``name`` where the language has one ("f", "m"): Spanish
    # writes "sien derecha" but "hombro derecho".
    gender: str = ""

    def _side(self) -> str:
        # The side word agrees with the place's gender where the language has one.
        if self.side == "right":
            if self.gender == "f":
                return pgettext("side of a feminine place", "right")
            if self.gender == "m":
                return pgettext("side of a masculine place", "right")
            return pgettext("side of a place", "right")
        if self.gender == "f":
            return pgettext("side of a feminine place", "left")
        if self.gender == "m":
            return pgettext("side of a masculine place", "left")
        return pgettext("side of a place", "left")

    @property
    def label(self) -> str:
        """Human name with its side, in the current language, e.g. ``Temple (right)``."""
        text = self.name[:1].upper() + self.name[1:]
        if self.side == "midline":
            return text
        # Translators: a place on the figure with its side, e.g. "Temple (right)".
        return gettext("%(place)s (%(side)s)") % {"place": text, "side": self._side()}

    @property
    def short_label(self) -> str:
        """The name with its side for running text, e.g. ``right temple``."""
        if self.side == "midline":
            return self.name
        # Translators: a place with its side in a sentence, e.g. "right temple".
        return gettext("%(side)s %(place)s") % {"place": self.name, "side": self._side()}


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
    gender: str = ""


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
                        gender=b.gender,
                    )
                )
        self.regions: tuple[Region, ...] = tuple(regions)
        self.by_id: dict[str, Region] = {r.id: r for r in regions}
        # What is drawn or derived from these places, built once (see bodymap.figure).
        self.cache: dict[tuple[str, ...], object] = {}

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

    def localized(self, texts: Mapping[str, Mapping[str, Any]]) -> RegionScheme:
        """The same places named in another language.

        ``texts`` maps a base to its ``name``, ``clinical`` name, ``synonyms`` and
        ``gender`` in that language; a base it lacks keeps its English words.
        """
        bases = []
        for b in self.bases.values():
            t = texts.get(b.base, {})
            bases.append(
                replace(
                    b,
                    name=t.get("name", b.name),
                    clinical_name=t.get("clinical", b.clinical_name),
                    synonyms=tuple(t.get("synonyms", b.synonyms)),
                    gender=t.get("gender", b.gender),
                )
            )
        return RegionScheme(bases)

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
