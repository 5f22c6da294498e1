"""Pain-guide likelihood: which muscles most commonly refer pain to each place, in order.

``seed/pain_guides.toml`` holds, for every region base of the scheme, the muscles the
pain guides of Travell & Simons name for that place, the most common source first. The
ranking uses the order once coverage is equal (``bodymap.ranking``).

Each entry is validated by ``bodymap.knowledge.PainGuide``; ``check_pain_guides`` then
checks it against the rest of the knowledge base: every region base is covered, every
muscle exists and refers pain there in its own ``[referral]`` block, and every muscle
whose essential zone is a place is listed for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from bodymap.knowledge import Muscle, PainGuide
from bodymap.regions import RegionScheme
from bodymap.validation import SeedProblem, ValidationContext, read_toml, validate

FILE = "pain_guides.toml"


def parse_pain_guides(
    data: dict[str, object],
    *,
    scheme: RegionScheme,
    context: ValidationContext,
    muscles: Iterable[Muscle],
    problems: list[SeedProblem],
) -> tuple[PainGuide, ...]:
    """Validate the parsed file and check it against the scheme and the muscles.

    Arguments:
        data: the file's tables, keyed by region base.
        scheme: the region scheme (its bases must all be covered).
        context: validation context (known source ids).
        muscles: the knowledge base's muscles (each listed one must refer there).
        problems: where every problem found is added.

    Returns:
        The valid entries, in the scheme's order of places.
    """
    guides = []
    for base, raw in data.items():
        entry = f"pain guide '{base}'"
        if base not in scheme.bases:
            problems.append(SeedProblem(FILE, entry, f"unknown region base '{base}'"))
            continue
        item = {**raw, "id": base} if isinstance(raw, dict) else raw
        guide = validate(
            PainGuide, item, file=FILE, entry=entry, context=context, problems=problems
        )
        if guide is not None:
            guides.append(guide)
    problems += check_pain_guides(guides, scheme, muscles)
    order = {base: i for i, base in enumerate(scheme.bases)}
    return tuple(sorted(guides, key=lambda g: order[g.id]))


def check_pain_guides(
    guides: Sequence[PainGuide], scheme: RegionScheme, muscles: Iterable[Muscle]
) -> list[SeedProblem]:
    """Check the guides agree with the muscles' zones and cover every place."""
    problems = []
    by_slug = {m.slug: m for m in muscles}
    for guide in guides:
        entry = f"pain guide '{guide.id}'"

        def problem(message: str, entry: str = entry) -> None:
            problems.append(SeedProblem(FILE, entry, message))

        seen: set[str] = set()
        for slug in guide.muscles:
            if slug in seen:
                problem(f"'{slug}' is listed twice")
            seen.add(slug)
            muscle = by_slug.get(slug)
            if muscle is None:
                problem(f"unknown muscle '{slug}' (no seed/muscles file)")
            elif all(z.base != guide.id for z in muscle.zones):
                problem(f"'{slug}' is listed but its [referral] block does not reach '{guide.id}'")
        # The other direction: a muscle whose main (essential) zone is here but that the
        # guide forgot would silently rank after every listed one.
        for muscle in by_slug.values():
            if muscle.slug not in seen and guide.id in muscle.bases("essential"):
                problem(f"'{muscle.slug}' refers its main pain here but is not listed")
    covered = {g.id for g in guides}
    for base in scheme.bases:
        if base not in covered:
            problems.append(SeedProblem(FILE, f"pain guide '{base}'", "region has no entry"))
    return problems


def read_pain_guides(
    path: Path,
    scheme: RegionScheme,
    context: ValidationContext,
    muscles: Iterable[Muscle],
    problems: list[SeedProblem],
) -> tuple[PainGuide, ...]:
    """Read and check the pain-guide file; see ``parse_pain_guides``."""
    data = read_toml(path, path.parent, problems)
    if data is None:
        return ()
    return parse_pain_guides(
        data, scheme=scheme, context=context, muscles=muscles, problems=problems
    )
