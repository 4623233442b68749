"""MkDocs in several processes (siteparts): the same site as one process renders, cold
and incremental, and pages dealt out by size."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, tree_bytes

from briefgen import site, siteparts
from briefgen.config import load_settings
from briefgen.pipeline import build

NEW_ARTICLE = (
    "Drone strike reported near Erbil\n"
    "A drone struck a convoy near Erbil on Tuesday, the Kurdistan Region Security Council "
    "said in a statement. Omar Zangana, the spokesperson of the council, said no one was hurt.\n"
)


def test_pages_are_dealt_by_size_and_not_shared_when_few():
    sizes = {"a.md": 100, "b.md": 60, "c.md": 50, "d.md": 10}
    assert siteparts.deal(list(sizes), sizes, 2) is None  # fewer than two parts' worth
    many = {f"p{n:03d}.md": n for n in range(200)}
    parts = siteparts.deal(list(many), many, 2)
    assert parts is not None and len(parts.pages) == 2
    assert parts.pages[0] | parts.pages[1] == set(many)
    assert not parts.pages[0] & parts.pages[1]
    loads = [sum(many[p] for p in part) for part in parts.pages]
    assert abs(loads[0] - loads[1]) <= max(many.values())
    assert siteparts.deal(list(reversed(many)), many, 2) == parts  # order does not matter


def test_a_site_rendered_in_parts_is_the_one_process_site(tmp_path, monkeypatch):
    one = make_project(tmp_path / "one")
    two = make_project(tmp_path / "two")
    build(load_settings(one / "mkdocs.yml", processes=1))
    monkeypatch.setattr(siteparts, "MIN_PAGES_PER_PART", 1)
    used: list[int] = []
    real = site.build_in_parts

    def spy(config, config_file, staging, parts, strict):  # type: ignore[no-untyped-def]
        used.append(len(parts.pages))
        return real(config, config_file, staging, parts, strict)

    monkeypatch.setattr(site, "build_in_parts", spy)
    build(load_settings(two / "mkdocs.yml", processes=3))
    assert used == [3]
    _same_sites(one, two)

    for project in (one, two):
        (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    assert build(load_settings(one / "mkdocs.yml", processes=1)).site_incremental
    assert build(load_settings(two / "mkdocs.yml", processes=2)).site_incremental
    assert used == [3, 2]
    _same_sites(one, two)
    assert not list(tmp_path.rglob("*-part1"))  # the parts' folders are gone


def _same_sites(one: Path, two: Path) -> None:
    first, second = tree_bytes(one / "site"), tree_bytes(two / "site")
    assert sorted(first) == sorted(second)
    assert [n for n in first if first[n] != second[n]] == []
