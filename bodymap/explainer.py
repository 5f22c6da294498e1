"""The "How it works" page as reviewable, sourced data: ``seed/how_it_works.toml`` (#14).

What a trigger point is, active and latent points, referred pain, the figure's main and
spillover areas, what the evidence says and where it is debated, and what a first
professional session is like; each section names its sources.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from bodymap.precautions import Name, Slug
from bodymap.validation import (
    Frozen,
    SeedProblem,
    SourceRef,
    Text,
    ValidationContext,
    read_document,
)

FILE = "how_it_works.toml"


class Section(Frozen):
    """One section of the page: a heading, its paragraphs and their sources."""

    id: Slug
    heading: Name
    paragraphs: tuple[Text, ...] = Field(min_length=1)
    sources: tuple[SourceRef, ...] = Field(min_length=1)


class Explainer(Frozen):
    """The whole page."""

    title: Name
    intro: Text
    section: tuple[Section, ...] = Field(min_length=1)


def read_explainer(
    path: Path, context: ValidationContext, problems: list[SeedProblem]
) -> Explainer | None:
    """Read and validate ``how_it_works.toml``; add every problem, return it or None."""
    return read_document(Explainer, path, entry="how it works", context=context, problems=problems)
