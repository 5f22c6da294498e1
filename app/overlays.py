"""What the page shows of a muscle's pattern besides the figure: its region ids for preview."""

from __future__ import annotations

from bodymap.knowledge import ZONES, Knowledge


def pattern_ids(k: Knowledge, slug: str, side: str) -> dict[str, str]:
    """A muscle's pattern as space-separated region ids per zone (both sides for "both"),
    for previewing it on the figure when a candidate is hovered or focused."""
    pattern = k.pattern(slug, side)
    return {zone: " ".join(sorted(r for r, z in pattern.items() if z == zone)) for zone in ZONES}
