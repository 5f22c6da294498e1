"""Read and validate the knowledge base kept as TOML files under ``seed/``.

Layout (see ``seed/README.md``): ``sources.toml``, ``red_flags.toml`` and one file per
muscle in ``muscles/``. ``check_seed`` reports every problem with its file and entry, so
a reviewer sees all of them at once; ``load_seed_dir`` refuses a seed with problems.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from bodymap.clinics import read_clinics
from bodymap.knowledge import (
    LATERALITIES,
    LEVELS,
    PREVALENCES,
    KnowledgeBase,
    Muscle,
    Prevalence,
    RedFlag,
    SelfCare,
    Source,
    SourceRef,
    Technique,
    TriggerPoint,
    Zone,
    ZoneRef,
)
from bodymap.regions import GROUPS, RegionScheme
from bodymap.safety import check_safety_seed
from bodymap.textcheck import check_text

# Safe self-care ranges (PRODUCT.md, from the seed articles): hold 30-90 s, 2-3 repetitions,
# stretch 20-30 s.
HOLD_RANGE = (30, 90)
REPETITION_RANGE = (2, 3)
STRETCH_RANGE = (20, 30)
MAX_TEXT = 600  # characters in any one field: long enough for a paragraph, short enough to read
MAX_NAME = 80
SOURCE_KINDS = ("book", "guideline", "paper", "website")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the seed, and where."""

    file: str
    entry: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.message}"


