"""What a learner's browser downloads for one appraisal exercise, and where it goes.

Counts the block's own HTML (the rendered fragment) and the CSS and JavaScript the block
adds, excluding the runtime's (workbench page, jQuery, the XBlock runtime), as transferred
(gzip, as the workbench and an LMS behind Tutor's web server send them) and uncompressed.
Target: at most 40 kB transferred, and no request to any host but the server. Run by hand:

    python benchmarks/appraisal_page_weight.py

Needs the package installed with the [workbench] extra, Playwright, and Chromium at
/usr/bin/chromium (or $EIP_CHROMIUM).
"""

from __future__ import annotations

import gzip
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from eip.workbench.process import running_workbench

BUDGET_BYTES = 40 * 1024
BLOCK_RESOURCE_PREFIX = "/resource/eip_appraisal/"


def measure(base: str, scenario: str) -> dict:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("EIP_CHROMIUM", "/usr/bin/chromium")
    requests: list[str] = []
    block_resources: dict[str, tuple[int, int]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-background-networking"]
        )
        page = browser.new_page()
        page.on("request", lambda request: requests.append(request.url))

        def record(response) -> None:
            path = urlparse(response.url).path
            if path.startswith(BLOCK_RESOURCE_PREFIX):
                transferred = response.request.sizes()["responseBodySize"]
                block_resources[path] = (transferred, len(response.body()))

        page.on("response", record)
        page.goto(f"{base}scenario/{scenario}/?student=bench", wait_until="networkidle")
        block_html = page.evaluate(
            "() => document.querySelector('[data-block-type=eip_appraisal]').outerHTML"
        )
        browser.close()
    server = urlparse(base).netloc
    html = block_html.encode()
    html_transferred = len(gzip.compress(html, compresslevel=6))
    return {
        "block_html_bytes": (html_transferred, len(html)),
        "block_resources": block_resources,
        "total_bytes": html_transferred + sum(sent for sent, _ in block_resources.values()),
        "raw_bytes": len(html) + sum(raw for _, raw in block_resources.values()),
        "foreign_requests": [url for url in requests if urlparse(url).netloc != server],
        "requests": len(requests),
    }


def main() -> int:
    failed = False
    with (
        tempfile.TemporaryDirectory() as folder,
        running_workbench(Path(folder) / "var") as (
            base,
            _,
        ),
    ):
        for index in range(5):
            scenario = f"eip_appraisal.{index}"
            result = measure(base, scenario)
            over = result["total_bytes"] > BUDGET_BYTES
            failed |= over or bool(result["foreign_requests"])
            parts = [("HTML", *result["block_html_bytes"])] + [
                (Path(path).name, sent, raw)
                for path, (sent, raw) in sorted(result["block_resources"].items())
            ]
            detail = "; ".join(f"{name} {sent:,} B ({raw:,} raw)" for name, sent, raw in parts)
            print(
                f"{scenario}: {result['total_bytes']:,} B transferred, {result['raw_bytes']:,} B "
                f"uncompressed ({'OVER' if over else 'within'} {BUDGET_BYTES:,} B): {detail}; "
                f"{result['requests']} requests, {len(result['foreign_requests'])} off-server"
            )
            for url in result["foreign_requests"]:
                print(f"    off-server request: {url}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
