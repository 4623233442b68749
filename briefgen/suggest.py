"""suggest: pairs of entities that are probably one, and pages that are probably junk,
for the user to confirm in the curation file.

No general rule can know that "Daesh" is the Islamic State or that the Pentagon is the
Department of Defense, and joining on weak evidence would make one page of two actors.
A reader can tell in a second, given the evidence; so, as OpenRefine's clustering does,
the build lists what it did not dare join: ranked by confidence, each with the
sentences that name both and a line ready to paste into `seeds/curation.yml`. Nothing
here changes the briefing.

Signals, each explainable by what it saw:
- spelling: the names are close (rapidfuzz token-set ratio), compared only between
  names sharing a word, so the cost grows with the corpus, not with its square;
- acronym: a short capitalised name whose letters begin the other's words;
- part of a name: every word of one is in the other ("Revolutionary Guards");
- context: two organisations named with the same other entities but never with each
  other (two names of one actor are rarely written in one sentence); the weakest.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from rapidfuzz import fuzz

from briefgen.names import described_body, is_qualifier, load_rules
from briefgen.records import Briefing, Entity, EntityId, SentenceId, SourceId

SPELLING_MIN_RATIO = 85
CONTEXT_MIN_COSINE = 0.6
CONTEXT_MIN_MENTIONS = 3
# A word or neighbour shared by more entities than this says nothing about a pair.
MAX_POSTING = 40
MAX_SUGGESTIONS = 100
CONTEXT_SKIPS = frozenset({"person", "state", "place"})
# "al-Asad", "d'Affaires": a lower-case article joined to a name is part of it.
ARTICLE = re.compile(rf"(?:{load_rules().article_any}|d)['’\-\u2014\u2013]", re.I)
NAME_PARTICLES = frozenset({"al", "el", "ad", "bin", "ibn", "abu", "of", "and", "the", "de",
                            "la", "in", "for", "to", "on"})


@dataclass(frozen=True)
class Suggestion:
    action: Literal["merge", "ignore"]
    ids: tuple[EntityId, ...]
    names: tuple[str, ...]
    score: float  # 0..1, higher is surer
    why: str
    # The first sentence naming each entity: what the user reads to decide.
    evidence: tuple[tuple[SourceId, SentenceId], ...]

    def curation_line(self) -> str:
        """The line to paste under `merge:` or `ignore:` (JSON strings are YAML)."""
        quoted = [json.dumps(n, ensure_ascii=False) for n in self.names]
        return f"- [{', '.join(quoted)}]" if self.action == "merge" else f"- {quoted[0]}"

    def as_json(self) -> dict:
        return {"action": self.action, "ids": list(self.ids), "names": list(self.names),
                "score": self.score, "why": self.why, "curation": self.curation_line(),
                "evidence": [{"source": s, "sentence": n} for s, n in self.evidence]}


def suggestions(briefing: Briefing) -> tuple[Suggestion, ...]:
    entities = {e.id: e for e in briefing.entities}
    together = _named_together(briefing.entities)
    found: dict[tuple[EntityId, EntityId], tuple[float, str]] = {}

    def offer(a: EntityId, b: EntityId, score: float, why: str) -> None:
        pair = (min(a, b), max(a, b))
        if a == b or pair in together or entities[a].kind != entities[b].kind:
            return
        if score > found.get(pair, (0.0, ""))[0]:
            found[pair] = (score, why)

    for a, b, ratio in _close_spellings(briefing.entities):
        offer(a, b, 0.5 + 0.4 * (ratio - SPELLING_MIN_RATIO) / (100 - SPELLING_MIN_RATIO),
              f"spelt alike ({ratio:.0f}% similar)")
    for a, b in _acronyms(briefing.entities):
        offer(a, b, 0.7, "acronym of the other's name")
    for a, b in _parts_of_names(briefing.entities):
        offer(a, b, 0.6, "every word of one is in the other's name")
    for a, b, cosine in _shared_context(briefing.entities):
        offer(a, b, 0.2 + 0.3 * cosine,
              f"named with the same others ({cosine:.0%} alike), never with each other")
    merges = []
    for (a, b), (score, why) in found.items():
        keep, other = sorted((entities[a], entities[b]), key=lambda e: (-len(e.mentions), e.id))
        merges.append(Suggestion("merge", (keep.id, other.id), (keep.name, other.name),
                                 round(score, 2), why, (_first(keep), _first(other))))
    ignores = [Suggestion("ignore", (e.id,), (e.name,), 0.5, why, (_first(e),))
               for e in briefing.entities if (why := _junk_reason(e))]
    ranked = sorted(merges + ignores, key=lambda s: (-s.score, s.action, s.ids))
    return tuple(ranked[:MAX_SUGGESTIONS])


def _first(entity: Entity) -> tuple[SourceId, SentenceId]:
    ref = entity.mentions[0]
    return ref.source, ref.sentence


def _named_together(entities: Iterable[Entity]) -> set[tuple[EntityId, EntityId]]:
    """Pairs named in one sentence: two spans of one sentence are two things."""
    in_sentence: dict[tuple[str, str], set[EntityId]] = defaultdict(set)
    for e in entities:
        for ref in e.mentions:
            in_sentence[(ref.source, ref.sentence)].add(e.id)
    return {(a, b) for ids in in_sentence.values() if len(ids) < MAX_POSTING
            for a, b in combinations(sorted(ids), 2)}


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"\w+", name.casefold()) if w not in NAME_PARTICLES]


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _postings(
    entities: Iterable[Entity], key: Callable[[Entity], Iterable[str]]
) -> Iterable[list[Entity]]:
    """Entities grouped by each value `key` gives them, small groups only."""
    index: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        for value in set(key(e)):
            index[value].append(e)
    return (group for group in index.values() if 1 < len(group) <= MAX_POSTING)


def _close_spellings(entities: Iterable[Entity]) -> Iterable[tuple[EntityId, EntityId, float]]:
    seen: set[tuple[EntityId, EntityId]] = set()
    for group in _postings(entities, lambda e: (_stem(w) for w in _words(e.name) if len(w) > 3)):
        for a, b in combinations(group, 2):
            pair = (a.id, b.id)
            if pair in seen:
                continue
            seen.add(pair)
            # token_sort, not token_set: a name inside a longer one is "part of a name"
            ratio = fuzz.token_sort_ratio(a.name.casefold(), b.name.casefold())
            if ratio >= SPELLING_MIN_RATIO and not _other_country(a, b):
                yield a.id, b.id, ratio


def _other_country(a: Entity, b: Entity) -> bool:
    """"Iraqi Foreign Ministry" and "Iranian Foreign Ministry" are spelt alike and are
    two ministries: names that differ in a country word are not one entity."""
    differ = set(_words(a.name)) ^ set(_words(b.name))
    rules = load_rules()
    return any(is_qualifier(word, rules) for word in differ)


def _acronyms(entities: list[Entity] | tuple[Entity, ...]) -> Iterable[tuple[EntityId, EntityId]]:
    by_initials: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        words = [w for w in re.findall(r"[A-Za-z]\w*", e.name) if w.casefold() not in
                 NAME_PARTICLES]
        if len(words) >= 2:
            by_initials["".join(w[0] for w in words).upper()].append(e)
    for e in entities:
        if re.fullmatch(r"[A-Z]{2,6}", e.name):
            for full in by_initials.get(e.name, []):
                yield e.id, full.id


def _parts_of_names(entities: Iterable[Entity]) -> Iterable[tuple[EntityId, EntityId]]:
    entities = list(entities)
    words = {e.id: {_stem(w) for w in _words(e.name)} for e in entities}
    for group in _postings(entities, lambda e: words[e.id]):
        for a, b in combinations(group, 2):
            small, large = sorted((a, b), key=lambda e: len(words[e.id]))
            if len(words[small.id]) >= 2 and words[small.id] < words[large.id]:
                yield small.id, large.id


def co_mentions(entities: Iterable[Entity]) -> dict[EntityId, Counter[EntityId]]:
    """Entities named in the same sentence, counted once per sentence."""
    in_sentence: dict[tuple[SourceId, SentenceId], set[EntityId]] = defaultdict(set)
    for entity in entities:
        for ref in entity.mentions:
            in_sentence[(ref.source, ref.sentence)].add(entity.id)
    related: dict[EntityId, Counter[EntityId]] = defaultdict(Counter)
    for ids in in_sentence.values():
        for a in ids:
            related[a].update(b for b in ids if b != a)
    return related


def _shared_context(entities: Iterable[Entity]) -> Iterable[tuple[EntityId, EntityId, float]]:
    """Cosine of the co-mention profiles of two organisations or groups of one type
    (places and people named in one story share their company by nature)."""
    entities = [e for e in entities if len(e.mentions) >= CONTEXT_MIN_MENTIONS
                and e.kind == "actor" and e.type not in CONTEXT_SKIPS]
    profile = co_mentions(entities)
    kinds = {e.id: (e.kind, e.type) for e in entities}
    seen: set[tuple[EntityId, EntityId]] = set()
    for group in _postings(entities, lambda e: profile[e.id].keys()):
        for one, other in combinations(group, 2):
            pair = (one.id, other.id)
            if pair in seen or kinds[one.id] != kinds[other.id]:
                continue
            seen.add(pair)
            cosine = _cosine(profile[one.id], profile[other.id])
            if cosine >= CONTEXT_MIN_COSINE:
                yield one.id, other.id, cosine


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(n * b[k] for k, n in a.items() if k in b)
    norm = math.sqrt(sum(n * n for n in a.values())) * math.sqrt(sum(n * n for n in b.values()))
    return dot / norm if norm else 0.0


def _junk_reason(entity: Entity) -> str:
    """Why a page is probably not an entity at all, or ""."""
    words = entity.name.split()
    lower = [w for w in words[1:] if w[:1].islower() and w.casefold() not in NAME_PARTICLES
             and not ARTICLE.match(w)]
    if len(words) >= 2 and lower and described_body(entity.name, load_rules()) is None:
        return f"a lower-case word in the name ({lower[0]!r}): probably not a name"
    return ""
