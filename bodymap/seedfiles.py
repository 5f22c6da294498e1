"""Read the knowledge base kept as TOML files under ``seed/``, validated by its models.

Layout (see ``seed/README.md``): ``sources.toml``, ``red_flags.toml``, ``checklist.toml``,
``techniques.toml``, one file per muscle in ``muscles/`` and clinic profiles in
``clinics/``. Each entry is validated by its model in ``bodymap.knowledge``; pydantic's
errors become ``file: entry: problem`` lines, and ``check_seed`` reports all of them at
once so a reviewer sees every problem. ``load_seed_dir`` refuses a seed with problems.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bodymap.clinics import read_clinics
from bodymap.explainer import FILE as HOW_IT_WORKS
from bodymap.explainer import read_explainer
from bodymap.i18n import LOCALES
from bodymap.knowledge import (
    KnowledgeBase,
    Muscle,
    RedFlag,
    Source,
    Technique,
)
from bodymap.painguides import FILE as PAIN_GUIDES
from bodymap.painguides import read_pain_guides
from bodymap.precautions import FILE as PRECAUTIONS
from bodymap.precautions import read_precautions
from bodymap.regions import RegionScheme
from bodymap.safety import check_safety
from bodymap.translation import check_translations, languages, translate_base
from bodymap.validation import M, SeedProblem, ValidationContext, read_toml, validate


class SeedError(ValueError):
    """The seed has problems; ``problems`` lists each of them."""

    def __init__(self, problems: list[SeedProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _entries(
    model: type[M],
    items: Iterable[tuple[str, object]],
    *,
    file: str,
    kind: str,
    context: ValidationContext,
    problems: list[SeedProblem],
) -> list[M]:
    out = []
    for name, data in items:
        entry = validate(
            model, data, file=file, entry=f"{kind} '{name}'", context=context, problems=problems
        )
        if entry is not None:
            out.append(entry)
    return out


def _listed(data: dict[str, Any] | None, key: str) -> list[tuple[str, object]]:
    """The ``[[key]]`` entries of a file, each named by its id (or its position)."""
    items = data.get(key, []) if data else []
    if not isinstance(items, list):
        return []
    return [
        (str(item.get("id")) if isinstance(item, dict) and "id" in item else f"#{i}", item)
        for i, item in enumerate(items, 1)
    ]


def _sources(root: Path, problems: list[SeedProblem]) -> list[Source]:
    data = read_toml(root / "sources.toml", root, problems) or {}
    items = [
        (sid, {"id": sid, **raw} if isinstance(raw, dict) else raw)
        for sid, raw in data.items()
        if sid != "licence"
    ]
    return _entries(
        Source, items, file="sources.toml", kind="source", context={}, problems=problems
    )


def _muscles(root: Path, context: ValidationContext, problems: list[SeedProblem]) -> list[Muscle]:
    muscles = []
    for path in sorted((root / "muscles").glob("*.toml")):
        rel = str(path.relative_to(root))
        data = read_toml(path, root, problems)
        if data is None:
            continue
        slug = data.get("slug", path.stem)
        if slug != path.stem:
            problems.append(
                SeedProblem(rel, f"muscle '{slug}'", f"slug '{slug}' does not match the file name")
            )
        m = validate(
            Muscle, data, file=rel, entry=f"muscle '{slug}'", context=context, problems=problems
        )
        if m is not None:
            muscles.append(m)
    if not muscles:
        problems.append(SeedProblem("muscles/", "(folder)", "no muscle files found"))
    return muscles


def _checklist(
    root: Path, flags: list[RedFlag], refused: set[str], problems: list[SeedProblem]
) -> list[RedFlag]:
    """Mark the red flags named in checklist.toml with their place in the checklist."""
    if not (root / "checklist.toml").exists():
        return flags
    data = read_toml(root / "checklist.toml", root, problems) or {}
    ids = data.get("flags", [])
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        problems.append(SeedProblem("checklist.toml", "flags", "must be a list of red flag ids"))
        return flags
    by_id = {f.id: f for f in flags}
    for fid in ids:
        if fid in refused:
            continue  # its own problems are reported already
        if fid not in by_id:
            problems.append(SeedProblem("checklist.toml", "flags", f"unknown red flag '{fid}'"))
        elif not by_id[fid].question:
            problems.append(
                SeedProblem(
                    "checklist.toml", f"red flag '{fid}'", "needs a 'question' to be listed"
                )
            )
    order = {fid: i for i, fid in enumerate(ids)}
    return [f.model_copy(update={"checklist": order.get(f.id)}) for f in flags]


def _duplicates(
    file_of: Callable[[str], str], kind: str, ids: list[str], problems: list[SeedProblem]
) -> None:
    for item, n in Counter(ids).items():
        if n > 1:
            problems.append(SeedProblem(file_of(item), f"{kind} '{item}'", f"duplicate id ({n})"))


def _shared_names(muscles: Iterable[Muscle], problems: list[SeedProblem], folder: str = "") -> None:
    """A name or synonym must lead to one muscle, or search cannot tell them apart."""
    owners: dict[str, str] = {}
    for m in muscles:
        words = {m.name.casefold(), m.anatomical_name.casefold()}
        words |= {s.casefold() for s in m.synonyms}
        for w in sorted(words):
            if w in owners and owners[w] != m.slug:
                problems.append(
                    SeedProblem(
                        f"{folder}muscles/{m.slug}.toml",
                        f"muscle '{m.slug}'",
                        f"name or synonym '{w}' is already used by '{owners[w]}'",
                    )
                )
            owners.setdefault(w, m.slug)


def check_seed(root: Path, scheme: RegionScheme) -> tuple[KnowledgeBase, list[SeedProblem]]:
    """Read every seed file under ``root``; return what was read and every problem found."""
    problems: list[SeedProblem] = []
    sources = _sources(root, problems)
    context: ValidationContext = {"scheme": scheme, "sources": {s.id for s in sources}}
    muscles = _muscles(root, context, problems)
    flags_data = read_toml(root / "red_flags.toml", root, problems)
    flags = _entries(
        RedFlag,
        _listed(flags_data, "red_flag"),
        file="red_flags.toml",
        kind="red flag",
        context=context,
        problems=problems,
    )
    refused = {name for name, _ in _listed(flags_data, "red_flag")} - {f.id for f in flags}
    flags = _checklist(root, flags, refused, problems)
    techniques: list[Technique] = []
    if (root / "techniques.toml").exists():
        techniques = _entries(
            Technique,
            _listed(read_toml(root / "techniques.toml", root, problems), "technique"),
            file="techniques.toml",
            kind="technique",
            context=context,
            problems=problems,
        )
    _duplicates(lambda s: f"muscles/{s}.toml", "muscle", [m.slug for m in muscles], problems)
    _duplicates(lambda _: "red_flags.toml", "red flag", [f.id for f in flags], problems)
    _duplicates(lambda _: "techniques.toml", "technique", [t.id for t in techniques], problems)
    _shared_names(muscles, problems)
    guides = read_pain_guides(root / PAIN_GUIDES, scheme, context, muscles, problems)
    precautions = read_precautions(root / PRECAUTIONS, context, problems)
    if precautions is not None:
        problems += check_safety(muscles, precautions)
    how_it_works = read_explainer(root / HOW_IT_WORKS, context, problems)
    _, clinic_problems = read_clinics(root / "clinics", {t.id for t in techniques})
    problems += [SeedProblem(f"clinics/{f}", "clinic profile", msg) for f, msg in clinic_problems]
    # Duplicates are reported above, by file; keep the first of each so the rest indexes.
    kb = KnowledgeBase(
        muscles=_first_of_each(muscles, lambda m: m.slug),
        red_flags=_first_of_each(flags, lambda f: f.id),
        sources=_first_of_each(sources, lambda s: s.id),
        techniques=_first_of_each(techniques, lambda t: t.id),
        pain_guides=guides,
        precautions=precautions,
        how_it_works=how_it_works,
    )
    translations = []
    for lang in languages(root):
        if lang not in LOCALES:
            problems.append(
                SeedProblem(
                    f"{lang}/",
                    "(folder)",
                    f"'{lang}' is not a language Bodymap offers ({', '.join(LOCALES)}); "
                    "add it to LOCALES in bodymap/i18n.py with its interface catalog",
                )
            )
            continue
        found, read = check_translations(root, lang)
        problems += found
        translated = translate_base(kb, read, lang, context, problems)
        _shared_names(translated.base.muscles, problems, f"{lang}/")
        translations.append(translated)
    return kb.model_copy(update={"translations": tuple(translations)}), problems


def _first_of_each(items: Iterable[M], key: Callable[[M], str]) -> tuple[M, ...]:
    seen: dict[str, M] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return tuple(seen.values())


def load_seed_dir(root: Path, scheme: RegionScheme) -> KnowledgeBase:
    """Read the seed under ``root``; raise ``SeedError`` listing every problem if any."""
    kb, problems = check_seed(root, scheme)
    if problems:
        raise SeedError(problems)
    return kb
