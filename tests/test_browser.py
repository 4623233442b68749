"""A reader in headless Chromium: search for a name, follow a backlink, nothing leaves
localhost. The site is served under a sub-path, as on GitHub Pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, REPO, make_project, run_build, serve

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(built, tmp_path_factory):
    with serve(built / "site", tmp_path_factory.mktemp("www")) as url:
        yield url


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


def _search(page, query: str, wanted_href: str):
    """Type a query until results show (a query typed before the index loads is lost)."""
    page.click("input.md-search__input")
    result = page.locator(f"a.md-search-result__link[href*='{wanted_href}']").first
    for _attempt in range(4):
        page.fill("input.md-search__input", "")
        page.type("input.md-search__input", query)
        try:
            result.wait_for(timeout=5_000)
            break
        except Exception:
            continue
    return result


def test_search_for_a_name_reaches_its_page(built, served, page):
    person = _busiest_person(built)
    page.goto(served)
    result = _search(page, person["name"], person["url"])
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
    shown = target.inner_text()
    assert any(alias in shown for alias in person["aliases"]), (shown, person["aliases"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "backlink-target.png"))


def test_no_request_leaves_localhost(served, page):
    page.goto(served)
    page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).hostname for url in page.requests if url.startswith("http")}
    assert hosts == {"127.0.0.1"}, hosts


def test_search_by_surname_alone_ranks_the_actor_page_first(built, served, page):
    person = _busiest_person(built)
    surname = person["name"].split()[-1].split("-")[-1].lower()  # "al-Sudani" → "sudani"
    page.goto(served)
    _search(page, surname, person["url"]).wait_for(timeout=5_000)
    first = page.locator("a.md-search-result__link").first
    assert person["url"] in first.get_attribute("href")
    first.click()
    assert page.locator("h1").first.inner_text() == person["name"]


def test_search_without_hyphens_finds_a_base(built, served, page):
    entities = json.loads((built / "site/data/entities.json").read_text())
    base = max((e for e in entities if e["kind"] == "base"), key=lambda e: len(e["mentions"]))
    query = base["name"].replace("-", " ").lower()  # "Ain al-Asad" → "ain al asad"
    page.goto(served)
    _search(page, query, base["url"]).wait_for(timeout=5_000)
    assert base["url"] in page.locator("a.md-search-result__link").first.get_attribute("href")


def test_graph_node_click_reaches_its_page(built, served, page):
    person = _busiest_person(built)
    page.goto(served + person["url"])
    node = page.locator("svg.bg-graph a.bg-node:not(.bg-centre)").first
    name = node.locator("text").text_content()
    node.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == name


PAGES = {"home": "", "timeline": "timeline/", "contested": "contested/"}
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def test_screenshots_of_the_main_pages_at_phone_and_desktop_width(built, served, page):
    entities = json.loads((built / "site/data/entities.json").read_text())
    events = json.loads((built / "site/data/events.json").read_text())
    pages = dict(PAGES)
    pages["actor"] = _busiest_person(built)["url"]
    pages["base"] = max((e for e in entities if e["kind"] == "base"),
                        key=lambda e: len(e["mentions"]))["url"]
    pages["event"] = max(events, key=lambda e: len(e["mentions"]))["url"]
    ARTIFACTS.mkdir(exist_ok=True)
    for width_name, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        for name, path in pages.items():
            page.goto(served + path)
            page.wait_for_load_state("networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
            assert overflow <= 1, f"{name} scrolls sideways at {width}px"
            shot = ARTIFACTS / f"{name}-{width_name}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000


def test_new_since_last_build_lists_exactly_the_added_articles(tmp_path, page):
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    first = tmp_path / "first"
    first.mkdir()
    for path in seeds[:-1]:
        shutil.copy(path, first / path.name)
    project = make_project(tmp_path / "p", first)
    assert run_build(project) == 0
    shutil.copy(seeds[-1], project / "seeds" / seeds[-1].name)
    assert run_build(project) == 0
    added = json.loads((project / "content/data/changes.json").read_text())["sources"]
    sources = {s["id"]: s for s in json.loads((project / "site/data/sources.json").read_text())}
    assert [sources[s]["path"] for s in added] == [f"seeds/{seeds[-1].name}"]
    with serve(project / "site", tmp_path / "www") as url:
        page.goto(url)
        listed = page.locator(".bg-new ul li a").all_inner_texts()
        assert listed == [sources[added[0]]["title"]]
        page.locator(".bg-new ul li a").first.click()
        page.wait_for_load_state()
        assert page.locator("h1").first.inner_text() == sources[added[0]]["title"]
    feed = (project / "site" / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") >= 1 and sources[added[0]]["title"].split()[0] in feed
