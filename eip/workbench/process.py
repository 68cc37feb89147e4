"""`eip serve` in a child process, and a client that talks to it as a learner's page does.

Tests and benchmarks use these to drive a real workbench: the same command a person runs,
on a free port, in a data folder of its own.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_SECONDS = 90


class WorkbenchDidNotStart(RuntimeError):
    """The child `eip serve` exited or stayed silent; the message holds its output."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_command(port: int, data_dir: Path) -> list[str]:
    """The command line of `eip serve` on `port` with `data_dir`, run by this Python."""
    return [
        sys.executable,
        "-m",
        "eip.cli",
        "serve",
        "--port",
        str(port),
        "--data-dir",
        str(data_dir),
    ]


@contextmanager
def running_workbench(
    data_dir: Path, *, port: int | None = None, env: dict[str, str] | None = None
) -> Iterator[tuple[str, Path]]:
    """Start `eip serve` on `data_dir`; yield (base address, file with what it printed)."""
    data_dir = Path(data_dir)
    port = port or free_port()
    output_path = data_dir.parent / f"eip-serve-{port}.log"
    output_path.parent.mkdir(parents=True, exist_ok=True)
    with output_path.open("w") as output:
        server = subprocess.Popen(
            serve_command(port, data_dir),
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            # Outside any checkout, so the installed package is what runs.
            cwd=output_path.parent,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_serving(base, server, output_path)
        yield base, output_path
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_until_serving(base: str, server: subprocess.Popen, output_path: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            urllib.request.urlopen(base, timeout=5).close()
            return
        except OSError:
            if server.poll() is not None:
                raise WorkbenchDidNotStart(
                    f"eip serve exited:\n{output_path.read_text()}"
                ) from None
            if time.monotonic() > deadline:
                raise WorkbenchDidNotStart(
                    f"eip serve did not answer within {START_SECONDS}s:\n{output_path.read_text()}"
                ) from None
            time.sleep(0.3)


def block_usage_ids(html: str, block_type: str) -> list[str]:
    """Usage ids of the blocks of `block_type` on a workbench page, in page order."""
    quote = "['\"]"
    pattern = (
        rf"data-usage={quote}([^'\"]+){quote} data-block-type={quote}{re.escape(block_type)}{quote}"
    )
    return re.findall(pattern, html)


class PageClient:
    """One learner's browser, as far as the server can tell: cookies and the CSRF token."""

    def __init__(self, base: str, student: str) -> None:
        self.base = base
        self.student = student
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> str:
        with self.opener.open(self._url(path), timeout=30) as page:
            return page.read().decode()

    def post_json(self, path: str, body: object) -> tuple[int, dict]:
        """POST JSON as the runtime's JavaScript does; returns (status, decoded body)."""
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        request = urllib.request.Request(
            self._url(path),
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "X-CSRFToken": token},
            method="POST",
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            text = error.read().decode(errors="replace")
            try:
                return error.code, json.loads(text or "{}")
            except json.JSONDecodeError:
                return error.code, {"error": text[:2000]}

    def _url(self, path: str) -> str:
        return f"{self.base}{path.lstrip('/')}?student={self.student}"
