"""Words the pages say in several places: sides, and the screen-reader status sentence."""

from __future__ import annotations


def side_words(side: str) -> str:
    """How a page names a side: "right side", "left side" or "both sides"."""
    return "both sides" if side == "both" else f"{side} side"


def plural(n: int, one: str, many: str) -> str:
    """``n`` with the noun phrase that fits it: "1 place", "2 places"."""
    return f"{n} {one if n == 1 else many}"


def summary(*, places: int, flags: int, muscles: int, card_name: str | None, side: str) -> str:
    """One sentence for screen readers after each change: what the results now hold."""
    parts = []
    if card_name is not None:
        parts.append(f"Showing {card_name}, {side_words(side)}.")
    if not places:
        parts.append("No places picked.")
    else:
        parts.append(f"{plural(places, 'place', 'places')} picked.")
        if flags:
            parts.append(f"{plural(flags, 'warning sign', 'warning signs')} to check first.")
        parts.append(
            f"{plural(muscles, 'muscle commonly refers', 'muscles commonly refer')} pain there."
        )
    return " ".join(parts)
