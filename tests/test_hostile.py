"""Hostile and faulty inputs, as a careful attacker or a careless colleague sends them:
the build goes on, reports each file by name, publishes nothing from outside seeds/,
runs no script from an input in a reader's browser and deletes nothing it did not
write."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, make_project, run_build, tree_bytes

SECRET = "TOPSECRET-token-ghp_4f9a"
STORY = (
    "Three rockets struck Camp Falcon near Baghdad on Tuesday, the Iraqi Security Media "
    "Cell said in a statement. Nobody was hurt, and the launch site was found in a field "
    "south of the camp, the statement added.\n"
)
WORDS = ("water", "bread", "fuel", "maps", "radios", "blankets", "tents", "boots", "rice",
         "cables", "tyres", "medicine", "batteries", "ladders", "paint", "rope", "lamps",
         "shovels", "helmets", "paper", "sugar", "tea", "salt", "nails", "glass", "wire",
         "chairs", "tables", "doors", "keys", "locks", "pumps")
XSS = "<img src=x onerror=alert(1)>"
ARABIC = (
    "أعلنت خلية الإعلام الأمني في العراق أن ثلاثة صواريخ سقطت قرب قاعدة عين الأسد الجوية "
    "في محافظة الأنبار غربي البلاد، دون أن تسفر عن خسائر بشرية، وفق بيان رسمي صدر مساء "
    "الثلاثاء. وقال مسؤول أمني إن القوات الأمنية عثرت على منصة الإطلاق في منطقة زراعية.\n"
)
# 1.5 KB of YAML that expands to millions of strings: front matter must refuse it.
ALIAS_BOMB = "---\n" + "a0: &a0 [" + ",".join(["lol"] * 9) + "]\n" + "".join(
    f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 8)
) + "title: *a7\n---\n"


def _story(number: str) -> str:
    """A story of its own: near-duplicates are (rightly) kept once."""
    digest = hashlib.sha256(number.encode()).digest()
    words = " ".join(WORDS[b % len(WORDS)] for b in digest)
    return (STORY.replace("Three", number)
            + f"Later the officers who inspected the site wrote about {words} in the log.\n")


def _write(seeds: Path, name: str, data: bytes | str) -> None:
    path = seeds / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _hostile_project(root: Path) -> Path:
    project = make_project(root / "project")
    seeds = project / "seeds"
    (root / "outside").mkdir()
    (root / "outside" / "secret.txt").write_text(
        f"Private notes\nThe token {SECRET} opens the vault at Camp Falcon, the officials "
        "said on Monday in Baghdad.\n", encoding="utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text(
        f'[remote "origin"]\n\turl = https://x-access-token:{SECRET}@github.com/o/r\n')
    links = {
        "secret.txt": root / "outside" / "secret.txt",
        "git-config.txt": Path("../.git/config"),
        "dangling.txt": Path("no-such-file.txt"),
        "loop.txt": Path("loop.txt"),
        "outside-folder": root / "outside",
    }
    for name, target in links.items():
        (seeds / name).symlink_to(target)
    _write(seeds, "inside/real.txt", "Falcon story\n" + _story("Five"))
    (seeds / "inside-link.txt").symlink_to("inside/real.txt")
    _write(seeds, "xss-title.txt", f"{XSS} Reports\n" + _story("Two"))
    _write(seeds, "xss-front.md", (
        '---\ntitle: "<script>alert(2)</script> Talks"\nurl: "javascript:alert(3)"\n'
        'outlet: "<b onmouseover=alert(4)>Wire</b>"\npublished: "<img src=x onerror=alert(5)>"\n'
        '---\n' + _story("Six")))
    _write(seeds, "xss-page.html", (
        "<html><head><title><img src=x onerror=alert(6)> Page</title></head><body><article>"
        f"<p>{_story('Seven')}</p><p>The base hosts coalition advisers and "
        "has been targeted before, the officials said on Wednesday.</p></article></body></html>"))
    _write(seeds, "tick`<img src=x onerror=alert(7)>`.txt",
           "Backtick story\n" + _story("Eight"))
    _write(seeds, "bad-date.md",
           "---\npublished: 2024-02-30\n---\n" + _story("Ten"))
    _write(seeds, "odd-utf16.txt", ("Odd story\n" + _story("Nine")).encode("utf-16") + b"\x00")
    _write(seeds, "surrogate.md", '---\ntitle: "Lone \\ud800 surrogate"\n---\n'
           + _story("Eleven"))
    _write(seeds, "long-id.md", f"---\nid: {'a' * 400}\n---\n" + _story("Twelve"))
    _write(seeds, "bomb.md", ALIAS_BOMB + _story("Thirteen"))
    _write(seeds, "controls.md", "---\ntitle: \"Bell\\a and \\uFFFE non-character\"\n---\n"
           + _story("Fourteen").replace("near", "near\x07\ufffe"))
    _write(seeds, "zero-width.txt", "Zero width\n" + _story("Fifteen")
           .replace("Camp Falcon", "Camp Fal\u200bcon"))
    _write(seeds, "arabic.txt", ARABIC * 3)
    _write(seeds, "index.txt", "Index story\n" + _story("Sixteen"))
    _write(seeds, "formula.md", '---\ntitle: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"\n'
           '---\n' + _story("Seventeen"))
    _write(seeds, "url-markdown.md", '---\nurl: "http://x/[z](autofocus/onfocus=alert(101)//)"\n'
           '---\n' + _story("Eighteen"))
    # a speaker described by a phrase (not only a name) keeps the phrase: it is input text
    # two sentences of one attack: the event page's "why" list names the hostile title
    _write(seeds, "joins.md", '---\ntitle: "<img src=x onerror=alert(11)> Joins"\n---\n'
           "Drones attacked Camp Rendell near Kavran on Monday, officials said.\n"
           "The attack on Camp Rendell wounded two soldiers, they said.\n" + _story("Thirty"))
    _write(seeds, "speaker.txt", "Speaker story\nA <img src=x onerror=alert(10)> unit of "
           "Kataib Rahma said drones attacked Camp Falcon on Friday.\n" + _story("Twenty-two"))
    bad_name = seeds / os.fsdecode(b"bad\xffname.txt")
    bad_name.write_text("Bad name\n" + _story("Nineteen"), encoding="utf-8")
    _write(seeds, "nl\n# Heading\n- item.txt", "Newline name\n" + _story("Twenty-one"))
    _write(seeds, "curation.yml", (
        "rename:\n  Camp Falcon: \"=cmd|'/c calc'!A1 <img src=x onerror=alert(8)>\"\n"
        "  Tahsin al-Khafaji: Index\n"
        "type:\n  Baghdad: \"<svg onload=alert(9)>\"\n  Iraq: \"!!!\"\n  Syria: \"???\"\n"
        "  Iran: Index\n"
        "merge:\n  - [Iraqi Security Media Cell, Security Media Cell]\n"
        "merge:\n  - [Islamic State, Daesh]\n"))
    return project


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    project = _hostile_project(tmp_path_factory.mktemp("hostile"))
    (project / "content" / "notes").mkdir(parents=True)
    (project / "content" / "notes" / "mine.md").write_text("# My own notes\n")
    assert run_build(project) == 0
    return project


def _report_lines(project: Path) -> list[str]:
    """The build report as the reader sees it (entities decoded)."""
    text = (project / "content" / "report.md").read_text(encoding="utf-8")
    return html.unescape(text).splitlines()


def _reported(project: Path, fragment: str) -> str:
    lines = [li for li in _report_lines(project) if fragment in li]
    assert lines, f"{fragment!r} is not in the build report"
    return lines[0]


def _site_text(project: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in (project / "site").rglob("*")
                     if p.is_file() and p.suffix in {".html", ".json", ".xml", ".csv"})


def test_nothing_outside_seeds_is_published(hostile):
    assert SECRET not in _site_text(hostile)
    assert SECRET not in "\n".join(p.read_text(encoding="utf-8", errors="replace")
                                   for p in (hostile / "content").rglob("*") if p.is_file())


def test_symlinks_out_of_seeds_dangling_and_looping_are_reported(hostile):
    assert "outside" in _reported(hostile, "secret.txt")
    assert "outside" in _reported(hostile, "git-config.txt")
    assert "broken" in _reported(hostile, "dangling.txt")
    assert "loop" in _reported(hostile, "loop.txt")
    assert "folder" in _reported(hostile, "outside-folder")


def test_a_symlink_within_seeds_is_read_under_its_own_name(hostile):
    sources = json.loads((hostile / "site/data/sources.json").read_text(encoding="utf-8"))
    five = [s["path"] for s in sources if any("Five rockets" in t["text"] for t in s["sentences"])]
    assert five == ["seeds/inside/real.txt"]  # the file sorts first; the link is its copy
    assert "duplicate of seeds/inside/real.txt" in _reported(hostile, "inside-link.txt")
    assert all(s["path"].startswith("seeds/") for s in sources)


def test_strict_fails_on_a_symlink_out_of_seeds(hostile, capsys):
    assert run_build(hostile, "--strict") == 1
    assert "--strict" in capsys.readouterr().err


def test_no_input_field_reaches_html_as_markup(hostile):
    """Titles, outlets, dates, file names and curation values are text everywhere: in
    the header Material draws from the page title, in tables, in the search index."""
    for page in (hostile / "site").rglob("*.html"):
        body = page.read_text(encoding="utf-8")
        for needle in ("<img src=x", "<script>alert", "<svg onload", "<b onmouseover"):
            assert needle not in body, (page, needle)
        assert 'href="javascript:' not in body.replace("&#58;", ":").lower(), page
    index = (hostile / "site/search/search_index.json").read_text(encoding="utf-8")
    for needle in ("<img src=x", "<script>", "<svg onload"):
        assert needle not in index
    # an event's "why these are one event" list shows the article's title as text
    joins = [line for page in (hostile / "site/events").rglob("*.html")
             for line in page.read_text(encoding="utf-8").splitlines()
             if line.startswith("<li>") and "alert(11)" in line and "tell it" in line]
    assert joins and all("&lt;img src=x onerror=alert(11)&gt; Joins" in j for j in joins)


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.handlers += [f"<{tag} {k}={v}>" for k, v in attrs if k.startswith("on")]


def test_no_page_has_an_event_handler_attribute(hostile):
    """Neither briefgen nor Material writes `on…=` attributes: any one is injected."""
    for page in (hostile / "site").rglob("*.html"):
        parser = _Attributes()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.handlers == [], (page, parser.handlers)


def test_a_url_is_never_read_as_markdown(hostile):
    sources = json.loads((hostile / "site/data/sources.json").read_text(encoding="utf-8"))
    row = next(s for s in sources if s["path"] == "seeds/url-markdown.md")
    assert "[" not in row["url"] and "(" not in row["url"]
    page = (hostile / "site" / row["page"] / "index.html").read_text(encoding="utf-8")
    assert page.count('rel="nofollow noopener"') == 1


def test_file_names_that_cannot_be_shown_are_reported_and_the_build_goes_on(hostile):
    assert "UTF-8" in _reported(hostile, "bad\\xffname.txt")
    assert "control" in _reported(hostile, "nl\\x0a")


def test_types_that_slugify_alike_get_pages_of_their_own(hostile):
    tag_pages = list((hostile / "site/tags").glob("*/index.html"))
    titles = {html.unescape(p.read_text(encoding="utf-8").split("<h1", 1)[1].split("</h1>")[0])
              for p in tag_pages}
    assert len(titles) == len(tag_pages)
    assert any("!!!" in t for t in titles) and any("???" in t for t in titles)


def test_only_http_urls_are_kept_and_a_bad_one_is_reported(hostile):
    sources = json.loads((hostile / "site/data/sources.json").read_text(encoding="utf-8"))
    assert all(s["url"] == "" or s["url"].startswith(("http://", "https://")) for s in sources)
    assert "url" in _reported(hostile, "xss-front.md")


def test_bad_published_dates_are_reported_not_printed(hostile):
    assert "published" in _reported(hostile, "bad-date.md")
    sources = json.loads((hostile / "site/data/sources.json").read_text(encoding="utf-8"))
    for s in sources:
        assert s["published"] == "" or len(s["published"]) == 10, s["published"]
    titles = {s["title"] for s in sources}
    assert any("Ten rockets" in s["sentences"][0]["text"] for s in sources), titles


@pytest.mark.parametrize("name", ["odd-utf16.txt", "surrogate.md", "long-id.md", "bomb.md"])
def test_a_file_that_crashed_the_build_is_reported_by_name(hostile, name):
    _reported(hostile, name)


def test_the_long_id_article_still_gets_a_page_with_a_short_name(hostile):
    sources = json.loads((hostile / "site/data/sources.json").read_text(encoding="utf-8"))
    long_id = next(s for s in sources if s["path"] == "seeds/long-id.md")
    assert len(long_id["id"]) <= 80
    assert (hostile / "site" / long_id["page"] / "index.html").is_file()


def test_control_characters_non_characters_and_zero_width_are_gone(hostile):
    for path in ("site/data/sources.json", "site/data/entities.json", "site/feed.xml"):
        text = (hostile / path).read_text(encoding="utf-8")
        for bad in ("\x07", "\ufffe", "\u200b", "\\u0007", "\\ufffe", "\\u200b"):
            assert bad not in text, (path, repr(bad))
    import xml.dom.minidom

    xml.dom.minidom.parse(str(hostile / "site/feed.xml"))  # well-formed


def test_an_arabic_article_is_skipped_as_unsupported_language(hostile):
    assert "language" in _reported(hostile, "arabic.txt")


def test_an_article_named_index_does_not_replace_the_sources_list(hostile):
    listing = (hostile / "site/sources/index.html").read_text(encoding="utf-8")
    assert "articles." in listing and "<table>" in listing
    sources = json.loads((hostile / "site/data/sources.json").read_text(encoding="utf-8"))
    index_story = next(s for s in sources if s["path"] == "seeds/index.txt")
    assert index_story["id"] != "index"
    assert "index" in _reported(hostile, "index.txt")


def test_an_entity_or_tag_named_index_does_not_replace_a_list(hostile):
    entities = json.loads((hostile / "site/data/entities.json").read_text(encoding="utf-8"))
    named = next(e for e in entities if e["name"] == "Index")
    assert named["url"] != "actors/index/" and (hostile / "site" / named["url"]).is_dir()
    assert "actors named in the sources" in (hostile / "site/actors/index.html").read_text()
    assert "Every actor, base and place is tagged" in (
        hostile / "site/tags/index.html").read_text(encoding="utf-8")


def test_csv_cells_never_start_a_formula(hostile):
    rows = list(csv.reader(io.StringIO(
        (hostile / "site/data/events.csv").read_text(encoding="utf-8"))))
    assert len(rows) > 1
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_duplicate_curation_section_is_reported_and_both_apply(hostile):
    line = _reported(hostile, "curation.yml")
    assert "merge" in line


def test_a_hand_written_file_in_content_is_kept_and_reported(hostile):
    assert (hostile / "content/notes/mine.md").read_text() == "# My own notes\n"
    _reported(hostile, "notes/mine.md")


def test_seeds_are_untouched(hostile):
    assert (hostile / "seeds" / "curation.yml").is_file()
    assert (hostile / "seeds" / "secret.txt").is_symlink()


# --- folders: refuse before anything is deleted ----------------------------------------


@pytest.mark.parametrize("setting", ["docs_dir: seeds", "docs_dir: .", "site_dir: seeds",
                                     "site_dir: .", "docs_dir: templates", "site_dir: content"])
def test_overlapping_folders_are_refused_before_anything_is_deleted(tmp_path, capsys, setting):
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    key = setting.split(":")[0]
    text = config.read_text()
    text = "\n".join(f"{setting}  # changed" if li.startswith(key + ":") else li
                     for li in text.splitlines()) + "\n"
    config.write_text(text)
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    assert run_build(project) == 1
    err = capsys.readouterr().err
    assert key in err and len(err.strip().splitlines()) == 1
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_an_existing_site_folder_that_briefgen_did_not_build_is_not_replaced(tmp_path, capsys):
    project = make_project(tmp_path / "p")
    (project / "site").mkdir()
    (project / "site" / "thesis.docx").write_bytes(b"mine")
    assert run_build(project) == 1
    assert "site" in capsys.readouterr().err
    assert (project / "site" / "thesis.docx").read_bytes() == b"mine"


# --- caches, leftovers, concurrency -----------------------------------------------------


def _small_project(tmp_path: Path) -> Path:
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "story.txt").write_text("Falcon story\n" + _story("Three"), encoding="utf-8")
    return make_project(tmp_path / "p", seeds)


def _built_with_crafted_read_cache(tmp_path: Path, **fields: object) -> Path:
    """A small project built, its read cache's articles given `fields`, built again."""
    project = _small_project(tmp_path)
    assert run_build(project) == 0
    cache = project / ".briefgen-cache" / "ingest.json"
    data = json.loads(cache.read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        entry["article"].update(fields)
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert run_build(project) == 0
    return project


def test_a_crafted_cache_entry_writes_nothing_outside_content(tmp_path):
    project = _built_with_crafted_read_cache(
        tmp_path, source_id="../../../escaped", url="javascript:alert(1)")
    assert not (tmp_path / "escaped.md").exists() and not (project / "escaped.md").exists()
    assert not list(tmp_path.rglob("escaped*"))
    sources = json.loads((project / "site/data/sources.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in sources] == ["story"] and sources[0]["url"] == ""


def test_a_cache_entry_of_the_wrong_type_is_a_miss(tmp_path):
    project = _built_with_crafted_read_cache(tmp_path, title=["not", "a", "string"], dropped=7)
    sources = json.loads((project / "site/data/sources.json").read_text(encoding="utf-8"))
    assert sources[0]["title"] == "Falcon story"


def test_read_only_leftovers_do_not_block_the_next_build(tmp_path):
    project = _small_project(tmp_path)
    leftover = project / ".site.building"
    (leftover / "sub").mkdir(parents=True)
    (leftover / "sub" / "x.html").write_text("old")
    os.chmod(leftover / "sub", 0o500)
    os.chmod(leftover, 0o500)
    (project / ".briefgen-cache").mkdir()
    stray = project / ".briefgen-cache" / "tmpabc.tmp"
    stray.write_text("half")
    try:
        assert run_build(project) == 0
    finally:
        for path in (leftover, leftover / "sub"):
            if path.exists():
                os.chmod(path, 0o700)
    assert (project / "site" / "index.html").is_file()
    assert not stray.exists()


def test_a_corrupt_search_index_means_a_full_build_not_a_failure(tmp_path):
    project = _small_project(tmp_path)
    assert run_build(project) == 0
    (project / "site/search/search_index.json").write_text('{"docs": [', encoding="utf-8")
    (project / "seeds" / "more.txt").write_text("More\n" + _story("Nine"))
    assert run_build(project) == 0
    json.loads((project / "site/search/search_index.json").read_text(encoding="utf-8"))


def test_two_builds_at_once_one_refuses_and_the_site_stays_valid(tmp_path):
    project = _small_project(tmp_path)
    assert run_build(project) == 0
    site = tree_bytes(project / "site")
    # a build holding the lock for as long as the test needs (a real build may finish
    # before a second one starts on a fast machine)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pathlib import Path\n"
         "from briefgen.lock import build_lock\nwith build_lock(Path(sys.argv[1])):\n"
         "    print('held', flush=True)\n    time.sleep(120)\n",
         str(project / ".briefgen-cache")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        second = subprocess.run(
            [sys.executable, "-m", "briefgen", "build", "-q", "-f", str(project / "mkdocs.yml")],
            stderr=subprocess.PIPE, text=True)
    finally:
        holder.kill()
        holder.wait()
    assert second.returncode == 1 and "another briefgen build" in second.stderr
    assert tree_bytes(project / "site") == site  # the refused build wrote nothing
    assert run_build(project) == 0


def test_a_new_file_or_a_duplicate_id_never_takes_an_existing_source_url(tmp_path):
    project = _small_project(tmp_path)
    assert run_build(project) == 0
    (project / "seeds" / "0-early").mkdir()
    (project / "seeds" / "0-early" / "story.txt").write_text("Other\n" + _story("Four"))
    (project / "seeds" / "dup.md").write_text("---\nid: story\n---\n" + _story("Twenty"))
    assert run_build(project) == 0
    sources = json.loads((project / "site/data/sources.json").read_text(encoding="utf-8"))
    by_path = {s["path"]: s["id"] for s in sources}
    assert by_path["seeds/story.txt"] == "story"
    assert by_path["seeds/0-early/story.txt"] != "story" and by_path["seeds/dup.md"] != "story"
    report = (project / "content/report.md").read_text(encoding="utf-8")
    assert "dup.md" in report and "0-early/story.txt" in report


def test_serve_keeps_serving_when_a_rebuild_fails(tmp_path):
    project = _small_project(tmp_path)
    port = 18000 + os.getpid() % 1000
    proc = subprocess.Popen([sys.executable, "-m", "briefgen", "serve", "-q", "--port", str(port),
                             "-f", str(project / "mkdocs.yml")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        import urllib.request

        def fetch() -> int:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                return response.status

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if fetch() == 200:
                    break
            except OSError:
                time.sleep(0.5)
        config = project / "mkdocs.yml"
        config.write_text(config.read_text().replace("site_dir: site", "site_dir: seeds"))
        time.sleep(4)
        assert proc.poll() is None, proc.communicate()
        assert fetch() == 200
        assert (project / "seeds" / "story.txt").is_file()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_the_real_seeds_still_build_cleanly_under_strict(tmp_path):
    project = make_project(tmp_path / "p", REPO / "seeds")
    assert run_build(project, "--strict") == 0


# --- a reader's browser ------------------------------------------------------------------


@pytest.mark.browser
def test_every_page_opens_without_running_input_script_or_leaving_localhost(hostile, tmp_path):
    """Opens every page of the hostile site (and searches for the payloads): any alert
    dialog or any request to another host fails the test."""
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    site = hostile / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert len(pages) > 20
    dialogs: list[str] = []
    requests: list[str] = []
    with serve(site, tmp_path / "www") as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        page.on("request", lambda r: requests.append(r.url))
        for path in pages:
            page.goto(url + path[: -len("index.html")])
            page.wait_for_load_state("load")
        page.goto(url)
        for query in ("img", "alert", "script", "onerror", "Reports", "Talks"):
            page.click("input.md-search__input")
            page.fill("input.md-search__input", "")
            page.type("input.md-search__input", query)
            page.wait_for_timeout(800)
            links = page.locator("a.md-search-result__link")
            if links.count():
                links.first.click()
                page.wait_for_load_state("load")
                page.go_back()
        browser.close()
    assert dialogs == []
    hosts = {r.split("/")[2].split(":")[0] for r in requests if r.startswith("http")}
    assert hosts <= {"127.0.0.1"}, hosts


def test_a_seeds_folder_that_is_a_link_is_refused(tmp_path, capsys):
    project = make_project(tmp_path / "p")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.txt").write_text("Secret\n" + _story("Secret"))
    import shutil

    shutil.rmtree(project / "seeds")
    (project / "seeds").symlink_to(tmp_path / "elsewhere")
    assert run_build(project) == 1
    err = capsys.readouterr().err
    assert "seeds_dir" in err and "symbolic link" in err
    assert not (project / "site").exists()


def test_a_curation_file_that_links_out_of_seeds_is_not_read(tmp_path):
    project = _small_project(tmp_path)
    (tmp_path / "private.yml").write_text("rename:\n  Camp Falcon: LEAKED-NAME\n")
    (project / "seeds" / "curation.yml").symlink_to(tmp_path / "private.yml")
    assert run_build(project) == 0
    assert "LEAKED-NAME" not in _site_text(project)
    line = _reported(project, "curation.yml")
    assert "outside" in line and str(tmp_path) not in line


def test_a_pathological_line_does_not_stall_the_build():
    """Every furniture pattern runs on lines built to make a regex backtrack; in a child
    process so that a regression fails here instead of hanging the suite."""
    lines = ["By " + ", ".join(["A" * 16] * 4) + "!", "By " + " ".join(["Aa"] * 60) + "!",
             " ".join(["Aaaa"] * 400) + " / x", "(" + "A/" * 200 + "AFP" + " x" * 200,
             "Related" + "A" * 5000, "a_b " * 2000, "print | " * 2000 + "x",
             "Aa " * 1000 + ", Bb", "x-" * 3000 + "y", "Based on reporting" + " by" * 2000,
             "(Courtesy" + " x" * 3000, "A" * 3000 + "A" * 2999]
    code = ("import sys; from briefgen.ingest import _clean_paragraphs; "
            "_clean_paragraphs(sys.stdin.read())")
    subprocess.run([sys.executable, "-c", code], input="\n".join(lines), text=True,
                   timeout=60, check=True)


def test_crafted_manifest_and_stamp_entries_delete_nothing_outside(tmp_path):
    project = _small_project(tmp_path)
    assert run_build(project) == 0
    victims = [tmp_path / "notes.md", project / "KEEP.txt", project / "seeds" / "story.txt"]
    for victim in victims[:2]:
        victim.write_text("mine")
    manifest = project / "content" / ".briefgen-files.json"
    listed = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps(listed + ["../../notes.md", str(victims[1]),
                                             "../seeds/story.txt"]), encoding="utf-8")
    stamp = project / "site" / ".briefgen-stamp"
    data = json.loads(stamp.read_text(encoding="utf-8"))
    data["files"]["../KEEP.txt"] = "x"
    stamp.write_text(json.dumps(data), encoding="utf-8")
    (project / "seeds" / "more.txt").write_text("More\n" + _story("Thirty"))
    assert run_build(project) == 0
    assert all(victim.exists() for victim in victims)


def test_a_hostile_name_in_the_suggested_merges_is_text(hostile):
    """The report's suggestions quote entity names and a curation line built from them."""
    report = (hostile / "site/report/index.html").read_text(encoding="utf-8")
    suggestions = report[report.index("Suggested merges"):]
    assert "<img src=x" not in suggestions  # escaped…
    assert "<img src=x onerror=alert(8)>" in html.unescape(suggestions)  # …and shown as text
    rows = json.loads((hostile / "site/data/suggestions.json").read_text(encoding="utf-8"))
    assert any("<img src=x onerror=alert(8)>" in " ".join(r["names"]) for r in rows)


def test_a_hostile_source_title_in_an_events_claim_table_is_text(hostile):
    """The event page names each claim's source by its title: a title that is HTML or
    Markdown stays text in that row."""
    shown = []
    for page in (hostile / "site" / "events").rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        if 'id="who-reports-it-who-denies-it"' not in text:
            continue
        table = text.split('id="who-reports-it-who-denies-it"')[1].split("<h2")[0]
        cells = [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", table, re.S)]
        if any(XSS + " Reports" in c for c in cells):
            shown.append(page)
            assert "<img src=x" not in text, page
    assert shown, "no event page lists a claim from the article with the hostile title"


def test_a_hostile_speaker_phrase_is_text_on_every_page(hostile):
    """A speaker is the phrase that names the body it speaks for ("A … unit of Kataib
    Rahma"): the export keeps it as written, every page shows it as text."""
    events = json.loads((hostile / "site/data/events.json").read_text(encoding="utf-8"))
    speakers = {c["speaker"] for e in events for c in e["claims"]}
    assert "A <img src=x onerror=alert(10)> unit of Kataib Rahma" in speakers, speakers
    shown = [p for p in (hostile / "site").rglob("*.html")
             if "<img src=x onerror=alert(10)> unit" in html.unescape(p.read_text("utf-8"))]
    assert shown, "the phrase is on no page"
    for page in shown:
        assert "<img src=x onerror=alert(10)>" not in page.read_text(encoding="utf-8"), page
