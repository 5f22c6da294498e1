"""HTTP tests of the JSON API: every route, and bad input that must give a clear 4xx."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bodymap.knowledge import KnowledgeBase
from bodymap.regions import RegionScheme


def test_regions_list_and_shape(client: TestClient, scheme: RegionScheme) -> None:
    r = client.get("/api/regions")
    assert r.status_code == 200
    regions = r.json()
    assert len(regions) == len(scheme) >= 150
    first = regions[0]
    assert set(first) >= {"id", "name", "side", "view", "group", "synonyms"}
    assert {x["side"] for x in regions} == {"left", "right", "midline"}
    assert len({x["id"] for x in regions}) == len(regions)


def test_regions_search(client: TestClient) -> None:
    r = client.get("/api/regions", params={"q": "Outer Elbow"})
    assert r.status_code == 200
    assert r.json()[0]["id"] == "elbow-outer-right"
    assert client.get("/api/regions", params={"q": "left temple"}).json()[0]["id"] == "temple-left"


@pytest.mark.parametrize("q", ["", " ", "<script>alert('x')</script>", "%FF%FE", "🙂" * 50])
def test_regions_search_odd_queries(client: TestClient, q: str) -> None:
    r = client.get("/api/regions", params={"q": q})
    assert r.status_code == 200
    assert isinstance(r.json(), list)
    assert "<script>" not in r.text


def test_too_long_query_is_a_422(client: TestClient) -> None:
    r = client.get("/api/regions", params={"q": "x" * 5000})
    assert r.status_code == 422
    assert "200 characters" in r.text
    assert len(r.text) < 2000, "the error does not echo the whole input"


def test_non_utf8_query_bytes(client: TestClient) -> None:
    r = client.get("/api/regions?q=%C3%28%FF")
    assert r.status_code in (200, 422)


def test_candidates(client: TestClient) -> None:
    r = client.get(
        "/api/candidates", params=[("region", "temple-right"), ("region", "neck-back-right")]
    )
    assert r.status_code == 200
    body = r.json()
    assert body["regions"] == ["temple-right", "neck-back-right"]
    top3 = [(c["muscle"], c["side"]) for c in body["candidates"][:3]]
    assert ("upper-trapezius", "right") in top3
    top = body["candidates"][0]
    assert {m["zone"] for m in top["matches"]} == {"essential"}
    scores = [c["score"] for c in body["candidates"]]
    assert scores == sorted(scores, reverse=True)


def test_candidates_put_red_flags_first(client: TestClient) -> None:
    body = client.get("/api/candidates", params={"region": "sternum"}).json()
    assert list(body) == ["regions", "red_flags", "candidates"]
    assert body["red_flags"] and body["red_flags"][0]["level"] == "emergency"


def test_unknown_region_is_a_422_that_names_it(client: TestClient) -> None:
    r = client.get("/api/candidates", params=[("region", "calf-right"), ("region", "spleen-left")])
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail[0]["loc"] == ["query", "region"]
    assert "spleen-left" in detail[0]["msg"] and detail[0]["input"] == ["spleen-left"]


def test_hundreds_of_region_parameters(client: TestClient) -> None:
    ok = client.get("/api/candidates", params=[("region", "calf-right")] * 150)
    assert ok.status_code == 200 and ok.json()["regions"] == ["calf-right"]
    over = client.get("/api/candidates", params=[("region", "calf-right")] * 201)
    assert over.status_code == 422 and "at most 200" in over.text
    flood = client.get("/api/candidates", params=[("region", "calf-right")] * 500)
    assert flood.status_code in (400, 414), "refused before parsing"


def test_markup_in_region_is_not_echoed_raw_as_html(client: TestClient) -> None:
    r = client.get("/api/candidates", params={"region": "<img src=x onerror=alert(1)>"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/json")


def test_muscles(client: TestClient) -> None:
    muscles = client.get("/api/muscles").json()
    assert len(muscles) >= 20
    assert set(muscles[0]) == {"slug", "name", "group", "synonyms", "thumbnail"}
    found = client.get("/api/muscles", params={"q": "traps"}).json()
    assert found[0]["slug"] == "upper-trapezius"


def test_muscle_card(client: TestClient) -> None:
    card = client.get("/api/muscles/gluteus-minimus").json()
    assert card["trigger_points"] and card["sources"] and card["referral"]["essential"]
    assert card["self_care"]["hold_seconds"][1] <= 90
    assert all(
        r.endswith("-right") or "-" not in r or r in ("sacrum",)
        for r in card["referral_regions"]["right"]["essential"]
        if r.endswith(("-left",)) is False
    )


def test_unknown_muscle_is_a_404(client: TestClient) -> None:
    r = client.get("/api/muscles/heart")
    assert r.status_code == 404
    assert "heart" in r.json()["detail"]


def test_red_flags(client: TestClient) -> None:
    all_flags = client.get("/api/red-flags").json()
    assert all_flags
    assert set(all_flags[0]) >= {"id", "symptom", "level", "advice", "regions"}
    calf = client.get("/api/red-flags", params={"region": "calf-left"}).json()
    assert calf and all("calf-left" in f["regions"] for f in calf)
    levels = [f["level"] for f in calf]
    order = {"emergency": 0, "urgent": 1, "see_clinician": 2}
    assert levels == sorted(levels, key=order.__getitem__)


def test_healthz(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_openapi_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in [
        "/api/regions",
        "/api/candidates",
        "/api/muscles",
        "/api/muscles/{slug}",
        "/api/red-flags",
    ]:
        assert path in schema["paths"]
    assert client.get("/docs").status_code == 200


def test_export_is_the_whole_knowledge_base_with_its_licence(
    client: TestClient, seed_kb: KnowledgeBase
) -> None:
    body = client.get("/api/export").json()
    assert body["licence"]["name"] == "CC BY 4.0"
    assert "creativecommons.org/licenses/by/4.0" in body["licence"]["url"]
    assert len(body["muscles"]) == len(seed_kb.muscles)
    assert len(body["red_flags"]) == len(seed_kb.red_flags)
    assert len(body["techniques"]) == len(seed_kb.techniques)
    cited = {s["id"] for m in body["muscles"] for s in m["sources"]}
    assert cited <= {s["id"] for s in body["sources"]}
    assert all(m["sources"] for m in body["muscles"])


def test_techniques(client: TestClient, seed_kb: KnowledgeBase) -> None:
    techniques = client.get("/api/techniques").json()
    assert len(techniques) == len(seed_kb.techniques)
    for t in techniques:
        assert t["what"] and t["who"] and t["evidence"] and t["sources"]
