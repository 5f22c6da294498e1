"""Red flags: which warning symptoms apply to the picked regions, most urgent first.

Bodymap never softens a red flag: every flag attached to any picked region is shown,
ordered emergency, then urgent, then see-a-clinician, above any muscle.
"""

from __future__ import annotations

from collections.abc import Sequence

from bodymap.knowledge import LEVELS, Knowledge, RedFlag

_LEVEL_ORDER = {lvl: i for i, lvl in enumerate(LEVELS)}


def flags_for(picked: Sequence[str], knowledge: Knowledge) -> list[RedFlag]:
    """Return the red flags that apply to any picked region, most urgent first.

    Arguments:
        picked: region ids.
        knowledge: the indexed knowledge base.

    Returns:
        Unique flags ordered by level (emergency first), then by their order in the seed.
    """
    seen: dict[str, RedFlag] = {}
    for region in picked:
        for flag in knowledge.flags_by_region.get(region, ()):
            seen.setdefault(flag.id, flag)
    seed_order = {fid: i for i, fid in enumerate(knowledge.red_flags)}
    return sorted(seen.values(), key=lambda f: (_LEVEL_ORDER[f.level], seed_order[f.id]))


def most_urgent(flags: Sequence[RedFlag]) -> str | None:
    """Return the most urgent level among ``flags``, or None when there are none."""
    return min((f.level for f in flags), key=_LEVEL_ORDER.__getitem__, default=None)
