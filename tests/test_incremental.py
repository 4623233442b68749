"""Rebuilds as a user makes them for months: the cache, unchanged pages left alone,
vanished pages removed, and the same output whatever the file order or process count."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO, make_project, recombined_corpus, tree_bytes

from briefgen import unchanged
from briefgen.config import load_settings
from briefgen.pipeline import build
from briefgen.records import Event, EventMention, SentenceId, SourceId
from briefgen.slugs import Previous, PreviousEvent, keep_event_ids


def _build(project: Path, **overrides):
    return build(load_settings(project / "mkdocs.yml", **overrides))


def _mtimes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*")
            if p.is_file()}


HISTORY = {"index.html", "feed.xml", "data/changes.json", ".briefgen-stamp"}
NEW_ARTICLE = (
    "Drone strike reported near Erbil\n"
    "A drone struck a convoy near Erbil on Tuesday, the Kurdistan Region Security Council "
    "said in a statement. Omar Zangana, the spokesperson of the council, said no one was hurt.\n"
)


@pytest.fixture()
def project(tmp_path) -> Path:
    project = make_project(tmp_path / "p")
    _build(project)
    return project


def test_rebuild_parses_only_new_or_changed_articles(project):
    assert _build(project).parsed_now == 0
    (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    summary = _build(project)
    assert (summary.parsed_now, summary.from_cache) == (1, 5)
    assert (project / "content" / "sources" / "new.md").is_file()


def test_corrupt_or_foreign_cache_entries_are_rebuilt(project):
    cache = project / ".briefgen-cache"
    entries = sorted((cache / "nlp").rglob("*.json"))
    assert len(entries) == 5
    for entry in entries[:2]:  # a parse and its outline both damaged: parsed again
        outline = cache / "outline" / entry.relative_to(cache / "nlp")
        assert outline.is_file()
        outline.write_text("{not json", encoding="utf-8")
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_text('{"format": "someone-else/9", "sentences": []}', encoding="utf-8")
    derived = sorted((project / ".briefgen-cache" / "mentions").rglob("*.json"))
    assert len(derived) == 5
    data = json.loads(derived[2].read_text(encoding="utf-8"))
    data["candidates"] = [["s-1", "not a number"]]
    derived[2].write_text(json.dumps(data), encoding="utf-8")
    frames = sorted((project / ".briefgen-cache" / "events").rglob("*.json"))
    assert len(frames) == 5
    data = json.loads(frames[3].read_text(encoding="utf-8"))
    assert data["frames"], "the article has event frames to damage"
    data["frames"][0][14] = [["<b>speaker</b>", None, "said", "shouts", "x", "s-1", 7]]
    frames[3].write_text(json.dumps(data), encoding="utf-8")
    before = tree_bytes(project / "content")
    summary = _build(project)
    assert summary.parsed_now == 2
    assert tree_bytes(project / "content") == before


def test_an_article_read_as_an_outline_is_read_whole_where_a_stage_needs_it(project):
    """A cached article is read without its tokens; a stage whose own cache misses (a
    new version of its code, a deleted entry) reads them, or parses the article again
    when only its outline is left: the same pages either way."""
    cache = project / ".briefgen-cache"
    before = tree_bytes(project / "content")
    _lose(cache, "mentions", "events", unchanged.FINGERPRINT_FILE)
    summary = _build(project)
    assert summary.parsed_now == 0 and not summary.inputs_unchanged
    assert tree_bytes(project / "content") == before
    _lose(cache, "nlp", "mentions", "events", unchanged.FINGERPRINT_FILE)
    _build(project)
    assert len(list((cache / "nlp").rglob("*.json"))) == 5  # parsed again, as asked
    assert tree_bytes(project / "content") == before


def test_a_page_is_rendered_again_when_its_template_or_its_file_changed(project):
    """Pages whose records did not change are not rendered (pagekeys), but a changed
    template, or a page's file edited or deleted in content/, renders it again."""
    content = project / "content"
    before = tree_bytes(content)
    template = project / "templates" / "source.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "Template edited.\n", "utf-8")
    _build(project)
    sources = [p for p in sorted((content / "sources").glob("*.md")) if p.name != "index.md"]
    assert sources and all(p.read_text(encoding="utf-8").endswith("Template edited.\n")
                           for p in sources)
    template.write_text(template.read_text(encoding="utf-8").replace("Template edited.\n", ""),
                        "utf-8")
    _build(project)
    assert tree_bytes(content) == before
    page, gone = sorted((content / "actors").glob("*.md"))[:2]
    page.write_text(page.read_text(encoding="utf-8").replace("a", "b"), encoding="utf-8")
    gone.unlink()
    (project / ".briefgen-cache" / unchanged.FINGERPRINT_FILE).unlink(missing_ok=True)
    assert _build(project).pages_written == 2
    assert tree_bytes(content) == before


