"""Find regions (and muscles) from the words people use: "outer elbow", "behind the eye".

People type sentences ("heel pain in the morning"), plurals ("temples"), misspellings
("sholder", "kne"), conditions ("tennis elbow", "plantar fasciitis") and muscle
nicknames ("traps", "QL"). Matching works on words (issue 13):

1. Text is folded (case, accents, apostrophes) and split into words; stop words ("my",
   "when", "in the", "pain", "hurts") are dropped, plurals made singular and "-ing" cut, for the
   query and for every name, clinical name and synonym alike. Side words ("left",
   "right") pick the side and are not matched as text.
2. Each query word is matched against the vocabulary of all those words: exactly (1.0),
   as the start of a longer word while typing (the last word only: "kne" -> "knee",
   0.9), or as a close
   spelling by rapidfuzz's ratio (>= 80: "sholder" -> "shoulder"; worth 0.85 x ratio).
3. A term (one name or synonym) scores by how much of it the query covers and how much
   of the query it explains:

       score = 100 x (matched weight of the term's words / its words)
                   x (1 + words of the query it matches / query words) / 2

   A region scores by its best term. So "heel" for "heel pain in the morning" scores 75
   ("morning" is left unexplained), and a term that is exactly the query scores 100.
4. When no word matches at all, the query as a whole (up to four words) is compared
   with every term by rapidfuzz's ratio, and places scoring at least 70 are offered as
   the closest ones ("shoulderblade" -> "shoulder blade").

Ties keep the scheme's order (head to foot, right before left). The vocabulary and the
index from words to terms are built once per region list.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bodymap.knowledge import Muscle
from bodymap.regions import Region

MAX_QUERY = 200
MAX_WORDS = 16  # a sentence longer than this is cut: the place is said early
_SIDE_WORDS = {
    "left": "left",
    "l": "left",
    "right": "right",
    "r": "right",
    # Spanish: "izquierda", "derecho", "izq.", "dcha."
    "izquierda": "left",
    "izquierdo": "left",
    "izq": "left",
    "derecha": "right",
    "derecho": "right",
    "dcha": "right",
    "dcho": "right",
}
# Words that say nothing about where: grammar, feelings, and when it hurts.
_STOP = frozenset(
    """
    a about after all also am an and any are at bad be been before being both but by can
    cant could did do does doing dont during each every feel feeling feels for from get
    gets getting got had has have having he her here hers him his how i id ill im in is it
    its ive just keeps kind like lot lots me mine more most much my myself no not now of
    often on one only or our own please quite really she so some something sometimes still
    such than that the their them then there these they this those to too very was we
    were what when whenever where which while who why will with would you your
    pain pains painful hurt hurts hurting ache aches aching achy sore soreness tender
    tenderness stiff stiffness sharp dull throbbing burning shooting stabbing constant
    severe mild bit problem problems issue issues discomfort region area zone part spot
    a al algo cuando de del desde el ella ello en es esta este esto estoy hay la las
    le lo los mas me mi mis muy no o otra otro para pero poco por que se si sin siento
    siempre su sus tambien tengo todo un una uno unos y ya yo
    dolor dolores duele duelen dolorido dolorida molestia molestias molesta pinchazo
    punzante agudo sordo fuerte leve rigidez rigido rigida zona parte
    """.split()
)
# Irregular plurals; regular ones lose their "s" (see _singular).
_IRREGULAR = {
    "calves": "calf",
    "feet": "foot",
    "teeth": "tooth",
    "halves": "half",
    "thighs": "thigh",
    "knives": "knife",
}
EXACT, PREFIX, FUZZY_WEIGHT = 1.0, 0.9, 0.85
FUZZY_CUTOFF = 80
FALLBACK_CUTOFF = 70
FALLBACK_WORDS = 4  # a longer query that matches no word at all is not a typo of a place
MEMO_SIZE = 4096


def normalise(text: str) -> str:
    """Fold case and accents and keep letters, digits and single spaces."""
    text = unicodedata.normalize("NFKD", text[:MAX_QUERY])
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text).replace("'", "").split())


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) >= 6 and word.endswith("ing"):  # "clicking" meets "clicks"
        return word[:-3]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> tuple[str, ...]:
    """Return the content words of ``text``: folded, without stop words, singular."""
    return tuple(_singular(w) for w in normalise(text).split() if w not in _STOP)


@dataclass(frozen=True, slots=True)
class _Query:
    words: tuple[str, ...]
    side: str | None


def _parse(q: str) -> _Query:
    side = None
    kept: list[str] = []
    for w in normalise(q).split()[: MAX_WORDS * 2]:
        if w in _SIDE_WORDS:
            side = _SIDE_WORDS[w]
        elif w not in _STOP:
            kept.append(_singular(w))
    return _Query(words=tuple(dict.fromkeys(kept))[:MAX_WORDS], side=side)


@dataclass(frozen=True, slots=True)
class _Index:
    """The words of every term, the vocabulary, and which terms use each word."""

    terms: tuple[tuple[str, ...], ...]  # the content words of each term
    texts: tuple[str, ...]  # each term, normalised, for the whole-query fallback
    owner: tuple[int, ...]  # the entry (region base or muscle) each term belongs to
    vocabulary: tuple[str, ...]  # sorted, for prefix lookups by bisection
    by_word: dict[str, tuple[int, ...]]
    # What each query word matched before: people type the same words again and again.
    memo: dict[tuple[str, bool], dict[str, float]] = field(default_factory=dict)


def _build(entries: Sequence[Sequence[str]]) -> _Index:
    terms: list[tuple[str, ...]] = []
    texts: list[str] = []
    owner: list[int] = []
    for i, entry_terms in enumerate(entries):
        for term in dict.fromkeys(entry_terms):
            tw = tuple(w for w in words(term) if w not in _SIDE_WORDS)
            if tw:
                terms.append(tw)
                texts.append(" ".join(tw))
                owner.append(i)
    by_word: dict[str, list[int]] = {}
    for t, tw in enumerate(terms):
        for w in set(tw):
            by_word.setdefault(w, []).append(t)
    return _Index(
        terms=tuple(terms),
        texts=tuple(texts),
        owner=tuple(owner),
        vocabulary=tuple(sorted(by_word)),
        by_word={w: tuple(ts) for w, ts in by_word.items()},
    )


def _word_matches(word: str, index: _Index, *, last: bool) -> dict[str, float]:
    """Vocabulary words that ``word`` may mean, with how sure the match is (0..1].

    Only the query's last word, and only when it is not a word of its own, may be the
    start of a longer one: it is the word being typed ("kne"), while "head" must not
    stand for "headache".
    """
    key = (word, last)
    if key in index.memo:
        return index.memo[key]
    found: dict[str, float] = {}
    if word in index.by_word:
        found[word] = EXACT
    if last and len(word) >= 3 and word not in index.by_word:
        vocab = index.vocabulary
        i = bisect.bisect_left(vocab, word)
        while i < len(vocab) and vocab[i].startswith(word):
            found[vocab[i]] = PREFIX
            i += 1
    if len(word) >= 4:
        for v, ratio, _ in process.extract(
            word, index.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        ):
            found[v] = max(found.get(v, 0.0), FUZZY_WEIGHT * ratio / 100)
    if len(index.memo) >= MEMO_SIZE:
        index.memo.clear()
    index.memo[key] = found
    return found


def _score_entries(query: _Query, index: _Index) -> dict[int, float]:
    """Best term score (0..100] of every entry that any query word reaches."""
    if not query.words:
        return {}
    n = len(query.words)
    matches = [_word_matches(w, index, last=i == n - 1) for i, w in enumerate(query.words)]
    touched = {t for m in matches for v in m for t in index.by_word[v]}
    best: dict[int, float] = {}
    for t in touched:
        tw = index.terms[t]
        covered = sum(max((m.get(w, 0.0) for m in matches), default=0.0) for w in tw)
        explained = sum(1 for m in matches if any(w in m for w in tw))
        score = 100 * (covered / len(tw)) * (1 + explained / n) / 2
        owner = index.owner[t]
        if score > best.get(owner, 0.0):
            best[owner] = score
    if not best and len(query.words) <= FALLBACK_WORDS:
        text = " ".join(query.words)
        for _, ratio, t in process.extract(
            text, index.texts, scorer=fuzz.ratio, score_cutoff=FALLBACK_CUTOFF, limit=None
        ):
            owner = index.owner[t]
            best[owner] = max(best.get(owner, 0.0), ratio / 10)  # below any word match
    return best


_REGION_INDEXES: dict[int, tuple[Sequence[Region], tuple[str, ...], _Index]] = {}


def _region_index(regions: Sequence[Region]) -> tuple[tuple[str, ...], _Index]:
    """Build the index of a region list once; it is kept while that list is alive."""
    known = _REGION_INDEXES.get(id(regions))
    if known is not None and known[0] is regions:
        return known[1], known[2]
    bases = tuple(dict.fromkeys(r.base for r in regions))
    first = {r.base: r for r in reversed(regions)}
    entries = [
        (first[b].name, first[b].clinical_name, b.replace("-", " "), *first[b].synonyms)
        for b in bases
    ]
    index = _build(entries)
    if len(_REGION_INDEXES) >= 8:  # a few schemes at most (tests build their own)
        _REGION_INDEXES.clear()
    _REGION_INDEXES[id(regions)] = (regions, bases, index)
    return bases, index


def score_terms(q: str, terms: Iterable[str]) -> int:
    """Return the best score (0-100) of a query against some terms (0: no match)."""
    scores = _score_entries(_parse(q), _build([tuple(terms)]))
    return round(scores.get(0, 0.0))


def search_regions(q: str, regions: Sequence[Region], limit: int | None = None) -> list[Region]:
    """Return the regions matching ``q``, best first.

    Arguments:
        q: free text in lay or clinical words, a sentence, a condition or a nickname;
            side words narrow the side.
        regions: the scheme's regions, in scheme order.
        limit: at most this many results.

    Returns:
        Matching regions, best first; when no word matches, the closest places by
        spelling; an empty list only when nothing is even close.
    """
    query = _parse(q)
    if not query.words:
        return []
    bases, index = _region_index(regions)
    scores = {bases[i]: s for i, s in _score_entries(query, index).items()}
    scored = [
        (-scores[r.base], i, r)
        for i, r in enumerate(regions)
        if r.base in scores and (query.side is None or r.side in (query.side, "midline"))
    ]
    scored.sort(key=lambda x: (x[0], x[1]))
    out = [r for _, _, r in scored]
    return out[:limit] if limit else out


_MUSCLE_INDEXES: dict[tuple[int, ...], tuple[tuple[Muscle, ...], _Index]] = {}


def _muscle_index(muscles: tuple[Muscle, ...]) -> _Index:
    """Build the index of a muscle list once (callers pass fresh lists of the same muscles)."""
    key = tuple(id(m) for m in muscles)
    known = _MUSCLE_INDEXES.get(key)
    if known is not None and all(a is b for a, b in zip(known[0], muscles, strict=True)):
        return known[1]
    index = _build([(m.name, m.anatomical_name, *m.synonyms) for m in muscles])
    if len(_MUSCLE_INDEXES) >= 8:
        _MUSCLE_INDEXES.clear()
    _MUSCLE_INDEXES[key] = (muscles, index)  # the muscles are kept, so their ids stay theirs
    return index


def search_muscles(q: str, muscles: Sequence[Muscle]) -> list[Muscle]:
    """Return the muscles whose name, anatomical name or synonyms match ``q``, best first."""
    query = _parse(q)
    if not query.words:
        return []
    index = _muscle_index(tuple(muscles))
    scores = _score_entries(query, index)
    order = sorted(scores, key=lambda i: (-scores[i], i))
    return [muscles[i] for i in order]
