"""A muscle's referral pattern as the figure draws it: zones plus trigger-point marks."""

from __future__ import annotations

from typing import cast

from bodymap.figure import Overlay, TriggerMark
from bodymap.knowledge import Knowledge
from bodymap.regions import Side


def overlay_for(k: Knowledge, slug: str, side: str) -> Overlay:
    """The referral pattern and trigger points of one muscle on one side (or "both").

    Arguments:
        k: the indexed knowledge base.
        slug: the muscle.
        side: "right", "left" or "both".

    Returns:
        The overlay the figure and the thumbnails draw.
    """
    mu = k.muscles[slug]
    sides: tuple[Side, ...] = ("right", "left") if side == "both" else (cast(Side, side),)
    marks = tuple(
        TriggerMark(region=k.scheme.on_side(t.region, s), at=t.at, label=t.name)
        for s in sides
        for t in mu.trigger_points
    )
    return Overlay(zones=dict(k.pattern(slug, side)), trigger_points=marks, title=mu.name)
