"""What the templates of source, entity and event pages show, as frozen records: a
template reads named fields (a typo fails the build, under StrictUndefined) and every
piece of article text in them is already escaped for where it goes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from briefgen.escape import html_text, md_text
from briefgen.links import Links
from briefgen.records import (
    OTHER,
    Article,
    Briefing,
    Entity,
    EntityId,
    Event,
    EventMention,
    ParsedArticle,
    Sentence,
    SourceId,
    sentence_number,
)
from briefgen.suggest import Suggestion, co_mentions

RELATED_N = 12  # names listed as "mentioned with" on an entity page

# Where each mention starts, by source: (where it ends, its entity).
MentionIndex = dict[SourceId, dict[int, tuple[int, Entity]]]


@dataclass(frozen=True)
class LinkedSentence:
    id: str
    html: str  # every resolved name linked to its page


@dataclass(frozen=True)
class SourceView:
    article: Article
    paragraphs: tuple[tuple[LinkedSentence, ...], ...]
    sentences: int


@dataclass(frozen=True)
class MentionQuote:
    url: str
    sentence: str
    html: str  # the names of the entity in bold


@dataclass(frozen=True)
class SourceGroup:
    """An entity's sentences from one source."""

    title: str
    url: str
    outlet: str
    quotes: tuple[MentionQuote, ...]


@dataclass(frozen=True)
class Related:
    name: str
    url: str
    count: int  # sentences naming both
    kind: str


@dataclass(frozen=True)
class EventLink:
    title: str
    url: str
    date: str


@dataclass(frozen=True)
class Statement:
    """What an actor asserted or denied, in HTML, with the event it is about."""

    stance: str
    cue: str
    url: str
    html: str
    event: str
    event_url: str  # "" for a statement about nothing of a listed type
    source: str


@dataclass(frozen=True)
class EntityView:
    entity: Entity
    groups: tuple[SourceGroup, ...]
    sources: int
    related: tuple[Related, ...]
    events: tuple[EventLink, ...]
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class NamedLink:
    name: str
    url: str


@dataclass(frozen=True)
class ClaimRow:
    speaker: str
    speaker_url: str  # "" for a described source ("a security source")
    cue: str
    url: str
    markdown: str
    source: str


@dataclass(frozen=True)
class EventQuote:
    url: str
    html: str
    source: str


@dataclass(frozen=True)
class EventView:
    event: Event
    actors: tuple[NamedLink, ...]
    targets: tuple[NamedLink, ...]
    bases: tuple[NamedLink, ...]
    places: tuple[NamedLink, ...]
    asserts: tuple[ClaimRow, ...]
    denies: tuple[ClaimRow, ...]
    quotes: tuple[EventQuote, ...]
    joins: tuple[JoinRow, ...] = ()


@dataclass(frozen=True)
class JoinRow:
    """Two sentences of an event (their article's title and sentence, linked) and why
    they are one event."""

    first: NamedLink
    second: NamedLink
    why: str


class PageViews:
    """The views of one briefing's pages, from indexes built once for all of them."""

    def __init__(self, briefing: Briefing, links: Links, all_events: Iterable[Event]):
        self.links = links
        self.mentions = _mention_index(briefing.entities)
        self.related = co_mentions(briefing.entities)
        self.events_of = _events_by_entity(briefing.events)
        # statements about nothing listed too: they have no page, but their speaker has
        self.statements = _statements_by_speaker(all_events, links)

    def source(self, parsed: ParsedArticle) -> SourceView:
        mentions = self.mentions.get(parsed.article.source_id, {})
        paragraphs: dict[int, list[LinkedSentence]] = defaultdict(list)
        for sentence in parsed.sentences:
            paragraphs[sentence.paragraph].append(
                LinkedSentence(sentence.id, _linked_sentence(sentence, mentions, self.links)))
        return SourceView(parsed.article, tuple(tuple(paragraphs[k]) for k in sorted(paragraphs)),
                          len(parsed.sentences))

    def entity(self, entity: Entity) -> EntityView:
        links = self.links
        by_source: dict[SourceId, dict[str, list[tuple[int, int]]]] = defaultdict(dict)
        for ref in entity.mentions:
            by_source[ref.source].setdefault(ref.sentence, []).append((ref.start, ref.end))
        groups = tuple(self._group(source, by_source[source])
                       for source in sorted(by_source, key=links.order.__getitem__))
        related = sorted(self.related[entity.id].items(), key=lambda kv: (-kv[1], kv[0]))
        return EntityView(
            entity, groups, len(by_source),
            tuple(Related(links.entities[other].name, links.entity(other), n,
                          links.entities[other].kind) for other, n in related[:RELATED_N]),
            tuple(EventLink(e.title, links.event(e.id), e.date)
                  for e in self.events_of[entity.id]),
            tuple(self.statements.get(entity.id, ())),
        )

    def _group(self, source: SourceId, spans: dict[str, list[tuple[int, int]]]) -> SourceGroup:
        parsed = self.links.sources[source]
        quotes = tuple(
            MentionQuote(self.links.sentence(source, sid), sid, _quote(parsed, sid, where))
            for sid, where in sorted(spans.items(), key=lambda kv: sentence_number(kv[0])))
        return SourceGroup(parsed.article.title, self.links.source(source),
                           parsed.article.outlet, quotes)

    def event(self, event: Event) -> EventView:
        links = self.links

        def named(ids: Iterable[EntityId]) -> tuple[NamedLink, ...]:
            return tuple(NamedLink(links.entities[i].name, links.entity(i)) for i in ids)

        def claims(stance: str) -> tuple[ClaimRow, ...]:
            return tuple(
                ClaimRow(c.speaker, links.entity(c.speaker_id) if c.speaker_id else "", c.cue,
                         links.sentence(c.source, c.sentence), md_text(c.text),
                         links.sources[c.source].article.title)
                for c in event.claims if c.stance == stance)

        quotes = tuple(
            EventQuote(links.sentence(m.source, m.sentence),
                       _quote(links.sources[m.source], m.sentence, []),
                       html_text(links.sources[m.source].article.title))
            for m in event.mentions)
        def sentence(m: EventMention) -> NamedLink:
            title = links.sources[m.source].article.title
            return NamedLink(f"{title} ({m.sentence})", links.sentence(m.source, m.sentence))

        joins = tuple(JoinRow(sentence(j.first), sentence(j.second), j.why) for j in event.joins)
        return EventView(event, named(event.actors), named(event.targets), named(event.bases),
                         named(event.places), claims("asserts"), claims("denies"), quotes,
                         joins)


