"""events: sentences + entities → Event records with their claims.

1. Mentions: a trigger of the lexicon (data/events.yml) in a sentence, with its roles
   from the parse — actors in the trigger's subject, targets in its object, the bases and
   places of the sentence, the stated date, a quantity ("1,500 troops").
2. Claims: attributions in the same sentence (see claims.py) belong to its events.
3. Clustering, deterministic and explainable: two mentions of one type are one event
   when their dates are compatible, their bases do not conflict, and they share an
   anchor — any entity but a whole country within one article; across articles a base,
   a person among the actors, or two entities that are not countries. Within an article a
   mention also joins one of its type up to two sentences before it ("the deployment").
   Joins follow document order, so the same inputs always give the same events.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import combinations

import pycountry
import yaml
from slugify import slugify

from briefgen.claims import (
    ClaimRules,
    Located,
    SpeakerMemory,
    children,
    sentence_claims,
    subtree,
)
from briefgen.dates import StatedDate, compatible, normalise, parse_published
from briefgen.records import (
    Claim,
    Entity,
    EntityId,
    Event,
    EventMention,
    ParsedArticle,
    Sentence,
    SourceId,
    Token,
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj", "poss"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "attr", "oprd", "prep"})
TRIGGER_POS = frozenset({"VERB", "NOUN"})
# A mention joins one of the same type in the same article up to this many sentences back.
FOLLOW_WITHIN_SENTENCES = 2
# Attributions with no event of a listed type: exported, clustered, never given a page.
OTHER = "other"
NOT_WHEN = re.compile(r"\b(?:since|until|till|before|after|by|from)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class TypeRule:
    label: str
    lemmas: frozenset[str]
    lemmas_with: dict[str, frozenset[str]]
    nouns_modified: dict[str, frozenset[str]]


@dataclass(frozen=True)
class Lexicon:
    types: dict[str, TypeRule]
    claims: ClaimRules
    quantity: re.Pattern


@cache
def load_lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files("briefgen").joinpath("data/events.yml").read_text())
    types = {
        name: TypeRule(
            label=spec["label"],
            lemmas=frozenset(spec.get("lemmas", [])),
            lemmas_with={k: frozenset(v) for k, v in (spec.get("lemmas_with") or {}).items()},
            nouns_modified={
                k: frozenset(v) for k, v in (spec.get("nouns_modified") or {}).items()
            },
        )
        for name, spec in data["types"].items()
    }
    cues = data["claims"]
    stance = {lemma: s for s in ("asserts", "denies") for lemma in cues[s]}
    nouns = "|".join(re.escape(n) for n in data["quantity_nouns"])
    return Lexicon(
        types=types,
        claims=ClaimRules(stance, frozenset(cues["according_to"]),
                          frozenset(cues["denial_words"])),
        quantity=re.compile(
            rf"\b((?:\d[\d,.]*|hundreds|thousands|dozens)\s+(?:of\s+)?(?:[A-Z][\w.-]*\s+)?"
            rf"(?:more\s+|additional\s+|new\s+)?(?:{nouns}))\b"
        ),
    )


@dataclass(frozen=True)
class Found:
    """One event mention with its roles, before mentions are clustered into events."""

    type: str
    order: int  # position in the corpus: article order, then sentence
    mention: EventMention
    actors: tuple[EntityId, ...]
    targets: tuple[EntityId, ...]
    bases: tuple[EntityId, ...]
    places: tuple[EntityId, ...]
    others: tuple[EntityId, ...]  # every entity of the sentence
    date: StatedDate | None
    quantity: str
    claims: tuple[Claim, ...]


def extract_events(
    articles: Sequence[ParsedArticle], entities: Sequence[Entity]
) -> tuple[Event, ...]:
    lexicon = load_lexicon()
    spans = _entity_spans(entities)
    found: list[Found] = []
    for article in articles:
        found.extend(_article_events(article, spans.get(article.article.source_id, []), lexicon,
                                     order=len(found)))
    by_id = {e.id: e for e in entities}
    people = frozenset(e.id for e in entities if e.type == "person")
    return _events(cluster(found, _country_ids(entities), people), by_id, lexicon)


def _entity_spans(entities: Sequence[Entity]) -> dict[SourceId, list[Located]]:
    spans: dict[SourceId, list[Located]] = defaultdict(list)
    for entity in entities:
        for ref in entity.mentions:
            spans[ref.source].append(Located(ref.start, ref.end, entity))
    return {source: sorted(found, key=lambda m: (m.start, m.end)) for source, found in
            spans.items()}


def _article_events(
    article: ParsedArticle, spans: list[Located], lexicon: Lexicon, order: int
) -> Iterable[Found]:
    source = article.article.source_id
    published = parse_published(article.article.published)
    memory = SpeakerMemory()
    for sentence in article.sentences:
        located = [m for m in spans if sentence.start <= m.start < sentence.end]
        claims = tuple(sentence_claims(sentence, source, located, lexicon.claims, memory))
        speakers = {c.speaker_id for c in claims if c.speaker_id}
        seen: set[str] = set()
        for token in sentence.tokens:
            event_type = _trigger_type(token, sentence, lexicon)
            if event_type is None or event_type in seen:
                continue
            seen.add(event_type)
            yield _found(article, sentence, token, event_type, located, speakers, claims,
                         published, lexicon, order)
            order += 1
        if claims and not seen:  # said about something of no listed type: kept, not paged
            cue = next(t for t in sentence.tokens if t.text == claims[0].cue)
            yield _found(article, sentence, cue, OTHER, located, speakers, claims,
                         published, lexicon, order)
            order += 1


def _found(
    article: ParsedArticle,
    sentence: Sentence,
    trigger: Token,
    event_type: str,
    located: list[Located],
    speakers: set[EntityId],
    claims: tuple[Claim, ...],
    published,
    lexicon: Lexicon,
    order: int,
) -> Found:
    subject = _role_span(sentence, trigger, SUBJECT_DEPS)
    obj = _role_span(sentence, trigger, OBJECT_DEPS)
    actors = [m.entity.id for m in located if m.entity.kind == "actor" and _inside(m, subject)]
    targets = [m.entity.id for m in located if m.entity.kind == "actor" and _inside(m, obj)
               and m.entity.id not in actors]
    if not actors:  # "the deployment of X", "X were deployed": actors in the trigger's phrase
        own = _role_span(sentence, trigger, None)
        actors = [m.entity.id for m in located if m.entity.kind == "actor" and _inside(m, own)
                  and m.entity.id not in speakers and m.entity.id not in targets]
    quantity = lexicon.quantity.search(sentence.text)
    return Found(
        type=event_type,
        order=order,
        mention=EventMention(article.article.source_id, sentence.id, trigger.text),
        actors=_unique(actors),
        targets=_unique(targets),
        bases=_unique(m.entity.id for m in located if m.entity.kind == "base"),
        places=_unique(m.entity.id for m in located if m.entity.kind == "place"),
        others=_unique(m.entity.id for m in located),
        date=_stated_date(article, sentence, published),
        quantity=quantity.group(1) if quantity else "",
        claims=claims,
    )


def _trigger_type(token: Token, sentence: Sentence, lexicon: Lexicon) -> str | None:
    if token.pos not in TRIGGER_POS:
        return None
    lemma = token.lemma.lower()
    words = None
    for name, rule in lexicon.types.items():
        if lemma in rule.lemmas:
            return name
        if lemma in rule.lemmas_with:
            words = words or {t.lemma.lower() for t in sentence.tokens} | {
                t.text.lower() for t in sentence.tokens}
            if words & rule.lemmas_with[lemma]:
                return name
        if lemma in rule.nouns_modified and token.pos == "NOUN":
            modifiers = {t.lemma.lower() for t in sentence.tokens if t.head == token.i
                         and t.dep in {"amod", "compound", "nummod"}}
            if modifiers & rule.nouns_modified[lemma]:
                return name
    return None


def _role_span(
    sentence: Sentence, head: Token, deps: frozenset[str] | None
) -> tuple[int, int] | None:
    """The span of the head's children with one of `deps` (all children when None)."""
    members = [t for child in children(sentence, head) if deps is None or child.dep in deps
               for t in subtree(sentence, child)]
    if not members:
        return None
    first, last = min(members, key=lambda t: t.i), max(members, key=lambda t: t.i)
    return first.start, last.start + len(last.text)


