"""The lists the home page, the section indexes, the timeline, the contested page and
the build report share: every source, entity and event as one row, ranked once.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.digest import independent_outlets, is_contested
from briefgen.links import Links
from briefgen.pagekinds import ENTITY_KINDS, SOURCE
from briefgen.records import Briefing, Event, ParsedArticle
from briefgen.slugs import entity_path, event_path

TOP_N = 15  # rows of the home page's rankings


@dataclass(frozen=True)
class SourceRow:
    title: str
    outlet: str
    published: str
    sentences: int
    path: str  # its page, under content/
    file: str  # its input file


@dataclass(frozen=True)
class EntityRow:
    name: str
    type: str
    mentions: int
    sources: int
    path: str


@dataclass(frozen=True)
class EventRow:
    title: str
    type: str
    date: str  # as stated
    sort_date: str  # ISO, or "" when the year is not known
    quantity: str
    mentions: int
    sources: int
    asserts: int
    denies: int
    outlets: int  # independent outlets reporting it
    contested: bool
    actors: tuple[str, ...]  # the first three
    where: tuple[str, ...]  # the first two bases or places
    reported_by: tuple[str, ...]
    denied_by: tuple[str, ...]
    path: str


def overview(briefing: Briefing, links: Links) -> dict[str, object]:
    """The shared lists, by the names the templates know them by; events ranked by
    independent outlets, then sentences."""
    outlets = {e.id: independent_outlets(e, links.sources) for e in briefing.events}
    events = sorted(briefing.events, key=lambda e: (-outlets[e.id], -len(e.mentions), e.title))
    return {
        "sources": [_source_row(p) for p in briefing.articles],
        "entity_rows": {kind.folder: _entity_rows(briefing, name)
                        for name, kind in ENTITY_KINDS.items()},
        "event_rows": [_event_row(e, outlets[e.id], links) for e in events],
        "top_n": TOP_N,
        "problem_count": len(briefing.problems),
    }


def _source_row(p: ParsedArticle) -> SourceRow:
    return SourceRow(p.article.title, p.article.outlet, p.article.published, len(p.sentences),
                     SOURCE.path(p.article.source_id), p.article.path)


def _entity_rows(briefing: Briefing, kind: str) -> list[EntityRow]:
    """The entities of one kind, most mentioned first."""
    chosen = sorted((e for e in briefing.entities if e.kind == kind),
                    key=lambda e: (-len(e.mentions), e.name))
    return [EntityRow(e.name, e.type, len(e.mentions), len(e.sources), entity_path(e))
            for e in chosen]


def _event_row(e: Event, outlets: int, links: Links) -> EventRow:
    def speakers(stance: str) -> tuple[str, ...]:
        return tuple(sorted({c.speaker for c in e.claims if c.stance == stance}))

    return EventRow(
        e.title, e.type, e.date, e.sort_date, e.quantity, len(e.mentions),
        len({m.source for m in e.mentions}),
        sum(c.stance == "asserts" for c in e.claims), sum(c.stance == "denies" for c in e.claims),
        outlets, is_contested(e),
        tuple(links.entities[a].name for a in e.actors[:3]),
        tuple(links.entities[w].name for w in (e.bases + e.places)[:2]),
        speakers("asserts"), speakers("denies"), event_path(e.id),
    )
