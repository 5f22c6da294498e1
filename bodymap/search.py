"""Find regions (and muscles) from the words people use: "outer elbow", "behind the eye".

Matching is case- and accent-insensitive over names, clinical names and synonyms. Each
region scores by its best-matching term:

    100  the query is exactly a term
     80  a term starts with the query
     60  every query word starts a word of the term (in any order)
     40  the query appears inside a term
     25  a close spelling (difflib ratio >= 0.8) of a term or of one of its words

Side words ("left", "right", "l", "r") pick the side and are not matched as text. Ties
keep the scheme's order (head to foot, right before left).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bodymap.knowledge import Muscle
from bodymap.regions import Region

MAX_QUERY = 200
_SIDE_WORDS = {"left": "left", "l": "left", "right": "right", "r": "right"}
_STOP = {"my", "the", "of", "in", "a", "an", "on", "at", "pain", "hurts", "ache", "side"}


def normalise(text: str) -> str:
    """Fold case and accents and keep letters, digits and single spaces."""
    text = unicodedata.normalize("NFKD", text[:MAX_QUERY])
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text).replace("'", "").split())


@dataclass(frozen=True, slots=True)
class _Query:
    text: str
    words: tuple[str, ...]
    side: str | None


def _parse(q: str) -> _Query:
    words = normalise(q).split()
    side = None
    kept: list[str] = []
    for w in words:
        if w in _SIDE_WORDS:
            side = _SIDE_WORDS[w]
        else:
            kept.append(w)
    content = [w for w in kept if w not in _STOP] or kept
    return _Query(text=" ".join(content), words=tuple(content), side=side)


def _term_score(query: _Query, term: str) -> int:
    t = normalise(term)
    t = " ".join(w for w in t.split() if w not in _SIDE_WORDS)
    if not query.text or not t:
        return 0
    if t == query.text:
        return 100
    if t.startswith(query.text):
        return 80
    twords = t.split()
    if all(any(tw.startswith(qw) for tw in twords) for qw in query.words):
        return 60
    if query.text in t:
        return 40
    if difflib.SequenceMatcher(None, query.text, t).ratio() >= 0.8:
        return 25
    if (
        len(query.words) == 1
        and len(query.text) >= 4
        and any(difflib.SequenceMatcher(None, query.text, tw).ratio() >= 0.8 for tw in twords)
    ):
        return 25
    return 0


def score_terms(q: str, terms: Iterable[str]) -> int:
    """Return the best score of a query against some terms (0: no match)."""
    query = _parse(q)
    return max((_term_score(query, t) for t in terms), default=0)


def search_regions(q: str, regions: Sequence[Region], limit: int | None = None) -> list[Region]:
    """Return the regions matching ``q``, best first.

    Arguments:
        q: free text in lay or clinical words; side words narrow the side.
        regions: the scheme's regions, in scheme order.
        limit: at most this many results.

    Returns:
        Matching regions; an empty or unmatched query gives an empty list.
    """
    query = _parse(q)
    if not query.text:
        return []
    scored: list[tuple[int, int, Region]] = []
    cache: dict[str, int] = {}
    for i, r in enumerate(regions):
        if query.side and r.side not in (query.side, "midline"):
            continue
        if r.base not in cache:
            cache[r.base] = max(
                _term_score(query, t)
                for t in (r.name, r.clinical_name, r.base.replace("-", " "), *r.synonyms)
            )
        s = cache[r.base]
        if s:
            scored.append((-s, i, r))
    scored.sort(key=lambda x: (x[0], x[1]))
    out = [r for _, _, r in scored]
    return out[:limit] if limit else out


def search_muscles(q: str, muscles: Sequence[Muscle]) -> list[Muscle]:
    """Return the muscles whose name, anatomical name or synonyms match ``q``, best first."""
    scored = [
        (score_terms(q, (m.name, m.anatomical_name, *m.synonyms)), i, m)
        for i, m in enumerate(muscles)
    ]
    return [m for s, _, m in sorted(scored, key=lambda t: (-t[0], t[1])) if s]
