"""What the figure draws over the body for a chosen muscle: its pattern and trigger points."""

from __future__ import annotations

from functools import lru_cache

from bodymap.figure import Overlay, TriggerMark
from bodymap.knowledge import Knowledge

ZONES = ("essential", "spillover")


def overlay_for(k: Knowledge, slug: str, side: str) -> Overlay:
    """The referral pattern and trigger points of one muscle, for the figure.

    ``side="both"`` draws both sides; where they meet, essential beats spillover.
    """
    mu = k.muscles[slug]
    sides = ("right", "left") if side == "both" else (side,)
    zones: dict[str, str] = {}
    marks: list[TriggerMark] = []
    for s in sides:
        for region, zone in k.pattern(slug, s).items():  # type: ignore[arg-type]
            if zones.get(region) != "essential":
                zones[region] = zone
        for t in mu.trigger_points:
            marks.append(TriggerMark(region=k.scheme.on_side(t.base, s), at=t.at, label=t.name))  # type: ignore[arg-type]
    return Overlay(zones=zones, trigger_points=tuple(marks), title=mu.name)


@lru_cache(maxsize=4096)
def pattern_ids(k: Knowledge, slug: str, side: str) -> dict[str, str]:
    """A muscle's pattern as space-separated region ids per zone (both sides for "both"),
    for previewing it on the figure when a candidate is hovered or focused."""
    zones = overlay_for(k, slug, side).zones
    return {zone: " ".join(sorted(r for r, z in zones.items() if z == zone)) for zone in ZONES}
