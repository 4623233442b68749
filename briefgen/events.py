"""events: sentences + entities → Event and Claim records.

Triggers come from the lexicon in data/events.yml; roles from the dependency parse
(subject side → actors, object side → targets) and the entities of the sentence; claims
from attribution verbs ("said", "denied", "according to"). Mentions of one type sharing
their main base, place or actor become one event across articles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from slugify import slugify

from briefgen.records import (
    Claim,
    Entity,
    EntityId,
    Event,
    EventMention,
    ParsedArticle,
    Sentence,
    SentenceId,
    SourceId,
    Token,
)

SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent", "csubj"}
OBJECT_DEPS = {"dobj", "pobj", "attr", "oprd"}
PRONOUNS = {"he", "she"}


@dataclass(frozen=True)
class Lexicon:
    trigger_type: dict[str, str]
    labels: dict[str, str]
    requires_any: dict[str, frozenset[str]]
    stance: dict[str, str]


@cache
def load_lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files("briefgen").joinpath("data/events.yml").read_text())
    trigger_type = {}
    for name, spec in data["types"].items():
        for lemma in spec["lemmas"]:
            trigger_type.setdefault(lemma, name)
    stance = {lemma: s for s in ("asserts", "denies") for lemma in data["claims"][s]}
    stance.update({lemma: "asserts" for lemma in data["claims"]["according_to"]})
    return Lexicon(
        trigger_type=trigger_type,
        labels={name: spec["label"] for name, spec in data["types"].items()},
        requires_any={
            name: frozenset(spec.get("requires_any", [])) for name, spec in data["types"].items()
        },
        stance=stance,
    )


@dataclass(frozen=True)
class _Found:
    """One event mention with its roles, before mentions are grouped into events."""

    type: str
    mention: EventMention
    actors: tuple[EntityId, ...]
    targets: tuple[EntityId, ...]
    bases: tuple[EntityId, ...]
    places: tuple[EntityId, ...]
    date: str
    claims: tuple[Claim, ...]


def extract_events(
    articles: Sequence[ParsedArticle], entities: Sequence[Entity]
) -> tuple[Event, ...]:
    lexicon = load_lexicon()
    located = _entity_spans(entities)
    kinds = {e.id: e.kind for e in entities}
    found = [
        f
        for article in articles
        for f in _article_events(article, located, kinds, {e.id: e for e in entities}, lexicon)
    ]
    return _group(found, {e.id: e.name for e in entities}, lexicon)


def _entity_spans(entities: Sequence[Entity]) -> dict[SourceId, list[tuple[int, int, EntityId]]]:
    spans: dict[SourceId, list[tuple[int, int, EntityId]]] = defaultdict(list)
    for entity in entities:
        for ref in entity.mentions:
            spans[ref.source].append((ref.start, ref.end, entity.id))
    return {source: sorted(found) for source, found in spans.items()}


def _article_events(
    article: ParsedArticle,
    located: dict[SourceId, list[tuple[int, int, EntityId]]],
    kinds: dict[EntityId, str],
    by_id: dict[EntityId, Entity],
    lexicon: Lexicon,
) -> Iterable[_Found]:
    source = article.article.source_id
    spans = located.get(source, [])
    last_speaker: tuple[str, EntityId | None] | None = None
    for sentence in article.sentences:
        in_sentence = [s for s in spans if sentence.start <= s[0] < sentence.end]
        claims = tuple(_claims(sentence, source, in_sentence, by_id, lexicon, last_speaker))
        for claim in claims:
            if claim.speaker_id and by_id[claim.speaker_id].type == "person":
                last_speaker = (claim.speaker, claim.speaker_id)
        seen_types: set[str] = set()
        for token in sentence.tokens:
            event_type = _trigger_type(token, sentence, lexicon)
            if not event_type or event_type in seen_types:
                continue
            seen_types.add(event_type)
            subject = _subtree_span(sentence, token, SUBJECT_DEPS)
            obj = _subtree_span(sentence, token, OBJECT_DEPS)
            ids = [e for _, _, e in in_sentence]
            actors = [e for s, _, e in in_sentence if kinds[e] == "actor" and _inside(s, subject)]
            targets = [e for s, _, e in in_sentence if kinds[e] == "actor" and _inside(s, obj)]
            yield _Found(
                type=event_type,
                mention=EventMention(source, sentence.id, token.text),
                actors=_unique(actors or [e for e in ids if kinds[e] == "actor"]),
                targets=_unique(t for t in targets if t not in actors),
                bases=_unique(e for e in ids if kinds[e] == "base"),
                places=_unique(e for e in ids if kinds[e] == "place"),
                date=_stated_date(article, sentence),
                claims=claims,
            )


def _trigger_type(token: Token, sentence: Sentence, lexicon: Lexicon) -> str | None:
    if token.pos not in {"VERB", "NOUN"}:
        return None
    event_type = lexicon.trigger_type.get(token.lemma.lower())
    if event_type is None:
        return None
    required = lexicon.requires_any.get(event_type)
    if required and not any(t.lemma.lower() in required for t in sentence.tokens):
        return None
    return event_type


def _subtree_span(sentence: Sentence, head: Token, deps: set[str]) -> tuple[int, int] | None:
    """Character span of the first child of `head` with one of `deps`, and its subtree."""
    children = [t for t in sentence.tokens if t.head == head.i and t.i != head.i]
    for child in children:
        if child.dep in deps or (child.dep == "prep" and "pobj" in deps):
            members = _subtree(sentence, child)
            first, last = min(members, key=lambda t: t.i), max(members, key=lambda t: t.i)
            return first.start, last.start + len(last.text)
    return None


def _subtree(sentence: Sentence, root: Token) -> list[Token]:
    members, frontier = [root], [root.i]
    while frontier:
        current = frontier.pop()
        for token in sentence.tokens:
            if token.head == current and token.i != current:
                members.append(token)
                frontier.append(token.i)
    return members


def _inside(start: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= start < span[1]


def _claims(
    sentence: Sentence,
    source: SourceId,
    in_sentence: list[tuple[int, int, EntityId]],
    by_id: dict[EntityId, Entity],
    lexicon: Lexicon,
    last_speaker: tuple[str, EntityId | None] | None,
) -> Iterable[Claim]:
    for token in sentence.tokens:
        stance = lexicon.stance.get(token.lemma.lower())
        if stance is None or token.pos not in {"VERB", "ADJ", "ADP"}:
            continue
        speaker_span = (
            _subtree_span(sentence, token, {"pobj"}) if token.lemma.lower() == "according"
            else _subtree_span(sentence, token, SUBJECT_DEPS)
        )
        if speaker_span is None:
            continue
        speaker, speaker_id = _speaker(sentence, speaker_span, in_sentence, by_id, last_speaker)
        yield Claim(speaker, speaker_id, token.text, stance, source, sentence.id,  # type: ignore[arg-type]
                    sentence.text)


def _speaker(
    sentence: Sentence,
    span: tuple[int, int],
    in_sentence: list[tuple[int, int, EntityId]],
    by_id: dict[EntityId, Entity],
    last_speaker: tuple[str, EntityId | None] | None,
) -> tuple[str, EntityId | None]:
    named = [e for s, _, e in in_sentence if span[0] <= s < span[1] and by_id[e].kind == "actor"]
    if named:
        return by_id[named[0]].name, named[0]
    phrase = sentence.text[span[0] - sentence.start : span[1] - sentence.start]
    if phrase.lower() in PRONOUNS and last_speaker:
        return last_speaker
    return phrase, None


def _stated_date(article: ParsedArticle, sentence: Sentence) -> str:
    for mention in article.mentions:
        if mention.sentence == sentence.id and mention.label == "DATE":
            return mention.text
    return ""


def _unique(ids: Iterable[EntityId]) -> tuple[EntityId, ...]:
    return tuple(dict.fromkeys(ids))


def _group(
    found: list[_Found], names: dict[EntityId, str], lexicon: Lexicon
) -> tuple[Event, ...]:
    """One event per type and anchor (its first base, else place, else actor)."""
    groups: dict[tuple[str, EntityId], list[_Found]] = defaultdict(list)
    for f in found:
        anchor = (f.bases or f.places or f.actors or (None,))[0]
        if anchor is not None:
            groups[(f.type, anchor)].append(f)
    events = []
    for (event_type, anchor), members in sorted(groups.items()):
        where = "at" if anchor in {b for m in members for b in m.bases} else "involving"
        if anchor in {p for m in members for p in m.places}:
            where = "in"
        title = f"{lexicon.labels[event_type]} {where} {names[anchor]}"
        dates = [m.date for m in members if m.date]
        events.append(
            Event(
                id=slugify(f"{event_type}-{names[anchor]}"),
                title=title,
                type=event_type,
                date=dates[0] if dates else "",
                sort_date="",
                actors=_unique(a for m in members for a in m.actors),
                targets=_unique(t for m in members for t in m.targets),
                bases=_unique(b for m in members for b in m.bases),
                places=_unique(p for m in members for p in m.places),
                mentions=_unique_mentions(m.mention for m in members),
                claims=tuple(dict.fromkeys(c for m in members for c in m.claims)),
            )
        )
    return tuple(events)


def _unique_mentions(mentions: Iterable[EventMention]) -> tuple[EventMention, ...]:
    by_sentence: dict[tuple[SourceId, SentenceId], EventMention] = {}
    for mention in mentions:
        by_sentence.setdefault((mention.source, mention.sentence), mention)
    return tuple(by_sentence[k] for k in sorted(by_sentence, key=lambda k: (k[0], int(k[1][2:]))))
