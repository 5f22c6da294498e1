"""The Jinja2 environment, with a ``static()`` helper that versions file URLs."""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from pathlib import Path

from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from app.announce import side_words
from app.config import PROJECT_ROOT
from bodymap.knowledge import RedFlag

STATIC_DIR = PROJECT_ROOT / "static"
TEMPLATES_DIR = PROJECT_ROOT / "templates"


@cache
def file_digest(path: Path) -> str:
    """A short hash of a file's bytes: its version in static URLs."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


@cache
def static_url(path: str) -> str:
    """Return ``/static/<path>?v=<hash of the file>`` so caches can keep it for long."""
    return f"/static/{path}?v={file_digest(STATIC_DIR / path)}"


templates = Jinja2Templates(directory=TEMPLATES_DIR)
# Templates ship with the code; checking their files on every render costs a stat each.
templates.env.auto_reload = False
templates.env.globals["static"] = static_url
templates.env.globals["side_words"] = side_words


def flag_item(flag: RedFlag, source_line: str) -> Markup:
    """One red flag's list item. It never changes while the app runs, so it is rendered
    once: a selection shows up to two dozen flags, and they were half of the results'
    rendering time (bench/run.py)."""
    return _flag_html(flag.question or flag.symptom, flag.symptom, flag.advice, source_line)


@lru_cache(maxsize=1024)
def _flag_html(summary: str, symptom: str, advice: str, source_line: str) -> Markup:
    # Keyed by the strings shown (their hashes are cached), not by the flag object.
    html = templates.get_template("_flag.html").render(
        summary=summary, symptom=symptom, advice=advice, source_line=source_line
    )
    return Markup(html)


templates.env.globals["flag_item"] = flag_item
