"""The Jinja2 environment, with a ``static()`` helper that versions file URLs."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from fastapi.templating import Jinja2Templates

from app.announce import side_words
from app.config import PROJECT_ROOT

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
