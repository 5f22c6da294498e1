"""The Jinja2 environment: a ``static()`` helper that versions file URLs, and gettext.

The i18n extension's callables are installed once, here, at import: they are
``bodymap.i18n``'s, which read the request's language from a context variable, so the
shared environment never changes during a request (pallets/jinja#1323).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from fastapi.templating import Jinja2Templates

from app.announce import group_name, side_words
from app.config import PROJECT_ROOT
from app.i18n import keep_lang, language_links, url_lang
from bodymap import i18n

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
templates.env.add_extension("jinja2.ext.i18n")
templates.env.install_gettext_callables(  # type: ignore[attr-defined]
    gettext=i18n.gettext,
    ngettext=i18n.ngettext,
    pgettext=i18n.pgettext,
    npgettext=i18n.npgettext,
    newstyle=True,
)
# Templates ship with the code; checking their files on every render costs a stat each.
templates.env.auto_reload = False
templates.env.globals["static"] = static_url
templates.env.globals["side_words"] = side_words
templates.env.globals["group_name"] = group_name
templates.env.globals["url_lang"] = url_lang
templates.env.globals["current_locale"] = i18n.current
templates.env.filters["number"] = i18n.format_number
templates.env.filters["longdate"] = i18n.format_date
templates.env.globals["keep_lang"] = keep_lang
templates.env.globals["language_links"] = language_links
