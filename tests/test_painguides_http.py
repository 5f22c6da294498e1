"""The pain-guide order survives the database: the API ranks and explains with it."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.crud import load_knowledge
from app.db import create_tables, make_engine
from app.seed import load_seed
from bodymap.knowledge import KnowledgeBase
from bodymap.regions import RegionScheme
from tests.conftest import SEED_DIR


def test_the_database_round_trips_the_guides(seed_kb: KnowledgeBase, scheme: RegionScheme) -> None:
    engine = make_engine("sqlite://")
    create_tables(engine)
    with Session(engine) as session:
        load_seed(session, SEED_DIR, scheme=scheme)
        k = load_knowledge(session=session, scheme=scheme)
    assert k.base.pain_guides == seed_kb.pain_guides
    assert [g.id for g in k.base.pain_guides] == list(scheme.bases)


def test_candidates_lead_with_the_pain_guides_first_muscle(client: TestClient) -> None:
    body = client.get("/api/candidates", params={"region": "temple-right"}).json()
    first = body["candidates"][0]
    assert (first["muscle"], first["side"]) == ("upper-trapezius", "right")
    assert first["explanation"].endswith(
        "The most common source of right temple pain in the pain guides."
    )
    names = [c["muscle"] for c in body["candidates"]]
    assert names.index("temporalis") < names.index("suboccipitals")
