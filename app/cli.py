"""The ``bodymap`` command line: serve the app, load, check or review the seed."""

from __future__ import annotations

import argparse
import copy
import logging
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger("bodymap")


def _check(args: argparse.Namespace) -> int:
    from bodymap.regions import load_scheme
    from bodymap.seedfiles import check_seed

    kb, problems = check_seed(Path(args.seed_dir), load_scheme())
    for p in problems:
        sys.stderr.write(f"{p}\n")
    if problems:
        sys.stderr.write(f"bodymap check: {len(problems)} problem(s) in {args.seed_dir}\n")
        return 1
    sys.stdout.write(
        f"bodymap check: {args.seed_dir} is clean: {len(kb.muscles)} muscles, "
        f"{len(kb.red_flags)} red flags, {len(kb.sources)} sources\n"
    )
    _report_translations(Path(args.seed_dir))
    return 0


def _report_translations(root: Path) -> None:
    """Say how complete each translation is; list what is missing, stale or unstamped."""
    from collections import Counter

    from bodymap.translation import check_translations, languages

    for lang in languages(root):
        _, statuses = check_translations(root, lang)
        counts = Counter(statuses.values())
        sys.stdout.write(
            f"bodymap check: {lang}: {counts['translated']} of {len(statuses)} entries "
            f"translated and reviewed; {counts['missing']} missing, {counts['stale']} stale "
            f"(the English changed since), {counts['unstamped']} not yet stamped\n"
        )
        for unit, status in statuses.items():
            if status != "translated":
                sys.stdout.write(f"  {lang}/{unit.file}: {unit.entry}: {status}\n")


def _stamp(args: argparse.Namespace) -> int:
    """Mark translations as made from the current English (after a reviewer read them)."""
    from bodymap.translation import anchor, check_translations, digest, stamp_text

    root = Path(args.seed_dir)
    problems, statuses = check_translations(root, args.lang)
    if problems:
        for p in problems:
            sys.stderr.write(f"{p}\n")
        sys.stderr.write("bodymap translations stamp: fix these first; nothing stamped\n")
        return 1
    stamped = 0
    for unit, status in statuses.items():
        if status == "missing" or (status == "stale" and not args.stale):
            continue
        if status == "translated":
            continue
        path = root / args.lang / unit.file
        text = path.read_text("utf-8")
        new = stamp_text(text, digest(unit.english), anchor(unit))
        if new != text:
            path.write_text(new, "utf-8")
            stamped += 1
    sys.stdout.write(f"bodymap translations stamp: {stamped} entries stamped in {args.lang}\n")
    return 0


def _review(args: argparse.Namespace) -> int:
    from bodymap.regions import load_scheme
    from bodymap.review import review_html
    from bodymap.seedfiles import check_seed

    root = Path(args.seed_dir)
    scheme = load_scheme()
    kb, problems = check_seed(root, scheme)
    for p in problems:
        sys.stderr.write(f"{p}\n")
    out = Path(args.out)
    out.write_text(review_html(kb, scheme, kb.precautions), encoding="utf-8")
    sys.stdout.write(f"bodymap review: wrote {out} ({len(kb.muscles)} muscles); print it\n")
    return 1 if problems else 0


def _seed(args: argparse.Namespace) -> int:
    from app.seed import main as seed_main

    return seed_main(force=True)


def _log_config() -> dict[str, Any]:
    """Uvicorn's logging set-up, plus our own loggers (each worker applies it when it starts)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["bodymap"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def _serve(args: argparse.Namespace) -> int:
    import os
    import shutil
    import tempfile

    import uvicorn

    from app.config import get_settings
    from app.db import DatabaseUnavailable, make_engine, wait_for_database
    from app.observability import MULTIPROC_ENV, multiprocess_dir
    from app.seed import prepare_database

    settings = get_settings()
    # Wait and seed here, once, rather than in every worker: a database that never
    # answers is one clear line and exit status 1, and workers never race to create
    # the tables of a fresh database (SQLite then fails with "disk I/O error").
    engine = make_engine(settings.database_url)
    try:
        wait_for_database(engine, timeout=settings.database_wait_seconds, log=log)
        prepare_database(engine, settings)
    except DatabaseUnavailable as exc:
        log.error("%s", exc)
        return 1
    finally:
        engine.dispose()
    scratch = None
    if settings.metrics and args.workers > 1 and not multiprocess_dir():
        # Workers share their metrics through files; a fresh folder per run.
        scratch = tempfile.mkdtemp(prefix="bodymap-metrics-")
        os.environ[MULTIPROC_ENV] = scratch
    try:
        uvicorn.run(
            "app.main:app",
            host=args.host,
            port=args.port,
            workers=args.workers,
            reload=args.reload,
            # Uvicorn's own access log writes each visitor's address and the full URL,
            # whose query string is the places that hurt. ACCESS_LOG=true logs without them.
            access_log=False,
            log_config=_log_config(),
        )
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the ``bodymap`` command."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="bodymap", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the web app (seeds the database on first start)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--reload", action="store_true", help="restart on code changes")
    serve.set_defaults(func=_serve)

    seed = sub.add_parser("seed", help="reload seed/ into the configured database")
    seed.set_defaults(func=_seed)

    check = sub.add_parser("check", help="validate seed/ and report every problem")
    check.add_argument("seed_dir", nargs="?", default="seed")
    check.set_defaults(func=_check)

    tr = sub.add_parser("translations", help="manage seed/<lang>/ translations")
    tr_sub = tr.add_subparsers(dest="action", required=True)
    stamp = tr_sub.add_parser(
        "stamp",
        help="mark unstamped translations as made from the current English (after review)",
    )
    stamp.add_argument("lang")
    stamp.add_argument("seed_dir", nargs="?", default="seed")
    stamp.add_argument(
        "--stale", action="store_true", help="also re-stamp stale ones (their update was reviewed)"
    )
    stamp.set_defaults(func=_stamp)

    review = sub.add_parser("review", help="write a printable review of seed/, one muscle a page")
    review.add_argument("seed_dir", nargs="?", default="seed")
    review.add_argument("--out", default="bodymap-review.html", help="the HTML file to write")
    review.set_defaults(func=_review)

    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