class SeedError(ValueError):
    """The seed has problems; ``problems`` lists each of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Reader:
    """Collects problems while converting one TOML entry into typed values."""

    def __init__(self, problems: list[Problem], file: str, entry: str, data: dict[str, Any]):
        self.problems = problems
        self.file = file
        self.entry = entry
        self.data = data

    def problem(self, message: str) -> None:
        self.problems.append(Problem(self.file, self.entry, message))

    def text(self, key: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
        value, problems = check_text(self.data.get(key, ""), key, required=required, limit=limit)
        for message in problems:
            self.problem(message)
        return value

    def texts(self, key: str, *, required: bool = False, limit: int = MAX_TEXT) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(f"'{key}' must be a list of text")
            return ()
        out = tuple(" ".join(v.split()) for v in value)
        if required and not out:
            self.problem(f"'{key}' is missing or empty")
        for v in out:
            if not v:
                self.problem(f"'{key}' has an empty item")
            if len(v) > limit:
                self.problem(f"an item of '{key}' is {len(v)} characters; keep it under {limit}")
        return out

    def span(self, key: str, allowed: tuple[int, int]) -> tuple[int, int]:
        value = self.data.get(key)
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        )
        if not ok:
            self.problem(f"'{key}' must be two whole numbers [low, high]")
            return allowed
        low, high = cast(list[int], value)
        if not (allowed[0] <= low <= high <= allowed[1]):
            self.problem(f"'{key}' is {low}-{high}; the safe range is {allowed[0]}-{allowed[1]}")
        return (low, high)

    def flag(self, key: str, *, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.problem(f"'{key}' must be true or false")
            return default
        return value

    def sub(self, key: str) -> _Reader:
        value = self.data.get(key)
        if not isinstance(value, dict):
            self.problem(f"'[{key}]' table is missing")
            value = {}
        return _Reader(self.problems, self.file, f"{self.entry} [{key}]", value)


def _read_toml(path: Path, root: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem(str(path.relative_to(root)), "(file)", f"cannot read: {exc}"))
        return None


def _source_refs(
    r: _Reader, scheme_sources: set[str], key: str = "sources"
) -> tuple[SourceRef, ...]:
    raw = r.data.get(key, [])
    refs: list[SourceRef] = []
    if not isinstance(raw, list) or not raw:
        r.problem("has no source: add at least one [[sources]] entry")
        return ()
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            r.problem("a source entry needs an 'id'")
            continue
        if item["id"] not in scheme_sources:
            r.problem(f"unknown source '{item['id']}' (not in sources.toml)")
        locator = item.get("locator", "")
        refs.append(SourceRef(source=item["id"], locator=str(locator)))
    return tuple(refs)


def _zone_refs(r: _Reader, scheme: RegionScheme, zone: Zone) -> tuple[ZoneRef, ...]:
    refs: list[ZoneRef] = []
    for item in r.texts(zone):
        base, _, lat = item.partition(":")
        laterality = lat or "same"
        if base not in scheme.bases:
            r.problem(f"unknown region '{base}' in {zone} zone")
            continue
        if laterality not in LATERALITIES:
            r.problem(f"'{item}': side must be one of {', '.join(LATERALITIES)}")
            continue
        refs.append(ZoneRef(base=base, zone=zone, laterality=laterality))
    return tuple(refs)


def _muscle(
    path: Path,
    root: Path,
    data: dict[str, Any],
    scheme: RegionScheme,
    sources: set[str],
    problems: list[Problem],
) -> Muscle | None:
    rel = str(path.relative_to(root))
    raw_slug = data.get("slug")
    slug = raw_slug if isinstance(raw_slug, str) else path.stem
    r = _Reader(problems, rel, f"muscle '{slug}'", data)
    if slug != path.stem:
        r.problem(f"slug '{slug}' does not match the file name '{path.stem}'")
    name = r.text("name", limit=MAX_NAME)
    anatomical = r.text("anatomical_name", limit=MAX_NAME)
    group = r.text("group")
    if group and group not in GROUPS:
        r.problem(f"unknown group '{group}'; use one of {', '.join(GROUPS)}")
    prevalence = r.text("prevalence")
    if prevalence and prevalence not in PREVALENCES:
        r.problem(f"prevalence must be one of {', '.join(PREVALENCES)}")

    ref = r.sub("referral")
    zones = _zone_refs(ref, scheme, "essential") + _zone_refs(ref, scheme, "spillover")
    if not any(z.zone == "essential" for z in zones):
        r.problem("has no essential referral zone")

    tps: list[TriggerPoint] = []
    raw_tps = data.get("trigger_points", [])
    if not isinstance(raw_tps, list) or not raw_tps:
        r.problem("has no trigger point")
        raw_tps = []
    for i, raw in enumerate(raw_tps, 1):
        tr = _Reader(
            problems,
            rel,
            f"muscle '{slug}' trigger point {i}",
            raw if isinstance(raw, dict) else {},
        )
        base = tr.text("region")
        if base and base not in scheme.bases:
            tr.problem(f"unknown region '{base}'")
        at = tr.data.get("at", [0.5, 0.5])
        if not (
            isinstance(at, list)
            and len(at) == 2
            and all(isinstance(v, int | float) and 0 <= v <= 1 for v in at)
        ):
            tr.problem("'at' must be two numbers between 0 and 1")
            at = [0.5, 0.5]
        tps.append(
            TriggerPoint(
                name=tr.text("name", limit=MAX_NAME),
                base=base,
                find=tr.text("find"),
                at=(float(at[0]), float(at[1])),
                self_pressure=tr.flag("self_pressure", default=True),
            )
        )

    care = r.sub("self_care")
    self_care = SelfCare(
        tool=care.text("tool", limit=MAX_NAME),
        how=care.text("how"),
        pressure=care.text("pressure", limit=MAX_NAME),
        hold_seconds=care.span("hold_seconds", HOLD_RANGE),
        repetitions=care.span("repetitions", REPETITION_RANGE),
        stretch=care.text("stretch"),
        stretch_hold_seconds=care.span("stretch_hold_seconds", STRETCH_RANGE),
        self_pressure=care.flag("self_pressure", default=True),
    )
    return Muscle(
        slug=slug,
        name=name,
        anatomical_name=anatomical,
        group=group,
        prevalence=cast(Prevalence, prevalence or "occasional"),
        synonyms=r.texts("synonyms", limit=MAX_NAME),
        zones=zones,
        trigger_points=tuple(tps),
        self_care=self_care,
        symptoms=r.texts("symptoms"),
        perpetuating=r.texts("perpetuating"),
        cautions=r.texts("cautions"),
        see_a_professional=r.text("see_a_professional"),
        professional=r.text("professional"),
        sources=_source_refs(r, sources),
    )


def _red_flags(
    path: Path, root: Path, scheme: RegionScheme, sources: set[str], problems: list[Problem]
) -> list[RedFlag]:
    data = _read_toml(path, root, problems)
    if data is None:
        return []
    rel = str(path.relative_to(root))
    flags: list[RedFlag] = []
    for i, raw in enumerate(data.get("red_flag", []), 1):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        fid = raw_id if isinstance(raw_id, str) else f"#{i}"
        r = _Reader(problems, rel, f"red flag '{fid}'", raw if isinstance(raw, dict) else {})
        level = r.text("level")
        if level not in LEVELS:
            r.problem(f"level must be one of {', '.join(LEVELS)}")
        bases = r.texts("regions", required=True)
        for b in bases:
            if b not in scheme.bases:
                r.problem(f"unknown region '{b}'")
        refs = _source_refs(r, sources)
        flags.append(
            RedFlag(
                id=fid,
                symptom=r.text("symptom"),
                level=level if level in LEVELS else "see_clinician",
                advice=r.text("advice"),
                bases=tuple(b for b in bases if b in scheme.bases),
                sources=refs,
                question=r.text("question", required=False, limit=MAX_NAME * 2),
            )
        )
    return flags


def _techniques(
    path: Path, root: Path, sources: set[str], problems: list[Problem]
) -> list[Technique]:
    if not path.exists():
        return []
    data = _read_toml(path, root, problems)
    if data is None:
        return []
    rel = str(path.relative_to(root))
    out: list[Technique] = []
    for i, raw in enumerate(data.get("technique", []), 1):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        tid = raw_id if isinstance(raw_id, str) else f"#{i}"
        r = _Reader(problems, rel, f"technique '{tid}'", raw if isinstance(raw, dict) else {})
        self_care = r.data.get("self_care")
        if not isinstance(self_care, bool):
            r.problem("'self_care' must be true or false")
        out.append(
            Technique(
                id=tid,
                name=r.text("name", limit=MAX_NAME),
                what=r.text("what"),
                who=r.text("who"),
                evidence=r.text("evidence"),
                self_care=bool(self_care),
                cautions=r.texts("cautions"),
                sources=_source_refs(r, sources),
            )
        )
    for tid, n in Counter(t.id for t in out).items():
        if n > 1:
            problems.append(Problem(rel, f"technique '{tid}'", f"duplicate id ({n} entries)"))
    return out


def _checklist(
    path: Path, root: Path, flags: list[RedFlag], problems: list[Problem]
) -> list[RedFlag]:
    """Mark the red flags named in checklist.toml with their place in the checklist."""
    if not path.exists():
        return flags
    data = _read_toml(path, root, problems)
    if data is None:
        return flags
    rel = str(path.relative_to(root))
    ids = data.get("flags", [])
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        problems.append(Problem(rel, "flags", "must be a list of red flag ids"))
        return flags
    known = {f.id for f in flags}
    for fid in ids:
        if fid not in known:
            problems.append(Problem(rel, "flags", f"unknown red flag '{fid}'"))
    for f in flags:
        if f.id in ids and not f.question:
            problems.append(Problem(rel, f"red flag '{f.id}'", "needs a 'question' to be listed"))
    order = {fid: i for i, fid in enumerate(ids)}
    return [replace(f, checklist=order.get(f.id)) for f in flags]


def _sources(path: Path, root: Path, problems: list[Problem]) -> list[Source]:
    data = _read_toml(path, root, problems)
    if data is None:
        return []
    rel = str(path.relative_to(root))
    out: list[Source] = []
    for sid, raw in data.items():
        if sid == "licence":
            continue
        r = _Reader(problems, rel, f"source '{sid}'", raw if isinstance(raw, dict) else {})
        kind = r.text("kind")
        if kind not in SOURCE_KINDS:
            r.problem(f"kind must be one of {', '.join(SOURCE_KINDS)}")
        out.append(
            Source(
                id=sid, citation=r.text("citation"), kind=kind, url=r.text("url", required=False)
            )
        )
    return out


def _duplicates(muscles: list[Muscle], problems: list[Problem]) -> None:
    slugs = Counter(m.slug for m in muscles)
    for slug, n in slugs.items():
        if n > 1:
            problems.append(Problem("muscles/", f"muscle '{slug}'", f"duplicate slug ({n} files)"))
    owners: dict[str, str] = {}
    for m in muscles:
        words = {
            m.name.casefold(),
            m.anatomical_name.casefold(),
            *(s.casefold() for s in m.synonyms),
        }
        for w in sorted(words):
            if w in owners and owners[w] != m.slug:
                problems.append(
                    Problem(
                        f"muscles/{m.slug}.toml",
                        f"muscle '{m.slug}'",
                        f"name or synonym '{w}' is already used by '{owners[w]}'",
                    )
                )
            owners.setdefault(w, m.slug)


def check_seed(root: Path, scheme: RegionScheme) -> tuple[KnowledgeBase, list[Problem]]:
    """Read every seed file under ``root``; return what was read and every problem found."""
    problems: list[Problem] = []
    sources = _sources(root / "sources.toml", root, problems)
    source_ids = {s.id for s in sources}
    muscles: list[Muscle] = []
    for path in sorted((root / "muscles").glob("*.toml")):
        data = _read_toml(path, root, problems)
        if data is not None:
            m = _muscle(path, root, data, scheme, source_ids, problems)
            if m is not None:
                muscles.append(m)
    if not muscles:
        problems.append(Problem("muscles/", "(folder)", "no muscle files found"))
    _duplicates(muscles, problems)
    flags = _red_flags(root / "red_flags.toml", root, scheme, source_ids, problems)
    flag_ids = Counter(f.id for f in flags)
    for fid, n in flag_ids.items():
        if n > 1:
            problems.append(
                Problem("red_flags.toml", f"red flag '{fid}'", f"duplicate id ({n} entries)")
            )
    flags = _checklist(root / "checklist.toml", root, flags, problems)
    techniques = _techniques(root / "techniques.toml", root, source_ids, problems)
    _, clinic_problems = read_clinics(root / "clinics", {t.id for t in techniques})
    problems += [Problem(f"clinics/{f}", "clinic profile", msg) for f, msg in clinic_problems]
    kb = KnowledgeBase(
        muscles=tuple(muscles),
        red_flags=tuple(flags),
        sources=tuple(sources),
        techniques=tuple(techniques),
    )
    problems += [Problem(*p) for p in check_safety_seed(root, scheme, kb, source_ids)]
    return kb, problems


def load_seed_dir(root: Path, scheme: RegionScheme) -> KnowledgeBase:
    """Read the seed under ``root``; raise ``SeedError`` listing every problem if any."""
    kb, problems = check_seed(root, scheme)
    if problems:
        raise SeedError(problems)
    return kb
