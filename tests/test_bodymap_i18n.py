"""Pure tests of ``bodymap.i18n`` and the catalogs: negotiation, formats, completeness."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from app.config import PROJECT_ROOT
from bodymap import i18n
from bodymap.ranking import _ordinal

LOCALE_DIR = PROJECT_ROOT / "bodymap" / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
# The README's extract command (Translating Bodymap), but its output file.
EXTRACT = [
    "-F", str(PROJECT_ROOT / "babel.cfg"), "-k", "_", "-k", "gettext", "-k", "N_",
    "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-k", "npgettext:1c,2,3",
    "--no-location", "--sort-output", "--omit-header",
]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("es-MX,es;q=0.9,en;q=0.5", ["es_MX", "es", "en"]),
        ("en;q=0.2, es", ["es", "en"]),
        ("fr;q=0, es;q=0.5", ["es"]),
        ("*, es;q=bad", []),
        ("", []),
    ],
)
def test_parse_accept_language(header: str, expected: list[str]) -> None:
    assert i18n.parse_accept_language(header) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("es-ES", "es"),
        ("es-419,en;q=0.8", "es"),
        ("en-GB,en;q=0.9,es;q=0.8", "en"),
        ("pt-BR, de", None),
        (None, None),
    ],
)
def test_negotiate(header: str | None, expected: str | None) -> None:
    assert i18n.negotiate(header) == expected


def test_formats_follow_the_current_language() -> None:
    day = date(2026, 12, 2)
    assert i18n.format_number(1234.5) == "1,234.5"
    assert i18n.format_date(day) == "December 2, 2026"
    with i18n.use_locale("es"):
        assert i18n.format_number(1234.5) == "1234,5" or i18n.format_number(1234.5) == "1.234,5"
        assert i18n.format_date(day) == "2 de diciembre de 2026"


def test_ordinals_in_each_language() -> None:
    assert [_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"
    ]  # fmt: skip
    with i18n.use_locale("es"):
        assert _ordinal(2) == "2.º"


def test_an_unsupported_locale_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        i18n.set_locale("xx")
    assert i18n.current() == "en"


def _messages(path: Path, lang: str | None = None) -> dict[object, object]:
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    return {(m.context, m.id): m for m in catalog if m.id}


@pytest.mark.parametrize("lang", [lang for lang in i18n.LOCALES if lang != i18n.DEFAULT_LOCALE])
def test_each_catalog_is_complete_current_and_keeps_its_placeholders(lang: str) -> None:
    template = _messages(LOCALE_DIR / "messages.pot")
    catalog = _messages(Path(i18n.catalog_path(lang)), lang)
    assert set(catalog) == set(template), "run pybabel update (README: Translating Bodymap)"
    for key, m in catalog.items():
        assert not m.fuzzy, key  # type: ignore[attr-defined]
        ids = m.id if isinstance(m.id, tuple) else (m.id,)  # type: ignore[attr-defined]
        strings = m.string if isinstance(m.string, tuple) else (m.string,)  # type: ignore[attr-defined]
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            assert s, f"{key}: untranslated"
            assert set(PLACEHOLDER.findall(s)) == wanted, f"{key}: {s}"
            assert s.count("%%") == ids[0].count("%%"), key


def test_the_template_is_up_to_date(tmp_path: Path) -> None:
    """messages.pot holds exactly what the code and templates mark for translation."""
    out = tmp_path / "messages.pot"
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", *EXTRACT, "-o", str(out), str(PROJECT_ROOT)]
    )
    assert set(_messages(out)) == set(_messages(LOCALE_DIR / "messages.pot")), (
        "run the README's pybabel extract and update"
    )


def test_spanish_safety_wording_keeps_its_strength() -> None:
    with i18n.use_locale("es"):
        assert i18n.gettext("Call your local emergency number now") == (
            "Llama ahora al número de emergencias"
        )
        assert i18n.gettext("Call %(number)s now") % {"number": "112"} == "Llama ahora al 112"
        assert i18n.gettext("See a doctor today") == "Ve hoy a un médico"


@pytest.mark.parametrize("lang", i18n.LOCALES)
def test_the_fast_path_for_small_numbers_agrees_with_babel(lang: str) -> None:
    with i18n.use_locale(lang):
        for n in (0, 7, 42, 999, 1000, 12345):
            assert i18n.format_number(n) == format_decimal(n, locale=lang)
