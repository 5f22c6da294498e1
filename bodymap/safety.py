"""Safety rules ``bodymap check`` enforces on the muscles' self-care (issue #14).

Pure functions over the knowledge read from ``seed/``; each problem is a
``(file, entry, message)`` triple, in the same form as the other seed problems.

- A muscle whose self-care asks for light touch must not print a firm pressure level
  (5 out of 10 or more): the card would contradict itself.
- A trigger point in an area where self-pressure is refused (``no_self_pressure`` in
  ``seed/precautions.toml``: front of the neck, femoral triangle, armpit and inner upper
  arm, behind the knee, fibular head, directly over the spine) must not be treated by
  self-pressure: self-pressure is off for the muscle, or for that point.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bodymap.knowledge import Muscle
from bodymap.precautions import Precautions
from bodymap.validation import SeedProblem as Problem

# Words that ask for light touch only, in the self-care steps, cautions or "find" texts.
LIGHT_TOUCH = re.compile(r"\blight (?:touch|pressure|pinch)\b|\blightly\b|\bgentle touch\b", re.I)
# A pressure level of 5 out of 10 or more ("about 5-7 out of 10", "5/10"), unless it is
# the bound the pressure stays under ("well below 5 out of 10").
FIRM_LEVEL = re.compile(
    r"(?<!below )(?<!under )(?<!than )\b(?:[5-9]|10)(?:\s*[-–]\s*\d+)?\s*(?:out of|/)\s*10", re.I
)


def _file(m: Muscle) -> str:
    return f"muscles/{m.slug}.toml"


def light_touch_phrase(m: Muscle) -> str | None:
    """Return the first words of the muscle's texts that ask for light touch, if any."""
    c = m.self_care
    texts = (c.tool, c.how, *m.cautions, *(t.find for t in m.trigger_points))
    for text in texts:
        found = LIGHT_TOUCH.search(text)
        if found:
            return found.group(0)
    return None


def check_pressure_matches(m: Muscle) -> list[Problem]:
    """A light-touch muscle must state a light pressure, never 5 out of 10 or more."""
    phrase = light_touch_phrase(m)
    pressure = m.self_care.pressure
    if phrase is None:
        return []
    if FIRM_LEVEL.search(pressure) or not re.search(r"\blight\b", pressure, re.I):
        return [
            Problem(
                _file(m),
                f"muscle '{m.slug}' [self_care]",
                f"the self-care asks for light touch ('{phrase}') but the pressure is "
                f"'{pressure}'; write a light pressure, below 5 out of 10",
            )
        ]
    return []


def check_refused_areas(m: Muscle, pre: Precautions) -> list[Problem]:
    """No trigger point in a refused area may be treated by self-pressure."""
    problems: list[Problem] = []
    points = m.trigger_points
    if m.self_care.self_pressure and points and not any(t.self_pressure for t in points):
        problems.append(
            Problem(
                _file(m),
                f"muscle '{m.slug}' [self_care]",
                "every trigger point has self_pressure = false, so [self_care] self_pressure "
                "must be false too",
            )
        )
    if not m.self_care.self_pressure:
        return problems
    for i, tp in enumerate(points, 1):
        if not tp.self_pressure:
            continue
        for area in pre.no_self_pressure:
            if area.contains(tp.region, tp.at):
                problems.append(
                    Problem(
                        _file(m),
                        f"muscle '{m.slug}' trigger point {i}",
                        f"'{tp.name}' lies in {area.name} (no_self_pressure '{area.id}' in "
                        f"precautions.toml), where self-pressure is refused; set "
                        f"self_pressure = false for this point or in [self_care]",
                    )
                )
    return problems


def check_safety(muscles: Iterable[Muscle], pre: Precautions) -> list[Problem]:
    """Every safety problem of every muscle, as ``file: entry: problem``.

    Arguments:
        muscles: the muscles read from ``seed/``.
        pre: the precautions, whose ``no_self_pressure`` areas are enforced.

    Returns:
        The problems, in muscle order; empty when the seed is safe by these rules.
    """
    problems: list[Problem] = []
    for m in muscles:
        problems += check_pressure_matches(m)
        problems += check_refused_areas(m, pre)
    return problems
