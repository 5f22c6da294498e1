"""The shared rule for text fields in data files."""

from __future__ import annotations

from bodymap.textcheck import check_text


def test_whitespace_collapses_and_problems_name_the_field() -> None:
    assert check_text("  Book \n an   assessment ", "cta", required=True, limit=60) == (
        "Book an assessment",
        [],
    )
    assert check_text(3, "cta", required=True, limit=60) == ("", ["'cta' must be text"])
    assert check_text("   ", "cta", required=True, limit=60)[1] == ["'cta' is missing or empty"]
    assert check_text("", "cta", required=False, limit=60) == ("", [])
    text, problems = check_text("x" * 61, "cta", required=True, limit=60)
    assert problems == ["'cta' is 61 characters; keep it under 60"] and len(text) == 61
