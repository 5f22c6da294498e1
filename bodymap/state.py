"""The explorer's whole state, as it lives in the URL (so a link reproduces the screen).

``?region=ID&region=ID&view=front&muscle=SLUG&side=right&lang=es``. Parsing is strict: unknown
values raise ``StateError`` with a message that names them, so the web layer can answer
with a clear 4xx instead of guessing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote_plus

from bodymap.regions import RegionScheme

MAX_REGION_PARAMS = 200
SIDES = ("right", "left", "both")
MODES = ("patient", "chairside")


# Characters that ``quote_plus`` leaves alone; valid ids never need quoting.
_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~")


def _quote(value: str) -> str:
    """``quote_plus`` with a fast path: a page builds dozens of links of known-safe ids."""
    return value if _SAFE.issuperset(value) else quote_plus(value)


class StateError(ValueError):
    """The URL names something that does not exist; ``field`` says which parameter."""

    def __init__(self, field: str, message: str, values: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.field = field
        self.values = list(values)


@dataclass(frozen=True, slots=True)
class ExplorerState:
    """Picked regions (in pick order), the figure view, and the chosen muscle."""

    regions: tuple[str, ...] = ()
    view: str = "front"
    muscle: str | None = None
    side: str = "right"
    # Checklist answers: the red flags the person said yes to.
    answers: tuple[str, ...] = ()
    # "chairside": the therapist's layout (figure as large as the screen allows).
    mode: str = "patient"
    # A second muscle whose pattern is drawn over the first, to compare them.
    compare: str | None = None
    compare_side: str = "right"
    # The page the state belongs to: "/" for the explorer, "/embed/<clinic>" in a widget.
    base: str = "/"
    # The language asked for in the URL (issue 15), kept by every link; None: the URL
    # names none, and the language comes from the clinic or the browser.
    lang: str | None = None

    def query(self, **changes: object) -> str:
        """Return the query string of this state (with ``changes`` applied)."""
        # Each field from ``changes`` or from self: no new state is built for a link (a page
        # asks for dozens).
        unknown = changes.keys() - _FIELDS
        if unknown:
            raise TypeError(f"unknown state fields: {sorted(unknown)}")

        def pick(name: str) -> Any:
            return changes[name] if name in changes else getattr(self, name)

        params: list[tuple[str, str]] = [("region", r) for r in pick("regions")]
        if pick("view") != "front":
            params.append(("view", pick("view")))
        if pick("muscle"):
            params += [("muscle", pick("muscle")), ("side", pick("side"))]
        if pick("compare"):
            params += [("compare", pick("compare")), ("compare_side", pick("compare_side"))]
        params += [("yes", a) for a in pick("answers")]
        if pick("mode") != "patient":
            params.append(("mode", pick("mode")))
        if pick("lang"):
            params.append(("lang", pick("lang")))
        return "&".join(f"{k}={_quote(v)}" for k, v in params)

    def url(self, path: str | None = None, **changes: object) -> str:
        """Return ``path`` (this state's page by default) with this state's query string."""
        path = path or self.base
        q = self.query(**changes)
        return f"{path}?{q}" if q else path

    def toggle_links(self) -> Callable[[str], str]:
        """Return a function giving ``self.toggled(region).url()`` for any region, fast.

        A figure asks for one link per region (a hundred or more for each view drawn),
        and only the regions change between them, so the rest of the query is built once.
        """
        picked = set(self.regions)
        parts = [f"region={_quote(r)}" for r in self.regions]
        tail = self.query(regions=())

        def link(region: str) -> str:
            if region in picked:
                regions = [p for p, r in zip(parts, self.regions, strict=True) if r != region]
            else:
                regions = [*parts, f"region={_quote(region)}"]
            q = "&".join([*regions, tail] if tail else regions)
            return f"{self.base}?{q}" if q else self.base

        return link

    def toggled(self, region: str) -> ExplorerState:
        """Return the state with ``region`` added, or removed if already picked."""
        if region in self.regions:
            return replace(self, regions=tuple(r for r in self.regions if r != region))
        return replace(self, regions=self.regions + (region,))


_FIELDS = frozenset(ExplorerState.__dataclass_fields__)


def check_regions(values: Iterable[str], scheme: RegionScheme) -> tuple[str, ...]:
    """Validate region ids; return them de-duplicated in order, or raise ``StateError``."""
    values = list(values)
    if len(values) > MAX_REGION_PARAMS:
        raise StateError(
            "region",
            f"too many region parameters ({len(values)}); at most {MAX_REGION_PARAMS} are accepted",
        )
    unknown = [v for v in dict.fromkeys(values) if v not in scheme]
    if unknown:
        shown = ", ".join(repr(u[:60]) for u in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        raise StateError(
            "region",
            f"unknown region id {shown}{more}; see /api/regions for the valid ids",
            unknown[:20],
        )
    return tuple(dict.fromkeys(values))


def parse_state(
    *,
    regions: Iterable[str],
    view: str | None,
    muscle: str | None,
    side: str | None,
    scheme: RegionScheme,
    muscles: Iterable[str],
    views: Sequence[str],
    answers: Iterable[str] = (),
    checklist: Iterable[str] = (),
    mode: str | None = None,
    compare: str | None = None,
    compare_side: str | None = None,
    lang: str | None = None,
    languages: Sequence[str] = (),
) -> ExplorerState:
    """Build a validated state from raw query parameters."""
    picked = check_regions(regions, scheme)
    view = view or views[0]
    if view not in views:
        raise StateError(
            "view", f"unknown view {view[:40]!r}; use one of {', '.join(views)}", [view[:40]]
        )
    if muscle is not None and muscle not in set(muscles):
        raise StateError(
            "muscle", f"unknown muscle {muscle[:60]!r}; see /api/muscles", [muscle[:60]]
        )
    side = side or "right"
    if side not in SIDES:
        raise StateError(
            "side", f"unknown side {side[:20]!r}; use right, left or both", [side[:20]]
        )
    allowed = set(checklist)
    said = tuple(dict.fromkeys(answers))
    unknown = [a[:60] for a in said if a not in allowed]
    if unknown:
        raise StateError("yes", f"unknown checklist answer {unknown[0]!r}", unknown[:20])
    mode = mode or "patient"
    if mode not in MODES:
        raise StateError(
            "mode", f"unknown mode {mode[:20]!r}; use patient or chairside", [mode[:20]]
        )
    if compare is not None and compare not in set(muscles):
        raise StateError(
            "compare", f"unknown muscle {compare[:60]!r}; see /api/muscles", [compare[:60]]
        )
    compare_side = compare_side or "right"
    if compare_side not in SIDES:
        raise StateError(
            "compare_side",
            f"unknown side {compare_side[:20]!r}; use right, left or both",
            [compare_side[:20]],
        )
    if lang is not None and lang not in languages:
        raise StateError(
            "lang", f"unsupported language {lang[:20]!r}; use {', '.join(languages)}", [lang[:20]]
        )
    return ExplorerState(
        regions=picked,
        view=view,
        muscle=muscle,
        side=side,
        answers=said,
        mode=mode,
        compare=compare if muscle else None,
        compare_side=compare_side,
        lang=lang,
    )
