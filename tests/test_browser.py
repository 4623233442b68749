"""A reader in headless Chromium: search for a name, follow a backlink, nothing leaves
localhost. The site is served under a sub-path, as on GitHub Pages."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = pytest.mark.browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(built, tmp_path_factory):
    """The built site at http://127.0.0.1:PORT/briefing/."""
    root = tmp_path_factory.mktemp("www")
    (root / "briefing").symlink_to(built / "site", target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/briefing/"
    server.shutdown()


@pytest.fixture()
def page():
    """Playwright gives each launch a fresh, empty profile folder of its own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.requests = []  # type: ignore[attr-defined]
        page.on("request", lambda request: page.requests.append(request.url))
        yield page
        browser.close()


def _busiest_person(built) -> dict:
    entities = json.loads((built / "site/data/entities.json").read_text())
    people = [e for e in entities if e["type"] == "person"]
    return max(people, key=lambda e: (len(e["mentions"]), e["id"]))


def test_search_for_a_name_reaches_its_page(built, served, page):
    person = _busiest_person(built)
    page.goto(served)
    page.click("input.md-search__input")
    result = page.locator(f"a.md-search-result__link[href*='{person['url']}']").first
    for _attempt in range(4):  # a query typed before the index has loaded is not rerun
        page.fill("input.md-search__input", "")
        page.type("input.md-search__input", person["name"])
        try:
            result.wait_for(timeout=5_000)
            break
        except Exception:
            continue
    result.click()
    page.wait_for_url(f"**/{person['url']}**")
    assert page.locator("h1").first.inner_text() == person["name"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "actor-page.png"), full_page=True)


def test_backlink_lands_on_the_highlighted_sentence(built, served, page):
    person = _busiest_person(built)
    page.goto(served + person["url"])
    backlink = page.locator("a[title='Open this sentence in its source']").first
    href = backlink.get_attribute("href")
    anchor = href.split("#", 1)[1]
    backlink.click()
    page.wait_for_url(f"**#{anchor}")
    target = page.locator(":target")
    assert target.get_attribute("id") == anchor
    style = target.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + "
                            "getComputedStyle(e).backgroundColor")
    assert not style.startswith("none") and "rgba(0, 0, 0, 0)" not in style, style
    assert person["mentions"][0]["text"] in target.inner_text() or target.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "backlink-target.png"))


def test_no_request_leaves_localhost(served, page):
    page.goto(served)
    page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).hostname for url in page.requests if url.startswith("http")}
    assert hosts == {"127.0.0.1"}, hosts
