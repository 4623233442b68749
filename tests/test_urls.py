"""The URL scheme on its own: pages, URLs and links in both of MkDocs' URL styles."""

from __future__ import annotations

import pytest

from briefgen.urls import Urls, canonical_url, content_path


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
