"""The browser the web tests drive: Debian's chromium, headless, through Playwright (no download)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.conftest import need

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not shutil.which("chromium"):
        need(False, "chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        yield browser
        browser.close()
