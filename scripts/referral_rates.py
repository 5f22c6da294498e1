"""Print how often the ranking puts the textbook muscle first: top-1 and top-3 rates.

Reads the cases of ``tests/referral_cases.toml`` (each names the muscle(s) that must come
first) and ranks them against the knowledge base in ``seed/``:

    python scripts/referral_rates.py [--seed DIR] [--cases FILE] [--misses]

top-1: a muscle named in ``first`` ranks 1st; top-3: one ranks in the top three;
all-first: the named muscles fill exactly the top places (what the test asserts).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path
from typing import Any

from bodymap.knowledge import Knowledge
from bodymap.ranking import rank
from bodymap.regions import load_scheme
from bodymap.seedfiles import load_seed_dir

ROOT = Path(__file__).resolve().parent.parent


def positions(case: dict[str, Any], knowledge: Knowledge) -> list[int]:
    """Return the 1-based rank of each muscle in ``first`` (0: not ranked at all)."""
    order = [(c.muscle, c.side) for c in rank(case["picked"], knowledge)]
    out = []
    for muscle in case["first"]:
        hits = [
            i + 1 for i, (m, s) in enumerate(order) if m == muscle and s in (case["side"], "both")
        ]
        out.append(hits[0] if hits else 0)
    return out


def main(argv: list[str] | None = None) -> int:
    """Rank every case and write the rates to stdout."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", default=str(ROOT / "seed"))
    parser.add_argument("--cases", default=str(ROOT / "tests" / "referral_cases.toml"))
    parser.add_argument("--misses", action="store_true", help="list the cases not ranked first")
    args = parser.parse_args(argv)
    scheme = load_scheme()
    knowledge = Knowledge(scheme=scheme, base=load_seed_dir(Path(args.seed), scheme))
    cases = tomllib.loads(Path(args.cases).read_text("utf-8"))["case"]
    top1 = top3 = exact = 0
    for case in cases:
        pos = positions(case, knowledge)
        ranked = [p for p in pos if p]
        best = min(ranked, default=0)
        top1 += best == 1
        top3 += 0 < best <= 3
        ok = sorted(pos) == list(range(1, len(pos) + 1))
        exact += ok
        if args.misses and not ok:
            sys.stdout.write(f"  {'+'.join(case['picked'])}: {case['first']} at {pos}\n")
    n = len(cases)
    sys.stdout.write(
        f"referral cases: {n}; top-1 {top1}/{n} ({top1 / n:.0%}); "
        f"top-3 {top3}/{n} ({top3 / n:.0%}); all named first {exact}/{n} ({exact / n:.0%})\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
