"""Render static/icons/icon.svg to the PNG icons and favicon.ico the app serves.

Run after changing the SVG: ``python scripts/make_icons.py``. Uses Debian's chromium
through Playwright (a test dependency), so the PNGs look exactly like the SVG does in a
browser. favicon.ico holds PNG images (allowed since Windows Vista; every browser reads it).
"""

from __future__ import annotations

import logging
import shutil
import struct
from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parents[1] / "static" / "icons"
PNG_SIZES = (180, 192, 512)  # apple-touch-icon, and the two sizes a web app manifest wants
ICO_SIZES = (16, 32, 48)
log = logging.getLogger("make_icons")


def _ico(pngs: list[tuple[int, bytes]]) -> bytes:
    """An ICO file whose images are PNGs: a 6-byte header, a 16-byte entry per image."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, data = b"", b""
    for size, png in pngs:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def main() -> None:
    """Write icon-<size>.png and favicon.ico next to icon.svg."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    svg = (ICONS / "icon.svg").read_text()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        rendered: dict[int, bytes] = {}
        for size in (*PNG_SIZES, *ICO_SIZES):
            page = browser.new_page(viewport={"width": size, "height": size})
            body = "<style>html,body{margin:0}svg{display:block;width:100vw;height:100vh}</style>"
            page.set_content(body + svg)
            rendered[size] = page.screenshot(omit_background=True)
            page.close()
        browser.close()
    for size in PNG_SIZES:
        (ICONS / f"icon-{size}.png").write_bytes(rendered[size])
    (ICONS / "favicon.ico").write_bytes(_ico([(s, rendered[s]) for s in ICO_SIZES]))
    log.info("wrote %s", ", ".join(sorted(p.name for p in ICONS.iterdir())))


if __name__ == "__main__":
    main()
