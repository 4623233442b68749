"""The built briefing as a reader meets it: pages, links, anchors, export, determinism."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import make_project, run_build, tree_bytes

from briefgen.urls import Urls


class _LinksAndIds(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(path: Path) -> _LinksAndIds:
    parser = _LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target_file(site: Path, page: Path, href_path: str) -> Path:
    """Absolute paths (only the 404 page uses them) are served from the site's root."""
    base = site if href_path.startswith("/") else page.parent
    target = (base / unquote(href_path.lstrip("/"))).resolve()
    return target / "index.html" if target.is_dir() or href_path.endswith("/") else target


def test_one_page_of_every_kind_exists(built):
    site = built / "site"
    for section in ("actors", "bases", "places", "events", "sources"):
        pages = [p for p in (site / section).glob("*/index.html")]
        assert pages, f"no {section} page was built"
        assert (site / section / "index.html").is_file(), f"no {section} index page"
    for page in ("index.html", "timeline/index.html", "report/index.html", "404.html"):
        assert (site / page).is_file(), page


def _broken_links(site: Path) -> tuple[list[str], int]:
    """Every internal link of the site that lands nowhere, and how many anchors were
    checked."""
    pages = sorted(site.rglob("*.html"))
    parsed = {page.resolve(): _parse(page) for page in pages}
    broken, checked_anchors = [], 0
    for page, links in parsed.items():
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = _target_file(site, page, parts.path) if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(site.resolve())}: {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                checked_anchors += 1
                if parts.fragment not in parsed[target.resolve()].ids:
                    broken.append(f"{page.relative_to(site.resolve())}: {href} (no such anchor)")
    return broken, checked_anchors


def test_every_internal_link_and_anchor_resolves(built):
    broken, checked_anchors = _broken_links(built / "site")
    assert not broken, "broken links:\n" + "\n".join(broken[:20])
    assert checked_anchors > 100, "backlinks to sentence anchors were expected"


def test_without_directory_urls_every_link_and_exported_url_lands(tmp_path):
    """`use_directory_urls: false` (pages at actors/x.html, for hosts without folder
    indexes): the raw HTML links, the export's URLs and the feed follow it."""
    project = make_project(tmp_path / "flat")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "use_directory_urls: true", "use_directory_urls: false"), encoding="utf-8")
    assert run_build(project) == 0
    site = project / "site"
    assert (site / "timeline.html").is_file() and not (site / "timeline").exists()
    broken, checked_anchors = _broken_links(site)
    assert not broken, "broken links:\n" + "\n".join(broken[:20])
    assert checked_anchors > 100
    exported = [row["url"] for name in ("entities", "events")
                for row in json.loads((site / "data" / f"{name}.json").read_text())
                if row["url"]]
    exported += [row["page"] for row in json.loads((site / "data/sources.json").read_text())]
    assert exported and all(url.endswith(".html") and (site / url).is_file()
                            for url in exported), [u for u in exported if not (site / u).is_file()]
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    links = re.findall(r'<link href="([^"]+)"', feed)
    assert links and all(link.endswith(".html") for link in links), links


def test_source_pages_anchor_every_sentence_in_order(built):
    sources = json.loads((built / "site/data/sources.json").read_text())
    for source in sources:
        ids = _parse(built / "site" / source["page"] / "index.html").ids
        expected = [f"s-{n}" for n in range(1, len(source["sentences"]) + 1)]
        assert [s["id"] for s in source["sentences"]] == expected
        assert set(expected) <= ids, source["path"]


def test_export_mentions_point_at_existing_sentences(built):
    data = built / "site/data"
    sentences = {
        (s["id"], sentence["id"]): sentence["text"]
        for s in json.loads((data / "sources.json").read_text())
        for sentence in s["sentences"]
    }
    entities = json.loads((data / "entities.json").read_text())
    assert entities
    for entity in entities:
        assert entity["kind"] in {"actor", "base", "place"}
        assert (built / "site" / entity["url"] / "index.html").is_file()
        for mention in entity["mentions"]:
            text = sentences[(mention["source"], mention["sentence"])]
            assert mention["text"] in text, (entity["name"], mention)
    for event in json.loads((data / "events.json").read_text()):
        for mention in event["mentions"]:
            assert (mention["source"], mention["sentence"]) in sentences


def test_sources_export_names_the_seed_files(built):
    sources = json.loads((built / "site/data/sources.json").read_text())
    seeds = sorted(p.name for p in (built / "seeds").glob("*.txt"))
    assert sorted(Path(s["path"]).name for s in sources) == seeds
    assert all((built / s["path"]).is_file() for s in sources)


def test_entity_page_quotes_each_mention_with_a_backlink(built):
    entities = json.loads((built / "site/data/entities.json").read_text())
    busiest = max(entities, key=lambda e: len(e["mentions"]))
    html = (built / "site" / busiest["url"] / "index.html").read_text()
    for mention in busiest["mentions"]:
        assert f'{mention["source"]}/#{mention["sentence"]}"' in html


