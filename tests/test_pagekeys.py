"""A page's key (pagekeys.page_key) tells its inputs by value."""

from __future__ import annotations

from briefgen.pagekeys import PageSpec, page_key
from briefgen.records import MentionRef, SentenceId, SourceId


def _ref(text: str) -> MentionRef:
    return MentionRef(SourceId("a"), SentenceId("s-1"), 0, len(text), text)


def test_equal_records_give_one_key_however_their_strings_are_shared():
    shared = "".join(["al-", "Araji"])
    once = PageSpec("actors/x.md", "actor.md.j2", {"refs": (_ref(shared), _ref(shared))})
    twice = PageSpec("actors/x.md", "actor.md.j2",
                     {"refs": (_ref("".join(["al-", "Araji"])), _ref("".join(["al-", "Araji"])))})
    assert page_key("stamp", once) == page_key("stamp", twice) is not None


def test_any_difference_in_records_path_template_or_stamp_changes_the_key():
    page = PageSpec("actors/x.md", "actor.md.j2", {"refs": (_ref("al-Araji"),)})
    keys = {
        page_key("stamp", page),
        page_key("other", page),
        page_key("stamp", PageSpec("actors/y.md", page.template, page.context)),
        page_key("stamp", PageSpec(page.path, "base.md.j2", page.context)),
        page_key("stamp", PageSpec(page.path, page.template, {"refs": (_ref("al-Araj"),)})),
    }
    assert len(keys) == 5


def test_a_page_whose_records_cannot_be_pickled_has_no_key():
    assert page_key("stamp", PageSpec("x.md", "x.md.j2", {"f": lambda: 1})) is None
