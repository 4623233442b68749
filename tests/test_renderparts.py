"""Pages rendered in several processes (renderparts): the same content/, the same
record of what was rendered, and the same counts as one process gives."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import make_project, tree_bytes

from briefgen import renderparts
from briefgen.config import load_settings
from briefgen.pipeline import BuildSummary, build

NEW_ARTICLE = (
    "Drone strike reported near Erbil\n"
    "A drone struck a convoy near Erbil on Tuesday, the Kurdistan Region Security Council "
    "said in a statement. Omar Zangana, the spokesperson of the council, said no one was hurt.\n"
)


def _build(project: Path, processes: int) -> BuildSummary:
    return build(load_settings(project / "mkdocs.yml", processes=processes), skip_site=True)


def _counts(summary: BuildSummary) -> tuple[int, int, int]:
    return summary.pages_written, summary.pages_unchanged, summary.pages_removed


def test_pages_rendered_in_parts_are_the_one_process_pages(tmp_path, monkeypatch):
    one, three = make_project(tmp_path / "one"), make_project(tmp_path / "three")
    first = _build(one, 1)
    monkeypatch.setattr(renderparts, "MIN_PAGES_PER_PART", 1)
    parts: list[int] = []
    real = renderparts.ProcessPoolExecutor

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        parts.append(kwargs["max_workers"] + 1)
        return real(*args, **kwargs)

    monkeypatch.setattr(renderparts, "ProcessPoolExecutor", counted)
    assert _counts(_build(three, 3)) == _counts(first)
    assert parts == [3]
    _same(one, three)

    for project in (one, three):
        (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    again = _build(one, 1)
    assert 0 < again.pages_written < again.pages_unchanged  # most pages are skipped
    assert _counts(_build(three, 3)) == _counts(again)
    assert parts == [3, 3]
    _same(one, three)


def _same(one: Path, three: Path) -> None:
    first, second = tree_bytes(one / "content"), tree_bytes(three / "content")
    assert sorted(first) == sorted(second)
    assert [n for n in first if first[n] != second[n]] == []
    assert _keys(one) == _keys(three) and len(_keys(one)) > 50


def _keys(project: Path) -> dict[str, list]:
    """Each page's key and digest as recorded (not the file's mtime)."""
    pages = json.loads((project / ".briefgen-cache" / "pages.json").read_text("utf-8"))
    return {path: entry[:2] for path, entry in pages["pages"].items()}