def _mention_index(entities: Iterable[Entity]) -> MentionIndex:
    index: MentionIndex = defaultdict(dict)
    for entity in entities:
        for ref in entity.mentions:
            index[ref.source][ref.start] = (ref.end, entity)
    return index


def _events_by_entity(events: Iterable[Event]) -> dict[EntityId, list[Event]]:
    out: dict[EntityId, list[Event]] = defaultdict(list)
    for event in events:
        for entity_id in dict.fromkeys(event.actors + event.targets + event.bases + event.places):
            out[entity_id].append(event)
    return out


def _statements_by_speaker(
    events: Iterable[Event], links: Links
) -> dict[EntityId, list[Statement]]:
    """Each actor's claims, once per sentence, with the event they are about."""
    out: dict[EntityId, dict[tuple, Statement]] = defaultdict(dict)
    for event in events:
        for c in event.claims:
            if c.speaker_id is None:
                continue
            place = (links.order[c.source], sentence_number(c.sentence), c.cue)
            out[c.speaker_id].setdefault(place, Statement(
                c.stance, html_text(c.cue), links.sentence(c.source, c.sentence),
                html_text(c.text), html_text(event.title),
                links.event(event.id) if event.type != OTHER else "",
                html_text(links.sources[c.source].article.title),
            ))
    return {k: [v[key] for key in sorted(v)] for k, v in out.items()}


def _linked_sentence(
    sentence: Sentence, mentions: dict[int, tuple[int, Entity]], links: Links
) -> str:
    """The sentence as HTML, each resolved mention linked to its entity page."""
    out, cursor = [], sentence.start
    for start in sorted(m for m in mentions if sentence.start <= m < sentence.end):
        end, entity = mentions[start]
        if start < cursor:
            continue
        end = min(end, sentence.end)
        out.append(html_text(sentence.text[cursor - sentence.start : start - sentence.start]))
        label = html_text(sentence.text[start - sentence.start : end - sentence.start])
        out.append(f'<a href="{links.entity(entity.id)}" title="{html_text(entity.name)}">'
                   f"{label}</a>")
        cursor = end
    out.append(html_text(sentence.text[cursor - sentence.start :]))
    return "".join(out)


def _quote(parsed: ParsedArticle, sentence_id: str, spans: list[tuple[int, int]]) -> str:
    """A sentence quoted for a backlink, as HTML, with the mentioned words in bold."""
    sentence = parsed.sentence(sentence_id)  # type: ignore[arg-type]
    out, cursor = [], sentence.start
    for start, end in sorted(spans):
        if start < cursor:
            continue
        out.append(html_text(parsed.article.text[cursor:start]))
        out.append(f"<strong>{html_text(parsed.article.text[start:end])}</strong>")
        cursor = end
    out.append(html_text(parsed.article.text[cursor : sentence.end]))
    return "".join(out)


@dataclass(frozen=True)
class SuggestionView:
    """A suggested merge or page to drop, for the report page (at the site's top level)."""

    action: str
    score: float
    why: str
    line: str  # to paste into the curation file
    entities: tuple[NamedLink, ...]
    evidence: tuple[str, ...]  # links to the sentences that suggest it


def suggestion_view(suggestion: Suggestion, links: Links) -> SuggestionView:
    return SuggestionView(
        suggestion.action, suggestion.score, suggestion.why, suggestion.curation_line(),
        tuple(NamedLink(links.entities[i].name, links.entity(i, depth=0))
              for i in suggestion.ids),
        tuple(links.sentence(source, sentence, depth=0)
              for source, sentence in suggestion.evidence),
    )
