"""Metrics (opt-in): counted per route template, never per raw URL; HEAD counted as HEAD."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.templating import static_url
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def metered() -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(metrics=True))) as c:
        yield c


def count(client: TestClient, method: str, route: str, status: int) -> float:
    text = client.get("/metrics").text
    line = f'bodymap_http_requests_total{{method="{method}",route="{route}",status="{status}"}}'
    found = re.search(re.escape(line) + r" (\S+)", text)
    return float(found.group(1)) if found else 0.0


@pytest.mark.parametrize(
    ("method", "url", "route", "status"),
    [
        ("GET", "/api/muscles/upper-trapezius", "/api/muscles/{slug}", 200),
        ("GET", "/api/muscles/not-a-muscle", "/api/muscles/{slug}", 404),
        ("HEAD", "/?region=temple-right", "/", 200),
        ("GET", "/embed/riverside", "/embed/{slug}", 200),
        ("GET", static_url("css/bodymap.css"), "/static", 200),
        ("GET", "/wp-admin/setup.php", "<unmatched>", 404),
        ("GET", "/?" + "&".join(["region=temple-right"] * 400), "<unmatched>", 400),
    ],
)
def test_each_request_counts_once_under_its_template(
    metered: TestClient, method: str, url: str, route: str, status: int
) -> None:
    before = count(metered, method, route, status)
    assert metered.request(method, url).status_code == status
    assert count(metered, method, route, status) == before + 1


def test_no_raw_urls_or_queries_reach_the_metrics(metered: TestClient) -> None:
    metered.get("/api/candidates?region=temple-right")
    metered.get("/api/muscles/upper-trapezius")
    text = metered.get("/metrics").text
    assert "temple-right" not in text and "upper-trapezius" not in text
    assert re.search(r'bodymap_knowledge_info\{digest="[0-9a-f]{12}"\} 1\.0', text)
    assert 'route="/api/candidates"' in text
