"""Proof that no interface string escapes translation (issue 15).

A pseudo-locale is made at test time from ``messages.pot``: every message becomes
"⟦message⟧" (placeholders kept). Every page and fragment is rendered in it, and every
visible text and every ``aria-label``/``title``/``alt``/``placeholder`` must then be
wrapped, except what comes from the knowledge base (translated in ``seed/<lang>/``), the
clinic profiles, and the names of the languages in the switch.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from bs4 import BeautifulSoup, Comment, Tag
from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT
from bodymap import i18n
from bodymap.knowledge import Knowledge
from bodymap.translation import pseudo_translation

PSEUDO = "eo"  # a locale Babel knows (numbers, dates) that Bodymap does not offer
WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")
ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
# Not prose: code samples, keyboard keys, scripts.
SKIP = ("script", "style", "pre", "code", "kbd", "template")
# Words that are the same in every language: the brand, and symbols drawn as text.
ALWAYS = {"Bodymap"}


def pseudo_translations() -> NullTranslations:
    """Every message of the template wrapped in ⟦ ⟧."""
    with (PROJECT_ROOT / "bodymap" / "locale" / "messages.pot").open("rb") as f:
        template = read_po(f)
    catalog = Catalog(locale=PSEUDO, domain=i18n.DOMAIN)
    for m in template:
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            string: Any = tuple(f"⟦{s}⟧" for s in (m.id[0], m.id[1], m.id[1]))
        else:
            string = f"⟦{m.id}⟧"
        catalog.add(m.id, string, context=m.context)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=i18n.DOMAIN)


@pytest.fixture(scope="module")
def pseudo() -> Iterator[None]:
    """Offer the pseudo-locale in-process, for this module's tests only."""
    mp = pytest.MonkeyPatch()
    real = i18n.translations
    fake = pseudo_translations()
    mp.setattr(i18n, "LOCALES", (*i18n.LOCALES, PSEUDO))
    mp.setitem(i18n.LANGUAGE_NAMES, PSEUDO, "Pseudo")
    mp.setattr(i18n, "translations", lambda lang: fake if lang == PSEUDO else real(lang))
    yield
    mp.undo()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _strings(v)
    elif hasattr(value, "model_dump"):
        yield from _strings(value.model_dump())


@pytest.fixture(scope="module")
def allowed(pseudo: None, knowledge: Knowledge, client: TestClient) -> list[str]:
    """Texts that are not the interface's: the knowledge base, clinics, language names;
    longest first (so a long text is removed before the shorter ones inside it)."""
    found = set(_strings(knowledge.base))
    found |= set(_strings(list(knowledge.cards.values())))
    found |= set(_strings(list(knowledge.technique_cards.values())))
    found |= set(_strings(list(knowledge.flag_cards.values())))
    for labels in (knowledge.region_labels, knowledge.base_labels, knowledge.short_labels):
        found |= set(labels.values())
    found |= {r.label for r in knowledge.scheme.regions}
    for clinic in client.app.state.clinics.values():  # type: ignore[attr-defined]
        found |= {clinic.slug, clinic.name, clinic.logo_text, clinic.cta_label}
    found |= set(i18n.LANGUAGE_NAMES.values()) | {"Pseudo"} | ALWAYS
    # The handout's date: Babel's own words for the month.
    with i18n.use_locale(PSEUDO):
        found.add(i18n.format_date(date.today()))
    texts = {t.strip().lower() for t in found if len(t.strip()) >= 2}
    return sorted(texts, key=len, reverse=True)


def unwrapped(text: str, allowed: list[str]) -> str:
    """What is left of ``text`` once wrapped messages and allowed texts are taken out:
    letters left over are a string that escaped translation."""
    text = re.sub(r"https?://\S+", " ", text)  # links printed on the handout
    previous = None
    while previous != text:  # messages nest: "⟦Covers ⟦right temple⟧ …⟧"
        previous, text = text, WRAPPED.sub(" ", text)
    left = text.lower()
    for known in allowed:
        if known in left:
            left = left.replace(known, " ")
    return left if re.search(r"[^\W\d_]", left) else ""


