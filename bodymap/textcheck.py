"""The one rule for a text field in a data file, shared by the seed and clinic checks."""

from __future__ import annotations


def check_text(value: object, key: str, *, required: bool, limit: int) -> tuple[str, list[str]]:
    """Return the text with its whitespace collapsed, and what is wrong with it (if anything).

    Problems name the field: not text, missing or empty when required, or over ``limit``.
    """
    if not isinstance(value, str):
        return "", [f"'{key}' must be text"]
    text = " ".join(value.split())
    problems = []
    if required and not text:
        problems.append(f"'{key}' is missing or empty")
    if len(text) > limit:
        problems.append(f"'{key}' is {len(text)} characters; keep it under {limit}")
    return text, problems