def _lose(cache: Path, *names: str) -> None:
    for name in names:
        if (cache / name).is_dir():
            shutil.rmtree(cache / name)
        (cache / name).unlink(missing_ok=True)


def test_edited_article_is_read_again_and_a_broken_read_cache_is_ignored(project):
    seed = sorted((project / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA closing line, added later.\n",
                    encoding="utf-8")
    summary = _build(project)
    assert summary.parsed_now == 1
    sources = json.loads((project / "content" / "data" / "sources.json").read_text())
    (source_id,) = [s["id"] for s in sources if s["path"].endswith(seed.name)]
    page = project / "content" / "sources" / f"{source_id}.md"
    assert "A closing line, added later." in page.read_text(encoding="utf-8")

    (project / ".briefgen-cache" / "ingest.json").write_text("[1, 2", encoding="utf-8")
    before = tree_bytes(project / "content")
    assert _build(project).parsed_now == 0
    assert tree_bytes(project / "content") == before
    assert json.loads((project / ".briefgen-cache" / "ingest.json").read_text())["entries"]


def _events(project: Path) -> list[dict]:
    return json.loads((project / "content" / "data" / "events.json").read_text())


def test_an_event_keeps_its_url_when_a_new_article_reports_it_first(project):
    """Event URLs are cited; a new article that sorts first and reports the same thing
    must grow the event, not move it (nor rewrite every page linking to it)."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (project / "seeds").glob("*.txt")}
    event = next(e for e in _events(project) if e["bases"] and e["type"] != "other")
    first = event["mentions"][0]
    sentences = json.loads((project / "content" / "data" / "sources.json").read_text())
    source = next(s for s in sentences if s["id"] == first["source"])
    quoted = next(s["text"] for s in source["sentences"] if s["id"] == first["sentence"])
    assert quoted in texts[Path(source["path"]).stem]
    (project / "seeds" / "000-first.txt").write_text(
        f"Again on the base\n{quoted}\n", encoding="utf-8")
    _build(project)
    grown = next(e for e in _events(project) if any(
        (m["source"], m["sentence"]) == (first["source"], first["sentence"])
        for m in e["mentions"]) and e["type"] == event["type"])
    assert any(m["source"] == "000-first" for m in grown["mentions"]), "the event did not grow"
    assert grown["id"] == event["id"]


def test_unchanged_pages_keep_their_mtime(project):
    content = project / "content"
    before, before_bytes = _mtimes(content), tree_bytes(content)
    summary = _build(project)
    assert summary.pages_written == 0
    assert _mtimes(content) == before
    (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    _build(project)
    after, after_bytes = _mtimes(content), tree_bytes(content)
    same = [name for name in before if after_bytes.get(name) == before_bytes[name]]
    changed = [name for name in before if name in after and name not in same]
    assert len(same) > len(changed) and "sources/index.md" in changed
    assert [name for name in same if after[name] != before[name]] == []


def test_pages_of_vanished_articles_and_entities_are_removed(project):
    (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    _build(project)
    zangana = [p for p in (project / "content").rglob("*.md") if "zangana" in p.name]
    assert zangana
    (project / "seeds" / "new.txt").unlink()
    summary = _build(project)
    assert summary.pages_removed >= 2
    assert not (project / "content" / "sources" / "new.md").exists()
    assert not any(p.exists() for p in zangana)
    assert not list((project / "site").rglob("*zangana*"))


def test_same_output_whatever_the_file_order_and_process_count(tmp_path, monkeypatch):
    seeds = recombined_corpus(tmp_path / "corpus", 34)
    one = make_project(tmp_path / "one", seeds)
    two = make_project(tmp_path / "two", seeds)
    _build(one, processes=1)

    # The second project lists its files in reverse and parses with two processes.
    original = Path.rglob
    monkeypatch.setattr(Path, "rglob", lambda self, pattern: sorted(
        original(self, pattern), reverse=True))
    summary = _build(two, processes=2)
    monkeypatch.undo()
    assert summary.parsed_now == 34
    for folder in ("content", "site"):
        first, second = tree_bytes(one / folder), tree_bytes(two / folder)
        assert sorted(first) == sorted(second)
        assert [n for n in first if first[n] != second[n]] == []
    shutil.rmtree(tmp_path / "corpus")


def test_site_is_rebuilt_only_when_its_inputs_change(project):
    index = project / "site" / "index.html"
    mtime = index.stat().st_mtime_ns
    assert _build(project).site_unchanged
    assert index.stat().st_mtime_ns == mtime
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "site_name: Briefing\n" in text
    config.write_text(text.replace("site_name: Briefing\n", "site_name: Renamed\n"), "utf-8")
    summary = _build(project)
    assert not summary.site_unchanged
    assert "Renamed" in index.read_text(encoding="utf-8")


def test_incremental_site_is_identical_to_a_clean_build(project, tmp_path):
    (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    summary = _build(project)
    assert summary.site_incremental and summary.parsed_now == 1
    clean = make_project(tmp_path / "clean", project / "seeds")
    _build(clean)
    first, second = tree_bytes(project / "site"), tree_bytes(clean / "site")
    assert sorted(first) == sorted(second)
    differing = {n for n in first if first[n] != second[n]}
    # Only "what's new" depends on history: the clean build is a first build.
    assert differing == HISTORY, differing
    index = json.loads((project / "site" / "search" / "search_index.json").read_text())
    assert any("zangana" in d["location"] for d in index["docs"])

    (project / "seeds" / "new.txt").unlink()
    assert _build(project).site_incremental
    assert not list((project / "site").rglob("*zangana*"))
    index = json.loads((project / "site" / "search" / "search_index.json").read_text())
    assert not any("zangana" in d["location"] or "sources/new/" in d["location"]
                   for d in index["docs"])


def test_the_next_build_stages_from_the_kept_site_whatever_became_of_it(project, tmp_path):
    """The site a build replaces is kept in the cache, and the next incremental build
    stages from it, relinking only what differs from the live site: whatever was
    added, changed or removed in the kept copy, the result is the clean build's, and
    the live site is never written through a shared link."""
    kept = project / ".briefgen-cache" / "previous-site"
    (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    assert _build(project).site_incremental and kept.is_dir()
    (kept / "stray.html").write_text("not in the live site", encoding="utf-8")
    (kept / "stray-folder").mkdir()
    page = next(p for p in sorted(kept.rglob("index.html")) if p.parent != kept)
    page.unlink()
    page.write_text("a copy that is no link", encoding="utf-8")  # same name, new inode
    shutil.rmtree(kept / "search")
    live = project / "site"
    before = tree_bytes(live)
    witness = tmp_path / "witness"
    for name in before:
        (witness / name).parent.mkdir(parents=True, exist_ok=True)
        os.link(live / name, witness / name)
    (project / "seeds" / "new.txt").unlink()
    (project / "seeds" / "other.txt").write_text(NEW_ARTICLE.replace("Erbil", "Duhok"), "utf-8")
    assert _build(project).site_incremental
    assert tree_bytes(witness) == before
    clean = make_project(tmp_path / "clean", project / "seeds")
    _build(clean)
    first, second = tree_bytes(live), tree_bytes(clean / "site")
    assert sorted(first) == sorted(second)
    assert {n for n in first if first[n] != second[n]} <= HISTORY


def test_events_joined_into_one_keep_one_url_and_redirect_the_other():
    def event(event_id: str, *sentences: str) -> Event:
        mentions = tuple(EventMention(SourceId("a"), SentenceId(s), "struck") for s in sentences)
        return Event(event_id, "Attack", "attack", "", "", (), (), (), (), mentions)

    previous = Previous(events=(
        PreviousEvent("attack-1111", "attack", frozenset({("a", "s-1")})),
        PreviousEvent("attack-2222", "attack", frozenset({("a", "s-2"), ("a", "s-3")})),
    ))
    events, redirects = keep_event_ids([event("attack-9999", "s-1", "s-2", "s-3")], previous)
    assert [e.id for e in events] == ["attack-2222"]  # the one it shares most with
    assert redirects == {"events/attack-1111/": "events/attack-2222/"}


def _events_and_entities(project: Path) -> tuple[list, list]:
    """The export up to ids: each event as its type and sentences, each entity as its
    name and spellings."""
    data = project / "site" / "data"
    events = sorted((e["type"], sorted((m["source"], m["sentence"]) for m in e["mentions"]))
                    for e in json.loads((data / "events.json").read_text(encoding="utf-8")))
    entities = sorted((e["name"], e["kind"], sorted(e["aliases"]))
                      for e in json.loads((data / "entities.json").read_text(encoding="utf-8")))
    return events, entities


def test_an_incremental_build_equals_a_clean_one_up_to_ids(tmp_path, monkeypatch):
    """A corpus with multi-article clusters (the benchmark's generator), built, then one
    article added: the same events with the same sentences and the same entities as a
    clean build of everything."""
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))
    from run import make_corpus

    make_corpus(tmp_path / "all", 120)
    files = sorted((tmp_path / "all").glob("*.txt"))
    (tmp_path / "first").mkdir()
    for path in files[:-1]:
        shutil.copy(path, tmp_path / "first" / path.name)
    incremental = make_project(tmp_path / "incremental", tmp_path / "first")
    _build(incremental)
    shutil.copy(files[-1], incremental / "seeds" / files[-1].name)
    _build(incremental)
    clean = make_project(tmp_path / "clean", tmp_path / "all")
    _build(clean)
    assert _events_and_entities(incremental) == _events_and_entities(clean)
    assert any(len({s for s, _ in sentences}) > 1
               for _, sentences in _events_and_entities(clean)[0])  # clusters span articles


@pytest.fixture()
def settled(project, monkeypatch) -> Path:
    """A built project whose inputs count as settled however fresh they are: a test
    cannot wait out the racy window (a real user's files are older than a second)."""
    monkeypatch.setattr(unchanged, "RACY_SECONDS", 0.0)
    (project / "seeds" / "empty.txt").write_bytes(b"")
    _build(project)
    return project


def test_a_rebuild_of_unchanged_inputs_reads_and_writes_nothing(settled):
    first_problems = _build(settled).problems  # the same inputs as the fixture's build
    content, site = _mtimes(settled / "content"), _mtimes(settled / "site")
    shutil.rmtree(settled / ".briefgen-cache" / "nlp")  # a parse would have to re-parse
    summary = _build(settled)
    assert summary.inputs_unchanged and summary.parsed_now == 0
    assert (summary.articles, summary.pages_written) == (5, 0)
    # The problems are told again, as a full build tells them.
    assert summary.problems == first_problems
    assert any(p.path == "seeds/empty.txt" for p in summary.problems)
    assert _mtimes(settled / "content") == content and _mtimes(settled / "site") == site


@pytest.mark.parametrize("change", ["edit article", "edit template", "edit config",
                                    "delete content", "delete site", "damage fingerprint",
                                    "hostile summary"])
def test_any_changed_input_or_output_builds_again(settled, change):
    assert _build(settled).inputs_unchanged
    article = settled / "seeds" / sorted(p.name for p in (settled / "seeds").glob("0*"))[0]
    if change == "edit article":  # same size, so only the stat's time tells
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace(" the ", " tha ", 1), encoding="utf-8")
    elif change == "edit template":
        template = next((settled / "templates").rglob("*.j2"))
        template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "edit config":
        config = settled / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "site_name: Briefing\n", "site_name: Renamed\n"), encoding="utf-8")
    elif change == "delete content":
        shutil.rmtree(settled / "content")
    elif change == "delete site":
        shutil.rmtree(settled / "site")
    elif change == "damage fingerprint":
        (settled / ".briefgen-cache" / unchanged.FINGERPRINT_FILE).write_text(
            '{"format": "briefgen-last-build/1", "inputs": 1, "summary": []}', "utf-8")
    else:  # the same inputs, but a summary that is not one: never printed, built again
        path = settled / ".briefgen-cache" / unchanged.FINGERPRINT_FILE
        data = json.loads(path.read_text(encoding="utf-8"))
        data["summary"]["problems"] = [{"path": ["\x1b[2J"], "reason": 7, "severity": "x"}]
        path.write_text(json.dumps(data), encoding="utf-8")
    summary = _build(settled)
    assert not summary.inputs_unchanged
    assert (settled / "site" / "index.html").is_file()
    assert (settled / "content" / "index.md").is_file()
    if change == "edit article":
        assert summary.parsed_now == 1
    if change == "edit config":
        assert "Renamed" in (settled / "site" / "index.html").read_text(encoding="utf-8")
    assert _build(settled).inputs_unchanged  # and once built, the next one is free again


