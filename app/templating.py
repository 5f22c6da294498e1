"""The Jinja2 environment, with a ``static()`` helper that versions file URLs."""

from __future__ import annotations

import hashlib
from functools import cache

from fastapi.templating import Jinja2Templates

from app.config import PROJECT_ROOT

STATIC_DIR = PROJECT_ROOT / "static"
TEMPLATES_DIR = PROJECT_ROOT / "templates"


@cache
def static_url(path: str) -> str:
    """Return ``/static/<path>?v=<hash of the file>`` so caches can keep it for long."""
    digest = hashlib.sha256((STATIC_DIR / path).read_bytes()).hexdigest()[:10]
    return f"/static/{path}?v={digest}"


templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.globals["static"] = static_url
