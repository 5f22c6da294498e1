"""Load the knowledge base from ``seed/`` into the database; ``python -m app.seed``.

Idempotent: the seed's files are hashed, and when the database already holds that exact
seed nothing is written. Otherwise (or with ``force``) the knowledge tables are replaced
in one transaction, so a reader never sees half a knowledge base.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete
from sqlmodel import Session, select

from bodymap import models as m
from bodymap.knowledge import KnowledgeBase
from bodymap.regions import RegionScheme, load_scheme
from bodymap.seedfiles import load_seed_dir

_INSERT_ORDER: tuple[tuple[type, ...], ...] = (
    (m.Region, m.Source),
    (m.Muscle, m.RedFlag, m.Technique),
    (m.ReferralZone, m.TriggerPoint, m.MuscleSource, m.RedFlagSource, m.TechniqueSource),
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.config import Settings
    from bodymap.clinics import Clinic
    from bodymap.knowledge import Knowledge

log = logging.getLogger("bodymap.seed")

_KNOWLEDGE_TABLES = (
    m.TechniqueSource,
    m.Technique,
    m.RedFlagSource,
    m.ReferralZone,
    m.TriggerPoint,
    m.MuscleSource,
    m.RedFlag,
    m.Muscle,
    m.Source,
    m.Region,
)


def seed_digest(root: Path, scheme_text: str) -> str:
    """Hash every seed file (and the region scheme) into one digest."""
    h = hashlib.sha256(scheme_text.encode())
    for path in sorted(root.rglob("*.toml")):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _rows(kb: KnowledgeBase, scheme: RegionScheme) -> list[object]:
    rows: list[object] = [
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
    rows += [m.Source(id=s.id, citation=s.citation, kind=s.kind, url=s.url) for s in kb.sources]
    for i, mu in enumerate(kb.muscles):
        c = mu.self_care
        rows.append(
            m.Muscle(
                slug=mu.slug,
                name=mu.name,
                anatomical_name=mu.anatomical_name,
                group=mu.group,
                prevalence=mu.prevalence,
                synonyms=list(mu.synonyms),
                symptoms=list(mu.symptoms),
                perpetuating=list(mu.perpetuating),
                cautions=list(mu.cautions),
                see_a_professional=mu.see_a_professional,
                professional=mu.professional,
                care_tool=c.tool,
                care_how=c.how,
                care_pressure=c.pressure,
                hold_min=c.hold_seconds[0],
                hold_max=c.hold_seconds[1],
                reps_min=c.repetitions[0],
                reps_max=c.repetitions[1],
                stretch=c.stretch,
                stretch_min=c.stretch_hold_seconds[0],
                stretch_max=c.stretch_hold_seconds[1],
                care_self_pressure=c.self_pressure,
                position=i,
            )
        )
        rows += [
            m.ReferralZone(
                muscle_slug=mu.slug, region_base=z.base, zone=z.zone, laterality=z.laterality
            )
            for z in mu.zones
        ]
        rows += [
            m.TriggerPoint(
                muscle_slug=mu.slug,
                name=t.name,
                region_base=t.base,
                find=t.find,
                at_x=t.at[0],
                at_y=t.at[1],
                self_pressure=t.self_pressure,
            )
            for t in mu.trigger_points
        ]
        rows += [
            m.MuscleSource(muscle_slug=mu.slug, source_id=s.source, locator=s.locator)
            for s in mu.sources
        ]
    for i, f in enumerate(kb.red_flags):
        rows.append(
            m.RedFlag(
                id=f.id,
                symptom=f.symptom,
                level=f.level,
                advice=f.advice,
                question=f.question,
                checklist=f.checklist,
                region_bases=list(f.bases),
                position=i,
            )
        )
        rows += [
            m.RedFlagSource(flag_id=f.id, source_id=s.source, locator=s.locator) for s in f.sources
        ]
    for i, t in enumerate(kb.techniques):
        rows.append(
            m.Technique(
                id=t.id,
                name=t.name,
                what=t.what,
                who=t.who,
                evidence=t.evidence,
                self_care=t.self_care,
                cautions=list(t.cautions),
                position=i,
            )
        )
        rows += [
            m.TechniqueSource(technique_id=t.id, source_id=s.source, locator=s.locator)
            for s in t.sources
        ]
    return rows


def load_seed(
    session: Session, root: Path, *, force: bool = False, scheme: RegionScheme | None = None
) -> bool:
    """Load ``root`` into the database unless it already holds the same seed.

    Arguments:
        session: an open session; committed on success.
        root: the seed folder.
        force: reload even when the digest matches.
        scheme: the region scheme (the packaged one by default).

    Returns:
        True when the knowledge tables were (re)written.

    Raises:
        SeedError: the seed has problems; nothing in the database changed.
    """
    from importlib import resources

    scheme = scheme or load_scheme()
    scheme_text = resources.files("bodymap").joinpath("data/regions.toml").read_text("utf-8")
    digest = seed_digest(root, scheme_text)
    current = session.get(m.SeedMeta, "digest")
    if current is not None and current.value == digest and not force:
        log.info("seed unchanged (%s…); nothing to load", digest[:12])
        return False
    kb = load_seed_dir(root, scheme)  # validate fully before touching the database
    for table in _KNOWLEDGE_TABLES:
        session.exec(delete(table))
    session.flush()
    rows = _rows(kb, scheme)
    # Parents before children: with no ORM relationships declared, SQLAlchemy does not
    # order the inserts, and PostgreSQL (unlike SQLite's default) enforces foreign keys.
    staged = 0
    for stage in _INSERT_ORDER:
        batch = [r for r in rows if isinstance(r, stage)]
        session.add_all(batch)
        session.flush()
        staged += len(batch)
    if staged != len(rows):
        raise RuntimeError("a row type is missing from _INSERT_ORDER")
    if current is None:
        session.add(m.SeedMeta(key="digest", value=digest))
    else:
        current.value = digest
        session.add(current)
    session.commit()
    log.info(
        "loaded seed: %d regions, %d muscles, %d red flags, %d techniques, %d sources",
        len(scheme),
        len(kb.muscles),
        len(kb.red_flags),
        len(kb.techniques),
        len(kb.sources),
    )
    return True


def has_knowledge(session: Session) -> bool:
    """True when the database holds a loaded knowledge base."""
    return session.exec(select(m.SeedMeta).where(m.SeedMeta.key == "digest")).first() is not None


def main(force: bool = False) -> int:
    """Create the tables and load the seed into the configured database."""
    from app.config import get_settings
    from app.db import create_tables, make_engine

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    engine = make_engine(settings.database_url)
    create_tables(engine)
    with Session(engine) as session:
        load_seed(session, settings.seed_dir, force=force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(force=True))


def prepare_database(engine: Engine, settings: Settings) -> Knowledge:
    """Create the tables, load the seed if it changed, and return the knowledge snapshot.

    A corrupt SQLite file is moved aside (``<name>.corrupt-<time>``) and a fresh database
    is created and seeded, with a clear log line instead of a traceback.
    """
    import time

    from sqlalchemy.exc import DatabaseError

    from app.crud import load_knowledge
    from app.db import create_tables

    try:
        create_tables(engine)
        with Session(engine) as session:
            load_seed(session, settings.seed_dir)
            return load_knowledge(session=session, scheme=load_scheme())
    except DatabaseError as exc:
        path = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
        if not path or path == ":memory:":
            raise
        moved = Path(path).with_name(f"{Path(path).name}.corrupt-{int(time.time())}")
        log.error(
            "the database file %s could not be read (%s); moved it to %s and creating "
            "a fresh one from seed/",
            path,
            exc.__class__.__name__,
            moved,
        )
        engine.dispose()
        Path(path).rename(moved)
        create_tables(engine)
        with Session(engine) as session:
            load_seed(session, settings.seed_dir, force=True)
            return load_knowledge(session=session, scheme=load_scheme())


def load_clinics(settings: Settings, knowledge: Knowledge) -> dict[str, Clinic]:
    """Read the widget's clinic profiles; an invalid one is logged and left out."""
    from bodymap.clinics import read_clinics

    technique_ids = {t.id for t in knowledge.base.techniques}
    clinics, problems = read_clinics(settings.seed_dir / "clinics", technique_ids)
    for file, problem in problems:
        log.error("clinic profile %s left out: %s (run bodymap check)", file, problem)
    return clinics
