"""The knowledge base in other languages: translation files beside the English ones.

A translation of ``seed/muscles/upper-trapezius.toml`` is ``seed/es/muscles/
upper-trapezius.toml``: the same structure, holding only the text fields (``id`` keys
stay, to say which entry a table translates). Region names and synonyms, written in
``bodymap/data/regions.toml``, are translated in ``seed/<lang>/regions.toml``. Reviewers
read the two files side by side; nothing here is generated.

A translation is checked against its English entry (``check_unit``): every text field
translated, nothing extra, lists of the same length (``synonyms`` excepted: each language
has its own words), the same numbers (a hold time must not change in translation) and
the same ``{placeholders}``. Each entry is stamped with a digest of the English text it
was translated from (``translated_from``); when the English changes, the stamp no longer
matches and the translation is reported stale until it is reviewed and stamped again
(``bodymap translations stamp``).

At load, ``overlay`` puts the translated text over a copy of the English data, which is
then validated by the same models as English, so a translation can never drop a
non-text field (a region, a source, a safe range) or break one.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from bodymap.explainer import Explainer
from bodymap.knowledge import KnowledgeBase, Muscle, RedFlag, RegionText, Technique, Translation
from bodymap.precautions import Precautions
from bodymap.validation import M, SeedProblem, ValidationContext, validate

# Keys whose values are identifiers, references or numbers, never words to translate.
NOT_TEXT = frozenset(
    {
        "slug",
        "group",
        "prevalence",
        "region",
        "regions",
        "level",
        "essential",
        "spillover",
        "referral",
        "kind",
        "url",
        "citation",
        "source",
        "muscles",
        "flags",
        "views",
        "paired",
        "at",
        "across",
        "down",
        "hold_seconds",
        "repetitions",
        "stretch_hold_seconds",
        "self_pressure",
    }
)
# Lists each language fills with its own words, of any length.
FREE_LISTS = frozenset({"synonyms"})
# Grammar a language needs that English does not (a region name's gender, for "derecha").
GRAMMAR = frozenset({"gender"})
STAMP = "translated_from"

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sd]")

Status = Literal["translated", "missing", "stale", "unstamped"]


@dataclass(frozen=True, slots=True, eq=False)
class Unit:
    """One translatable entry: a muscle file, one red flag, one region, a whole page."""

    file: str  # the English file, relative to seed/ ("regions.toml": the packaged scheme)
    entry: str  # "red flag 'thunderclap-headache'"
    key: str | None  # the entry's id inside its file (None: the whole file)
    english: dict[str, Any]
    translated: dict[str, Any] | None


# How each English file splits into units: None for the whole file, else the list of
# tables (or, for regions, the top-level tables) whose items are units.
LAYOUT: dict[str, tuple[str | None, str]] = {
    "red_flags.toml": ("red_flag", "red flag"),
    "techniques.toml": ("technique", "technique"),
    "precautions.toml": (None, "precautions"),
    "how_it_works.toml": (None, "how it works"),
    "regions.toml": ("", "region"),
}


def languages(root: Path) -> list[str]:
    """The translation folders under ``seed/``: two-letter language codes."""
    return sorted(
        p.name for p in root.iterdir() if p.is_dir() and re.fullmatch(r"[a-z]{2}", p.name)
    )


def regions_text() -> str:
    """The packaged region scheme's TOML (English)."""
    return resources.files("bodymap").joinpath("data/regions.toml").read_text("utf-8")