def test_inputs_changed_just_before_a_build_are_checked_again(project):
    """A file written in the same clock tick as the build's look at it may change again
    without its stat changing: such a build leaves no fingerprint to trust."""
    (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    _build(project)
    assert not _build(project).inputs_unchanged


def test_an_incremental_build_never_writes_into_the_live_site(project, tmp_path):
    """The staged site shares the live site's files (hard links); a page written in
    place would change what readers are served mid-build, or for good if it fails."""
    live = project / "site"
    witness = tmp_path / "witness"
    before = {}
    for path in live.rglob("*"):
        if path.is_file() and not path.is_symlink():
            name = path.relative_to(live).as_posix()
            (witness / name).parent.mkdir(parents=True, exist_ok=True)
            os.link(path, witness / name)
            before[name] = path.read_bytes()
    (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    summary = _build(project)
    assert summary.site_incremental
    assert tree_bytes(witness) == before
    rebuilt = tree_bytes(live)
    changed = {n for n in before if rebuilt.get(n) != before[n]}
    assert {".briefgen-stamp", "search/search_index.json"} <= changed
    assert any(n.startswith("sources/new") for n in rebuilt)
    # Unchanged pages are the very same files, not copies.
    same = [n for n in before if n in rebuilt and n not in changed and n.endswith(".html")]
    shared = [n for n in same if (live / n).stat().st_ino == (witness / n).stat().st_ino]
    assert len(shared) > 0.8 * len(same) > 0