@pytest.mark.parametrize("directory_urls", [
    pytest.param(True, id="directory-urls"), pytest.param(False, id="flat-urls")])
def test_zensical_builds_the_same_content_with_every_link_landing(tmp_path, directory_urls):
    """Zensical, the engine Material for MkDocs moves to, builds the same content/ and
    mkdocs.yml, with `use_directory_urls` either way: every page MkDocs builds is
    there, and every internal link and anchor lands."""
    project = make_project(tmp_path / "zensical")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "use_directory_urls: true", f"use_directory_urls: {str(directory_urls).lower()}"),
        encoding="utf-8")
    assert run_build(project) == 0
    shutil.rmtree(project / "site")
    zensical = Path(sys.executable).with_name("zensical")
    if not zensical.exists():  # a test extra (pyproject.toml); CI installs it
        pytest.skip("zensical is not installed")
    result = subprocess.run([str(zensical), "build", "-f", str(config)], cwd=project,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    site, urls = project / "site", Urls(directory_urls)
    pages = [p.relative_to(project / "content").as_posix()
             for p in (project / "content").rglob("*.md")]
    missing = [page for page in pages if not (site / urls.output(page)).is_file()]
    assert pages and not missing, missing[:20]
    broken, checked_anchors = _broken_links(site)
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:20])
    assert checked_anchors > 100


def test_mkdocs_strict_build_passes(built, tmp_path):
    # Not -q: MkDocs 1.6 then drops the warnings that --strict counts, and always passes.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
        cwd=built, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr


def test_raw_block_plugin_changes_only_the_links_of_raw_blocks(built, tmp_path):
    """The plugin lets long HTML blocks skip Markdown and resolves their links, which
    MkDocs leaves as written: without it (plain `mkdocs build` on content/ without the
    plugin) the pages and the search index come out the same apart from the block
    markers and those links, left in content/'s form (`../sources/a.md#s-3`) where the
    plugin gives the site's URLs."""
    config = (built / "mkdocs.yml").read_text()
    assert "\n  - briefgen\n" in config
    plain = built / "plain.yml"
    plain.write_text(config.replace("\n  - briefgen\n", "\n"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain), "-d", str(tmp_path)],
        cwd=built, capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "0"},
    )
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))
    assert pages == sorted(p.relative_to(built / "site").as_posix()
                           for p in (built / "site").rglob("*.html"))
    urls = Urls(True)
    source_of = {urls.output(path): path for path in (
        p.relative_to(built / "content").as_posix() for p in (built / "content").rglob("*.md"))}
    block = re.compile(r"^<!-- briefgen:raw -->\n(.*?)\n<!-- /briefgen:raw -->\n", re.M | re.S)
    link = re.compile(r'(\s(?:href|src)=")([^"]*)"')

    def with_links_resolved(page: str) -> str:
        def resolve(match: re.Match) -> str:
            return f'{match[1]}{urls.resolve(source_of[page], match[2]) or match[2]}"'

        return block.sub(lambda raw: link.sub(resolve, raw[1]) + "\n",
                         (tmp_path / page).read_text())

    as_written = [page for page in pages if block.sub(r"\1\n", (tmp_path / page).read_text())
                  != (built / "site" / page).read_text()]
    assert len(as_written) > 100, "MkDocs was expected to leave raw blocks' links as written"
    differing = [page for page in pages
                 if with_links_resolved(page) != (built / "site" / page).read_text()]
    assert not differing, f"pages differ with the plugin: {differing[:5]}"

    def entries(site: Path) -> list[dict]:
        docs = json.loads((site / "search/search_index.json").read_text())["docs"]
        return sorted(docs, key=lambda e: (e["location"], e["title"], e["text"]))

    assert entries(tmp_path) == entries(built / "site")


@pytest.mark.parametrize(("directory_urls", "url"), [
    (True, "../../events/e/#s-2"), (False, "../events/e.html#s-2")])
def test_raw_block_links_resolve_like_markdown_links(tmp_path, directory_urls, url):
    """A raw block's link to a page lands where MkDocs puts the page; one to a missing
    page is left as written with a warning, which fails a strict build, as a Markdown
    link's would."""
    (tmp_path / "docs" / "actors").mkdir(parents=True)
    (tmp_path / "docs" / "events").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "events" / "e.md").write_text('# E\n\n<p id="s-2">Two</p>\n')
    page = tmp_path / "docs" / "actors" / "x.md"
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: T\nuse_directory_urls: {str(directory_urls).lower()}\n"
        "plugins:\n  - briefgen\n")

    def build(links: str) -> subprocess.CompletedProcess:
        page.write_text(f"# X\n\n<!-- briefgen:raw -->\n<p>{links}</p>\n<!-- /briefgen:raw -->\n")
        # not -q: MkDocs 1.6 then drops the warnings that --strict counts
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                              cwd=tmp_path, capture_output=True, text=True)

    result = build('<a href="../events/e.md#s-2">e</a> <a href="#top">top</a>')
    assert result.returncode == 0, result.stderr
    built = (tmp_path / "site" / Urls(directory_urls).output("actors/x.md")).read_text()
    assert f'<a href="{url}">e</a> <a href="#top">top</a>' in built
    result = build('<a href="../events/gone.md">gone</a>')
    assert result.returncode != 0
    assert "contains a link '../events/gone.md' in a raw HTML block" in result.stderr


