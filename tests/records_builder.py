"""Hand-made parses for stage tests: a `ParsedArticle` built from text and the few
annotations a rule reads, so a test of resolve, events or claims pins the rule and not
what the statistical model happens to tag.

    art = article(
        S("Kataib Rahma attacked Camp Falcon on Monday.",
          attacked="VERB:attack", Rahma="PROPN nsubj>attacked", Falcon="PROPN dobj>attacked"),
        "The ministry gave no details.",
        ents={"Kataib Rahma": "ORG", "Camp Falcon": "FAC", "Monday": "DATE"},
    )

- **Sentences** are given one by one (a plain string or an `S`) and joined with a space
  into one paragraph; their ids are `s-1`, `s-2`, … in order, as the nlp stage gives.
- **Tokens** come from spaCy's rule-based English tokenizer (`spacy.blank("en")`, the
  tokenizer the real pipeline uses: "al-Asad" is "al", "-", "Asad"), deterministic and
  without a model. A token nobody annotated gets no part of the parse: its own head
  (a root with no dependents), no dependency label, its text as lemma, and part of
  speech `PUNCT` for punctuation, `X` otherwise; except inside an entity span, which is
  a flat name as the parser gives one: `PROPN` words hanging from the span's last word
  as `compound` (so annotating "Rahma" as a subject makes "Kataib Rahma" the subject).
- **Annotations** are keyed by the token's text, `"word#2"` for its second occurrence in
  the sentence, and written `"POS[:lemma] [dep[>head]]"`:
  `"VERB:attack"` (a root verb, lemma "attack"), `"PROPN nsubj>attacked"`,
  `"PART neg>attacked"`, `"AUX aux>strike"`. The head is named like a key. A dependency
  without a head is a root (`"VERB:say ROOT"`).
- **Entity spans** (`ents`, surface → NER label) are tagged at every whole-word
  occurrence in the article; longer surfaces first, never overlapping. A surface that
  gets no span of its own is an error.
- The records go through briefgen's own cache format: the builder writes the payload
  `nlp.doc_to_payload` would write and reads it back with `nlp.payload_to_parsed`.

`entities()` makes `Entity` records for the events stage by hand as well (kind, type,
aliases), so an events test need not go through resolve's rules either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import spacy
from slugify import slugify

from briefgen.nlp import payload_to_parsed
from briefgen.records import (
    Article,
    Entity,
    EntityId,
    Kind,
    MentionRef,
    ParsedArticle,
    SourceId,
)


@dataclass(frozen=True, init=False)
class S:
    """One sentence and the parse of the tokens a rule reads (see the module's doc)."""

    text: str
    parse: Mapping[str, str]

    def __init__(self, text: str, parse: Mapping[str, str] | None = None, /, **tokens: str):
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "parse", {**(parse or {}), **tokens})


@cache
def _tokenizer():
    return spacy.blank("en").tokenizer


def article(
    *sentences: str | S,
    ents: Mapping[str, str] | None = None,
    source: str = "a0",
    published: str = "",
    title: str = "",
) -> ParsedArticle:
    """A parsed article of `sentences` (one paragraph) with NER spans `ents`."""
    given = [s if isinstance(s, S) else S(s) for s in sentences]
    text = " ".join(s.text for s in given)
    spans = _entity_spans(text, ents or {})
    payload_sentences, at = [], 0
    for sentence in given:
        if sentence.text != sentence.text.strip() or not sentence.text:
            raise ValueError(f"a sentence without outer spaces, please: {sentence.text!r}")
        tokens = _tokens(sentence, at, spans)
        payload_sentences.append({"start": at, "end": at + len(sentence.text), "tokens": tokens})
        at += len(sentence.text) + 1
    payload = {"sentences": payload_sentences,
               "mentions": [{"start": b, "end": e, "label": label} for b, e, label in spans]}
    record = Article(SourceId(source), f"seeds/{source}.txt", title or source.upper(), text,
                     source, published=published)
    return payload_to_parsed(record, payload)


def _tokens(sentence: S, offset: int, spans: list[tuple[int, int, str]]) -> list[list]:
    doc = _tokenizer()(sentence.text)
    keys: dict[str, int] = {}
    seen: dict[str, int] = {}
    for token in doc:
        seen[token.text] = seen.get(token.text, 0) + 1
        keys[f"{token.text}#{seen[token.text]}"] = token.i
        keys.setdefault(token.text, token.i)

    def index(key: str) -> int:
        if key not in keys:
            raise KeyError(f"no token {key!r} in {sentence.text!r}: {[t.text for t in doc]}")
        return keys[key]

    rows = []
    for token in doc:
        start = offset + token.idx
        pos = "PUNCT" if token.is_punct else "X"
        dep, head = "", token.i
        span = next(((b, e) for b, e, _ in spans if b <= start < e), None)
        if span is not None:  # a name: proper nouns hanging from its last word
            last = max(t.i for t in doc if offset + t.idx < span[1])
            pos = "PUNCT" if token.is_punct else "PROPN"
            if token.i != last:
                dep, head = ("punct" if token.is_punct else "compound"), last
        rows.append([token.i, token.text, token.text, pos, dep, head, start])
    for key, spec in sentence.parse.items():
        row = rows[index(key)]
        pos, _, rest = spec.partition(" ")
        pos, _, lemma = pos.partition(":")
        dep, _, head = rest.strip().partition(">")
        row[2] = lemma or row[1]
        row[3] = pos
        row[4] = dep or "ROOT"
        row[5] = index(head) if head else row[0]
    return rows


def _occurrences(text: str, surface: str) -> Iterable[tuple[int, int]]:
    for match in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w])", text):
        yield match.span()


def _entity_spans(text: str, ents: Mapping[str, str]) -> list[tuple[int, int, str]]:
    taken: list[tuple[int, int, str]] = []
    for surface in sorted(ents, key=lambda s: (-len(s), s)):
        for start, end in _occurrences(text, surface):
            if not any(start < e and b < end for b, e, _ in taken):
                taken.append((start, end, ents[surface]))
    if missing := [s for s in ents if not any(text[b:e] == s for b, e, _ in taken)]:
        raise ValueError(f"entity spans never tagged (not in the text as a whole word, or "
                         f"only inside a longer one): {missing}")
    return sorted(taken)


def entities(
    articles: Sequence[ParsedArticle],
    table: Mapping[str, tuple[Kind, str] | tuple[Kind, str, tuple[str, ...]]],
) -> tuple[Entity, ...]:
    """Entities as resolve would hand them on, made by hand: name → (kind, type) or
    (kind, type, other surfaces). Each is mentioned wherever its name or another surface
    stands as a whole word in an article; its id is the name's slug."""
    out = []
    for name, (kind, entity_type, *more) in table.items():
        surfaces = (name, *(more[0] if more else ()))
        refs = sorted(
            (MentionRef(a.article.source_id, _sentence_at(a, b).id, b, e, a.article.text[b:e])
             for a in articles for s in surfaces for b, e in _occurrences(a.article.text, s)),
            key=lambda r: (r.source, r.start))
        if not refs:
            raise ValueError(f"{name!r} is named in no article")
        counts: dict[str, int] = {}
        for ref in refs:
            counts[ref.text] = counts.get(ref.text, 0) + 1
        out.append(Entity(EntityId(slugify(name)), name, kind, entity_type,
                          tuple(sorted(counts.items())), tuple(refs)))
    return tuple(out)


def _sentence_at(parsed: ParsedArticle, start: int):
    return next(s for s in parsed.sentences if s.start <= start < s.end)