def escaped(html: str, allowed: list[str]) -> list[str]:
    """Every visible text and labelling attribute of a page that is not translated."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(SKIP):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    problems: list[str] = []
    # Text: per block, so a message split by inline markup is seen whole.
    text = soup.get_text("\n")
    for line in WRAPPED.sub(lambda m: m.group(0).replace("\n", " "), text).split("\n"):
        if unwrapped(line, allowed):
            problems.append(f"text: {line.strip()!r}")
    for tag in soup.find_all(True):
        assert isinstance(tag, Tag)
        for name in ATTRIBUTES:
            value = tag.get(name)
            if isinstance(value, str) and unwrapped(value, allowed):
                problems.append(f"{tag.name}[{name}]: {value!r}")
        if tag.name == "meta" and tag.get("name") == "description":
            content = tag.get("content")
            if isinstance(content, str) and unwrapped(content, allowed):
                problems.append(f"meta description: {content!r}")
    return problems


HX = {"HX-Request": "true"}
PICKS = "region=temple-right&region=jaw-right&region=calf-left"
CARD = "muscle=upper-trapezius&side=right"


def _pages(k: Knowledge) -> list[tuple[str, dict[str, str]]]:
    emergency = next(f.id for f in k.red_flags.values() if f.level == "emergency")
    urgent = next(f.id for f in k.red_flags.values() if f.level == "urgent")
    return [
        ("/", {}),
        (f"/?{PICKS}", {}),
        (f"/?{PICKS}&{CARD}&compare=temporalis&compare_side=right", {}),
        (f"/?{PICKS}&{CARD}&yes={emergency}", {}),
        (f"/?region=temple-right&yes={urgent}", {}),
        (f"/?{PICKS}&mode=chairside", {}),
        ("/?view=head&region=temple-right", {}),
        ("/?view=hands", {}),
        ("/?region=sacrum", {}),
        (f"/?{PICKS}", HX | {"HX-Target": "explorer"}),
        (f"/?{PICKS}&{CARD}", HX | {"HX-Target": "results"}),
        ("/?q=outer+elbow", HX | {"HX-Target": "suggestions"}),
        ("/?q=qwertyuiop", HX | {"HX-Target": "suggestions"}),
        ("/muscles", {}),
        ("/muscles?q=calf", {}),
        ("/muscles?q=qwertyuiop", {}),
        ("/techniques", {}),
        ("/how-it-works", {}),
        (f"/print?{PICKS}&{CARD}&yes={emergency}", {}),
        (f"/print?{PICKS}", {}),
        (f"/embed/riverside?{PICKS}&{CARD}", {}),
        ("/embed/summit", {}),
        ("/embed/about", {}),
        ("/demo/clinic?clinic=riverside", {}),
        ("/no-such-page", {}),
        ("/?region=spleen", {}),
        ("/?view=sideways&side=up", {}),
        ("/?q=" + "x" * 300, {}),
    ]


def test_the_pseudo_catalog_wraps_placeholders_intact(pseudo: None) -> None:
    with i18n.use_locale(PSEUDO):
        assert i18n.gettext("Where does it hurt?") == "⟦Where does it hurt?⟧"
        text = i18n.ngettext("%(num)s sign", "%(num)s signs", 3) % {"num": 3}
        assert text == "⟦3 signs⟧"


def test_every_page_and_fragment_is_translated(
    pseudo: None, client: TestClient, knowledge: Knowledge, allowed: list[str]
) -> None:
    problems: list[str] = []
    for url, headers in _pages(knowledge):
        sep = "&" if "?" in url else "?"
        r = client.get(f"{url}{sep}lang={PSEUDO}", headers=headers)
        assert r.status_code in (200, 404, 422), (url, r.status_code)
        assert r.headers["content-language"] == PSEUDO
        problems += [f"{url} {headers.get('HX-Target', '')}: {p}" for p in escaped(r.text, allowed)]
    assert not problems, "\n".join(problems[:40])


def test_the_check_finds_an_untranslated_string(allowed: list[str]) -> None:
    """The check itself: an English sentence, an unwrapped label, are caught."""
    page = (
        '<p>⟦Where does it hurt?⟧</p><p>Tap here</p><a aria-label="Remove it">×</a>'
        "<p>⟦Covers ⟦right temple⟧⟧</p><p>Upper trapezius (⟦right side⟧)</p>"
    )
    assert escaped(page, allowed) == ["text: 'Tap here'", "a[aria-label]: 'Remove it'"]


@pytest.fixture
def pseudo_knowledge(pseudo: None, client: TestClient) -> Iterator[None]:
    """The app's knowledge with a pseudo-translation of every text into the pseudo-locale."""
    state = client.app.state  # type: ignore[attr-defined]
    real: Knowledge = state.knowledge
    base = real.base
    marked = pseudo_translation(base, PSEUDO)
    state.knowledge = Knowledge(
        scheme=real.scheme,
        base=base.model_copy(update={"translations": (*base.translations, marked)}),
    )
    yield
    state.knowledge = real


def test_every_page_is_translated_knowledge_included(
    pseudo_knowledge: None, client: TestClient, knowledge: Knowledge
) -> None:
    """With the knowledge base pseudo-translated too, only citations (titles of published
    works), clinic profiles and the language names may stay as they are."""
    found = {s.citation for s in knowledge.sources.values()}
    for clinic in client.app.state.clinics.values():  # type: ignore[attr-defined]
        found |= {clinic.slug, clinic.name, clinic.logo_text, clinic.cta_label}
    found |= set(i18n.LANGUAGE_NAMES.values()) | {"Pseudo"} | ALWAYS
    with i18n.use_locale(PSEUDO):
        found.add(i18n.format_date(date.today()))
    allowed = sorted({t.strip().lower() for t in found if len(t.strip()) >= 2}, key=len)[::-1]
    problems: list[str] = []
    for url, headers in _pages(knowledge):
        sep = "&" if "?" in url else "?"
        r = client.get(f"{url}{sep}lang={PSEUDO}", headers=headers)
        assert r.status_code in (200, 404, 422), (url, r.status_code)
        problems += [f"{url} {headers.get('HX-Target', '')}: {p}" for p in escaped(r.text, allowed)]
        if CARD in url and "print" not in url:  # the pseudo-translated knowledge was used
            assert "⟦pper trapeziu⟧" in r.text, url
    assert not problems, "\n".join(problems[:40])
