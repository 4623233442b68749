"""Later stages' per-article work, done by the parse workers as they parse.

An article's name candidates (resolve's first step, most of its time on a cold build)
depend on its parse alone, and resolve keeps them per article in the cache
(`mentions/`, keyed by the parse and the resolver's code). The parse workers compute
them for each article they parse, on every core, so that resolve reads them as a
rebuild does instead of computing them on one core while the others idle. The cache
entry is the one resolve itself writes, so the output does not change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefgen.cache import EntryCache
from briefgen.names import load_rules
from briefgen.records import ParsedArticle
from briefgen.resolve import _article_candidates as article_candidates

MENTION_CACHE = "mentions"  # resolve's cache of each article's candidates


def candidates_warmer(cache_dir: Path) -> Callable[[ParsedArticle], None]:
    """What a parse worker does with each article it parsed: its candidates, cached."""
    store = EntryCache(cache_dir, MENTION_CACHE)

    def warm(parsed: ParsedArticle) -> None:
        article_candidates(parsed, load_rules(), store)

    return warm
