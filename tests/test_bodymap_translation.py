"""Translations of the knowledge base: checked against their English, overlaid safely."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from bodymap import translation as t
from bodymap.knowledge import Knowledge, KnowledgeBase
from bodymap.regions import RegionScheme
from bodymap.seedfiles import check_seed
from tests.conftest import SEED_DIR

ENGLISH = {
    "name": "Upper trapezius",
    "group": "shoulder",
    "synonyms": ["traps"],
    "cautions": ["Press only on top of the shoulder.", "Stop if it tingles."],
    "referral": {"essential": ["temple"]},
    "trigger_points": [{"name": "Mid-fibres", "region": "shoulder-top", "find": "Pinch it."}],
    "self_care": {"pressure": "about 5-7 out of 10", "hold_seconds": [30, 90]},
    "sources": [{"id": "donnelly-2019", "locator": "chapter: Trapezius"}],
}
SPANISH = {
    "name": "Trapecio superior",
    "synonyms": ["trapecios", "trapecio superior", "parte alta del trapecio"],
    "cautions": ["Presiona solo encima del hombro.", "Detente si hormiguea."],
    "trigger_points": [{"name": "Fibras medias", "find": "Pellízcalo."}],
    "self_care": {"pressure": "alrededor de 5-7 de 10"},
    "sources": [{"id": "donnelly-2019", "locator": "capítulo: Trapecio"}],
}


def problems(translated: dict[str, object]) -> list[str]:
    return [f"{where}: {message}" for where, message in t.compare(ENGLISH, translated)]


def test_a_faithful_translation_fits() -> None:
    assert problems(SPANISH) == []


def test_synonyms_are_each_languages_own_words() -> None:
    assert problems({**SPANISH, "synonyms": ["trapecio"]}) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"group": "hombro"}, "[group]: 'group' is not text: leave it out"),
        ({"colour": "rojo"}, "[colour]: 'colour' is not in the English file"),
        ({"cautions": ["Presiona solo encima del hombro."]}, "'cautions' has 1 items"),
        ({"name": ""}, "[name]: 'name' is not translated"),
        ({"self_care": {"pressure": "5-8 de 10"}}, "numbers differ from the English"),
        ({"sources": [{"id": "travell-simons-v1", "locator": "x"}]}, "id 'travell-simons-v1'"),
        ({"sources": []}, "[[sources]] has 0 entries; the English has 1"),
        ({"trigger_points": [{"name": "Fibras medias"}]}, "'find' is not translated"),
    ],
)
def test_each_kind_of_mistake_is_named(change: dict[str, object], expected: str) -> None:
    found = problems({**SPANISH, **change})
    assert any(expected in p for p in found), found


def test_a_missing_field_is_named() -> None:
    without = {k: v for k, v in SPANISH.items() if k != "cautions"}
    assert problems(without) == ["[cautions]: 'cautions' is not translated"]


def test_overlay_changes_text_only() -> None:
    hostile = {**SPANISH, "group": "x", "referral": {"essential": ["foot"]}}
    merged = t.overlay(ENGLISH, hostile)
    assert merged["name"] == "Trapecio superior"
    assert merged["group"] == "shoulder"
    assert merged["referral"] == {"essential": ["temple"]}
    assert merged["trigger_points"][0] == {
        "name": "Fibras medias",
        "region": "shoulder-top",
        "find": "Pellízcalo.",
    }
    assert merged["self_care"]["hold_seconds"] == [30, 90]
    assert ENGLISH["name"] == "Upper trapezius"  # the English is not touched


def test_a_changed_english_makes_its_translation_stale() -> None:
    stamped = {**SPANISH, t.STAMP: t.digest(ENGLISH)}
    unit = t.Unit("muscles/x.toml", "muscle 'x'", None, ENGLISH, stamped)
    assert t.status(unit) == "translated"
    # A change to a non-text field (the pattern) does not need a new translation...
    moved = {**ENGLISH, "referral": {"essential": ["jaw"]}}
    assert t.status(t.Unit("m", "m", None, moved, stamped)) == "translated"
    # ...a change to the words does.
    reworded = {**ENGLISH, "cautions": ["Press gently.", "Stop if it tingles."]}
    assert t.status(t.Unit("m", "m", None, reworded, stamped)) == "stale"
    assert t.status(t.Unit("m", "m", None, ENGLISH, SPANISH)) == "unstamped"
    assert t.status(t.Unit("m", "m", None, ENGLISH, None)) == "missing"


def test_stamping_writes_one_line_per_entry() -> None:
    text = '# comment\n\n[[red_flag]]\nid = "a"\nsymptom = "x"\n[[red_flag.sources]]\nid = "s"\n'
    once = t.stamp_text(text, "abc", r'^\s*id\s*=\s*"a"')
    assert once.splitlines()[4] == 'translated_from = "abc"'
    again = t.stamp_text(once, "def", r'^\s*id\s*=\s*"a"')
    assert again.count("translated_from") == 1 and 'translated_from = "def"' in again
    whole = t.stamp_text('# c\nname = "x"\n', "abc")
    assert whole == '# c\ntranslated_from = "abc"\nname = "x"\n'


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    root = tmp_path / "seed"
    shutil.copytree(SEED_DIR, root)
    shutil.rmtree(root / "es", ignore_errors=True)
    (root / "es" / "muscles").mkdir(parents=True)
    return root


def write_trapezius(root: Path, data: dict[str, Any]) -> None:
    (root / "es" / "muscles" / "upper-trapezius.toml").write_bytes(toml(data))


def toml(data: dict[str, Any]) -> bytes:
    """A tiny TOML writer for the test's translation files (strings, lists, tables)."""
    lines: list[str] = []
    tables: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, str):
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        else:
            tables.append((key, value))
    for key, value in tables:
        items = value if isinstance(value, list) else [value]
        header = f"[[{key}]]" if isinstance(value, list) else f"[{key}]"
        for item in items:
            lines.append(header)
            lines += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in item.items()]
    return ("\n".join(lines) + "\n").encode()


