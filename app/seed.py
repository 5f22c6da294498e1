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

from sqlmodel import Session

from app.crud import replace_knowledge
from bodymap import models as m
from bodymap.regions import RegionScheme, load_scheme
from bodymap.seedfiles import load_seed_dir

# Bump when the stored form of the knowledge changes, so an existing database reloads
# even though the seed files did not change.
STORE_VERSION = "3: translations stored with the knowledge"

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.config import Settings
    from bodymap.clinics import Clinic
    from bodymap.knowledge import Knowledge

log = logging.getLogger("bodymap.seed")


def seed_digest(root: Path, scheme_text: str) -> str:
    """Hash every seed file (and the region scheme and store version) into one digest."""
    h = hashlib.sha256(STORE_VERSION.encode())
    h.update(scheme_text.encode())
    for path in sorted(root.rglob("*.toml")):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


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
    replace_knowledge(session=session, kb=kb, scheme=scheme)
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
