"""Queries: the knowledge base in and out of the database."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import delete, text
from sqlmodel import Session, col, select

from bodymap import models as m
from bodymap.knowledge import Knowledge, KnowledgeBase
from bodymap.regions import RegionScheme


def ping(session: Session) -> bool:
    """True when the database answers a trivial query."""
    return session.exec(text("SELECT 1")).first() is not None  # type: ignore[call-overload]


def knowledge_records(kb: KnowledgeBase) -> list[m.KnowledgeRecord]:
    """Every entry of the knowledge base as a JSON record, in seed order.

    A list (muscles, red flags, ...) gives a record per entry, keyed by its slug or id; a
    single document (the precautions) gives one record keyed by its kind.
    """
    records = []
    for kind, value in kb.model_dump(mode="json").items():
        entries = value if isinstance(value, list) else [] if value is None else [value]
        for position, data in enumerate(entries):
            key = data.get("slug") or data.get("id") if isinstance(value, list) else kind
            records.append(m.KnowledgeRecord(kind=kind, id=key, position=position, data=data))
    return records


def region_rows(scheme: RegionScheme) -> list[m.Region]:
    """The region scheme as table rows."""
    return [
        m.Region(
            id=r.id,
            base=r.base,
            name=r.label,
            side=r.side,
            group=r.group,
            clinical_name=r.clinical_name,
            views=list(r.views),
            synonyms=list(r.synonyms),
            position=i,
        )
        for i, r in enumerate(scheme.regions)
    ]


def replace_knowledge(*, session: Session, kb: KnowledgeBase, scheme: RegionScheme) -> None:
    """Replace the stored knowledge and regions (the caller commits)."""
    session.exec(delete(m.KnowledgeRecord))
    session.exec(delete(m.Region))
    session.flush()
    session.add_all(region_rows(scheme))
    session.add_all(knowledge_records(kb))
    session.flush()


def load_knowledge(*, session: Session, scheme: RegionScheme) -> Knowledge:
    """Read the stored knowledge base once, validate it, and index it for ranking and pages."""
    by_kind: dict[str, Any] = defaultdict(list)
    query = select(m.KnowledgeRecord).order_by(
        col(m.KnowledgeRecord.kind), col(m.KnowledgeRecord.position)
    )
    for record in session.exec(query):
        if record.id == record.kind:  # a single document
            by_kind[record.kind] = record.data
        else:
            by_kind[record.kind].append(record.data)
    base = KnowledgeBase.model_validate(by_kind, context={"scheme": scheme})
    return Knowledge(scheme=scheme, base=base)
