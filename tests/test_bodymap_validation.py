"""The shared field types and the plain-words wording of validation errors."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from bodymap.validation import Name, OptionalText, describe


class Entry(BaseModel):
    cta: Name
    note: OptionalText = ""


def _messages(data: object) -> list[str]:
    with pytest.raises(ValidationError) as err:
        Entry.model_validate(data)
    return [describe(e)[1] for e in err.value.errors()]


def test_whitespace_collapses() -> None:
    assert Entry(cta="  Book \n an   assessment ").cta == "Book an assessment"
    assert Entry(cta="x", note="").note == ""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"cta": 3}, "'cta' must be text"),
        ({"cta": "   "}, "'cta' is missing or empty"),
        ({}, "'cta' is missing or empty"),
        ({"cta": "x" * 81}, "'cta' is 81 characters; keep it under 80"),
    ],
)
def test_problems_name_the_field(data: object, message: str) -> None:
    assert _messages(data) == [message]


def test_positions_count_from_one_and_tables_are_bracketed() -> None:
    where, _ = describe(
        {
            "type": "value_error",
            "loc": ("trigger_points", 0, "region"),
            "msg": "x",
            "input": "y",
            "ctx": {"error": ValueError("unknown region 'y'")},
        }  # fmt: skip
    )
    assert where == "[trigger_points] #1"
