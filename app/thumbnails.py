"""Pattern thumbnails: one small SVG per muscle and side, drawn once and cached for a year.

A thumbnail's URL carries a hash of its picture (``?v=``), so when the knowledge changes
the URL changes too, and a browser or CDN may keep each picture for good.
"""

from __future__ import annotations

import hashlib
from weakref import WeakKeyDictionary

from bodymap.figure import pattern_thumbnail
from bodymap.knowledge import Knowledge
from bodymap.patterns import overlay_for

SIDES = ("right", "left", "both")


# Pictures drawn so far, per knowledge snapshot: they go with the snapshot when a reload
# replaces it (an lru_cache keyed on the knowledge kept old snapshots alive).
_DRAWN: WeakKeyDictionary[Knowledge, dict[tuple[str, str], tuple[str, str]]] = WeakKeyDictionary()


def thumbnail(k: Knowledge, slug: str, side: str) -> tuple[str, str]:
    """The picture of one muscle's pattern on one side, and its version (a content hash)."""
    drawn = _DRAWN.setdefault(k, {})
    if (slug, side) not in drawn:
        svg = pattern_thumbnail(overlay_for(k, slug, side), uid=f"{slug}-{side}")
        drawn[(slug, side)] = (svg, hashlib.sha256(svg.encode()).hexdigest()[:12])
    return drawn[(slug, side)]


def thumbnail_url(k: Knowledge, slug: str, side: str) -> str:
    """Where the thumbnail is served, versioned by its content."""
    side = side if side in SIDES else "right"
    return f"/thumbnails/{slug}-{side}.svg?v={thumbnail(k, slug, side)[1]}"
