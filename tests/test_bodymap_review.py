"""The printable clinical review (``bodymap review``, issue #14)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from app.cli import main
from bodymap.knowledge import KnowledgeBase
from bodymap.regions import RegionScheme
from bodymap.review import review_html
from tests.conftest import SEED_DIR


def test_one_section_per_muscle_with_zones_care_cautions_and_sources(
    seed_kb: KnowledgeBase, scheme: RegionScheme
) -> None:
    html = review_html(seed_kb, scheme, seed_kb.precautions)
    page = BeautifulSoup(html, "html.parser")
    sections = page.select("section.muscle")
    assert len(sections) == len(seed_kb.muscles)
    pect = page.select_one("section#pectineus")
    text = " ".join(pect.get_text(" ").split())
    assert "Main referral zone groin (groin)" in text
    assert "Spillover zone inner thigh (thigh-inner)" in text
    assert "No self-pressure." in text
    assert "(not for self-pressure)" in page.select_one("section#fibularis-longus").get_text()
    assert "do not press here yourself" in text
    assert "[travell-simons-v2] Travell JG" in text and "(chapter: Pectineus)" in text
    assert "Reviewed by:" in text
    assert "Before you press" in page.select("section")[0].get_text()
    flags = page.select(".flag")
    assert len(flags) == len(seed_kb.red_flags)
    assert page.select_one("script") is None and "http" not in "".join(
        link.get("href", "") for link in page.select("link")
    )


def test_seed_text_is_escaped(seed_kb: KnowledgeBase, scheme: RegionScheme) -> None:
    m = seed_kb.muscles[0]
    evil = m.model_copy(update={"cautions": ("<script>alert(1)</script>",)})
    html = review_html(seed_kb.model_copy(update={"muscles": (evil,)}), scheme, None)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_review_command_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    assert main(["review", str(SEED_DIR), "--out", str(out)]) == 0
    assert out.read_text().count('<section class="muscle"') > 100
