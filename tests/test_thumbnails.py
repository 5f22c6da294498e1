"""Pattern thumbnails: served as images, versioned by content, linked from the API."""

from __future__ import annotations

import gc
import gzip
import weakref
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from app.thumbnails import thumbnail
from bodymap.knowledge import Knowledge, KnowledgeBase
from bodymap.regions import RegionScheme


def test_a_thumbnail_is_a_small_svg_image(client: TestClient) -> None:
    r = client.get("/thumbnails/upper-trapezius-right.svg")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("image/svg+xml")
    # A standalone image (for <img src>) needs the SVG namespace on its root.
    assert ElementTree.fromstring(r.text).tag == "{http://www.w3.org/2000/svg}svg"
    assert 'aria-label="Upper trapezius"' in r.text
    assert len(gzip.compress(r.content)) <= 2048
    # Unversioned: cached briefly, like a page.
    assert "immutable" not in r.headers["cache-control"]


def test_the_api_links_versioned_thumbnails_that_are_kept_for_good(client: TestClient) -> None:
    body = client.get("/api/candidates", params={"region": "temple-right"}).json()
    first = body["candidates"][0]
    url = first["thumbnail"]
    assert url.startswith(f"/thumbnails/{first['muscle']}-{first['side']}.svg?v=")
    r = client.get(url)
    assert r.status_code == 200 and "immutable" in r.headers["cache-control"]
    summary = client.get("/api/muscles").json()[0]
    assert client.get(summary["thumbnail"]).status_code == 200


def test_left_and_right_are_mirror_pictures_and_both_shows_both(client: TestClient) -> None:
    right = client.get("/thumbnails/gluteus-minimus-right.svg").text
    left = client.get("/thumbnails/gluteus-minimus-left.svg").text
    both = client.get("/thumbnails/gluteus-minimus-both.svg").text
    assert right != left and len(both) > len(right)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/thumbnails/no-such-muscle-right.svg", "unknown muscle"),
        ("/thumbnails/upper-trapezius-up.svg", "side must be one of"),
    ],
)
def test_unknown_muscle_or_side_is_a_404_that_says_why(
    client: TestClient, path: str, words: str
) -> None:
    r = client.get(path)
    assert r.status_code == 404 and words in r.json()["detail"]


def test_drawn_thumbnails_go_with_a_replaced_knowledge_snapshot(
    scheme: RegionScheme, seed_kb: KnowledgeBase
) -> None:
    """A live reload replaces the knowledge; the pictures drawn for the old snapshot must
    not keep it alive (an lru_cache keyed on it did)."""
    old = Knowledge(scheme=scheme, base=seed_kb)
    svg, version = thumbnail(old, "upper-trapezius", "right")
    assert thumbnail(old, "upper-trapezius", "right") == (svg, version)
    gone = weakref.ref(old)
    del old
    gc.collect()
    assert gone() is None
    # A new snapshot draws its own, the same picture for the same knowledge.
    assert (
        thumbnail(Knowledge(scheme=scheme, base=seed_kb), "upper-trapezius", "right")[1] == version
    )
