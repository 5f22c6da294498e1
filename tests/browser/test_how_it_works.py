"""The "How it works" page (#14): reached from the results and from a card, and axe-clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import serious_violations

pytestmark = pytest.mark.browser


def test_reached_from_the_results_and_from_a_card(page: Page, server: str) -> None:
    page.goto(server + "/?region=temple-right")
    page.locator(".candidates .edu a", has_text="How it works").click()
    expect(page.locator("h1")).to_have_text("How Bodymap works")
    page.goto(server + "/?region=temple-right&muscle=upper-trapezius&side=right")
    page.locator("#card .how-link a").click()
    expect(page).to_have_url(server + "/how-it-works")
    expect(page.locator("#referred-pain h2")).to_be_visible()


def test_no_serious_or_critical_violations(page: Page, server: str) -> None:
    page.goto(server + "/how-it-works")
    bad = serious_violations(page)
    assert not bad, bad
