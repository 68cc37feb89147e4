"""A throw-away `eip serve` for benchmarks, and an HTTP session that speaks to it like a page.

Benchmarks start the workbench with the SDK's sample blocks shown
(`EIP_WORKBENCH_SAMPLES=yes`), so our blocks can be measured beside them in the same run.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def workbench(*, samples: bool = True) -> Iterator[str]:
    """Start `eip serve` in a fresh data folder; yield its base address."""
    with tempfile.TemporaryDirectory(prefix="eip-bench-") as data_dir:
        port = free_port()
        env = {**os.environ, "EIP_WORKBENCH_SAMPLES": "yes" if samples else "no"}
        log = Path(data_dir) / "serve.log"
        with log.open("w") as output:
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "eip.cli",
                    "serve",
                    "--port",
                    str(port),
                    "--data-dir",
                    str(Path(data_dir) / "var"),
                ],
                stdout=output,
                stderr=subprocess.STDOUT,
                env=env,
                # Outside the checkout, so the installed package is what runs.
                cwd=data_dir,
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
                        raise SystemExit(f"eip serve did not start:\n{log.read_text()}") from None
                    time.sleep(0.3)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


class PageSession:
    """Cookies and the CSRF token, as the workbench's runtime JavaScript sends them."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path.lstrip("/"), timeout=30) as response:
            return response.read().decode()

    def usage_ids(self, scenario: str, student: str, block_type: str) -> list[str]:
        html = self.get(f"/scenario/{scenario}/?student={student}")
        quote = "['\"]"
        return re.findall(
            rf"data-usage={quote}([^'\"]+){quote} data-block-type={quote}{block_type}{quote}", html
        )

    def post_json(
        self, usage_id: str, handler: str, body: object, student: str
    ) -> tuple[int, dict]:
        token = next(c.value for c in self.cookies if c.name == "csrftoken")
        request = urllib.request.Request(
            f"{self.base}handler/{usage_id}/{handler}/?student={student}",
            data=json.dumps(body).encode(),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": token,
                "Referer": self.base,
            },
            method="POST",
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")
