"""Tap -> results painted, in Chromium with the CPU slowed 4x (issue 12: median < 200 ms).

Run: ``python bench/tap_latency.py`` (after ``pip install -e ".[test]"``; uses Debian's
chromium, as the browser tests do). It starts the app, opens the explorer at a phone
(390x844) and a desktop (1280x800) size, and taps each of six places once on a fresh
page. It prints, per place and size, the milliseconds from the tap (the pointerdown's
timestamp) to the first frame painted after the tapped place's chip appears in the
results, and the median. Nothing here asserts: it prints figures. ``BENCH_TAPS=N`` taps
each place N times (default 3) and takes the median of those.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import CDPSession, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.devserver import start_server  # noqa: E402
from tests.browser.conftest import CHROMIUM_FLAGS  # noqa: E402
from tests.browser.places import PLACES  # noqa: E402  (the six places issue 12 measures)

SIZES = {"390x844": {"width": 390, "height": 844}, "1280x800": {"width": 1280, "height": 800}}
CPU_SLOWDOWN = 4

# Runs in the page before the tap: the tap's time, and a promise of the time of the first
# frame painted after the place's chip is in the results (two animation frames: the first
# runs before that frame's paint, the second after it).
WATCH = """(rid) => new Promise((resolve) => {
  let tapped = null;
  document.addEventListener("pointerdown", (e) => { tapped = e.timeStamp; window.__tapped = tapped; }, {capture: true, once: true});
  const sel = '#results .chips a[data-region="' + rid + '"]';
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - tapped)));
  new MutationObserver((_, obs) => {
    if (document.querySelector(sel)) { obs.disconnect(); done(); }
  }).observe(document.body, {childList: true, subtree: true});
})"""


def task_ms(cdp: CDPSession) -> float:
    """Milliseconds the page's main thread has spent in tasks so far (Chromium's count)."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return 1000 * next(m["value"] for m in metrics if m["name"] == "TaskDuration")


def tap_once(page: Page, cdp: CDPSession, base: str, rid: str, view: str) -> tuple[float, float]:
    """Open a fresh page on ``view`` and tap ``rid`` once. Returns the milliseconds from the
    tap to the results painted, and of main-thread work in between (a steadier figure on a
    busy machine: it leaves out the server's time and waiting for a core)."""
    page.goto(base + ("/?view=back" if view == "back" else "/"))
    page.wait_for_load_state("load")
    shape = page.locator(f'figure[data-view="{view}"] a.region[data-region="{rid}"] path').first
    shape.scroll_into_view_if_needed()
    # A first touch elsewhere brings htmx, as a person's first contact with the page does;
    # the measured tap is the second contact, as on a page already in use.
    page.locator("h1").first.hover()
    page.wait_for_function("() => !!window.htmx", timeout=10000)
    page.evaluate("() => { window.__tap = null; }")
    page.evaluate(f"(rid) => {{ window.__tap = ({WATCH})(rid); }}", rid)
    before = task_ms(cdp)
    shape.click()
    latency = float(page.evaluate("() => window.__tap"))
    return latency, task_ms(cdp) - before


def main() -> None:
    taps = int(os.environ.get("BENCH_TAPS", "3"))
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    results: dict[str, dict[str, float]] = {size: {} for size in SIZES}
    work: dict[str, dict[str, float]] = {size: {} for size in SIZES}
    with tempfile.TemporaryDirectory() as tmp:
        proc, base = start_server({"DATABASE_URL": f"sqlite:///{Path(tmp) / 'tap.db'}"})
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
                for size, viewport in SIZES.items():
                    context = browser.new_context(viewport=viewport)
                    page = context.new_page()
                    cdp = context.new_cdp_session(page)
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                    cdp.send("Performance.enable")
                    for rid, view in PLACES:
                        times = [tap_once(page, cdp, base, rid, view) for _ in range(taps)]
                        results[size][rid] = statistics.median(t for t, _ in times)
                        work[size][rid] = statistics.median(w for _, w in times)
                    context.close()
                browser.close()
        finally:
            proc.terminate()
            proc.wait()
    print(f"tap -> results painted, ms (Chromium, CPU slowed {CPU_SLOWDOWN}x; median of {taps})")
    print("(in brackets: the page's main-thread work in that time, ms)")
    print(f"{'place':24}" + "".join(f"{size:>18}" for size in SIZES))
    for rid, _ in PLACES:
        print(
            f"{rid:24}"
            + "".join(f"{results[size][rid]:10.0f} ({work[size][rid]:4.0f})" for size in SIZES)
        )
    print(
        f"{'median':24}"
        + "".join(
            f"{statistics.median(results[size].values()):10.0f}"
            f" ({statistics.median(work[size].values()):4.0f})"
            for size in SIZES
        )
        + "   (target: < 200)"
    )


if __name__ == "__main__":
    main()
