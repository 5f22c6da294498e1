"""Automated accessibility audit (axe-core, bundled by axe-playwright-python) of every page
and the main states: zero serious or critical violations, colour contrast included.

axe cannot judge everything (for example whether the reading order makes sense to a
screen-reader user); those checks are done by hand and recorded in the issue notes.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.axe import serious_violations

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/?region=temple-right&region=neck-back-right",
    "/?region=calf-right&muscle=gastrocnemius&side=right&view=back",
    "/?region=sternum&yes=heart-attack-warning",
    "/?view=head&region=jaw-joint-left&muscle=masseter&side=left",
    "/?view=hands&region=index-finger-right",
    "/?region=buttock-lower-right&muscle=gluteus-minimus&side=right&compare=piriformis&compare_side=right",
    "/?mode=chairside&muscle=upper-trapezius&side=right",
    "/?q=outer+elbow",  # the place search with its options open
    "/muscles",
    "/muscles?q=calf",
    "/techniques",
    "/print?region=temple-right&muscle=upper-trapezius&side=right",
    "/?region=nowhere",
    "/?" + "&".join(f"a{i}=1" for i in range(400)),  # refused: too many parameters
    "/embed/riverside",
    "/embed/summit?region=shin-left&muscle=tibialis-anterior&side=left&view=front",
    "/embed/about",
    "/demo/clinic?clinic=summit",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violations(page: Page, server: str, path: str) -> None:
    page.goto(server + path)
    results = Axe().run(page)
    bad = [
        (v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, bad
    checked = {r["id"] for r in results.response["passes"] + results.response["incomplete"]}
    assert "color-contrast" in checked or "color-contrast" in {
        r["id"] for r in results.response["inapplicable"]
    }


def test_states_reached_by_clicking_have_no_serious_violations(page: Page, server: str) -> None:
    """After htmx swaps: picks, an open card, the open checklist and the shortcuts dialog."""
    page.goto(server)
    page.locator('figure[data-view="front"] a.region[data-region="temple-right"]').click()
    page.locator(".cand-link").first.click()
    page.locator("#card").wait_for()
    page.locator('.view-tabs a[data-view="head"]').click()
    page.locator('figure[data-view="head"]').wait_for()
    page.locator(".safety details.flag-group > summary").first.click()
    for state in ("card, close-up and checklist", "shortcuts dialog"):
        if state == "shortcuts dialog":
            page.locator('[data-open="shortcuts"]').click()
            page.locator("dialog#shortcuts[open]").wait_for()
        bad = serious_violations(page)
        assert not bad, (state, bad)


def test_each_place_on_the_figure_is_named_by_its_title(page: Page, server: str) -> None:
    """No aria-label repeats it: a screen reader gets the name from the SVG <title>, which
    is also the pointer's tooltip (SVG-AAM)."""
    page.goto(server + "/?region=temple-right")
    temple = page.get_by_role("checkbox", name="Temple (right)", exact=True)
    expect(temple).to_have_count(1)
    expect(temple).to_have_attribute("data-region", "temple-right")
    expect(temple).to_have_attribute("aria-checked", "true")
    calf = page.get_by_role("checkbox", name="Upper calf (left)", exact=True)
    expect(calf).to_have_attribute("aria-checked", "false")
