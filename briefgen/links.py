"""Links between the pages of a briefing: Markdown links (which MkDocs rewrites for
the site's URL scheme) and final URLs for raw HTML (which it does not), from a page one
folder below content/, with the briefing's records looked up by id.
"""

from __future__ import annotations

from briefgen.pagekinds import ENTITY_KINDS, SOURCE
from briefgen.records import Briefing, EntityId, SourceId
from briefgen.slugs import entity_path, event_path
from briefgen.urls import Urls


class Links:
    """Relative links between pages, from a page at `depth` folders below content/."""

    def __init__(self, briefing: Briefing, urls: Urls):
        self.entities = {e.id: e for e in briefing.entities}
        self.sources = {p.article.source_id: p for p in briefing.articles}
        self.order = {p.article.source_id: n for n, p in enumerate(briefing.articles)}
        self.urls = urls
        # From a source, entity or event page (all one folder deep) up to the site's root.
        self.up = urls.to_root(SOURCE.path("page"))

    def entity(self, entity_id: EntityId, depth: int = 1) -> str:
        return "../" * depth + ENTITY_KINDS[self.entities[entity_id].kind].path(entity_id)

    def sentence(self, source: SourceId, sentence: str, depth: int = 1) -> str:
        return f"{'../' * depth}{SOURCE.path(source)}#{sentence}"

    # Final URLs for raw HTML, which MkDocs does not rewrite: from a source, entity or
    # event page, in the site's URL scheme.
    def entity_href(self, entity_id: EntityId) -> str:
        return self.up + self.urls.url(entity_path(self.entities[entity_id]))

    def event_href(self, event_id: str) -> str:
        return self.up + self.urls.url(event_path(event_id))

    def source_href(self, source: SourceId) -> str:
        return self.up + self.urls.url(SOURCE.path(source))

    def sentence_href(self, source: SourceId, sentence: str) -> str:
        return f"{self.source_href(source)}#{sentence}"
