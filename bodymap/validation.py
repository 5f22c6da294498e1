"""What every data file shares: text field types, and pydantic's errors in plain words.

The seed files and the clinic profiles are validated by pydantic models; a reviewer
reads their problems as ``file: entry: problem`` lines, so ``describe`` words each
error the way the project's checks always have ("'name' is missing or empty").
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any, NamedTuple, TypedDict, TypeVar, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
)
from pydantic_core import ErrorDetails

from bodymap.regions import RegionScheme

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


# --- references between data files ---------------------------------------------------


class ValidationContext(TypedDict, total=False):
    """What validation checks references against: region bases and source ids."""

    scheme: RegionScheme
    sources: set[str]


def _context(info: ValidationInfo) -> ValidationContext:
    return cast(ValidationContext, info.context or {})


def known_base(value: str, info: ValidationInfo) -> str:
    scheme = _context(info).get("scheme")
    if scheme is not None and value not in scheme.bases:
        raise ValueError(f"unknown region '{value}'")
    return value


def _known_source(value: str, info: ValidationInfo) -> str:
    sources = _context(info).get("sources")
    if sources is not None and value not in sources:
        raise ValueError(f"unknown source '{value}' (not in sources.toml)")
    return value


# A side-neutral region base of bodymap/data/regions.toml, and a source id of sources.toml.
RegionBase = Annotated[str, AfterValidator(known_base)]
SourceId = Annotated[str, AfterValidator(_known_source)]


class Frozen(BaseModel):
    """Immutable, and strict about unknown keys (a typo in a seed file is a problem)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceRef(Frozen):
    """A pointer into a source: which one, and where in it (chapter, section)."""

    id: SourceId
    locator: OptionalText = ""


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


def _item(data: object, path: list[str]) -> object:
    """Follow ``path`` (names and list positions) into the data as read."""
    for p in path:
        if p.isdigit():
            data = data[int(p)] if isinstance(data, list) and int(p) < len(data) else None
        else:
            data = data.get(p) if isinstance(data, dict) else None
    return data


def _where(loc: list[str], data: object) -> str:
    """Name the place of an error: tables in brackets, list items by id or position.

    The message names the field, so the field is left out of the place, and so is a
    plain value's position in a list ("[referral]", not "[referral] [essential] #3"); a
    whole table in a list is named by its id ("[no_self_pressure] 'armpit-inner-arm'").
    """
    if loc and loc[-1].isdigit() and not isinstance(_item(data, loc), dict):
        loc = loc[:-2]
    elif loc and not loc[-1].isdigit():
        loc = loc[:-1]
    parts = []
    for i, p in enumerate(loc):
        if p.isdigit():
            ident = _item(data, loc[: i + 1])
            ident = ident.get("id") if isinstance(ident, dict) else None
            parts.append(f"'{ident}'" if isinstance(ident, str) else f"#{int(p) + 1}")
        else:
            parts.append(f"[{p}]")
    return " ".join(parts)


def describe(error: ErrorDetails, data: object = None) -> tuple[str, str]:
    """Turn one pydantic error into (where inside the entry, what is wrong) in plain words.

    ``data`` is the entry as read, so that list items with an ``id`` are named by it.
    """
    loc = [str(p) for p in error["loc"] if not str(p).startswith("function-")]
    # The field is the last name in the path; list positions count from 1 for people.
    key = next((p for p in reversed(loc) if not p.isdigit()), "")
    where = _where(loc, data)
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


class SeedProblem(NamedTuple):
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
    context: ValidationContext,
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
            where, message = describe(error, data)
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


def read_document(
    model: type[M],
    path: Path,
    *,
    entry: str,
    context: ValidationContext,
    problems: list[SeedProblem],
) -> M | None:
    """Read a TOML file that is one document and validate it; problems are added, not raised."""
    data = read_toml(path, path.parent, problems)
    if data is None:
        return None
    return validate(model, data, file=path.name, entry=entry, context=context, problems=problems)