def trapezius_in_spanish() -> dict[str, Any]:
    with (SEED_DIR / "muscles" / "upper-trapezius.toml").open("rb") as f:
        spanish = t.text_only(tomllib.load(f))
    spanish["name"] = "Trapecio superior"
    return spanish


def test_a_translation_is_read_validated_and_indexed(seed_copy: Path, scheme: RegionScheme) -> None:
    write_trapezius(seed_copy, trapezius_in_spanish())
    (seed_copy / "es" / "regions.toml").write_text(
        '[temple]\nname = "sien"\nclinical = "región temporal"\n'
        'synonyms = ["dolor de cabeza"]\ngender = "f"\n',
        "utf-8",
    )
    kb, found = check_seed(seed_copy, scheme)
    assert found == []
    english = Knowledge(scheme=scheme, base=kb)
    es = english.localized("es")
    assert es.lang == "es"
    assert es.muscles["upper-trapezius"].name == "Trapecio superior"
    assert es.cards["upper-trapezius"].name == "Trapecio superior"
    # Everything but the text is the English entry's.
    assert es.pattern("upper-trapezius", "right") == english.pattern("upper-trapezius", "right")
    assert es.muscles["upper-trapezius"].self_care.hold_seconds == (
        english.muscles["upper-trapezius"].self_care.hold_seconds
    )
    assert es.scheme["temple-right"].name == "sien"
    assert es.scheme["temple-right"].synonyms == ("dolor de cabeza",)
    # An untranslated entry keeps its English words rather than disappearing.
    assert es.muscles["soleus"].name == english.muscles["soleus"].name
    other = next(r.id for r in scheme.regions if r.base != "temple")
    assert es.scheme[other].name == english.scheme[other].name
    assert english.localized("fr") is english


def test_translation_problems_fail_the_check(seed_copy: Path, scheme: RegionScheme) -> None:
    write_trapezius(seed_copy, {**trapezius_in_spanish(), "group": "hombro"})
    (seed_copy / "es" / "muscles" / "no-such-muscle.toml").write_text('name = "x"\n', "utf-8")
    _, found = check_seed(seed_copy, scheme)
    text = [str(p) for p in found]
    assert (
        "es/muscles/upper-trapezius.toml: muscle 'upper-trapezius' [group]: 'group' is not "
        "text: leave it out of the translation" in text
    )
    assert "es/muscles/no-such-muscle.toml: (file): no English file to translate" in text


def test_an_unknown_language_folder_is_a_problem(seed_copy: Path, scheme: RegionScheme) -> None:
    (seed_copy / "zz").mkdir()
    _, found = check_seed(seed_copy, scheme)
    assert any(p.file == "zz/" and "not a language Bodymap offers" in p.message for p in found)


def test_a_too_long_translation_is_refused_with_its_file(
    seed_copy: Path, scheme: RegionScheme
) -> None:
    write_trapezius(seed_copy, {**trapezius_in_spanish(), "name": "Trapecio " * 20})
    _, found = check_seed(seed_copy, scheme)
    assert any(
        p.file == "es/muscles/upper-trapezius.toml" and "keep it under 80" in p.message
        for p in found
    ), found


def test_a_pseudo_translation_marks_every_text_and_keeps_the_rest(
    seed_kb: KnowledgeBase, scheme: RegionScheme
) -> None:
    pseudo = t.pseudo_translation(seed_kb, "es")
    k = Knowledge(scheme=scheme, base=seed_kb.model_copy(update={"translations": (pseudo,)}))
    es = k.localized("es")
    card = es.cards["upper-trapezius"]
    texts = [card.name, card.self_care.how, *card.cautions, card.trigger_points[0].find]
    assert all(x.startswith("⟦") and x.endswith("⟧") for x in texts)
    assert all(f.advice.startswith("⟦") for f in es.flag_cards.values())
    assert es.scheme["temple-right"].name.startswith("⟦")
    assert es.pattern("upper-trapezius", "left") == k.pattern("upper-trapezius", "left")
    assert card.self_care.hold_seconds == k.cards["upper-trapezius"].self_care.hold_seconds


def test_the_spanish_knowledge_base_is_complete_and_reviewed() -> None:
    found, statuses = t.check_translations(SEED_DIR, "es")
    assert found == []
    # Every entry translated; a stale one (English reworded since) is listed by
    # `bodymap check`, but a missing or never-reviewed one would show English to a reader.
    left = sorted(
        f"{u.file} {u.entry}: {s}" for u, s in statuses.items() if s in ("missing", "unstamped")
    )
    assert left == []
    assert len(statuses) > 200
