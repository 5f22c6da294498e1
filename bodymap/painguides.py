"""Pain-guide likelihood: which muscles most commonly refer pain to each region, in order.

``seed/pain_guides.toml`` holds, for every region base of the scheme, the muscles the
pain guides of Travell & Simons name for that place, the most common source first. The
ranking uses the order once coverage is equal (``bodymap.ranking``); issue 13.

The file is validated with pydantic, then checked against the rest of the knowledge base:
every region base is covered, every muscle exists, every muscle listed for a place
refers pain there in its own ``[referral]`` block, and every muscle whose essential zone
is a place is listed for it. Problems come back as
``(file, entry, message)`` triples, the shape of ``bodymap.seedfiles.Problem``.

The guide is stored in the database as one row per region base with a JSON list
(``PainGuideRow``), so the web app reads it back with the rest of the knowledge.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlalchemy import JSON, Column
from sqlmodel import Field as SQLField
from sqlmodel import Session, SQLModel, col, select

from bodymap.knowledge import Muscle
from bodymap.regions import RegionScheme

FILE = "pain_guides.toml"
MAX_MUSCLES = 20

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
PainGuides = dict[str, tuple[str, ...]]
"""Region base -> muscle slugs, the most common source of pain there first."""

ProblemTriple = tuple[str, str, str]


class GuideEntry(BaseModel):
    """One region's entry: its muscles in pain-guide order, and where the order comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: Slug
    locator: str = Field(min_length=1, max_length=200)
    muscles: tuple[Slug, ...] = Field(min_length=1, max_length=MAX_MUSCLES)


class PainGuideRow(SQLModel, table=True):
    """The pain-guide order of one region base, as stored in the database."""

    __tablename__ = "pain_guide"

    base: str = SQLField(primary_key=True, max_length=64)
    muscles: list[str] = SQLField(default_factory=list, sa_column=Column(JSON, nullable=False))
    position: int = 0


def _location(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(entry)"


def parse_pain_guides(
    data: Mapping[str, object],
    *,
    scheme: RegionScheme,
    muscles: Iterable[Muscle],
    source_ids: set[str],
) -> tuple[PainGuides, list[ProblemTriple]]:
    """Validate the parsed TOML of the pain guides against the scheme and the muscles.

    Arguments:
        data: the file's tables, keyed by region base.
        scheme: the region scheme (its bases must all be covered).
        muscles: the knowledge base's muscles (each listed one must refer there).
        source_ids: the ids of ``sources.toml``.

    Returns:
        The guides in scheme order (only valid entries) and every problem found.
    """
    problems: list[ProblemTriple] = []
    by_slug = {m.slug: m for m in muscles}
    entries: dict[str, GuideEntry] = {}
    for base, raw in data.items():
        entry = f"[{base}]"
        if base not in scheme.bases:
            problems.append((FILE, entry, f"unknown region base '{base}'"))
            continue
        try:
            parsed = GuideEntry.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                problems.append((FILE, entry, f"{_location(err['loc'])}: {err['msg']}"))
            continue
        if parsed.source not in source_ids:
            problems.append((FILE, entry, f"unknown source '{parsed.source}'"))
        seen: set[str] = set()
        for slug in parsed.muscles:
            if slug in seen:
                problems.append((FILE, entry, f"'{slug}' is listed twice"))
            seen.add(slug)
            muscle = by_slug.get(slug)
            if muscle is None:
                problems.append((FILE, entry, f"unknown muscle '{slug}' (no seed/muscles file)"))
            elif all(z.base != base for z in muscle.zones):
                problems.append(
                    (
                        FILE,
                        entry,
                        f"'{slug}' is listed but its [referral] block does not reach '{base}'",
                    )
                )
        entries[base] = parsed
        # The other direction: a muscle whose main (essential) zone is here but that the
        # guide forgot would silently rank after every listed one.
        for muscle in by_slug.values():
            if muscle.slug not in seen and any(
                z.base == base and z.zone == "essential" for z in muscle.zones
            ):
                problems.append(
                    (FILE, entry, f"'{muscle.slug}' refers its main pain here but is not listed")
                )
    for base in scheme.bases:
        if base not in data:
            problems.append((FILE, f"[{base}]", "region has no pain-guide entry"))
    guides = {
        base: tuple(dict.fromkeys(entries[base].muscles))
        for base in scheme.bases
        if base in entries
    }
    return guides, problems


def read_pain_guides(
    root: Path, *, scheme: RegionScheme, muscles: Iterable[Muscle], source_ids: set[str]
) -> tuple[PainGuides, list[ProblemTriple]]:
    """Read and check ``<root>/pain_guides.toml``; see ``parse_pain_guides``."""
    try:
        with (root / FILE).open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {}, [(FILE, "(file)", f"cannot read: {exc}")]
    return parse_pain_guides(data, scheme=scheme, muscles=muscles, source_ids=source_ids)


def guide_rows(guides: PainGuides) -> list[PainGuideRow]:
    """Turn the guides into database rows (one per region base, in scheme order)."""
    return [
        PainGuideRow(base=base, muscles=list(slugs), position=i)
        for i, (base, slugs) in enumerate(guides.items())
    ]


def load_guide_rows(session: Session) -> PainGuides:
    """Read the guides back from the database."""
    rows = session.exec(select(PainGuideRow).order_by(col(PainGuideRow.position)))
    return {r.base: tuple(r.muscles) for r in rows}
