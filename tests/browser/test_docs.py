"""The API docs work with no internet: every file comes from the app, under its strict CSP."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

pytestmark = pytest.mark.browser

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def test_docs_list_the_operations_with_the_network_cut_off(page: Page, server: str) -> None:
    outside: list[str] = []

    def only_local(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("internetdisconnected")

    page.route("**/*", only_local)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    page.goto(f"{server}/docs")
    operations = page.locator(".opblock-summary-path")
    expect(operations.first).to_be_visible(timeout=15000)
    paths = {p.strip().replace("\u200b", "") for p in operations.all_inner_texts()}
    assert {"/api/regions", "/api/candidates", "/api/muscles/{slug}", "/healthz"} <= paths

    # Open one operation: its parameters and responses come from the local schema too.
    page.locator("#operations-api-candidates_api_candidates_get, .opblock-get").first.click()
    expect(page.locator(".parameters-container").first).to_be_visible()

    assert outside == [], f"the docs asked for outside files: {outside}"
    assert problems == [], f"console errors (a CSP refusal shows here): {problems}"
