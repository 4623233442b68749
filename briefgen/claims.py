"""Claims: who says what in a sentence, and whether they assert or deny it.

A claim hangs on an attribution cue of the lexicon ("said", "denied", "according to").
Its speaker is the named actor in the cue's subject (or in the object of "according
to"); a pronoun is the last named speaker of the article; otherwise the phrase itself
("a security source"). A neutral cue whose reported content is negated ("there is no
mobilization", "we have not received anything") denies rather than asserts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ftfy

from briefgen.language import english
from briefgen.records import Claim, Entity, EntityId, Sentence, SourceId, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
PRONOUNS = english().pronouns
PERSONAL_PRONOUNS = english().personal_pronouns
# A described speaker is a noun phrase ("a security source"), not a clause.
MAX_SPEAKER_WORDS = 8
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj"})
# A cue in these relations shares its head's subject ("…, saying", "and said").
SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj"})
# Clauses that describe a speaker rather than name it ("…, speaking on condition of
# anonymity,", "…, who declined to be named,").
DESCRIBING_DEPS = frozenset({"acl", "relcl", "advcl"})
RESPONSIBILITY_VERBS = frozenset({"take", "assume", "claim"})
INSERTED_CUE_DEPS = frozenset({"conj", "parataxis", "ccomp"})


@dataclass(frozen=True)
class ClaimRules:
    stance: dict[str, str]  # cue lemma -> asserts | denies
    according: frozenset[str]
    denial_words: frozenset[str]
    # "No casualties were reported": a negated toll tells what an event did, not that
    # it did not happen.
    toll_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Located:
    """An entity mention inside the sentence being read (character offsets)."""

    start: int
    end: int
    entity: Entity


class SpeakerMemory:
    """The last named person who spoke in the article, for "he said", and the named body
    that spoke in the sentence just before, for "it added" ("it" further on may be
    anything: another body, the attack, the statement)."""

    def __init__(self) -> None:
        self.last: tuple[str, EntityId] | None = None
        self.last_body: tuple[str, EntityId] | None = None
        self.body_said: tuple[str, EntityId] | None = None  # in the sentence being read

    def next_sentence(self) -> None:
        self.last_body, self.body_said = self.body_said, None


def sentence_claims(
    sentence: Sentence,
    source: SourceId,
    located: Sequence[Located],
    rules: ClaimRules,
    memory: SpeakerMemory,
) -> list[Claim]:
    claims = []
    for token in sentence.tokens:
        claim = _claim_at(token, sentence, source, located, rules, memory)
        if claim is not None:
            claims.append(claim)
            if claim.speaker_id and _person(located, claim.speaker_id):
                memory.last = (claim.speaker, claim.speaker_id)
            elif claim.speaker_id:
                memory.body_said = (claim.speaker, claim.speaker_id)
    memory.next_sentence()
    return claims


def _claim_at(
    token: Token,
    sentence: Sentence,
    source: SourceId,
    located: Sequence[Located],
    rules: ClaimRules,
    memory: SpeakerMemory,
) -> Claim | None:
    lemma = token.lemma.lower()
    if token.text.lower() in rules.according and token.pos in {"VERB", "ADP"}:
        speaker_tokens = _child_subtree(sentence, token, {"prep"}, then={"pobj"})
        stance = "asserts"
    elif (lemma in rules.stance or _takes_responsibility(token, sentence)) and (
            token.pos == "VERB"):
        speaker_tokens = _speaker_phrase(sentence, token)
        head = sentence.by_index().get(token.head, token)
        if not speaker_tokens and token.dep in {"acl", "relcl"}:  # "X reported that …"
            own = {t.i for t in subtree(sentence, token)}
            speaker_tokens = sorted((t for t in subtree(sentence, head) if t.i not in own),
                                    key=lambda t: t.i)
        elif not speaker_tokens and token.dep in SHARED_SUBJECT_DEPS and head is not token:
            # "…issued a statement, saying that …", "attacked the base and said …"
            speaker_tokens = _speaker_phrase(sentence, head)
        stance = rules.stance.get(lemma, "asserts")
    else:
        return None
    if not speaker_tokens:
        return None
    first, last = speaker_tokens[0], speaker_tokens[-1]
    span = (first.start, last.start + len(last.text))
    members = {t.i for t in speaker_tokens}
    head = next((t for t in speaker_tokens if t.head not in members or t.head == t.i), first)
    speaker, speaker_id = _speaker(sentence, span, head, located, memory)
    if not speaker:
        return None
    if stance == "asserts" and _negated_content(sentence, token, speaker_tokens, rules):
        stance = "denies"
    return Claim(speaker, speaker_id, token.text, stance, source, sentence.id,  # type: ignore[arg-type]
                 sentence.text)


def _takes_responsibility(token: Token, sentence: Sentence) -> bool:
    """"The group took responsibility for …": a claim of responsibility, like "claimed"."""
    return token.lemma.lower() in RESPONSIBILITY_VERBS and any(
        t.dep == "dobj" and t.lemma.lower() == "responsibility"
        for t in children(sentence, token))


def _speaker_phrase(sentence: Sentence, cue: Token) -> list[Token]:
    """The cue's subject, without the clauses that describe it: "A US official, speaking
    on condition of anonymity," is "A US official"."""
    subject = next((t for t in children(sentence, cue) if t.dep in SUBJECT_DEPS), None)
    if subject is None:
        return []
    dropped = {t.i for child in children(sentence, subject) if child.dep in DESCRIBING_DEPS
               for t in subtree(sentence, child)}
    kept = sorted((t for t in subtree(sentence, subject) if t.i not in dropped),
                  key=lambda t: t.i)
    while kept and kept[-1].pos == "PUNCT":
        kept.pop()
    return kept