def _inside(mention: Located, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= mention.start < span[1]


def _stated_date(article: ParsedArticle, sentence: Sentence, published) -> StatedDate | None:
    """The first date of the sentence that says when, not since or until when."""
    text = article.article.text
    for mention in article.mentions:
        if mention.sentence == sentence.id and mention.label == "DATE":
            if NOT_WHEN.search(text[max(sentence.start, mention.start - 12) : mention.start]):
                continue
            stated = normalise(mention.text, published)
            if stated is not None:
                return stated
    return None


def _unique(ids: Iterable[EntityId]) -> tuple[EntityId, ...]:
    return tuple(dict.fromkeys(ids))


def _country_ids(entities: Sequence[Entity]) -> frozenset[EntityId]:
    """Entities that are whole countries: too broad to join two articles' events."""
    return frozenset(e.id for e in entities if e.kind != "base" and _is_country(e))


def _is_country(entity: Entity) -> bool:
    for name in [entity.name, *(a for a, _ in entity.aliases)]:
        try:
            pycountry.countries.lookup(name)
            return True
        except LookupError:
            continue
    return entity.type == "state"


def cluster(
    found: list[Found], countries: frozenset[EntityId], people: frozenset[EntityId]
) -> list[list[Found]]:
    """Group mentions into events (see the module docstring for the rule)."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b and _joinable(traits[a], traits[b]):
            keep, gone = min(a, b), max(a, b)
            parent[gone] = keep
            members[keep].extend(members.pop(gone))
            dates, bases = traits.pop(gone)
            traits[keep][0].update(dates)
            traits[keep][1].update(bases)

    members = {i: [f] for i, f in enumerate(found)}
    # Per group: its distinct dates and bases, kept up to date as groups join.
    traits = {i: ({f.date}, set(f.bases)) for i, f in enumerate(found)}
    by_anchor: dict[tuple, list[int]] = defaultdict(list)
    previous_of_type: dict[tuple[str, SourceId], int] = {}
    for i, f in enumerate(found):
        source = f.mention.source
        specific = sorted(e for e in f.others if e not in countries)
        anchors = [("in", source, e) for e in specific]
        anchors += [("across", e) for e in f.bases]
        anchors += [("across", e) for e in f.actors if e in people]
        anchors += [("across", *pair) for pair in combinations(specific, 2)]
        for anchor in anchors:
            by_anchor[(f.type, *anchor)].append(i)
        if (f.type, source) in previous_of_type:
            j = previous_of_type[(f.type, source)]
            if _sentence_number(f) - _sentence_number(found[j]) <= FOLLOW_WITHIN_SENTENCES:
                join(j, i)
        previous_of_type[(f.type, source)] = i
    for key in sorted(by_anchor, key=str):
        indices = by_anchor[key]
        for a, b in zip(indices, indices[1:], strict=False):
            join(a, b)
    groups = [sorted(members[r], key=lambda f: f.order) for r in {root(i) for i in members}]
    return sorted(groups, key=lambda g: g[0].order)


def _joinable(a: tuple[set, set[EntityId]], b: tuple[set, set[EntityId]]) -> bool:
    """Two groups, given as (dates, bases), may join when every pair of their dates is
    compatible and they do not name only different bases."""
    (dates_a, bases_a), (dates_b, bases_b) = a, b
    if not all(compatible(x, y) for x in dates_a for y in dates_b):
        return False
    return not (bases_a and bases_b and not bases_a & bases_b)


def _sentence_number(found: Found) -> int:
    return int(found.mention.sentence.removeprefix("s-"))


# Event ids are file names: the title's slug is cut at a word to stay well inside the
# file system's 255 bytes.
EVENT_SLUG_MAX_CHARS = 75


def _events(
    groups: list[list[Found]], by_id: dict[EntityId, Entity], lexicon: Lexicon
) -> tuple[Event, ...]:
    events = []
    used: set[str] = set()
    for group in groups:
        event_type = group[0].type
        label = lexicon.types[event_type].label if event_type != OTHER else "Statement"
        title = _title(group, by_id, label)
        # The first sentence that reports the event keeps its URL stable when articles
        # are added: no renumbering of "attack-in-iraq-2" into "-3".
        first = group[0].mention
        anchor = hashlib.sha1(f"{first.source}#{first.sentence}".encode()).hexdigest()[:4]
        short = slugify(title, max_length=EVENT_SLUG_MAX_CHARS, word_boundary=True)
        base_id = f"{short or event_type}-{anchor}"
        slug, n = base_id, 2
        while slug in used:
            slug, n = f"{base_id}-{n}", n + 1
        used.add(slug)
        dates = [f.date for f in group if f.date is not None]
        dated = [d for d in dates if d.dated]
        date = min(dated, key=lambda d: d.key) if dated else (dates[0] if dates else None)
        claims = tuple(dict.fromkeys(c for f in group for c in f.claims))
        events.append(Event(
            id=slug,
            title=title,
            type=event_type,
            date=date.shown if date else "",
            sort_date=date.key if date and date.dated else "",
            actors=_unique(a for f in group for a in f.actors),
            targets=_unique(t for f in group for t in f.targets),
            bases=_unique(b for f in group for b in f.bases),
            places=_unique(p for f in group for p in f.places),
            mentions=_unique_mentions(f.mention for f in group),
            claims=claims,
            quantity=next((f.quantity for f in group if f.quantity), ""),
        ))
    return tuple(sorted(events, key=lambda e: e.id))


def _title(group: list[Found], by_id: dict[EntityId, Entity], label: str) -> str:
    """What happened and where: "Deployment at Ain al-Asad", "Attack on X in Y",
    "Meeting or visit: A and B in Z"."""

    def ranked(ids: Iterable[EntityId]) -> list[str]:
        counts = Counter(ids)
        return [by_id[k].name for k in sorted(counts, key=lambda k: (-counts[k], k))]

    bases = ranked(b for f in group for b in f.bases)
    places = ranked(p for f in group for p in f.places)
    targets = ranked(t for f in group for t in f.targets)
    actors = ranked(a for f in group for a in f.actors)
    event_type = group[0].type
    title = label
    if event_type in {"meeting", "agreement", "vote"} and actors:
        title += ": " + " and ".join(actors[:2])
        return title + (f" in {places[0]}" if places else "")
    if targets and event_type in {"attack", "killing"}:
        title += f" {'of' if event_type == 'killing' else 'on'} {targets[0]}"
    elif actors and not bases:
        title += f" by {actors[0]}"
    if bases:
        title += f" at {bases[0]}"
    elif places:
        title += f" in {places[0]}"
    return title


def _unique_mentions(mentions: Iterable[EventMention]) -> tuple[EventMention, ...]:
    by_sentence: dict[tuple[SourceId, str], EventMention] = {}
    for mention in mentions:
        by_sentence.setdefault((mention.source, mention.sentence), mention)
    return tuple(by_sentence[k] for k in sorted(by_sentence, key=lambda k: (k[0], int(k[1][2:]))))
