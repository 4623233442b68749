"""Publishing on GitHub Pages: each build starts from a fresh clone, so the memory of
URLs, redirects and what's new is read from the published site (`--previous URL`)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import REPO, make_project, run_build, serve

SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def _export(project: Path, name: str) -> list | dict:
    return json.loads((project / "site" / "data" / name).read_text(encoding="utf-8"))


def _first_publish(tmp_path: Path) -> Path:
    first = tmp_path / "first-seeds"
    first.mkdir()
    for path in SEEDS[:-1]:
        shutil.copy(path, first / path.name)
    shutil.copy(REPO / "seeds" / "curation.yml", first / "curation.yml")
    published = make_project(tmp_path / "published", first)
    assert run_build(published) == 0
    return published


def test_a_fresh_clone_remembers_the_published_site(tmp_path):
    published = _first_publish(tmp_path)
    clone = make_project(tmp_path / "clone")  # all the seeds: one article more, no content/
    with (clone / "seeds" / "curation.yml").open("a", encoding="utf-8") as curation:
        curation.write("rename:\n  Lloyd Austin: Lloyd J. Austin III\n")
    with serve(published / "site", tmp_path / "www") as url:
        assert run_build(clone, "--previous", url) == 0
    old = {e["name"]: e for e in _export(published, "entities.json")}
    new = {e["name"]: e for e in _export(clone, "entities.json")}
    kept = [name for name in old if name in new]
    assert kept and all(new[name]["id"] == old[name]["id"] for name in kept)
    redirect = clone / "site" / old["Lloyd Austin"]["url"] / "index.html"
    assert new["Lloyd J. Austin III"]["url"] in redirect.read_text(encoding="utf-8")
    changes = json.loads((clone / "content/data/changes.json").read_text(encoding="utf-8"))
    sources = {s["id"]: s["path"] for s in _export(clone, "sources.json")}
    assert not changes["first_build"]
    assert [sources[s] for s in changes["sources"]] == [f"seeds/{SEEDS[-1].name}"]
    feed = (clone / "site" / "feed.xml").read_text(encoding="utf-8")
    assert f"urn:briefgen:source:{changes['sources'][0]}" in feed
    assert feed.count("New article:") == 1


def test_an_unreachable_published_site_is_a_warning_and_a_first_build(tmp_path, capsys):
    project = make_project(tmp_path / "p")
    assert run_build(project, "--previous", "http://127.0.0.1:9/briefing/") == 0
    changes = json.loads((project / "content/data/changes.json").read_text(encoding="utf-8"))
    assert changes["first_build"]
    report = (project / "content" / "report.md").read_text(encoding="utf-8")
    assert "first build" in report and "127.0.0.1" in report


def test_only_a_web_address_is_accepted(tmp_path, capsys):
    project = make_project(tmp_path / "p")
    assert run_build(project, "--previous", "file:///etc/") == 1
    assert "previous" in capsys.readouterr().err


def test_feed_entries_are_dated_by_the_articles_that_brought_them(tmp_path):
    project = make_project(tmp_path / "p")
    assert run_build(project) == 0
    (project / "seeds" / "new.md").write_text(
        "---\ntitle: Drones hit Harir base\npublished: 2024-02-03\n---\n"
        "Two drones hit the Harir Air Base in Erbil on Saturday, the Kurdistan Region's "
        "Counter-Terrorism Directorate said. The Sabiqun Brigade claimed the attack.\n",
        encoding="utf-8",
    )
    assert run_build(project) == 0
    feed = (project / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "New article: Drones hit Harir base" in feed and "New entity:" in feed
    # one date for all: the new article's, never 1970 or an event's own past date
    assert set(re.findall(r"<updated>([^<]+)</updated>", feed)) == {"2024-02-03T00:00:00Z"}
    assert run_build(project) == 0  # nothing changed: the same entries, ids and dates
    assert (project / "site" / "feed.xml").read_text(encoding="utf-8") == feed
