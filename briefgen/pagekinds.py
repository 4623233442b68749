"""The kinds of page that have a section of their own, in one table: section folders,
titles and index pages, page templates, kind tags and graph colours all derive from it,
so a new kind of page is a row here and a template (plus its line in mkdocs.yml's `nav`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageKind:
    """A kind of page: where its pages live, and how they are titled and tagged."""

    name: str  # what the records call it: an entity's `kind`, or "event", "source"
    folder: str  # its section, under content/ and on the site
    title: str  # the section's title: navigation, section index, breadcrumbs
    label: str  # one page of it ("Actor"): its kind on the page, and its tag
    template: str  # the Jinja template of one page, in templates/
    entity: bool = False  # an entity kind: named in the sources, in the graphs
    colour: str = ""  # an entity's node in the graphs

    @property
    def index(self) -> str:
        """The section's index page, under content/."""
        return f"{self.folder}/index.md"

    def path(self, page_id: str) -> str:
        """The page of `page_id`, under content/."""
        return f"{self.folder}/{page_id}.md"


ACTOR = PageKind("actor", "actors", "Actors", "Actor", "actor.md.j2", entity=True,
                 colour="#3f51b5")
BASE = PageKind("base", "bases", "Bases", "Base", "base.md.j2", entity=True, colour="#c62828")
PLACE = PageKind("place", "places", "Places", "Place", "place.md.j2", entity=True,
                 colour="#2e7d32")
EVENT = PageKind("event", "events", "Events", "Event", "event.md.j2")
SOURCE = PageKind("source", "sources", "Sources", "Source", "source.md.j2")

PAGE_KINDS = (ACTOR, BASE, PLACE, EVENT, SOURCE)  # in the order of the sections
ENTITY_KINDS = {kind.name: kind for kind in PAGE_KINDS if kind.entity}
