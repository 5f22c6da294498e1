"""The "How it works" page as reviewable, sourced data: ``seed/how_it_works.toml`` (#14).

What a trigger point is, active and latent points, referred pain, the figure's main and
spillover areas, what the evidence says and where it is debated, and what a first
professional session is like; each section names its sources.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bodymap.precautions import Name, PrecautionSource, Problem, Slug, Text

FILE = "how_it_works.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Section(_Strict):
    """One section of the page: a heading, its paragraphs and their sources."""

    id: Slug
    heading: Name
    paragraphs: list[Text] = Field(min_length=1)
    sources: list[PrecautionSource] = Field(min_length=1)


class Explainer(_Strict):
    """The whole page."""

    title: Name
    intro: Text
    section: list[Section] = Field(min_length=1)


def read_explainer(
    path: Path, *, sources: set[str] | None = None
) -> tuple[Explainer | None, list[Problem]]:
    """Read and validate ``how_it_works.toml``; return it (or None) and every problem."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return None, [(FILE, "(file)", f"cannot read: {exc}")]
    try:
        page = Explainer.model_validate(data)
    except ValidationError as exc:
        problems: list[Problem] = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            entry = (
                f"section #{int(loc[1]) + 1}"
                if loc[:1] == ("section",) and len(loc) > 1
                else "(file)"
            )
            problems.append((FILE, entry, f"'{'.'.join(str(p) for p in loc)}': {err['msg']}"))
        return None, problems
    problems = []
    for s in page.section:
        for ref in s.sources:
            if sources is not None and ref.id not in sources:
                problems.append(
                    (FILE, f"section '{s.id}'", f"unknown source '{ref.id}' (not in sources.toml)")
                )
    return page, problems


@cache
def load_explainer(path: Path) -> Explainer:
    """Read ``how_it_works.toml`` once per process; raise ``ValueError`` if it is invalid."""
    page, problems = read_explainer(path)
    if page is None or problems:
        raise ValueError("\n".join(": ".join(p) for p in problems))
    return page
