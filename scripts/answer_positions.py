"""Print where the first candidate muscle sits after one tap (issue 12's table).

    python scripts/answer_positions.py [--widths 390x844,1280x800]

Starts the app as the browser tests do (a throwaway SQLite file), taps each of the six
places of issue 12 once in Debian's Chromium, and prints, per screen size, the distance in
px from the top of the screen to the first candidate's top, and from the safety check's
top to the first candidate's top.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.devserver import start_server  # noqa: E402
from tests.browser.conftest import CHROMIUM_FLAGS  # noqa: E402
from tests.browser.places import PLACES, tap, top  # noqa: E402

log = logging.getLogger("answer_positions")


def main(argv: list[str] | None = None) -> int:
    """Measure every place at every size and write a Markdown table to stdout."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--widths", default="390x844,1280x800")
    parser.add_argument("--shots", help="save what the screen shows after each tap here")
    args = parser.parse_args(argv)
    sizes = [tuple(int(n) for n in s.split("x")) for s in args.widths.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        env = {"DATABASE_URL": f"sqlite:///{tmp}/bodymap.db", "EMERGENCY_NUMBER": "112"}
        proc, base = start_server(env)
        try:
            rows = measure(base, sizes, Path(args.shots) if args.shots else None)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    head = "| place | " + " | ".join(f"{w}×{h}: top → 1st | safety → 1st" for w, h in sizes)
    out = [head + " |", "|---" * (1 + 2 * len(sizes)) + "|"]
    for rid, cells in rows.items():
        out.append(f"| {rid} | " + " | ".join(f"{a:,.0f} | {b:,.0f}" for a, b in cells) + " |")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def measure(
    base: str, sizes: list[tuple[int, ...]], shots: Path | None = None
) -> dict[str, list[tuple[float, float]]]:
    """(top of screen → first candidate, safety check → first candidate) per place and size."""
    rows: dict[str, list[tuple[float, float]]] = {rid: [] for rid, _ in PLACES}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_FLAGS
        )
        for w, h in sizes:
            context = browser.new_context(viewport={"width": w, "height": h}, has_touch=w < 760)
            page = context.new_page()
            for rid, view in PLACES:
                tap(page, base, rid, view)
                first = top(page, ".candidate")
                rows[rid].append((first, first - top(page, ".safety")))
                if shots:
                    shots.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=shots / f"{w}x{h}-{rid}.png")
                log.info("%s at %dx%d: %.0f", rid, w, h, first)
            context.close()
        browser.close()
    return rows


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    raise SystemExit(main())