def test_site_makes_no_third_party_requests(built):
    for page in (built / "site").rglob("*.html"):
        text = page.read_text()
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        assert "cdn.jsdelivr" not in text and "unpkg.com" not in text, page


def test_two_builds_of_the_same_inputs_are_byte_identical(built, tmp_path):
    again = make_project(tmp_path / "again")
    assert run_build(again) == 0
    for folder in ("content", "site"):
        first, second = tree_bytes(built / folder), tree_bytes(again / folder)
        assert sorted(first) == sorted(second)
        differing = [name for name in first if first[name] != second[name]]
        assert not differing, f"{folder} differs in {differing[:5]}"


def test_events_csv_and_statements_reach_the_reader(built):
    import csv

    rows = list(csv.DictReader((built / "site/data/events.csv").open(encoding="utf-8")))
    events = json.loads((built / "site/data/events.json").read_text())
    paged = [e for e in events if e["type"] != "other"]
    assert paged and len(paged) < len(events)  # statements of no listed type: no page, no row
    assert {r["event_id"] for r in rows} == {e["id"] for e in paged}
    assert all(not e["url"] for e in events if e["type"] == "other")
    denied = [r for r in rows if r["denied_by"]]
    assert denied and all(r["reported_by"] or r["denied_by"] for r in denied)
    speakers = {c["speaker_id"] for e in events for c in e["claims"] if c["speaker_id"]}
    entities = {e["id"]: e for e in json.loads((built / "site/data/entities.json").read_text())}
    some = sorted(speakers)[0]
    page = built / "site" / entities[some]["url"] / "index.html"
    assert "Statements" in page.read_text(encoding="utf-8")


def test_tags_contested_graph_and_feed_pages(built):
    import xml.etree.ElementTree as ET

    site = built / "site"
    entities = json.loads((site / "data/entities.json").read_text())
    actor = max((e for e in entities if e["kind"] == "actor"), key=lambda e: len(e["mentions"]))
    assert f'href="../../{actor["url"]}"' in (site / "tags/actor/index.html").read_text()
    page = (site / actor["url"] / "index.html").read_text(encoding="utf-8")
    assert 'href="../../tags/actor/"' in page and 'href="../"' in page  # tag and breadcrumb
    assert "<svg" in page and 'class="bg-node' in page
    contested = (site / "contested/index.html").read_text(encoding="utf-8")
    events = json.loads((site / "data/events.json").read_text())
    both = [e for e in events if {c["stance"] for c in e["claims"]} == {"asserts", "denies"}]
    assert both and all(e["url"] in contested for e in both)
    graph = (site / "graph/index.html").read_text(encoding="utf-8")
    assert graph.count('class="bg-node') >= 10
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"


def test_an_event_page_lists_each_claim_on_its_own_row_with_its_stance(built):
    """Who reports and who denies are not paired up side by side as if they answered
    each other: one row per claim, its stance in words."""
    events = json.loads((built / "site/data/events.json").read_text())
    contested = next(e for e in events if e["url"] and {c["stance"] for c in e["claims"]}
                     >= {"asserts", "denies"})
    page = (built / "site" / contested["url"] / "index.html").read_text(encoding="utf-8")
    section = page.split('id="who-reports-it-who-denies-it"')[1].split("<h2")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)[1:]  # the header row first
    assert len(rows) == len(contested["claims"])
    stances = [("reports" in r) + 2 * ("denies" in r) for r in rows]
    assert sorted(stances) == sorted(1 if c["stance"] == "asserts" else 2
                                     for c in contested["claims"])


def test_graph_labels_stay_inside_the_drawing(built):
    from briefgen.graphs import LABEL_CHAR_WIDTH

    pages = [built / "site/graph/index.html", *sorted((built / "site").glob("actors/*/index.html"))]
    checked = 0
    for page in pages:
        for width, body in re.findall(r'<svg class="bg-graph" viewBox="0 0 (\d+) \d+"(.*?)</svg>',
                                      page.read_text(encoding="utf-8"), re.S):
            for x, anchor, text in re.findall(
                    r'<text x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)">([^<]*)</text>', body):
                extent = len(html.unescape(text)) * LABEL_CHAR_WIDTH
                left = {"start": 0, "middle": extent / 2, "end": extent}[anchor]
                assert float(x) - left >= 0 and float(x) - left + extent <= int(width), text
                checked += 1
    assert checked >= 10
