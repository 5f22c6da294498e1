"""Our own stylesheets and scripts, minified once when first asked for (issue 12 budgets).

The files in ``static/`` stay readable, with their comments; what is sent leaves out
comments and spare whitespace (rcssmin and rjsmin: small, maintained, and they keep the
meaning of the code). A file is minified again only when it changes on disk. Vendored
files (``static/vendor``, Swagger UI's) are sent as they are.
"""

from __future__ import annotations

import os
from pathlib import Path

import rcssmin  # type: ignore[import-untyped]  # ships no type information
import rjsmin  # type: ignore[import-untyped]

from app.templating import STATIC_DIR

# path -> (mtime_ns, size, minified bytes)
_MINIFIED: dict[str, tuple[int, int, bytes]] = {}


def minifiable(path: str | os.PathLike[str]) -> bool:
    """True for our own CSS and JavaScript: in ``static/``, not vendored (``static/vendor``,
    or Swagger UI's files, which another mount serves), not already minified."""
    file = Path(path).resolve()
    return (
        file.suffix in (".css", ".js")
        and not file.name.endswith(".min.js")
        and file.is_relative_to(STATIC_DIR.resolve())
        and not file.is_relative_to((STATIC_DIR / "vendor").resolve())
    )


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
