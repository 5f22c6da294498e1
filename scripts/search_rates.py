"""Print how place search does on the phrase table: nothing found, and expected first.

    python scripts/search_rates.py [--cases FILE] [--misses]

Reads ``tests/search_cases.toml`` (each phrase names the region that must come first).
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

from bodymap.regions import load_scheme
from bodymap.search import search_regions

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Search every phrase and write the rates to stdout."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cases", default=str(ROOT / "tests" / "search_cases.toml"))
    parser.add_argument("--misses", action="store_true", help="list the phrases missed")
    args = parser.parse_args(argv)
    regions = load_scheme().regions
    cases = tomllib.loads(Path(args.cases).read_text("utf-8"))["case"]
    empty = first = 0
    missed: Counter[str] = Counter()
    started = time.perf_counter()
    for case in cases:
        found = [r.id for r in search_regions(case["q"], regions)]
        empty += not found
        hit = bool(found) and found[0] == case["first"]
        first += hit
        if not hit:
            missed[case["kind"]] += 1
            if args.misses:
                sys.stdout.write(f"  {case['q']!r}: want {case['first']}, got {found[:3]}\n")
    ms = (time.perf_counter() - started) * 1000 / len(cases)
    n = len(cases)
    sys.stdout.write(
        f"search phrases: {n}; nothing found {empty}/{n} ({empty / n:.0%}); "
        f"expected place first {first}/{n} ({first / n:.0%}); {ms:.2f} ms a phrase; "
        f"missed by kind: {dict(sorted(missed.items()))}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
