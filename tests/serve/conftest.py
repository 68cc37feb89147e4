"""`eip serve` as a person runs it: a real process on a free port, in its own data folder."""

from __future__ import annotations

import http.cookiejar
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Learner:
    """A browser's worth of cookies and CSRF token for one learner."""

    def __init__(self, base: str, student: str) -> None:
        self.base, self.student = base, student
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> str:
        with self.opener.open(f"{self.base}{path}?student={self.student}", timeout=30) as page:
            return page.read().decode()

    def post(self, path: str, body: object) -> tuple[int, dict]:
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        request = urllib.request.Request(
            f"{self.base}{path}?student={self.student}",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "X-CSRFToken": token},
            method="POST",
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())


@contextmanager
def running_serve(data_dir: Path, port: int):
    output_path = data_dir.parent / f"serve-{port}-{time.monotonic_ns()}.log"
    output_path.parent.mkdir(parents=True, exist_ok=True)
    with output_path.open("w") as output:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "eip.cli",
                "serve",
                "--port",
                str(port),
                "--data-dir",
                str(data_dir),
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=dict(os.environ),
            # Outside the checkout, so the installed package is what runs.
            cwd=output_path.parent,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(base, timeout=5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"eip serve did not start:\n{output_path.read_text()}")
                time.sleep(0.3)
        yield base, output_path
    finally:
        server.terminate()
        server.wait(timeout=15)


@pytest.fixture
def serve():
    """`serve(data_dir)` starts `eip serve` on a free port; yields (base address, output file)."""
    return lambda data_dir: running_serve(data_dir, free_port())


@pytest.fixture
def learner():
    return Learner
