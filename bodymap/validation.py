"""What every data file shares: text field types, and pydantic's errors in plain words.

The seed files and the clinic profiles are validated by pydantic models; a reviewer
reads their problems as ``file: entry: problem`` lines, so ``describe`` words each
error the way the project's checks always have ("'name' is missing or empty").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, Field, ValidationError
from pydantic_core import ErrorDetails

M = TypeVar("M", bound=BaseModel)

MAX_TEXT = 600  # characters in one field: a paragraph, short enough to read
MAX_NAME = 80


def collapse(value: object) -> object:
    """Collapse runs of whitespace, as a reader sees them."""
    return " ".join(value.split()) if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(collapse), Field(min_length=1, max_length=MAX_TEXT)]
Name = Annotated[str, BeforeValidator(collapse), Field(min_length=1, max_length=MAX_NAME)]
OptionalText = Annotated[str, BeforeValidator(collapse), Field(max_length=MAX_TEXT)]
Texts = tuple[Text, ...]

# What a list that must not be empty means, in the reviewer's words.
EMPTY_LIST = {
    "essential": "has no essential referral zone",
    "trigger_points": "has no trigger point",
    "sources": "has no source: add at least one [[sources]] entry",
}


def follows_from_another(error: ErrorDetails, errors: list[ErrorDetails]) -> bool:
    """A list left empty because its only items were refused: report the items, not that."""
    loc = error["loc"]
    return error["type"] == "too_short" and any(
        e["loc"][: len(loc)] == loc and len(e["loc"]) > len(loc) for e in errors
    )


def describe(error: ErrorDetails) -> tuple[str, str]:
    """Turn one pydantic error into (where inside the entry, what is wrong) in plain words."""
    loc = [str(p) for p in error["loc"] if not str(p).startswith("function-")]
    # The field is the last name in the path; list positions count from 1 for people.
    key = next((p for p in reversed(loc) if not p.isdigit()), "")
    where = " ".join(f"#{int(p) + 1}" if p.isdigit() else f"[{p}]" for p in loc[:-1] if p != key)
    kind, ctx = error["type"], error.get("ctx", {})
    value = error.get("input")
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
    elif kind == "missing" or (kind == "string_too_short" and not value):
        message = f"'{key}' is missing or empty"
    elif kind == "too_short":
        message = EMPTY_LIST.get(key, f"'{key}' is missing or empty")
    elif kind in ("string_too_long", "too_long"):
        length = len(value) if isinstance(value, str | list | tuple) else "?"
        message = f"'{key}' is {length} characters; keep it under {ctx.get('max_length')}"
    elif kind == "literal_error":
        message = f"{key} must be one of {ctx.get('expected')}"
    elif kind == "extra_forbidden":
        message = f"unknown field '{key}' (a typo?)"
    elif kind == "string_type":
        message = f"'{key}' must be text"
    elif kind == "bool_type":
        message = f"'{key}' must be true or false"
    elif kind in ("tuple_type", "list_type") and key in ("hold_seconds", "repetitions"):
        message = f"'{key}' must be two whole numbers [low, high]"
    else:
        message = f"'{key}': {error['msg']}"
    return where, message


@dataclass(frozen=True, slots=True)
class SeedProblem:
    """One thing wrong in the seed, and where."""

    file: str
    entry: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.message}"


def validate(
    model: type[M],
    data: object,
    *,
    file: str,
    entry: str,
    context: object,
    problems: list[SeedProblem],
) -> M | None:
    """Validate one entry; on failure, add one problem per error and return None."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        errors = exc.errors()
        for error in errors:
            if follows_from_another(error, errors):
                continue
            where, message = describe(error)
            problems.append(SeedProblem(file, f"{entry} {where}".strip(), message))
        return None


def read_toml(path: Path, root: Path, problems: list[SeedProblem]) -> dict[str, Any] | None:
    """Parse one TOML file; a missing or broken file is a problem, not a crash."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        problems.append(SeedProblem(str(path.relative_to(root)), "(file)", "file is missing"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(SeedProblem(str(path.relative_to(root)), "(file)", f"cannot read: {exc}"))
    return None
