"""General precautions for self-care, kept as reviewable data in ``seed/precautions.toml``.

One block says who should ask a clinician before pressing on trigger points, that
Bodymap is for adults, and where never to press; it is shown wherever self-care appears
(card, handout, widget, API). The same file lists the areas where self-pressure is
refused, which ``bodymap.safety`` enforces on every muscle (issue #14).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

MAX_TEXT = 600
MAX_NAME = 120
FILE = "precautions.toml"


def _collapse(value: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise ValueError("must not be empty")
    return text


Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_collapse)]
Name = Annotated[str, Field(max_length=MAX_NAME), AfterValidator(_collapse)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
Span = tuple[
    Annotated[float, Field(ge=0.0, le=1.0)],
    Annotated[float, Field(ge=0.0, le=1.0)],
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PrecautionSource(_Strict):
    """A pointer into ``sources.toml``: which work, and where in it."""

    id: Slug
    locator: str = ""


class AskFirst(_Strict):
    """One situation in which a person should ask a clinician before self-care."""

    id: Slug
    text: Text
    sources: list[PrecautionSource] = Field(min_length=1)


class NoPressArea(_Strict):
    """An area where self-pressure is refused: region bases, optionally a box inside them."""

    id: Slug
    name: Name
    regions: list[Slug] = Field(min_length=1)
    # A box of a trigger point's ``at`` position inside the region (0..1 across, 0..1
    # down); the default box is the whole region.
    across: Span = (0.0, 1.0)
    down: Span = (0.0, 1.0)
    reason: Text
    sources: list[PrecautionSource] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> NoPressArea:
        for key in ("across", "down"):
            low, high = getattr(self, key)
            if low > high:
                raise ValueError(f"'{key}' must be [low, high] with low <= high")
        return self

    def contains(self, base: str, at: tuple[float, float]) -> bool:
        """Whether a point at ``at`` inside region base ``base`` lies in this area."""
        x, y = at
        return (
            base in self.regions
            and self.across[0] <= x <= self.across[1]
            and self.down[0] <= y <= self.down[1]
        )


class PrecautionsPublic(BaseModel):
    """The general precautions block as cards, the handout and the API show it."""

    title: str = Field(description="Heading of the block.")
    intro: str = Field(description="Lead-in to the list of situations.")
    ask_first: list[str] = Field(
        description="Situations in which to ask a clinician before any self-pressure."
    )
    adults_only: str = Field(description="Bodymap is for adults; what to do for a child.")
    never_press: str = Field(description="Where never to press (arteries, nerves, the spine).")
    summary: str = Field(description="All of the above in brief, as the printed handout shows it.")
    sources: list[str] = Field(description="Ids of the sources (see /api/export) behind it.")


class Precautions(_Strict):
    """The whole ``precautions.toml``."""

    title: Name
    intro: Text
    adults_only: Text
    never_press: Text
    summary: Text
    ask_first: list[AskFirst] = Field(min_length=1)
    no_self_pressure: list[NoPressArea] = Field(min_length=1)

    def public(self) -> PrecautionsPublic:
        """The block in the shape cards and the API show."""
        refs = [s for item in self.ask_first for s in item.sources]
        refs += [s for area in self.no_self_pressure for s in area.sources]
        ids = [s.id for s in refs]
        return PrecautionsPublic(
            title=self.title,
            intro=self.intro,
            ask_first=[item.text for item in self.ask_first],
            adults_only=self.adults_only,
            never_press=self.never_press,
            summary=self.summary,
            sources=list(dict.fromkeys(ids)),
        )


Problem = tuple[str, str, str]  # file, entry, message


def _entry(loc: tuple[int | str, ...], data: object) -> str:
    """Name the entry a validation error points at, e.g. ``ask_first 'bleeding'``."""
    if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
        items = data.get(loc[0]) if isinstance(data, dict) else None
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        ident = item.get("id") if isinstance(item, dict) else None
        return f"{loc[0]} '{ident}'" if isinstance(ident, str) else f"{loc[0]} #{loc[1] + 1}"
    return "(file)"


def read_precautions(
    path: Path, *, regions: set[str] | None = None, sources: set[str] | None = None
) -> tuple[Precautions | None, list[Problem]]:
    """Read and validate ``precautions.toml``; return it (or None) and every problem.

    Arguments:
        path: the file.
        regions: known region bases, to check the refused areas against (optional).
        sources: known source ids, to check every source reference against (optional).

    Returns:
        The precautions, or None when the file cannot be read or is invalid, and the
        problems as ``(file, entry, message)``.
    """
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return None, [(FILE, "(file)", f"cannot read: {exc}")]
    try:
        pre = Precautions.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            where = ".".join(str(p) for p in loc)
            problems.append((FILE, _entry(loc, data), f"'{where}': {err['msg']}"))
        return None, problems
    problems = []
    for kind, items in (("ask_first", pre.ask_first), ("no_self_pressure", pre.no_self_pressure)):
        seen: set[str] = set()
        for item in items:
            entry = f"{kind} '{item.id}'"
            if item.id in seen:
                problems.append((FILE, entry, "duplicate id"))
            seen.add(item.id)
            for ref in item.sources:
                if sources is not None and ref.id not in sources:
                    message = f"unknown source '{ref.id}' (not in sources.toml)"
                    problems.append((FILE, entry, message))
    for area in pre.no_self_pressure:
        for base in area.regions:
            if regions is not None and base not in regions:
                problems.append((FILE, f"no_self_pressure '{area.id}'", f"unknown region '{base}'"))
    return pre, problems


@cache
def load_precautions(path: Path) -> Precautions:
    """Read ``precautions.toml`` once per process; raise ``ValueError`` if it is invalid."""
    pre, problems = read_precautions(path)
    if pre is None or problems:
        raise ValueError("\n".join(": ".join(p) for p in problems))
    return pre
