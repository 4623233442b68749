"""The table of page kinds is the one list of them: what cannot derive from it (the
shipped mkdocs.yml, the templates, the records' `Kind` type) must agree with it."""

from __future__ import annotations

from typing import get_args

from conftest import REPO
from mkdocs.utils.yaml import yaml_load

from briefgen.pagekinds import ENTITY_KINDS, PAGE_KINDS
from briefgen.records import Kind


def test_the_navigation_lists_every_section_and_no_page_of_one():
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = [next(iter(entry.items())) for entry in config["nav"]]
    hidden = config["not_in_nav"].split()
    for kind in PAGE_KINDS:
        assert (kind.title, kind.index) in nav, f"mkdocs.yml: nav has no {kind.index}"
        assert f"/{kind.folder}/" in hidden, f"mkdocs.yml: not_in_nav has no /{kind.folder}/"


def test_every_kind_has_its_template_and_every_entity_kind_its_page_kind():
    for kind in PAGE_KINDS:
        assert (REPO / "templates" / kind.template).is_file(), kind.template
    assert set(get_args(Kind)) == set(ENTITY_KINDS)
    assert len({k.name for k in PAGE_KINDS}) == len({k.folder for k in PAGE_KINDS}) == len(
        PAGE_KINDS)
