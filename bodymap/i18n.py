"""Languages: which one a request is in, and the interface strings in it.

The locale is a context variable, set once per request by the web layer (``?lang=``,
then the clinic's language, then Accept-Language) and read wherever text is made:
templates, the page context, the ranking's explanations. Nothing global is switched, so
two people in two languages never see each other's words (pallets/jinja#1323).

Interface strings live in gettext catalogs, ``bodymap/locale/<lang>/LC_MESSAGES/
messages.po`` (kept in version control; ``pybabel extract/update`` maintain them, see
the README). They are compiled in memory the first time a language is used, so nobody
runs a compile step. The knowledge base's own texts are translated in ``seed/<lang>/``
instead (see ``bodymap.translation``).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from datetime import date
from functools import cache
from importlib import resources

from babel import Locale, dates, numbers
from babel.core import negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DEFAULT_LOCALE = "en"
# Every language the interface is offered in, English (the source language) first.
LOCALES: tuple[str, ...] = ("en", "es")
# Each language's own name, for the language switch.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}
DOMAIN = "messages"

_locale: ContextVar[str] = ContextVar("bodymap_locale", default=DEFAULT_LOCALE)


def current() -> str:
    """Return the language of the request being served (English outside one)."""
    return _locale.get()


def set_locale(lang: str) -> Token[str]:
    """Make ``lang`` the current language; give the token back to ``reset_locale``."""
    if lang not in LOCALES:
        raise ValueError(f"unsupported language '{lang}'")
    return _locale.set(lang)


def reset_locale(token: Token[str]) -> None:
    """Undo a ``set_locale``."""
    _locale.reset(token)


@contextmanager
def use_locale(lang: str) -> Iterator[None]:
    """Run a block in ``lang``: ``with use_locale("es"): ...``."""
    token = set_locale(lang)
    try:
        yield
    finally:
        reset_locale(token)


def catalog_path(lang: str) -> str:
    """Where the ``.po`` catalog of ``lang`` lives in the package."""
    return str(resources.files("bodymap") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po")


@cache
def translations(lang: str) -> NullTranslations:
    """Return ``lang``'s catalog, compiled in memory from its ``.po`` file (once)."""
    if lang == DEFAULT_LOCALE:
        return NullTranslations()
    source = resources.files("bodymap") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not source.is_file():
        return NullTranslations()
    with source.open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext(message: str) -> str:
    """Translate ``message`` into the current language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose wording depends on a count ``n``."""
    return translations(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` where the same English means different things."""
    return str(translations(current()).pgettext(context, message))


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """``ngettext`` with a context."""
    return str(translations(current()).npgettext(context, singular, plural, n))


_ = gettext


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it (translated where shown)."""
    return message


def parse_accept_language(header: str) -> list[str]:
    """The languages of an ``Accept-Language`` header, most wanted first.

    ``"es-MX,es;q=0.9,en;q=0.5"`` -> ``["es_MX", "es", "en"]`` (Babel's spelling);
    ``q=0`` ("not this one") and malformed parts are left out.
    """
    weighted: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")[:20]):
        tag, _sep, params = part.strip().partition(";")
        tag = tag.strip()
        if not tag or tag == "*" or len(tag) > 35:
            continue
        q = 1.0
        for param in params.split(";"):
            key, _eq, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            weighted.append((-q, i, tag.replace("-", "_")))
    return [tag for _q, _i, tag in sorted(weighted)]


def negotiate(header: str | None) -> str | None:
    """The supported language an ``Accept-Language`` header prefers, or None."""
    if not header:
        return None
    found = negotiate_locale(parse_accept_language(header), LOCALES, sep="_")
    if found is None:
        # "es-MX" alone still means Spanish: Babel matches only exact tags and aliases.
        for tag in parse_accept_language(header):
            base = tag.split("_")[0].lower()
            if base in LOCALES:
                return base
    return found


@cache
def _latin_digits(lang: str) -> bool:
    """Does ``lang`` write numbers with the digits 0-9?"""
    return bool(Locale.parse(lang).default_numbering_system == "latn")


def format_number(value: float | int) -> str:
    """A number written the current language's way (``1,234.5`` / ``1234,5``)."""
    lang = current()
    # Small counts are most of a page's numbers, and read alike wherever the digits are
    # 0-9: skip Babel's formatting for them (it is most of the cost of a page's numbers).
    if isinstance(value, int) and 0 <= value < 1000 and _latin_digits(lang):
        return str(value)
    return numbers.format_decimal(value, locale=lang)


def format_date(value: date) -> str:
    """A date written out the current language's way (``2 December 2026`` / ``2 de
    diciembre de 2026``)."""
    return dates.format_date(value, format="long", locale=current())
