"""The app under a real server, with the operator options on: HEAD, access log, metrics."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config import PROJECT_ROOT
from app.devserver import free_port

ACCESS_FIELDS = {"time", "method", "route", "status", "duration_ms", "bytes"}


class Server:
    """A running `bodymap serve` and the files its output goes to."""

    def __init__(self, port: int, out: Path, err: Path) -> None:
        self.port, self.out, self.err = port, out, err

    def request(self, method: str, url: str) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, url, headers={"X-Forwarded-For": "203.0.113.7"})
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("server")
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'bodymap.db'}",
        "ACCESS_LOG": "true",
        "METRICS": "true",
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    out, err = tmp / "stdout", tmp / "stderr"
    with out.open("w") as o, err.open("w") as e:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=o,
            stderr=e,
        )
        s = Server(port, out, err)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if s.request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            proc.kill()
            pytest.fail(f"the server did not start: {err.read_text()}")
        try:
            yield s
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def test_head_over_http_keeps_the_connection_usable(server: Server) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        for url in ("/", "/api/regions", "/docs", "/favicon.ico"):
            conn.request("HEAD", url)
            r = conn.getresponse()
            assert r.status == 200 and int(r.headers["content-length"]) > 0, url
            assert r.read() == b"", url
        # The same connection still answers: no half-sent body confused it.
        conn.request("GET", "/healthz")
        assert json.loads(conn.getresponse().read())["status"] == "ok"
    finally:
        conn.close()
    errors = server.err.read_text()
    assert "Traceback" not in errors and "Content-Length" not in errors


def test_access_log_lines_say_nothing_about_the_visitor(server: Server) -> None:
    server.request("GET", "/?region=temple-right&region=neck-back-right")
    server.request("GET", "/api/muscles/upper-trapezius")
    server.request("HEAD", "/api/regions?q=elbow")
    server.request("GET", "/no-such-page")
    time.sleep(0.3)
    lines = [json.loads(line) for line in server.out.read_text().splitlines() if line]
    assert lines and all(set(line) == ACCESS_FIELDS for line in lines)
    seen = {(line["method"], line["route"], line["status"]) for line in lines}
    assert ("GET", "/", 200) in seen and ("HEAD", "/api/regions", 200) in seen
    assert ("GET", "/api/muscles/{slug}", 200) in seen and ("GET", "<unmatched>", 404) in seen
    everything = server.out.read_text() + server.err.read_text()
    for private in ("temple-right", "upper-trapezius", "elbow", "203.0.113.7", "127.0.0.1:"):
        assert private not in server.out.read_text(), private
    # Uvicorn's own access log (address, full URL) is off under `bodymap serve`.
    assert '"GET /?region' not in everything and "neck-back-right" not in everything


def test_metrics_count_route_templates_and_name_the_knowledge(server: Server) -> None:
    for _ in range(3):
        server.request("GET", "/api/candidates?region=temple-right")
    status, headers, body = server.request("GET", "/metrics")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    assert headers["cache-control"] == "no-store"
    text = body.decode()
    line = 'bodymap_http_requests_total{method="GET",route="/api/candidates",status="200"}'
    assert float(text.split(line, 1)[1].split()[0]) >= 3
    assert (
        'bodymap_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/api/candidates"}'
        in text
    )
    assert "temple-right" not in text and "region=" not in text
    knowledge = [row for row in text.splitlines() if row.startswith("bodymap_knowledge_info{")]
    assert len(knowledge) == 1 and knowledge[0].endswith(" 1.0")
