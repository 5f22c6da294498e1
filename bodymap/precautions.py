"""General precautions for self-care, kept as reviewable data in ``seed/precautions.toml``.

One block says who should ask a clinician before pressing on trigger points, that
Bodymap is for adults, and where never to press; it is shown wherever self-care appears
(card, handout, widget, API). The same file lists the areas where self-pressure is
refused, which ``bodymap.safety`` enforces on every muscle (issue #14).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, Field, model_validator

from bodymap.validation import (
    Frozen,
    RegionBase,
    SeedProblem,
    SourceRef,
    Text,
    ValidationContext,
    collapse,
    read_document,
)

FILE = "precautions.toml"

Name = Annotated[str, BeforeValidator(collapse), Field(min_length=1, max_length=120)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
Span = tuple[
    Annotated[float, Field(ge=0.0, le=1.0)],
    Annotated[float, Field(ge=0.0, le=1.0)],
]


class AskFirst(Frozen):
    """One situation in which a person should ask a clinician before self-care."""

    id: Slug
    text: Text
    sources: tuple[SourceRef, ...] = Field(min_length=1)


class NoPressArea(Frozen):
    """An area where self-pressure is refused: region bases, optionally a box inside them."""

    id: Slug
    name: Name
    regions: tuple[RegionBase, ...] = Field(min_length=1)
    # A box of a trigger point's ``at`` position inside the region (0..1 across, 0..1
    # down); the default box is the whole region.
    across: Span = (0.0, 1.0)
    down: Span = (0.0, 1.0)
    reason: Text
    sources: tuple[SourceRef, ...] = Field(min_length=1)

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


class Precautions(Frozen):
    """The whole ``precautions.toml``."""

    title: Name
    intro: Text
    adults_only: Text
    never_press: Text
    summary: Text
    ask_first: tuple[AskFirst, ...] = Field(min_length=1)
    no_self_pressure: tuple[NoPressArea, ...] = Field(min_length=1)

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


def read_precautions(
    path: Path, context: ValidationContext, problems: list[SeedProblem]
) -> Precautions | None:
    """Read and validate ``precautions.toml``; add every problem, return it or None."""
    pre = read_document(Precautions, path, entry="precautions", context=context, problems=problems)
    if pre is None:
        return None
    for kind, ids in (
        ("ask_first", [i.id for i in pre.ask_first]),
        ("no_self_pressure", [a.id for a in pre.no_self_pressure]),
    ):
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(SeedProblem(FILE, f"{kind} '{dup}'", "duplicate id"))
    return pre
