"""Waiting for a condition in the page without eval.

Playwright's ``page.wait_for_function`` evaluates its predicate with ``eval`` inside
the page, which the site's Content-Security-Policy forbids (no 'unsafe-eval'), so
Chromium refuses it. ``page.evaluate`` goes through the DevTools protocol, which the
policy does not apply to: polling with it waits as well.
"""

import time


def wait_for_js(page, expression, *, timeout=10_000, interval=0.1):
    """Wait until ``expression`` is truthy in the page; return its value."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"Still false after {timeout} ms: {expression}")
        time.sleep(interval)
