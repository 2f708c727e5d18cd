import os
import shutil

import pytest
from django.core.cache import cache

from portal import pagecache


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Each test gets its own media folder, an empty cache and no kept pages.

    The test process sees its own changes at once (portal.pagecache), so it does
    not poll the database for other processes' changes unless a test asks to.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    pagecache.clear()
    pagecache.versions.next_poll = float("inf")
    yield
    cache.clear()
    pagecache.clear()


@pytest.fixture
def cold_get(client):
    """GET a page rendered anew: no kept copy of the page itself (portal.pagecache),
    as after an edit; the shared side blocks may already be kept."""

    def get(url, **extra):
        pagecache.store.clear()
        return client.get(url, **extra)

    return get


def chromium_path():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(
                "Chromium is missing in CI: .ci/run installs Debian's chromium."
            )
        pytest.skip("Debian's chromium is not installed (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def artifacts_dir():
    path = os.path.join(os.path.dirname(__file__), "..", "var", "artifacts")
    os.makedirs(path, exist_ok=True)
    return path
