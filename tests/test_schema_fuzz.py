"""Fuzz every operation of the app's OpenAPI schema with schemathesis, in-process.

The schema comes from a real app (``create_app`` on its own in-memory SQLite database, the
settings the ``client`` fixture uses). Schemathesis calls the app over ASGI and runs its
lifespan before the first request of each test, so the knowledge base is loaded as in
production. One test per operation: schemathesis' examples and boundary ("coverage")
cases, then Hypothesis fuzzing, with inputs both valid and invalid for the schema. Every
response must be no 5xx, have a documented status code and content type, and a body that
matches the documented schema.

Purely random strings almost never name a real region or muscle, so the 200 answers of
``/api/muscles/{slug}``, ``/api/candidates`` and ``/api/red-flags`` would go unchecked.
Two hooks therefore swap some generated strings for real ids from the seed; they only
replace a string the schema allows with another one it allows, so a valid case stays
valid and an invalid one stays invalid.

Deterministic for CI: derandomized Hypothesis, a fixed budget per operation and no
example database, so every run of the same code sends the same requests. (Schemathesis
also mixes in string constants it finds in the app's modules, so editing the app, or
upgrading schemathesis, can change which requests those are.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.main import create_app
from app.thumbnails import SIDES
from bodymap.knowledge import Knowledge
from bodymap.regions import load_scheme
from bodymap.seedfiles import load_seed_dir
from tests.conftest import SEED_DIR, make_settings

# Hypothesis examples per operation in the fuzzing phase; the examples and coverage phases
# add their own fixed cases on top.
MAX_EXAMPLES = 60

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

OPERATIONS = {
    "GET /healthz",
    "GET /api/regions",
    "GET /api/candidates",
    "GET /api/muscles",
    "GET /api/muscles/{slug}",
    "GET /api/techniques",
    "GET /api/export",
    "GET /api/red-flags",
    "GET /thumbnails/{slug}-{side}.svg",
}

app = create_app(make_settings(emergency_number="112"))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)

_scheme = load_scheme()
_knowledge = Knowledge(scheme=_scheme, base=load_seed_dir(SEED_DIR, _scheme))
REGION_IDS = sorted(r.id for r in _scheme.regions)
MUSCLE_SLUGS = sorted(_knowledge.muscles)
SLUG_MAX_LENGTH = 100  # the path parameter's maxLength in the schema

REGION_LIST_PATHS = {"/api/candidates", "/api/red-flags"}


@schema.hook
def flatmap_query(ctx: schemathesis.HookContext, query: Any) -> st.SearchStrategy[Any]:
    """In a list of region ids, swap some (or all) strings for real ids; keep the length."""
    if ctx.operation is None or ctx.operation.path not in REGION_LIST_PATHS:
        return st.just(query)
    if not isinstance(query, dict):
        return st.just(query)
    regions = query.get("region")
    if not isinstance(regions, list) or not all(isinstance(r, str) for r in regions):
        return st.just(query)
    real = st.sampled_from(REGION_IDS)
    swapped = st.one_of(
        st.just(regions),
        st.tuples(*(real for _ in regions)).map(list),
        st.tuples(*(st.one_of(st.just(r), real) for r in regions)).map(list),
    )
    return swapped.map(lambda new: {**query, "region": new})


@schema.hook
def flatmap_path_parameters(
    ctx: schemathesis.HookContext, path_parameters: Any
) -> st.SearchStrategy[Any]:
    """Sometimes ask for a real muscle, in place of an allowed (short enough) slug."""
    if ctx.operation is None or ctx.operation.path not in (
        "/api/muscles/{slug}",
        "/thumbnails/{slug}-{side}.svg",
    ):
        return st.just(path_parameters)
    if not isinstance(path_parameters, dict):
        return st.just(path_parameters)
    slug = path_parameters.get("slug")
    if not isinstance(slug, str) or len(slug) > SLUG_MAX_LENGTH:
        return st.just(path_parameters)
    slugs = st.one_of(st.just(slug), st.sampled_from(MUSCLE_SLUGS))
    if ctx.operation.path == "/api/muscles/{slug}":
        return slugs.map(lambda new: {**path_parameters, "slug": new})
    sides = st.one_of(st.just(path_parameters.get("side")), st.sampled_from(SIDES))
    return st.tuples(slugs, sides).map(
        lambda new: {**path_parameters, "slug": new[0], "side": new[1]}
    )


# Cases run per operation ("GET /api/regions" -> n). Each test also keeps its count in its
# user properties (so in --junitxml); the table is printed in pytest's terminal summary where
# this module ran in the main process (xdist workers have no terminal of their own).
CASES: Counter[str] = Counter()


class _CaseTable:
    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not CASES:
            return
        terminalreporter.section("schemathesis cases")
        for label in sorted(CASES):
            terminalreporter.write_line(f"{CASES[label]:6d}  {label}")
        terminalreporter.write_line(f"{CASES.total():6d}  in total")


@pytest.fixture(scope="module", autouse=True)
def _case_table(request: pytest.FixtureRequest) -> None:
    plugins = request.config.pluginmanager
    if not plugins.has_plugin(_CaseTable.__name__):
        plugins.register(_CaseTable(), _CaseTable.__name__)


@pytest.fixture(autouse=True)
def _record_cases(request: pytest.FixtureRequest) -> Iterator[None]:
    before = CASES.total()
    yield
    if CASES.total() > before:
        request.node.user_properties.append(("schemathesis_cases", CASES.total() - before))


def test_schema_lists_every_api_operation() -> None:
    """The fuzzing below covers the whole public API, not an accidentally empty schema."""
    paths = schema.raw_schema["paths"]
    assert {f"{method.upper()} {path}" for path in paths for method in paths[path]} == OPERATIONS


def _parameter_schema(path: str, name: str) -> dict[str, Any]:
    parameters = schema.raw_schema["paths"][path]["get"]["parameters"]
    found: dict[str, Any] = next(p["schema"] for p in parameters if p["name"] == name)
    return found


def test_the_hooks_keep_valid_cases_valid() -> None:
    """The hooks' premise: any string is an allowed region id, any short one a slug."""
    assert REGION_IDS and MUSCLE_SLUGS
    for path in REGION_LIST_PATHS:
        assert _parameter_schema(path, "region")["items"] == {"type": "string"}
    slug = _parameter_schema("/api/muscles/{slug}", "slug")
    assert slug["type"] == "string" and slug["maxLength"] == SLUG_MAX_LENGTH
    assert not {"minLength", "pattern", "format", "enum"} & slug.keys()


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case: schemathesis.Case[Any]) -> None:
    CASES[case.operation.label] += 1
    case.call_and_validate(checks=CHECKS)
