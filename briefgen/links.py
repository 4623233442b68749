"""Links between the pages of a briefing, in the one form content/ holds them in
Markdown and raw HTML alike (urls.link: relative to the linking file, to the target's
`.md` file), from a page `depth` folders below content/, with the briefing's records
looked up by id. The engine turns them into the site's URLs (urls.py).
"""

from __future__ import annotations

from briefgen.pagekinds import ENTITY_KINDS, EVENT, SOURCE
from briefgen.records import Briefing, EntityId, SourceId
from briefgen.urls import Urls


class Links:
    """Relative links between pages, from a page at `depth` folders below content/
    (a source, entity or event page is one folder deep)."""

    def __init__(self, briefing: Briefing, urls: Urls):
        self.entities = {e.id: e for e in briefing.entities}
        self.sources = {p.article.source_id: p for p in briefing.articles}
        self.order = {p.article.source_id: n for n, p in enumerate(briefing.articles)}
        self.urls = urls  # the site's URL scheme, for what is published as a URL (data/)

    def entity(self, entity_id: EntityId, depth: int = 1) -> str:
        return "../" * depth + ENTITY_KINDS[self.entities[entity_id].kind].path(entity_id)

    def event(self, event_id: str, depth: int = 1) -> str:
        return "../" * depth + EVENT.path(event_id)

    def source(self, source: SourceId, depth: int = 1) -> str:
        return "../" * depth + SOURCE.path(source)

    def sentence(self, source: SourceId, sentence: str, depth: int = 1) -> str:
        return f"{self.source(source, depth)}#{sentence}"
