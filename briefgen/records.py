"""Typed records passed between pipeline stages.

Every stage takes and returns these frozen dataclasses, never spaCy objects or dicts,
so a stage can be tested on hand-made records and the NLP result can be cached as JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, NewType

SourceId = NewType("SourceId", str)
EntityId = NewType("EntityId", str)
SentenceId = NewType("SentenceId", str)

Kind = Literal["actor", "base", "place"]
Stance = Literal["asserts", "denies"]


@dataclass(frozen=True)
class Problem:
    """Something the user should fix in their inputs; the build goes on without it."""

    path: str
    reason: str
    severity: Literal["skipped", "dropped", "warning"] = "skipped"


@dataclass(frozen=True)
class Article:
    """One readable input file, cleaned: `text` holds paragraphs separated by blank lines."""

    source_id: SourceId
    path: str
    title: str
    text: str
    content_hash: str
    outlet: str = ""
    url: str = ""
    published: str = ""
    author: str = ""
    dropped: tuple[str, ...] = ()
    # What was wrong with the file's metadata and left out (a `javascript:` url, a date
    # that is none): reported, the article itself is kept.
    warnings: tuple[str, ...] = ()
    # The place its dateline names, a paragraph of `text` of its own ("ERBIL, Kurdistan
    # Region"); "" when it has none.
    dateline: str = ""


class Token(NamedTuple):
    """The part of spaCy's parse that later stages (events, claims) read. A named tuple,
    not a dataclass: a corpus holds millions, built straight from cached rows."""

    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    start: int


SENTENCE_PREFIX = "s-"


def sentence_anchor(number: int) -> SentenceId:
    """The id of an article's n-th sentence (from 1), which backlinks point at."""
    return SentenceId(f"{SENTENCE_PREFIX}{number}")


def sentence_number(sentence_id: str) -> int:
    return int(sentence_id.removeprefix(SENTENCE_PREFIX))


@dataclass(frozen=True, slots=True)
class Sentence:
    id: SentenceId
    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[Token, ...] = ()
    # The parse tree's lookups, built on first use: the event and claim rules walk one
    # sentence's tree many times. Not part of the record's value.
    _tree: tuple[dict[int, Token], dict[int, tuple[Token, ...]]] | None = field(
        default=None, init=False, compare=False, repr=False)

    def by_index(self) -> dict[int, Token]:
        """Token index -> token (a head is given by its index)."""
        return self._lookups()[0]

    def dependents(self) -> dict[int, tuple[Token, ...]]:
        """Token index -> its dependents, in sentence order."""
        return self._lookups()[1]

    def _lookups(self) -> tuple[dict[int, Token], dict[int, tuple[Token, ...]]]:
        if self._tree is None:
            found: dict[int, list[Token]] = {}
            for token in self.tokens:
                if token.head != token.i:
                    found.setdefault(token.head, []).append(token)
            object.__setattr__(self, "_tree", ({t.i: t for t in self.tokens},
                                               {h: tuple(k) for h, k in found.items()}))
        assert self._tree is not None
        return self._tree


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity span; offsets are characters into `Article.text`."""

    sentence: SentenceId
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class ParsedArticle:
    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    # The NLP cache key of this parse ("" when made by hand): results derived from the
    # parse alone are cached under it.
    parse_key: str = ""
    # Set on an article read from the cache as an outline (sentences and names, no
    # tokens): what reads its full parse. A rebuild needs the tokens only where a
    # stage's own cache misses, and reading every article's tokens was most of it.
    tokens_from: Callable[[], ParsedArticle] | None = field(
        default=None, compare=False, repr=False)

    def sentence(self, sentence_id: SentenceId) -> Sentence:
        return self.sentences[sentence_number(sentence_id) - 1]

    def with_tokens(self) -> ParsedArticle:
        """This article with its sentences' tokens (itself when it has them): call it
        before reading `Sentence.tokens`, which an outline leaves empty."""
        return self if self.tokens_from is None else self.tokens_from()


@dataclass(frozen=True, slots=True)
class MentionRef:
    """A mention as seen from an entity: which sentence of which source, and the span."""

    source: SourceId
    sentence: SentenceId
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    id: EntityId
    name: str
    kind: Kind
    type: str
    aliases: tuple[tuple[str, int], ...]
    mentions: tuple[MentionRef, ...]
    roles: tuple[str, ...] = ()
    # Shorter names readers search for ("al-Sudani", "al-Nujaba"), unique in the corpus.
    short_forms: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[SourceId, ...]:
        return tuple(sorted({m.source for m in self.mentions}))


@dataclass(frozen=True, slots=True)
class Claim:
    speaker: str
    speaker_id: EntityId | None
    cue: str
    stance: Stance
    source: SourceId
    sentence: SentenceId
    text: str


@dataclass(frozen=True, slots=True)
class EventMention:
    source: SourceId
    sentence: SentenceId
    trigger: str


@dataclass(frozen=True)
class EventJoin:
    """Why two sentences are told as one event: the rule that joined them, in words a
    reader can check against the sentences."""

    first: EventMention
    second: EventMention
    why: str


# The event type of attributions about no event of a listed type: exported, clustered,
# never given a page.
OTHER = "other"


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    type: str
    date: str
    sort_date: str
    actors: tuple[EntityId, ...]
    targets: tuple[EntityId, ...]
    bases: tuple[EntityId, ...]
    places: tuple[EntityId, ...]
    mentions: tuple[EventMention, ...]
    claims: tuple[Claim, ...] = ()
    quantity: str = ""  # "1,500 troops", as stated
    joins: tuple[EventJoin, ...] = ()  # why its sentences are one event


@dataclass(frozen=True)
class Briefing:
    """Everything the render stage needs: the collected result of all earlier stages."""

    articles: tuple[ParsedArticle, ...]
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    problems: tuple[Problem, ...] = field(default=())
    # Entity URLs of earlier builds that now live elsewhere: (old url, new url).
    redirects: tuple[tuple[str, str], ...] = field(default=())