def _read(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    with path.open("rb") as f:
        return tomllib.load(f)


def _split(
    data: Mapping[str, Any] | None, list_key: str | None
) -> dict[str | None, dict[str, Any]]:
    """The units of one file's data, keyed by id (None: the file is one unit)."""
    if data is None:
        return {}
    if list_key is None:
        return {None: dict(data)}
    if list_key == "":
        return {k: v for k, v in data.items() if isinstance(v, dict)}
    items = data.get(list_key, [])
    return {
        str(item.get("id")): item
        for item in items
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }


def units(root: Path, lang: str, english_root: Path | None = None) -> Iterator[Unit]:
    """Every translatable unit of the seed under ``root``, with ``lang``'s translation."""
    english_root = english_root or root
    tr_root = root / lang
    for path in sorted((english_root / "muscles").glob("*.toml")):
        rel = f"muscles/{path.name}"
        english = _read(path) or {}
        yield Unit(rel, f"muscle '{path.stem}'", None, english, _read(tr_root / rel))
    for rel, (list_key, kind) in LAYOUT.items():
        if rel == "regions.toml":
            english_data: dict[str, Any] | None = tomllib.loads(regions_text())
        else:
            english_data = _read(english_root / rel)
        translated = _split(_read(tr_root / rel), list_key)
        for key, english in _split(english_data, list_key).items():
            entry = kind if key is None else f"{kind} '{key}'"
            yield Unit(rel, entry, key, english, translated.get(key))


# --- comparing a translation with its English -------------------------------------------


def text_fields(data: Mapping[str, Any], prefix: str = "") -> dict[str, str | list[str]]:
    """The text of an English entry, flattened to ``path: value`` (what a stamp covers)."""
    out: dict[str, str | list[str]] = {}
    for key, value in data.items():
        if key in NOT_TEXT or key in ("id", STAMP):
            continue
        path = f"{prefix}{key}"
        if isinstance(value, str):
            out[path] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[path] = list(value)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    out |= text_fields(item, f"{path}.{i}.")
        elif isinstance(value, dict):
            out |= text_fields(value, f"{path}.")
    return out


def text_only(data: Mapping[str, Any]) -> dict[str, Any]:
    """An English entry stripped to what a translation holds: its text, and its ids."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in NOT_TEXT or key == STAMP:
            continue
        if isinstance(value, str):
            out[key] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[key] = list(value)
        elif isinstance(value, list) and all(isinstance(v, dict) for v in value):
            out[key] = [text_only(v) for v in value]
        elif isinstance(value, dict):
            out[key] = text_only(value)
    return out


def digest(english: Mapping[str, Any]) -> str:
    """A short digest of an English entry's text: what a translation was made from."""
    text = json.dumps(text_fields(english), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _numbers(text: str) -> Counter[str]:
    return Counter(n.replace(",", ".") for n in NUMBER.findall(text))


def _compare_text(english: str, translated: str, where: str, out: list[tuple[str, str]]) -> None:
    if _numbers(english) != _numbers(translated):
        want = ", ".join(sorted(_numbers(english).elements())) or "none"
        got = ", ".join(sorted(_numbers(translated).elements())) or "none"
        out.append((where, f"numbers differ from the English (English: {want}; here: {got})"))
    if Counter(PLACEHOLDER.findall(english)) != Counter(PLACEHOLDER.findall(translated)):
        out.append((where, "placeholders differ from the English"))


def _has_text(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(_has_text(v) for v in value)
    if isinstance(value, dict):
        return any(_has_text(v) for k, v in value.items() if k not in NOT_TEXT and k != "id")
    return False


def compare(
    english: Mapping[str, Any], translated: Mapping[str, Any], where: str = ""
) -> list[tuple[str, str]]:
    """Every way ``translated`` does not fit ``english``, as ``(where, problem)``."""
    out: list[tuple[str, str]] = []

    def at(key: str) -> str:
        return f"{where} [{key}]".strip()

    for key, value in translated.items():
        if key in (STAMP,) or (key in GRAMMAR and not where):
            continue
        if key == "id":
            if value != english.get("id"):
                out.append(
                    (
                        where or "(entry)",
                        f"id '{value}' where the English has "
                        f"'{english.get('id')}' (same entries, same order)",
                    )
                )
        elif key not in english:
            out.append((at(key), f"'{key}' is not in the English file (a typo?)"))
        elif key in NOT_TEXT:
            out.append((at(key), f"'{key}' is not text: leave it out of the translation"))
    for key, value in english.items():
        if key in NOT_TEXT or key == "id" or not _has_text(value):
            continue
        mine = translated.get(key)
        if mine is None or (isinstance(mine, str) and not mine.strip()):
            out.append((at(key), f"'{key}' is not translated"))
        elif isinstance(value, str):
            if not isinstance(mine, str):
                out.append((at(key), f"'{key}' must be text"))
            else:
                _compare_text(value, mine, at(key), out)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            if not isinstance(mine, list) or not all(isinstance(v, str) for v in mine):
                out.append((at(key), f"'{key}' must be a list of texts"))
            elif key in FREE_LISTS:
                continue
            elif len(mine) != len(value):
                out.append(
                    (
                        at(key),
                        f"'{key}' has {len(mine)} items; the English has "
                        f"{len(value)} (one translation per item, same order)",
                    )
                )
            else:
                for i, (e, t) in enumerate(zip(value, mine, strict=True), 1):
                    _compare_text(e, t, f"{at(key)} #{i}", out)
        elif isinstance(value, list):
            if not isinstance(mine, list) or len(mine) != len(value):
                n = len(mine) if isinstance(mine, list) else 0
                out.append(
                    (
                        at(key),
                        f"[[{key}]] has {n} entries; the English has "
                        f"{len(value)} (same entries, same order)",
                    )
                )
                continue
            for i, (e, t) in enumerate(zip(value, mine, strict=True), 1):
                if isinstance(e, dict) and isinstance(t, dict):
                    out += compare(e, t, f"{at(key)} #{i}")
        elif isinstance(value, dict):
            if not isinstance(mine, dict):
                out.append((at(key), f"[{key}] must be a table"))
            else:
                out += compare(value, mine, at(key))
    return out


def status(unit: Unit) -> Status:
    """Whether a unit is translated, missing, or made from an older English text."""
    if unit.translated is None:
        return "missing"
    stamp = unit.translated.get(STAMP)
    if stamp is None:
        return "unstamped"
    return "translated" if stamp == digest(unit.english) else "stale"


def overlay(english: Mapping[str, Any], translated: Mapping[str, Any] | None) -> dict[str, Any]:
    """A copy of ``english`` with every text field ``translated`` gives put over it.

    Fields the translation lacks keep their English text (the check reports them).
    """
    out = copy.deepcopy(dict(english))
    if not translated:
        return out
    for key, value in translated.items():
        if key == STAMP or key == "id":
            continue
        if key in GRAMMAR and key not in english:
            out[key] = value
            continue
        if key not in english or key in NOT_TEXT:
            continue
        mine = english[key]
        if isinstance(mine, str) and isinstance(value, str) and value.strip():
            out[key] = value
        elif isinstance(mine, list) and isinstance(value, list):
            if all(isinstance(v, str) for v in mine) and all(isinstance(v, str) for v in value):
                if key in FREE_LISTS or len(value) == len(mine):
                    out[key] = list(value)
            elif len(value) == len(mine):
                out[key] = [
                    overlay(e, t) if isinstance(e, dict) and isinstance(t, dict) else e
                    for e, t in zip(mine, value, strict=True)
                ]
        elif isinstance(mine, dict) and isinstance(value, dict):
            out[key] = overlay(mine, value)
    return out


def overlay_file(
    english: Mapping[str, Any] | None, translated: Mapping[str, Any] | None, rel: str
) -> dict[str, Any] | None:
    """Overlay a whole file: per unit, as ``LAYOUT`` splits it."""
    if english is None:
        return None
    if rel.startswith("muscles/") or rel not in LAYOUT:
        return overlay(english, translated)
    list_key, _ = LAYOUT[rel]
    if list_key is None:
        return overlay(english, translated)
    theirs = _split(translated, list_key)
    if list_key == "":
        return {
            k: overlay(v, theirs.get(k)) if isinstance(v, dict) else v for k, v in english.items()
        }
    out = dict(english)
    out[list_key] = [
        overlay(item, theirs.get(str(item.get("id")))) if isinstance(item, dict) else item
        for item in english.get(list_key, [])
    ]
    return out


def stamp_text(text: str, stamp: str, anchor: str | None = None) -> str:
    """Set the ``translated_from`` line of one entry of a translation file's text.

    ``anchor`` is the regex of the line that opens the entry (``id = "x"`` in a list of
    tables, ``[temple]`` for a region); None stamps the file itself, after its comments.
    """
    line = f'{STAMP} = "{stamp}"'
    lines = text.splitlines(keepends=True)
    if anchor is None:
        start = 0
        while start < len(lines) and (lines[start].startswith("#") or not lines[start].strip()):
            start += 1
        insert_at = start
    else:
        found = next((i for i, t in enumerate(lines) if re.match(anchor, t)), None)
        if found is None:
            return text
        start = insert_at = found + 1
    end = start
    while end < len(lines) and not lines[end].lstrip().startswith("["):
        if re.match(rf"\s*{STAMP}\s*=", lines[end]):
            lines[end] = line + "\n"
            return "".join(lines)
        end += 1
    lines.insert(insert_at, line + "\n")
    return "".join(lines)


def anchor(unit: Unit) -> str | None:
    """The regex of the line that opens ``unit`` in its translation file."""
    if unit.key is None:
        return None
    if unit.file == "regions.toml":
        return rf"^\[{re.escape(unit.key)}\]\s*$"
    return rf'^\s*id\s*=\s*"{re.escape(unit.key)}"'


# --- reading a language -----------------------------------------------------------------


def check_translations(root: Path, lang: str) -> tuple[list[SeedProblem], dict[Unit, Status]]:
    """The problems of ``lang``'s translation files, and each unit's status.

    Problems (a field that does not fit its English, a changed number, an entry the
    English does not have) fail the check. Missing and stale translations are statuses
    the caller reports: English can change before its translators have caught up.
    """
    problems: list[SeedProblem] = []
    statuses: dict[Unit, Status] = {}
    known: dict[str, set[str | None]] = {}
    for unit in units(root, lang):
        known.setdefault(unit.file, set()).add(unit.key)
        statuses[unit] = status(unit)
        if unit.translated is not None:
            for where, message in compare(unit.english, unit.translated):
                entry = f"{unit.entry} {where}".strip() if where else unit.entry
                problems.append(SeedProblem(f"{lang}/{unit.file}", entry, message))
    # Translation files and entries with no English counterpart.
    for path in sorted((root / lang).rglob("*.toml")):
        rel = str(path.relative_to(root / lang))
        if rel not in known:
            problems.append(SeedProblem(f"{lang}/{rel}", "(file)", "no English file to translate"))
            continue
        list_key = LAYOUT.get(rel, (None, ""))[0]
        if list_key is None:
            continue
        for key in _split(_read(path), list_key):
            if key not in known[rel]:
                problems.append(SeedProblem(f"{lang}/{rel}", f"'{key}'", "not in the English file"))
    return problems, statuses


def translate_base(
    kb: KnowledgeBase,
    read: Iterable[Unit],
    lang: str,
    context: ValidationContext,
    problems: list[SeedProblem],
) -> Translation:
    """``kb`` in ``lang``: each entry's translation overlaid and validated like English.

    ``read`` is ``lang``'s units as ``check_translations`` read them (the files are read
    once). An entry whose translation is missing, or does not validate (a problem is
    added), keeps its English text.
    """
    found = {(u.file, u.key): u.translated for u in read if u.translated}

    def one(model: type[M], english: M, rel: str, key: str | None, entry: str) -> M:
        data = overlay(english.model_dump(mode="json"), found.get((rel, key)))
        entry_lang = f"{lang}/{rel}"
        ok = validate(model, data, file=entry_lang, entry=entry, context=context, problems=problems)
        return ok if ok is not None else english

    muscles = tuple(
        one(Muscle, m, f"muscles/{m.slug}.toml", None, f"muscle '{m.slug}'") for m in kb.muscles
    )
    flags = tuple(
        one(RedFlag, f, "red_flags.toml", f.id, f"red flag '{f.id}'") for f in kb.red_flags
    )
    techniques = tuple(
        one(Technique, t, "techniques.toml", t.id, f"technique '{t.id}'") for t in kb.techniques
    )
    precautions = kb.precautions and one(
        Precautions, kb.precautions, "precautions.toml", None, "precautions"
    )
    how = kb.how_it_works and one(
        Explainer, kb.how_it_works, "how_it_works.toml", None, "how it works"
    )
    regions = []
    for base, english in tomllib.loads(regions_text()).items():
        data = overlay(english, found.get(("regions.toml", base)))
        words: dict[str, Any] = {"id": base}
        words |= {k: data[k] for k in ("name", "clinical", "synonyms", "gender") if k in data}
        region = validate(
            RegionText,
            words,
            file=f"{lang}/regions.toml",
            entry=f"region '{base}'",
            context=context,
            problems=problems,
        )
        if region is not None:
            regions.append(region)
    translated = kb.model_copy(
        update={
            "muscles": muscles,
            "red_flags": flags,
            "techniques": techniques,
            "precautions": precautions,
            "how_it_works": how,
            "translations": (),
        }
    )
    return Translation(id=lang, regions=tuple(regions), base=translated)


def pseudo_text(text: str) -> str:
    """Mark a text as translated, keeping its length: ``⟦…⟧`` in place of its ends.

    A pseudo-translation shows, on a rendered page, every text that did not go through
    translation: it is the one not wrapped.
    """
    return f"⟦{text[1:-1]}⟧" if len(text) >= 2 else "⟦⟧"


def _pseudo(value: Any) -> Any:
    if isinstance(value, str):
        return pseudo_text(value)
    if isinstance(value, list):
        return [_pseudo(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" else _pseudo(v) for k, v in value.items()}
    return value


def pseudo_translation(kb: KnowledgeBase, lang: str) -> Translation:
    """``kb`` with every text field pseudo-translated (for tests that look for leaks)."""

    def each(model: type[M], entry: M) -> M:
        data = entry.model_dump(mode="json")
        return model.model_validate(overlay(data, _pseudo(text_only(data))))

    regions = [
        RegionText(
            id=base,
            name=pseudo_text(data["name"]),
            clinical=pseudo_text(data["clinical"]),
            synonyms=tuple(pseudo_text(s) for s in data.get("synonyms", ())),
        )
        for base, data in tomllib.loads(regions_text()).items()
    ]
    base = kb.model_copy(
        update={
            "muscles": tuple(each(Muscle, m) for m in kb.muscles),
            "red_flags": tuple(each(RedFlag, f) for f in kb.red_flags),
            "techniques": tuple(each(Technique, t) for t in kb.techniques),
            "precautions": kb.precautions and each(Precautions, kb.precautions),
            "how_it_works": kb.how_it_works and each(Explainer, kb.how_it_works),
            "translations": (),
        }
    )
    return Translation(id=lang, regions=tuple(regions), base=base)
