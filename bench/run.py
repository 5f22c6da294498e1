"""Bodymap benchmark: start the app as a user would, then print latency, throughput and sizes.

Run: ``python bench/run.py`` (after ``pip install -e ".[test]"``). Nothing here asserts:
it prints figures. Latencies are compared as ratios to the app's own ``/healthz`` in the
same run, because these machines are shared and noisy.
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import httpx2 as httpx

from app.devserver import start_server

ROOT = Path(__file__).resolve().parents[1]
REGIONS = [
    ("region", "temple-right"),
    ("region", "neck-back-right"),
    ("region", "shoulder-top-right"),
]


def start(workers: int, db: Path) -> tuple[subprocess.Popen[bytes], str]:
    return start_server({"DATABASE_URL": f"sqlite:///{db}"}, workers=workers)


Request = tuple[str, dict[str, Any]]


def new_states() -> Iterator[list[tuple[str, str]]]:
    """Pairs of places, none twice: each request for one is a miss in the response cache."""
    from bodymap.regions import load_scheme

    ids = [r.id for r in load_scheme().regions]
    for a, b in combinations(ids, 2):
        yield [("region", a), ("region", b)]


def latencies(
    client: httpx.Client, requests: dict[str, Request | Callable[[], Request]], n: int
) -> dict[str, tuple[float, float]]:
    """Median and p99 milliseconds of each request, sent in turn (round robin), so that a
    busy moment on this shared machine slows every endpoint alike and the ratios hold.
    A callable gives a new request each time (a new state: a cache miss)."""
    times: dict[str, list[float]] = {name: [] for name in requests}
    for _ in range(n):
        for name, request in requests.items():
            url, kw = request() if callable(request) else request
            t = time.perf_counter()
            r = client.get(url, **kw)
            times[name].append(time.perf_counter() - t)
            r.raise_for_status()
    out = {}
    for name, ts in times.items():
        ts.sort()
        out[name] = (statistics.median(ts) * 1000, ts[int(len(ts) * 0.99) - 1] * 1000)
    return out


def throughput(base: str, path: str, clients: int = 32, seconds: float = 4.0) -> float:
    done = [0] * clients
    stop = time.perf_counter() + seconds

    def work(i: int) -> None:
        with httpx.Client(base_url=base) as c:
            while time.perf_counter() < stop:
                c.get(path).raise_for_status()
                done[i] += 1

    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / seconds


def first_load(client: httpx.Client, path: str) -> tuple[int, int, int]:
    """Bytes of a page with its stylesheets and scripts, raw and gzip; and of htmx, which
    the page fetches only when the person first reaches for it (pointer, touch, key)."""
    page = client.get(path, headers={"Accept-Encoding": "identity"})
    total_raw = len(page.content)
    total_gz = len(gzip.compress(page.content))
    # The page's stylesheets and scripts (not its links to other pages, nor its icons and
    # manifest, which browsers fetch after the page, and not at all in a frame).
    assets = re.findall(r'<script[^>]+src="(/(?:static|embed)/[^"]+)"', page.text)
    assets += re.findall(r'<link rel="stylesheet" href="(/(?:static|embed)/[^"]+)"', page.text)
    for asset in assets:
        body = client.get(asset, headers={"Accept-Encoding": "identity"}).content
        total_raw += len(body)
        total_gz += len(gzip.compress(body))
    later = re.findall(r'data-htmx-src="([^"]+)"', page.text)
    on_reach = sum(len(client.get(a).content) for a in later[:1])
    return total_raw, total_gz, on_reach


def main() -> None:
    n = int(os.environ.get("BENCH_N", "300"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        proc, base = start(1, db)
        try:
            with httpx.Client(base_url=base) as c:
                for _ in range(30):  # warm up
                    c.get("/healthz")
                    c.get("/api/candidates", params=REGIONS)
                fragment = {"HX-Request": "true", "HX-Target": "results"}
                # The explorer's answers come from the response cache (app.response_cache)
                # when the same state was asked before: the rows with a fixed state measure
                # that common case (a hit, after the first round). The "new state" rows ask
                # for a state never asked before each time (a miss: the full render).
                states = new_states()

                def new_state(headers: dict[str, str]) -> Callable[[], Request]:
                    return lambda: ("/", {"params": next(states), "headers": headers})

                # Two round robins: the full page's heavy renders would slow the small
                # endpoints sent between them, so it is paired with /healthz on its own.
                small = latencies(
                    c,
                    {
                        "/healthz": ("/healthz", {}),
                        "/api/candidates (3 regions)": ("/api/candidates", {"params": REGIONS}),
                        # What a tap fetches: the results, with the figure panel's small
                        # parts out of band.
                        "htmx results (a tap)": ("/", {"params": REGIONS, "headers": fragment}),
                        "htmx results, new state (miss)": new_state(fragment),
                        # Place search with a sentence, a stop word and a misspelling.
                        "/api/regions?q= (a sentence)": (
                            "/api/regions",
                            {"params": {"q": "pain in my left sholder blade"}},
                        ),
                    },
                    n,
                )
                big = latencies(
                    c,
                    {
                        "/healthz": ("/healthz", {}),
                        "/ (full page)": ("/", {"params": REGIONS}),
                        "/ (full page), new state (miss)": new_state({}),
                        # What follows a tap, once its results are painted: the figures
                        # drawn for the new state.
                        "htmx figures (after a tap)": (
                            "/",
                            {"params": REGIONS, "headers": {**fragment, "HX-Target": "figures"}},
                        ),
                        # Choosing a muscle or a close-up view: the whole explorer.
                        "htmx explorer (a muscle)": (
                            "/",
                            {"params": REGIONS, "headers": {**fragment, "HX-Target": "explorer"}},
                        ),
                    },
                    n // 3,
                )
                print(f"{'endpoint':32} {'median ms':>10} {'p99 ms':>8} {'x healthz':>10}")
                for rows in (small, big):
                    base_med = rows["/healthz"][0]
                    for name, (med, p99) in rows.items():
                        if rows is small or name != "/healthz":
                            print(f"{name:32} {med:10.2f} {p99:8.2f} {med / base_med:10.2f}")
                raw, gz, later = first_load(c, "/")
                print(
                    f"\nfirst load of / (HTML + CSS + JS): {raw / 1024:.1f} KB raw, {gz / 1024:.1f} KB gzip"
                    f" (target: 150 KB raw); htmx on first reach: +{later / 1024:.1f} KB raw"
                )
                raw, gz, later = first_load(c, "/embed/riverside")
                print(
                    f"first load of the widget /embed/riverside: {raw / 1024:.1f} KB raw, "
                    f"{gz / 1024:.1f} KB gzip (budget: 100 KB raw); htmx on first reach: "
                    f"+{later / 1024:.1f} KB raw"
                )
                js = c.get("/static/embed.js", headers={"Accept-Encoding": "identity"}).content
                print(f"embed.js: {len(js)} bytes raw (budget: 3 KB)")
                page = c.get("/").text
                icons = re.findall(
                    r'<link rel="(?:icon|apple-touch-icon|manifest)"[^>]+href="([^"]+)"', page
                )
                size = sum(len(c.get(i).content) for i in icons)
                print(
                    f"icons and manifest of / (fetched after the page, never in the widget): {size / 1024:.1f} KB raw"
                )
                thumbs = [
                    c.get(t).content
                    for t in re.findall(
                        r'src="(/thumbnails/[^"]+)"', c.get("/?region=temple-right").text
                    )
                ]
                if thumbs:
                    gz = sorted(len(gzip.compress(t)) for t in thumbs)
                    print(
                        f"pattern thumbnails after one tap: {len(gz)}, {gz[0]}-{gz[-1]} bytes gzip each (budget: 2 KB), lazy-loaded"
                    )
                from bodymap.figure import figure_view

                for view in ("front", "back"):
                    svg = figure_view(view).render().encode()
                    print(
                        f"SVG {view} view: {len(svg) / 1024:.1f} KB raw, {len(gzip.compress(svg)) / 1024:.1f} KB gzip"
                    )
            rps1 = throughput(base, "/api/candidates?" + "&".join(f"{k}={v}" for k, v in REGIONS))
        finally:
            proc.terminate()
            proc.wait()
        proc, base = start(2, db)
        try:
            rps2 = throughput(base, "/api/candidates?" + "&".join(f"{k}={v}" for k, v in REGIONS))
        finally:
            proc.terminate()
            proc.wait()
        print(
            f"\n/api/candidates, 32 concurrent clients: {rps1:.0f} req/s with 1 worker, {rps2:.0f} req/s with 2"
        )


if __name__ == "__main__":
    main()
