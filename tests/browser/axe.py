"""The one accessibility check the browser tests share: axe-core's serious findings."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page


def serious_violations(page: Page) -> list[tuple[str, str, Any]]:
    """Run axe on the page as it is now; return (rule, impact, first node) of each serious
    or critical violation."""
    results = Axe().run(page)
    return [
        (v["id"], v["impact"], v["nodes"][0]["target"])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