def _speaker(
    sentence: Sentence, span: tuple[int, int], head: Token, located: Sequence[Located],
    memory: SpeakerMemory,
) -> tuple[str, EntityId | None]:
    inside = [m for m in located if span[0] <= m.start < span[1] and m.entity.kind == "actor"]
    phrase = sentence.text[span[0] - sentence.start : span[1] - sentence.start].strip()
    if inside:
        person = [m.entity for m in inside if m.entity.type == "person"]
        if person:
            return person[0].name, person[0].id
        # "U.S. officials", "Iran's mission to the United Nations": the speaker is the
        # phrase, which names the body it speaks for; a bare name is the body itself.
        named_head = any(m.start <= head.start < m.end for m in inside)
        if named_head or len(phrase.split()) > MAX_SPEAKER_WORDS or not phrase[:1].isalpha() \
                or ftfy.is_bad(phrase):
            return inside[0].entity.name, inside[0].entity.id
        return phrase, inside[0].entity.id
    if phrase.lower() in PRONOUNS:
        if phrase.lower() in PERSONAL_PRONOUNS and memory.last:
            return memory.last
        return memory.last_body if memory.last_body and phrase.lower() == "it" else ("", None)
    if len(phrase.split()) > MAX_SPEAKER_WORDS or not phrase[:1].isalpha() or ftfy.is_bad(phrase):
        return "", None  # a clause, a number ("1500 US troops") or mojibake is not a speaker
    return phrase, None


def _negated_content(
    sentence: Sentence, cue: Token, speaker: Sequence[Token], rules: ClaimRules
) -> bool:
    """A word of denial in what is reported, or a negation of its main clause ("Tehran
    was not involved", "there is no mobilization"); not in the speaker's phrase, in
    clauses hung on the cue ("…, militias claimed, as X does not …") or in a clause of
    its own ("…, officials said, but it was not immediately clear how many")."""
    excluded = {t.i for t in speaker} | {cue.i}
    content = [t for t in _content(sentence, cue) if t.i not in excluded]
    if any(t.lemma.lower() in rules.denial_words for t in content):
        return True
    inside = {t.i for t in content}
    roots = [t for t in content if t.head not in inside or t.head == t.i]
    for root in roots:
        arguments = list(children(sentence, root))
        arguments += [t for a in arguments if a.dep == "prep" for t in children(sentence, a)]
        # "did not result in any casualties": a toll of none, not a denial
        toll = any(a.lemma.lower() in rules.toll_words for a in arguments)
        for child in arguments:
            if child.dep == "neg" and not toll:
                return True
            if child.lemma.lower() not in rules.toll_words and any(
                    t.lemma.lower() == "no" and t.dep == "det"
                    for t in children(sentence, child)):
                return True
    return False


def _content(sentence: Sentence, cue: Token) -> list[Token]:
    """What the cue reports: its clausal complement ("said [that X]"), or, when the cue
    is set into the reported clause ("X, he said"), that clause."""
    found = [
        t for child in children(sentence, cue) if child.dep in CONTENT_DEPS
        for t in subtree(sentence, child)
    ]
    if cue.dep in INSERTED_CUE_DEPS and cue.head != cue.i:
        own = {t.i for t in subtree(sentence, cue)}
        head = sentence.by_index()[cue.head]
        found += [t for t in subtree(sentence, head) if t.i not in own]
    return found


def _person(located: Sequence[Located], entity_id: EntityId) -> bool:
    return any(m.entity.id == entity_id and m.entity.type == "person" for m in located)


def _child_subtree(
    sentence: Sentence, head: Token, deps: set[str] | frozenset[str], then: set[str] | None = None
) -> list[Token]:
    """Tokens of the subtree of `head`'s first child with one of `deps` (and, with `then`,
    of that child's first child with one of `then`), in sentence order."""
    for child in children(sentence, head):
        if child.dep in deps:
            if then is not None:
                return _child_subtree(sentence, child, then)
            return sorted(subtree(sentence, child), key=lambda t: t.i)
    return []


def children(sentence: Sentence, head: Token) -> Iterable[Token]:
    return sentence.dependents().get(head.i, ())


def subtree(sentence: Sentence, root: Token) -> list[Token]:
    dependents = sentence.dependents()
    members, frontier = [root], [root.i]
    while frontier:
        for token in dependents.get(frontier.pop(), ()):
            members.append(token)
            frontier.append(token.i)
    return members
