"""Start the app in a child process as a user would (uvicorn on loopback, a free port).

For the browser tests and the benchmark, which both need a real server to talk to.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from urllib.error import URLError
from urllib.request import urlopen

from app.config import PROJECT_ROOT


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    env: Mapping[str, str], *, workers: int = 1, timeout: float = 20.0
) -> tuple[subprocess.Popen[bytes], str]:
    """Run ``uvicorn app.main:app`` with ``env`` added to this process's environment.

    Returns the process and its base URL once ``/healthz`` answers; raises RuntimeError
    (after stopping the process) if it does not within ``timeout`` seconds.
    """
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port)]
    command += ["--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urlopen(f"{base}/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return proc, base
        except (URLError, OSError):
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    proc.wait()
    raise RuntimeError(f"the server on {base} did not start")
