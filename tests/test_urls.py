"""The URL scheme on its own: pages, URLs and links in both of MkDocs' URL styles."""

from __future__ import annotations

import pytest

from briefgen.urls import Urls, canonical_url, content_path, link, link_target


@pytest.mark.parametrize(("path", "directory", "flat"), [
    ("actors/kataib-hezbollah.md", "actors/kataib-hezbollah/", "actors/kataib-hezbollah.html"),
    ("index.md", "", "index.html"),
    ("tags/index.md", "tags/", "tags/index.html"),
    ("timeline.md", "timeline/", "timeline.html"),
    ("data/events.json", "data/events.json", "data/events.json"),
])
def test_a_page_has_one_url_in_each_style(path, directory, flat):
    assert Urls(True).url(path) == directory
    assert Urls(False).url(path) == flat


def test_links_climb_from_where_the_page_is_served():
    assert Urls(True).href("actors/x.md", "sources/a.md", "s-3") == "../../sources/a/#s-3"
    assert Urls(False).href("actors/x.md", "sources/a.md", "s-3") == "../sources/a.html#s-3"
    assert Urls(True).href("timeline.md", "events/e.md") == "../events/e/"
    assert Urls(False).href("timeline.md", "events/e.md") == "events/e.html"
    assert Urls(False).output("actors/x.md") == "actors/x.html"
    assert Urls(True).output("actors/x.md") == "actors/x/index.html"


def test_content_links_a_page_to_the_file_of_another():
    """One form in Markdown and raw HTML, whatever the URL style: relative to the page's
    file, to the target's file, as Zensical and any Markdown viewer read it."""
    assert link("actors/x.md", "sources/a.md", "s-3") == "../sources/a.md#s-3"
    assert link("timeline.md", "events/e.md") == "events/e.md"
    assert link("actors/index.md", "actors/x.md") == "../actors/x.md"
    assert link_target("actors/x.md", "../sources/a.md#s-3") == ("sources/a.md", "#s-3")
    assert link_target("timeline.md", "events/e.md") == ("events/e.md", "")
    for href in ("#s-3", "https://example.org/a.md", "/sources/a/", "mailto:a@b.org",
                 "../../outside.md", ""):
        assert link_target("actors/x.md", href) is None, href


@pytest.mark.parametrize(("directory", "expected"), [
    (True, ["../../sources/a/#s-3", "../events/e/", "../actors/x/", "../../",
            "../../data/e.json"]),
    (False, ["../sources/a.html#s-3", "events/e.html", "../actors/x.html", "../index.html",
             "../data/e.json"]),
])
def test_a_content_link_resolves_to_the_url_mkdocs_serves(directory, expected):
    """What the plugin makes of a raw block's link for MkDocs: the URL, from where the
    page is served, of the target's page (or file)."""
    urls = Urls(directory)
    assert [
        urls.resolve("actors/x.md", link("actors/x.md", "sources/a.md", "s-3")),
        urls.resolve("timeline.md", link("timeline.md", "events/e.md")),
        urls.resolve("actors/index.md", link("actors/index.md", "actors/x.md")),
        urls.resolve("actors/x.md", link("actors/x.md", "index.md")),
        urls.resolve("actors/x.md", link("actors/x.md", "data/e.json")),
    ] == expected
    assert urls.resolve("actors/x.md", "#s-3") is None
    assert urls.resolve("actors/x.md", "https://example.org/") is None


def test_kept_urls_read_back_in_either_style():
    for url in ("actors/old-name/", "actors/old-name.html"):
        assert content_path(url) == "actors/old-name.md"
        assert canonical_url(content_path(url)) == "actors/old-name/"
    assert Urls(False).of("events/attack-1a2b/") == "events/attack-1a2b.html"


@pytest.mark.parametrize(("env", "directory"), [(None, False), ("true", True)])
def test_the_url_style_is_read_as_mkdocs_reads_it(tmp_path, monkeypatch, env, directory):
    """`use_directory_urls: !ENV [FLAT_URLS, false]`: briefgen's links follow the value
    MkDocs builds with, not the raw YAML."""
    from briefgen.config import load_settings

    (tmp_path / "seeds").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: B\ndocs_dir: content\nuse_directory_urls: !ENV [FLAT_URLS, false]\n",
        encoding="utf-8")
    if env is None:
        monkeypatch.delenv("FLAT_URLS", raising=False)
    else:
        monkeypatch.setenv("FLAT_URLS", env)
    assert load_settings(tmp_path / "mkdocs.yml").directory_urls is directory
