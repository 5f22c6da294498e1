"""The icon, the web app manifest, and the API docs page served from our own files."""

from __future__ import annotations

import struct
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.security import CSP


def test_favicon_is_an_ico_of_pngs(client: TestClient) -> None:
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"] == "image/x-icon"
    reserved, kind, count = struct.unpack("<HHH", r.content[:6])
    assert (reserved, kind) == (0, 1) and count >= 2
    sizes = []
    for i in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", r.content[6 + 16 * i : 22 + 16 * i]
        )
        assert r.content[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(r.content)
        sizes.append(width)
    assert {16, 32} <= set(sizes)
    assert "max-age" in r.headers["cache-control"]


def manifest_url(client: TestClient) -> str:
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    link = soup.select_one('head link[rel="manifest"]')
    assert link is not None
    return str(link["href"])


def test_manifest_names_the_app_and_its_icons(client: TestClient) -> None:
    url = manifest_url(client)
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/manifest+json")
    manifest = r.json()
    assert manifest["name"] == "Bodymap" and manifest["start_url"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        answer = client.get(urljoin(url, icon["src"]))  # relative to the manifest
        assert answer.status_code == 200, icon["src"]
        assert answer.headers["content-type"] == icon["type"], icon["src"]
        if icon["type"] == "image/png":
            width, height = struct.unpack(">II", answer.content[16:24])
            assert f"{width}x{height}" == icon["sizes"]


def test_docs_load_nothing_from_elsewhere_and_keep_the_strict_csp(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200
    assert r.headers["content-security-policy"] == CSP
    assert "unsafe-inline" not in CSP and "https:" not in CSP
    soup = BeautifulSoup(r.text, "html.parser")
    scripts = soup.select("script")
    assert scripts and all(s.get("src") and not s.string for s in scripts)  # no inline code
    urls = [s["src"] for s in scripts] + [link["href"] for link in soup.select("link[href]")]
    for url in urls:
        assert not urlsplit(str(url)).netloc, url  # same origin only
        assert client.get(str(url)).status_code == 200, url
    root = soup.select_one("#swagger-ui")
    assert root is not None and root["data-openapi-url"] == "/openapi.json"


def test_swagger_files_are_kept_for_a_year_when_versioned(client: TestClient) -> None:
    soup = BeautifulSoup(client.get("/docs").text, "html.parser")
    bundle = next(str(s["src"]) for s in soup.select("script") if "swagger-ui-bundle" in s["src"])
    r = client.get(bundle)
    assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "SwaggerUIBundle" in r.text[:2000]


def test_redoc_is_gone_and_metrics_are_off_by_default(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404
    assert client.get("/metrics").status_code == 404


def test_pages_link_the_icon_and_the_manifest(client: TestClient) -> None:
    for url in ("/", "/muscles"):
        soup = BeautifulSoup(client.get(url).text, "html.parser")
        links = {str(link["rel"][0]): str(link["href"]) for link in soup.select("head link")}
        assert links["manifest"].startswith("/static/manifest.webmanifest?v="), url
        for rel in ("icon", "apple-touch-icon", "manifest"):
            assert client.get(links[rel]).status_code == 200, (url, rel)
