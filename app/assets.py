"""Our own stylesheets and scripts, minified once when first asked for (issue 12 budgets).

The files in ``static/`` stay readable, with their comments; what is sent leaves out
comments and spare whitespace (rcssmin and rjsmin: small, maintained, and they keep the
meaning of the code). A file is minified again only when it changes on disk. Vendored
files (``*.min.js``) are sent as they are.
"""

from __future__ import annotations

import os
from pathlib import Path

import rcssmin  # type: ignore[import-untyped]  # ships no type information
import rjsmin  # type: ignore[import-untyped]

# path -> (mtime_ns, size, minified bytes)
_MINIFIED: dict[str, tuple[int, int, bytes]] = {}


def minifiable(path: str | os.PathLike[str]) -> bool:
    """True for our own CSS and JavaScript (not already minified vendor files)."""
    name = os.fspath(path)
    return name.endswith((".css", ".js")) and not name.endswith(".min.js")


def minified(path: Path, stat: os.stat_result) -> bytes:
    """The minified bytes of a CSS or JavaScript file whose ``os.stat`` is ``stat``."""
    key = os.fspath(path)
    kept = _MINIFIED.get(key)
    if kept and kept[:2] == (stat.st_mtime_ns, stat.st_size):
        return kept[2]
    text = path.read_text(encoding="utf-8")
    small: str = rcssmin.cssmin(text) if key.endswith(".css") else rjsmin.jsmin(text)
    body = small.encode("utf-8")
    _MINIFIED[key] = (stat.st_mtime_ns, stat.st_size, body)
    return body
