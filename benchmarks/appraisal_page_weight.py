"""What a learner's browser downloads for one appraisal exercise, and where it goes.

Counts the block's own HTML (the rendered fragment) and the CSS and JavaScript the block
adds, excluding the runtime's (workbench page, jQuery, the XBlock runtime). Target: at most
40 kB, and no request to any host but the server. Run by hand:

    python benchmarks/appraisal_page_weight.py

Needs the package installed with the [workbench] extra, Playwright, and Chromium at
/usr/bin/chromium (or $EIP_CHROMIUM).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).parent))
from workbench_session import workbench  # noqa: E402

BUDGET_BYTES = 40 * 1024
BLOCK_RESOURCE_PREFIX = "/resource/eip_appraisal/"


def measure(base: str, scenario: str) -> dict:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("EIP_CHROMIUM", "/usr/bin/chromium")
    requests: list[str] = []
    block_resources: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-background-networking"]
        )
        page = browser.new_page()
        page.on("request", lambda request: requests.append(request.url))

        def record(response) -> None:
            path = urlparse(response.url).path
            if path.startswith(BLOCK_RESOURCE_PREFIX):
                block_resources[path] = len(response.body())

        page.on("response", record)
        page.goto(f"{base}scenario/{scenario}/?student=bench", wait_until="networkidle")
        block_html = page.evaluate(
            "() => document.querySelector('[data-block-type=eip_appraisal]').outerHTML"
        )
        browser.close()
    server = urlparse(base).netloc
    return {
        "block_html_bytes": len(block_html.encode()),
        "block_resources": block_resources,
        "total_bytes": len(block_html.encode()) + sum(block_resources.values()),
        "foreign_requests": [url for url in requests if urlparse(url).netloc != server],
        "requests": len(requests),
    }


def main() -> int:
    failed = False
    with workbench(samples=False) as base:
        for index in range(5):
            scenario = f"eip_appraisal.{index}"
            result = measure(base, scenario)
            over = result["total_bytes"] > BUDGET_BYTES
            failed |= over or bool(result["foreign_requests"])
            resources = ", ".join(
                f"{Path(path).name} {size:,} B"
                for path, size in sorted(result["block_resources"].items())
            )
            print(
                f"{scenario}: {result['total_bytes']:,} B "
                f"({'OVER' if over else 'within'} {BUDGET_BYTES:,} B): "
                f"HTML {result['block_html_bytes']:,} B; {resources}; "
                f"{result['requests']} requests, {len(result['foreign_requests'])} off-server"
            )
            for url in result["foreign_requests"]:
                print(f"    off-server request: {url}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
