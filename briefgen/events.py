"""events: sentences + entities → Event records with their claims.

1. Mentions: a trigger of the lexicon (data/events.yml) in a sentence, with its roles
   from the parse — actors in the trigger's subject, targets in its object, the bases and
   places of the sentence, the stated date, a quantity ("1,500 troops").
2. Claims: attributions in the same sentence (see claims.py) belong to its events.
3. Clustering, deterministic and explainable: two mentions of one type are one event
   when their dates are compatible, their bases do not conflict, and they share an
   anchor — any entity but a whole country or an outlet within one article; across
   articles the base where it happened, a person among the actors, or two names among
   its roles (who, whom, where). Within an article a mention also joins one of its type
   up to two sentences before it ("the deployment"), a headline's joins the one its lead
   tells, and a definite noun further on ("the strikes") the last with its word; a
   statement of no listed type ("no casualties were reported, it added") or a sentence
   of what an event did ("three soldiers were injured") joins the event beside it,
   unless it counts events ("attacked 40 times, an official said").
   Groups from different articles that tell the story in the same rare words (tf-idf
   cosine), first reported within days of each other, join as well: two reports of one
   event often share no name but a country; so do two articles that lead with an event
   of one type on one name, published within a day. An article with no date of its
   own joins other articles' events on a shared name only after the dated ones have
   met, and then the one told in the most alike words. Joins follow document order, so
   the same inputs always give the same events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from itertools import combinations, repeat
from operator import mul
from typing import NamedTuple

import yaml
from slugify import slugify
from spacy.lang.en.stop_words import STOP_WORDS

from briefgen.cache import EntryCache, cache_key, code_stamp
from briefgen.claims import (
    ClaimRules,
    Located,
    SpeakerMemory,
    children,
    sentence_claims,
    subtree,
)
from briefgen.dates import StatedDate, compatible, normalise, parse_published
from briefgen.language import english
from briefgen.names import in_title_case, is_country_name
from briefgen.records import (
    OTHER,
    Claim,
    Entity,
    EntityId,
    Event,
    EventJoin,
    EventMention,
    Mention,
    ParsedArticle,
    Sentence,
    SourceId,
    Token,
    sentence_number,
)
from briefgen.sanitize import first_free

# Who did it: the subject, the passive's "by X", a possessor ("Iran's attack"), and for a
# noun trigger its modifiers ("a Kataib Hezbollah drone attack", "US strikes").
AGENT_DEPS = frozenset({"nsubj", "agent", "csubj", "poss"})
NOUN_AGENT_DEPS = AGENT_DEPS | {"compound", "amod"}
AGENT_PREPOSITIONS = frozenset({"by"})
# Who did what a verb says was done ("the US carried out strikes", "strikes carried out
# by US forces").
DOER_DEPS = frozenset({"nsubj", "agent", "csubj"})
# To whom: the object, the passive's subject ("X was struck"), and the object of "on",
# "against", "at" or "targeting"; never any prepositional phrase ("in retaliation for").
# A noun trigger that is a verb's subject happened where that verb says.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
TARGET_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
TARGET_PREPOSITIONS = frozenset({"on", "against", "at", "targeting", "upon", "into"})
# Where: the object of these prepositions of the trigger ("in Baghdad", "near Erbil").
WHERE_PREPOSITIONS = TARGET_PREPOSITIONS | {"in", "near", "outside", "inside", "to", "from",
                                             "across", "over"}
TRIGGER_POS = frozenset({"VERB", "NOUN"})
# The headline, a subtitle and the first paragraph: what an article leads with.
LEAD_SENTENCES = 3
# A mention joins one of the same type in the same article up to this many sentences back.
FOLLOW_WITHIN_SENTENCES = 2
# A headline (or an opening sentence) tells the event its lead then tells, however many
# captions and date lines stand between them.
HEADLINE_SENTENCES = 2
# A name titles an event as its actor or target when this share of its sentences say so.
ROLE_BACKING = 3
# … or when this many articles say so.
ROLE_ARTICLES = 2
# Entity types that report events and are never their actors or targets.
REPORTERS = frozenset({"media outlet"})
# An article reports what happened before it was published: an undated mention is
# taken to be about the year before its article at most (older events are dated).
UNDATED_REACH_DAYS = 366
# "X claimed (took, assumed) responsibility for the attack": X did it, by its account.
RESPONSIBILITY_VERBS = frozenset({"claim", "take", "assume"})
NOT_WHEN = re.compile(r"\b(?:since|until|till|before|after|by|from)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class TypeRule:
    label: str
    lemmas: frozenset[str]
    lemmas_with: dict[str, frozenset[str]]
    nouns_modified: dict[str, frozenset[str]]
    verbs_with: dict[str, frozenset[str]] = field(default_factory=dict)
    # Whether "<trigger> of X" names whom it was done to ("the killing of X"), so that the
    # trigger's phrase never names who did it.
    of_names_target: bool = False
    # Whether "from X" is where it happened ("withdrew from X"), not where it came from.
    from_is_where: bool = False
    # Triggers whose subject fended it off ("shot down", "intercepted"): the target.
    defended_by: frozenset[str] = frozenset()
    # A trigger's lemma -> the word a headline uses ("assassinate" -> "Assassination").
    headline_words: dict[str, str] = field(default_factory=dict)
    # The type whose trigger, linked to this one in the parse, makes it part of that
    # event ("killed in a raid": the raid's).
    part_of: str = ""
    # Whether a place the trigger was done to is where it happened ("liberated Tal
    # Afar", "the recapture of Ramadi"); the title says "<label> of <place>".
    place_is_where: bool = False
    # Nouns whose "of" names the place taken ("regained control of the dam").
    held_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class OnceRules:
    """The words that tell a trigger is not one thing that happened (data: `not_once`)."""

    wanted_by: frozenset[str]  # "demanded that US forces withdraw"
    asked_of_others: frozenset[str]  # "asked X to carry out strikes": maybe done
    modals: frozenset[str]  # "would attack"
    done_infinitive_after: frozenset[str]  # "began to withdraw" (other infinitives: plans)
    stopped_by: frozenset[str]  # "to stop their attacks", "escalated its attacks"
    counts: frozenset[str]  # "dozens of attacks", "a string of attacks"
    campaign_adverbs: frozenset[str]  # "repeatedly attacked"
    attacks_stepped_up_by: frozenset[str]  # "escalated its attacks"
    event_words: frozenset[str] = frozenset()  # every type's trigger lemmas
    type_of_word: dict[str, str] = field(default_factory=dict)  # a trigger lemma's type
    never_done_to_events: frozenset[str] = frozenset()  # types: "execute attacks"
    peril_nouns: frozenset[str] = frozenset()  # "in danger of being executed"


@dataclass(frozen=True)
class Lexicon:
    types: dict[str, TypeRule]
    claims: ClaimRules
    quantity: re.Pattern
    once: OnceRules
    place_nouns: frozenset[str]  # "Anbar province": a place its modifiers name
    aftermath: frozenset[str] = frozenset()  # "three were injured": what an event did
    named_again: frozenset[str] = frozenset()  # "the incident": an event named again
    people_of: frozenset[str] = frozenset()  # "the leader of ISIS": a person, not ISIS
    doing_verbs: frozenset[str] = frozenset()  # "carried out strikes": who did them
    another_words: frozenset[str] = frozenset()  # "another attack": not the one before
    request_nouns: frozenset[str] = frozenset()  # "at the request of X": not a target


@cache
def load_lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files("briefgen").joinpath("data/events.yml").read_text())
    types = {
        name: TypeRule(
            label=spec["label"],
            lemmas=frozenset(spec.get("lemmas", [])),
            lemmas_with={k: frozenset(v) for k, v in (spec.get("lemmas_with") or {}).items()},
            verbs_with={k: frozenset(v) for k, v in (spec.get("verbs_with") or {}).items()},
            of_names_target=bool(spec.get("of_names_target", False)),
            from_is_where=bool(spec.get("from_is_where", False)),
            defended_by=frozenset(spec.get("defended_by", [])),
            headline_words={str(k): str(v) for k, v in (spec.get("headline_words") or {}).items()},
            part_of=str(spec.get("part_of", "")),
            place_is_where=bool(spec.get("place_is_where", False)),
            held_nouns=frozenset(spec.get("held_nouns", [])),
            nouns_modified={
                k: frozenset(v) for k, v in (spec.get("nouns_modified") or {}).items()
            },
        )
        for name, spec in data["types"].items()
    }
    cues = data["claims"]
    stance = {lemma: s for s in ("asserts", "denies") for lemma in cues[s]}
    nouns = "|".join(re.escape(n) for n in data["quantity_nouns"])
    once = data["not_once"]
    return Lexicon(
        once=OnceRules(**{name: frozenset(once[name]) for name in (
            "wanted_by", "asked_of_others", "modals", "done_infinitive_after", "stopped_by",
            "counts", "campaign_adverbs", "attacks_stepped_up_by", "never_done_to_events",
            "peril_nouns")},
            event_words=frozenset(lemma for rule in types.values() for lemma in rule.lemmas),
            type_of_word={lemma: name for name, rule in reversed(types.items())
                          for lemma in rule.lemmas}),
        place_nouns=frozenset(data["place_nouns"]),
        aftermath=frozenset(data["aftermath"]["lemmas"]),
        named_again=frozenset(data["aftermath"]["named_again"]),
        people_of=frozenset(data["people_of"]),
        doing_verbs=frozenset(data["doing_verbs"]),
        another_words=frozenset(data["another_words"]),
        request_nouns=frozenset(data["request_nouns"]),
        types=types,
        claims=ClaimRules(stance, frozenset(cues["according_to"]),
                          frozenset(cues["denial_words"]), frozenset(cues["toll_words"])),
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
    agents: tuple[EntityId, ...]  # the actors in the trigger's subject: what titles name
    targets: tuple[EntityId, ...]
    bases: tuple[EntityId, ...]
    places: tuple[EntityId, ...]
    # The bases and places of the trigger's own clause ("attacked X", "in Y", "at Z"):
    # where it happened, as opposed to every place the sentence names.
    where: tuple[EntityId, ...]
    others: tuple[EntityId, ...]  # every entity of the sentence
    date: StatedDate | None
    quantity: str
    claims: tuple[Claim, ...]
    published: dt.date | None = None  # of the article it is in
    # The sentence's content words (lemmas): what two reports of one event share beyond
    # its named entities ("drone", "outpost", "three", "wounded").
    words: tuple[str, ...] = ()
    # A statement told beside an event (see _said_about_neighbours): it joins that event
    # and no other, and is no event of its own.
    attached: bool = False
    lemma: str = ""  # the trigger's, lower case
    # Said of many events ("attacked at least 40 times, the official said"): a statement
    # that joins no event told beside it.
    apart: bool = False
    # Named as a thing told of before ("the strikes", "this attack"): it refers back to
    # the article's last mention with the same trigger word, however far back.
    told_before: bool = False
    # An earlier event the story is measured against ("since X raided Y in May"): it
    # joins nothing told beside it in its article.
    earlier: bool = False
    # Said to be another occasion than one told of before ("another attack", "a fresh
    # strike", "hits another missile"): it starts an event of its own in its article.
    another: bool = False


def extract_events(
    articles: Sequence[ParsedArticle], entities: Sequence[Entity],
    frames: EntryCache | None = None,
) -> tuple[Event, ...]:
    """Each article's event mentions (its frames), then clustered across the corpus.
    With a cache, an article's frames are read again only when its parse, its
    publication date or the entities it names (where, and what they are) changed."""
    lexicon = load_lexicon()
    spans = _entity_spans(entities)
    signatures = {e.id: "\0".join((e.id, e.kind, e.type, e.name, str(_is_country(e))))
                  for e in entities}
    found: list[Found] = []
    for article in articles:
        located = spans.get(article.article.source_id, [])
        key = cache_key(article.parse_key, _frames_stamp(), article.article.source_id,
                        article.article.published,
                        *(f"{m.start}:{m.end}:{signatures[m.entity.id]}" for m in located))
        found.extend(_article_frames(article, located, lexicon, len(found),
                                     frames if article.parse_key else None, key))
    if frames is not None:
        frames.prune()
    by_id = {e.id: e for e in entities}
    people = frozenset(e.id for e in entities if e.type == "person")
    return _events(cluster(found, _too_broad(entities), people), by_id, lexicon)


# Why two mentions are one event, for a reader (see cluster).
JOIN_REASONS = {
    "next": "the next sentences of one article tell it",
    "said": "said beside it in one article",
    "headline": "the headline, and the lead that tells it",
    "similar": "two reports in the same rare words, first told within days",
}


def _why(anchor: tuple[str, ...], by_id: dict[EntityId, Entity]) -> str:
    """One reason in words: "the same base where it happened: Ain al-Asad"."""
    kind, *rest = anchor
    # the names of the anchor: ("in", source, name), ("lead", name, day), ("across", …)
    ids = [EntityId(e) for e in {"in": rest[1:], "lead": rest[:1]}.get(kind, rest)]
    names = [by_id[e].name for e in ids if e in by_id]
    if kind in JOIN_REASONS:
        return JOIN_REASONS[kind]
    if kind == "again":
        return f"“the {rest[0]}” names it again"
    if kind == "in":
        return f"both name {names[0]} in one article"
    if kind == "lead" and names:
        return f"two articles published within a day lead with it, naming {names[0]}"
    if kind == "across" and len(names) == 2:
        return f"the same two names among who, whom and where: {names[0]} and {names[1]}"
    if kind == "across" and names:
        entity = by_id[ids[0]]
        return (f"the same base where it happened: {names[0]}" if entity.kind == "base"
                else f"the same person did it: {names[0]}")
    return "a name both share"


def _entity_spans(entities: Sequence[Entity]) -> dict[SourceId, list[Located]]:
    spans: dict[SourceId, list[Located]] = defaultdict(list)
    for entity in entities:
        for ref in entity.mentions:
            spans[ref.source].append(Located(ref.start, ref.end, entity))
    return {source: sorted(found, key=lambda m: (m.start, m.end)) for source, found in
            spans.items()}


FRAME_CODE = ("events.py", "claims.py", "dates.py", "names.py", "records.py", "language.py",
              "data/events.yml", "data/resolve.yml", "data/en.yml")


@cache
def _frames_stamp() -> str:
    return code_stamp(FRAME_CODE, ("dateparser", "ftfy"))


def _article_frames(
    article: ParsedArticle, located: list[Located], lexicon: Lexicon, order: int,
    store: EntryCache | None, key: str,
) -> list[Found]:
    hit = store.get(key) if store is not None else None
    if hit is not None:
        try:
            return [_found_from_row(row, order) for row in hit["frames"]]
        except (KeyError, TypeError, ValueError, IndexError):
            pass  # a damaged entry: computed again below
    people = frozenset(m.entity.id for m in located if m.entity.type == "person")
    parsed = article.with_tokens()
    found = _said_about_neighbours(_deaths_of_attacks_beside(
        list(_article_events(parsed, located, lexicon, order)), parsed, people))
    if store is not None:
        store.put(key, {"frames": [_found_row(f, order) for f in found]})
    return found


def _found_row(f: Found, order: int) -> list:
    """A frame as JSON, its order counted from the article's first frame."""
    m = f.mention
    return [f.type, f.order - order, m.source, m.sentence, m.trigger, f.actors, f.agents,
            f.targets, f.bases, f.places, f.where, f.others,
            None if f.date is None else [f.date.shown, f.date.key], f.quantity,
            [[c.speaker, c.speaker_id, c.cue, c.stance, c.source, c.sentence, c.text]
             for c in f.claims],
            None if f.published is None else f.published.isoformat(), f.words, f.attached,
            f.lemma, f.told_before, f.apart, f.another, f.earlier]


def _found_from_row(row: list, order: int) -> Found:
    """A cache entry is input too: every field is checked to be what it should."""
    (kind, offset, source, sentence, trigger, actors, agents, targets, bases, places,
     where, others, stated, quantity, claims, published, words, attached, lemma,
     told_before, apart, another, earlier) = row
    if not (isinstance(offset, int) and all(
            isinstance(flag, bool) for flag in (attached, told_before, apart, another, earlier))):
        raise TypeError("frame")
    _strings(kind, source, sentence, trigger, quantity, lemma, *actors, *agents, *targets,
             *bases, *places, *where, *others, *words, *(stated or ()))
    checked = []
    for speaker, speaker_id, cue, stance, c_source, c_sentence, text in claims:
        _strings(speaker, cue, c_source, c_sentence, text, *([speaker_id] if speaker_id else []))
        if stance not in ("asserts", "denies"):
            raise ValueError(stance)
        checked.append(Claim(speaker, speaker_id, cue, stance, c_source, c_sentence, text))
    return Found(
        type=kind, order=order + offset, mention=EventMention(source, sentence, trigger),
        actors=tuple(actors), agents=tuple(agents), targets=tuple(targets),
        bases=tuple(bases), places=tuple(places), where=tuple(where), others=tuple(others),
        date=None if stated is None else StatedDate(*stated), quantity=quantity,
        claims=tuple(checked),
        published=None if published is None else dt.date.fromisoformat(published),
        words=tuple(words), attached=attached, lemma=lemma, told_before=told_before,
        apart=apart, another=another, earlier=earlier)


def _strings(*values: object) -> None:
    if not all(isinstance(v, str) for v in values):
        raise TypeError("not a string")


def _article_events(
    article: ParsedArticle, spans: list[Located], lexicon: Lexicon, order: int
) -> Iterable[Found]:
    source = article.article.source_id
    published = parse_published(article.article.published)
    memory = SpeakerMemory()
    dates: dict[str, list[Mention]] = defaultdict(list)  # each sentence's DATE mentions
    for mention in article.mentions:
        if mention.label == "DATE":
            dates[mention.sentence].append(mention)
    for sentence in article.sentences:
        headline = in_title_case(sentence.text)
        located = [m for m in spans if sentence.start <= m.start < sentence.end]
        claims = tuple(sentence_claims(sentence, source, located, lexicon.claims, memory))
        speakers = {c.speaker_id for c in claims if c.speaker_id}
        seen: set[str] = set()
        told_of_others = False  # a count of events: no aftermath of one, nor a statement
        words: tuple[str, ...] | None = None  # the sentence's content words, found once
        triggers: list[tuple[Token, str]] = []
        for token in sentence.tokens:
            event_type = _trigger_type(token, sentence, lexicon, headline)
            if event_type is None or event_type in seen:
                continue
            if not _happened_once(sentence, token, lexicon.once, event_type):
                told_of_others |= told_of_many(sentence, token, lexicon.once)
                continue
            seen.add(event_type)
            triggers.append((token, event_type))
        # (the trigger a part belongs to, the part's trigger and type)
        parts = [(whole, token, event_type) for token, event_type in triggers if (
            whole := _part_of_another(sentence, token, lexicon.types[event_type], triggers))]
        for token, event_type in triggers:
            if any(token is part for _, part, _ in parts):
                continue
            words = words if words is not None else _content_words(sentence)
            found = _found(article, sentence, token, event_type, located, speakers, claims,
                           published, lexicon, order, dates[sentence.id], words)
            for part, part_type in [(p, t) for w, p, t in parts if w is token]:
                # whom the part was done to the whole was done to ("a strike killed X")
                done_to = _found(article, sentence, part, part_type, located, speakers,
                                 claims, published, lexicon, order, dates[sentence.id], words)
                found = replace(found, targets=_unique((*found.targets, *(
                    t for t in done_to.targets if t not in found.actors))))
            if lexicon.types[event_type].place_is_where and not found.where:
                continue  # "liberated four hostages": no place was taken
            yield found
            order += 1
        if seen:
            continue
        # Said about something of no listed type (kept, not paged), or what an event
        # did: both join an event told beside them (_said_about_neighbours).
        cue = _cue_token(sentence, claims[0]) if claims else None if (
            told_of_others) else _aftermath_word(sentence, lexicon)
        if cue is not None:
            yield replace(_found(article, sentence, cue, OTHER, located, speakers, claims,
                                 published, lexicon, order, dates[sentence.id],
                                 _content_words(sentence)), apart=told_of_others)
            order += 1


# The words that may join two triggers of one event in the parse: "killed in a raid",
# "killed by a strike", "killed during the raid".
PART_OF_PREPOSITIONS = frozenset({"in", "by", "during"})


def _part_of_another(sentence: Sentence, trigger: Token, rule: TypeRule,
                     triggers: list[tuple[Token, str]]) -> Token | None:
    """The trigger of the sentence whose event this one tells what it did, of the type
    its rule is `part_of`: linked head to dependent ("a strike killed X", "the strike
    that killed X"), the subject of the verb its participle hangs on ("the strike hit the
    base, killing two"; not "… comes two days after ISIS killed"), or through "in"/"by"
    ("killed in a US raid"); not through "after"
    or "following" ("After the killing of X, militias attacked …": two events)."""
    by_i = sentence.by_index()
    for other, other_type in triggers:
        if other_type != rule.part_of or other is trigger:
            continue
        if other.head == trigger.i or trigger.head == other.i:
            return other
        if other.dep in SUBJECT_DEPS and other.head == trigger.head != trigger.i and (
                trigger.dep == "advcl" and trigger.text.lower().endswith("ing")) and not any(
                t.dep == "mark" for t in children(sentence, trigger)):
            return other  # "a barrage of rockets slammed into the base, killing 26"
        link = by_i.get(other.head)
        if link is not None and link.head == trigger.i and link.pos == "ADP" and (
                link.lemma.lower() in PART_OF_PREPOSITIONS):
            return other
    return None


def _aftermath_word(sentence: Sentence, lexicon: Lexicon) -> Token | None:
    """A word telling what an event did ("were injured", "casualties") or naming one
    again ("the incident", "this operation")."""
    for token in sentence.tokens:
        lemma = token.lemma.lower()
        if lemma in lexicon.aftermath or (lemma in lexicon.named_again
                                          and _definite(sentence, token)):
            return token
    return None


def _another_occasion(sentence: Sentence, trigger: Token, words: frozenset[str]) -> bool:
    """Whether the trigger is said to be another than one told of before: "another
    attack", "a fresh strike" (not "hit another hangar": one attack, two hangars)."""
    return any(t.dep in {"det", "amod"} and t.lemma.lower() in words
               for t in children(sentence, trigger))


def _measured_against(sentence: Sentence, trigger: Token) -> bool:
    """Whether the trigger tells an earlier event the story is measured against ("the
    biggest operation since Delta Force troops raided the home of X in May", "quiet
    since a 2019 strike", "since the 2019 attack"): never the event told beside it. Not
    "since the attack", which points back at the story's own."""
    head = sentence.by_index().get(trigger.head)
    if any(t.dep == "mark" and t.text.lower() == "since" for t in children(sentence, trigger)):
        return True
    return trigger.dep == "pobj" and head is not None and head.text.lower() == "since" and (
        not _definite(sentence, trigger) or any(
            t.dep in {"nummod", "npadvmod", "compound", "amod"} and t.pos == "NUM"
            for t in children(sentence, trigger)))


def _definite(sentence: Sentence, noun: Token) -> bool:
    """Whether a noun points back to a thing already told of ("the strikes", "this
    incident")."""
    return any(t.dep == "det" and t.lemma.lower() in english().definite_determiners
               for t in children(sentence, noun))


def _deaths_of_attacks_beside(found: list[Found], article: ParsedArticle,
                              people: frozenset[EntityId]) -> list[Found]:
    """Deaths counted in the sentences after an attack of the same article, up to
    FOLLOW_WITHIN_SENTENCES ("Several Iraqi security forces were also killed") are the
    attack's, not a killing of their own. A named person's killing ("Hamedani was
    killed", "he was killed") stays one, and so do deaths another did than the attackers
    ("ISIS killed 20 civilians" after a strike) and deaths in a sentence that tells an
    attack (the parse tells those: "a strike killed X"; "the operation began and three
    soldiers were killed" is not the operation; "the October 7 assault, when terrorists
    killed 1,400" is not the attack told before)."""
    # one attack, not "intensive aerial attacks" (whose dead are no one attack's)
    attacks = [f for f in found if f.type == "attack" and not (
        f.mention.trigger.lower() != f.lemma and f.mention.trigger.lower().endswith("s"))]
    # a sentence that tells an attack of its own tells its own deaths ("the October 7
    # assault, when terrorists killed 1,400 people"), whatever came before
    attacked = {_sentence_number(f) for f in found if f.type == "attack"}
    told = []
    for f in found:
        number = _sentence_number(f)
        if f.type == "killing" and f.lemma == "kill" and not set(f.targets) & people and any(
                0 < number - _sentence_number(a) <= FOLLOW_WITHIN_SENTENCES
                and (not f.actors or set(f.actors) & set(a.actors)) for a in attacks) and (
                number not in attacked) and (
                _counted_dead(article.sentence(f.mention.sentence), f.mention.trigger)):
            f = replace(f, type="attack")
        told.append(f)
    return told


def _counted_dead(sentence: Sentence, trigger: str) -> bool:
    """Whether the killed are many, counted or plural ("five people", "26", "several
    Iraqi security forces"), not one man ("he")."""
    for verb in (t for t in sentence.tokens if t.text == trigger):
        for victim in children(sentence, verb):
            if victim.dep not in {"nsubjpass", "dobj"}:
                continue
            if victim.pos == "NUM" or (victim.pos == "NOUN" and victim.text.lower() != (
                    victim.lemma.lower())) or any(t.dep == "nummod" for t in children(
                        sentence, victim)):
                return True
    return False


def _said_about_neighbours(found: list[Found]) -> list[Found]:
    """An article's statements of no listed type ("No casualties were reported", "'We
    will hold all those responsible to account,' he said") told as part of the event
    reported up to FOLLOW_WITHIN_SENTENCES before them (or, failing that, after them):
    what a speaker says next to an event is said about it. A statement with no event
    near it stays a statement."""
    typed = [(_sentence_number(f), f.type) for f in found if f.type != OTHER]
    told = []
    for f in found:
        number = _sentence_number(f)
        near = sorted((abs(number - n), n > number, n) for n, _ in typed
                      if 0 < abs(number - n) <= FOLLOW_WITHIN_SENTENCES)
        if f.type == OTHER and not f.claims and not near:
            continue  # what an event did, with no event beside it
        if f.type == OTHER and near and not f.apart:
            # Only what was said joins the event: the statement's own names, places and
            # date are about whatever else it says ("…said in Baghdad on Wednesday").
            _, _, n = near[0]
            f = replace(f, type=next(t for m, t in typed if m == n), attached=True,
                        actors=(), agents=(), targets=(), bases=(), places=(), where=(),
                        others=(), date=None)
        told.append(f)
    return told


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
    dates: list[Mention],
    words: tuple[str, ...],
) -> Found:
    noun = trigger.pos in {"NOUN", "PROPN"}  # a headline's "Strike" is tagged a name
    rule = lexicon.types.get(event_type)  # None for a statement (OTHER)
    # "The killing of Abu Taqwa": for some types "of" names whom it was done to.
    of_names_target = rule is not None and rule.of_names_target
    subject = _role_starts(sentence, trigger, NOUN_AGENT_DEPS if noun else AGENT_DEPS,
                           AGENT_PREPOSITIONS if noun else frozenset())
    claimers = _claimed_by(sentence, trigger)
    subject |= claimers
    obj = _role_starts(sentence, trigger, TARGET_DEPS, TARGET_PREPOSITIONS | (
        {"of"} if noun and of_names_target else set()))
    # A noun that does something does it to its verb's object ("the raid hit Kataib
    # Rahma positions", "the attack killed three soldiers") and where its verb says
    # ("reinforcements arrived at Camp Falcon").
    verb = sentence.by_index().get(trigger.head) if (
        noun and trigger.dep in SUBJECT_DEPS) else None
    if verb is not None:
        obj |= _role_starts(sentence, verb, frozenset({"dobj"}), TARGET_PREPOSITIONS)
    # "The US carried out strikes on Friday in Iraq against …", "strikes carried out by
    # US forces": a verb that only says the noun was done tells who did it, to whom and
    # where.
    doing = _doing_verb(sentence, trigger, lexicon.doing_verbs) if noun else None
    # "the US began to carry out strikes": the verb whose subject did it, unless it has an
    # object ("Iraq asked the coalition to carry out strikes": the coalition)
    began = sentence.by_index()[doing.head] if doing is not None and doing.dep == "xcomp" else None
    asked = began is not None and any(t.dep == "dobj" for t in children(sentence, began))
    if doing is not None:
        subject |= _role_starts(sentence, doing, DOER_DEPS, AGENT_PREPOSITIONS)
        if began is not None and not subject:
            subject |= _role_starts(sentence, began, frozenset({"dobj"}) if asked else DOER_DEPS,
                                    frozenset())
        obj |= _role_starts(sentence, doing, frozenset(), TARGET_PREPOSITIONS)
    obj -= _whose_people(sentence, lexicon.people_of)
    obj -= _at_whose_request(sentence, lexicon.request_nouns)
    role_heads = _role_heads(sentence, [t for t in (trigger, verb, doing, None if asked else began)
                                        if t is not None])
    # An outlet reports an event (its claims say so); it is never who did it or to whom.
    # A country is a party as a role's own word (_role_heads).
    parties = [m for m in located if (m.entity.kind == "actor" and m.entity.type not in REPORTERS)
               or (_is_country(m.entity) and (root := _span_root(sentence, m.start, m.end))
                   is not None and root.i in role_heads)]
    # Nor is whoever tells of it ("the Pentagon said bases came under attack"), unless
    # what they tell is that they did it ("X claimed responsibility for the attack"),
    # or what they tell is something else ("X attacked the base and said they would
    # go on": X did it, then spoke).
    tellers = set() if claimers else _telling_of(sentence, trigger, claims, speakers)
    actors = [m.entity.id for m in parties if m.start in subject and m.entity.id not in tellers]
    targets = [m.entity.id for m in parties if m.start in obj and m.entity.id not in actors
               and m.entity.id not in tellers]
    if rule is not None and trigger.lemma.lower() in rule.defended_by:
        # "Kurdish forces shot down two drones": who shot them down was attacked
        actors, targets = [], [*actors, *targets]
    agents = tuple(actors)
    # Where: a base or place that is the object of "in", "at", "near"…, or a base that
    # is the trigger's object ("attacked Ain al-Asad"); a country modifying an object
    # says whose it is ("on US forces", "US troops were killed"), not where.
    # "from" is where a withdrawal happened ("withdrew from Ain al-Asad"), but only where
    # an attack or a deployment came from ("bombers that flew from the United States").
    prepositions = WHERE_PREPOSITIONS if rule is not None and rule.from_is_where else (
        WHERE_PREPOSITIONS - {"from"})
    heads = _objects_of(sentence, trigger, prepositions, lexicon.place_nouns)
    for governing in (verb, doing):
        if governing is not None:
            heads += _objects_of(sentence, governing, prepositions, lexicon.place_nouns)
    # "the Erbil attack", "a Baghdad drone strike": where; but "US air strikes" and
    # "Iran missile attacks" name who struck, not where.
    compounds = [t.start for t in children(sentence, trigger) if noun and t.dep == "compound"]
    if rule is not None and rule.place_is_where:
        # "liberated Tal Afar", "the recapture of Ramadi": the place it was done to is the
        # only where of a place taken ("regained control of the party in Baghdad" took none)
        held = _held_place_starts(sentence, trigger, noun, lexicon.place_nouns | rule.held_nouns)
        where = [m.entity.id for m in located if m.entity.kind in {"base", "place"}
                 and not _is_country(m.entity) and any(m.start <= h < m.end for h in held)]
        if not where and any(t.start in held and t.dep in {"dobj", "nsubjpass", "pobj"}
                             and t.lemma.lower() in lexicon.place_nouns for t in sentence.tokens):
            # "recaptured several villages near Hawija": where those places are
            where = [m.entity.id for m in located if m.entity.kind in {"base", "place"}
                     and not _is_country(m.entity) and any(m.start <= h < m.end for h in heads)]
    else:
        where = [m.entity.id for m in located if (m.entity.kind in {"base", "place"} and any(
                 m.start <= h < m.end for h in heads))
                 or (m.entity.kind == "base" and m.start in obj)
                 or (m.entity.kind in {"base", "place"} and not _is_country(m.entity)
                     and any(m.start <= h < m.end for h in compounds))]
    if not actors and not of_names_target:
        # "the deployment of X", "X were deployed": actors in the trigger's phrase
        own = _role_span(sentence, trigger, None)
        actors = [m.entity.id for m in parties if _inside(m, own)
                  and m.entity.id not in speakers and m.entity.id not in targets]
    quantity = lexicon.quantity.search(sentence.text)
    told_before = trigger.pos == "NOUN" and _definite(sentence, trigger)
    another = _another_occasion(sentence, trigger, lexicon.another_words)
    return Found(
        type=event_type,
        order=order,
        mention=EventMention(article.article.source_id, sentence.id, trigger.text),
        actors=_unique(actors),
        agents=_unique(agents),
        targets=_unique(targets),
        bases=_unique(m.entity.id for m in located if m.entity.kind == "base"),
        places=_unique(m.entity.id for m in located if m.entity.kind == "place"),
        where=_unique(where),
        others=_unique(m.entity.id for m in located),
        date=_stated_date(article, sentence, trigger, published, dates),
        quantity=quantity.group(1) if quantity else "",
        claims=claims,
        published=published,
        words=words,
        lemma=trigger.lemma.lower(),
        told_before=told_before,
        another=another,
        earlier=_measured_against(sentence, trigger),
    )


CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM", "VERB", "ADJ"})


def _content_words(sentence: Sentence) -> tuple[str, ...]:
    return tuple(sorted({t.lemma.casefold() for t in sentence.tokens if t.pos in CONTENT_POS
                         and len(t.lemma) > 2 and t.lemma.casefold() not in STOP_WORDS}))


def _trigger_type(
    token: Token, sentence: Sentence, lexicon: Lexicon, headline: bool = False
) -> str | None:
    # A trigger word used as a preposition is none: "according to" is no accord.
    if token.dep == "prep":
        return None
    if token.pos in TRIGGER_POS:
        lemmas: tuple[str, ...] = (token.lemma.lower(),)
    elif headline and token.pos == "PROPN" and token.text.isalpha():
        lemmas = _headline_lemmas(token.text.lower())
    else:
        return None
    return next(filter(None, (_type_of(lemma, token, sentence, lexicon, headline)
                              for lemma in lemmas)), None)


def _headline_lemmas(word: str) -> tuple[str, ...]:
    """The lemmas a word of a title-case headline may have: there the tagger takes every
    capitalised word for a name ("Drone Strike Kills Militia Leader"), so it gives the
    word as its own lemma. The common English inflections are undone instead."""
    forms = [word]
    for suffix, ending in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                           ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms.append(stem + ending)
            if not ending and len(stem) > 3 and stem[-1] == stem[-2]:  # "kidnapped"
                forms.append(stem[:-1])
    return tuple(dict.fromkeys(forms))


def _type_of(
    lemma: str, token: Token, sentence: Sentence, lexicon: Lexicon, headline: bool
) -> str | None:
    words: set[str] | None = None
    for name, rule in lexicon.types.items():
        if lemma in rule.lemmas:
            return name
        if (wanted := rule.lemmas_with.get(lemma)):
            # The word must be in the trigger's own phrase ("the arrival of US troops"),
            # not in another clause ("an airbase, where forces are stationed, came under
            # attack"); a headline's parse is too poor to tell.
            words = words or _argument_words(token, sentence, headline)
            if words & wanted:
                return name
        # A verb's own subject or object: "troops came to the base", "sent 1,500 troops",
        # "launched a salvo of missiles" — not "launched a review of its drone defences".
        wanted = rule.verbs_with.get(lemma)
        if wanted and (token.pos == "VERB" or headline) and (
                _subject_or_object_words(token, sentence, headline) & wanted):
            return name
        if lemma in rule.nouns_modified and token.pos == "NOUN":
            modifiers = {t.lemma.lower() for t in sentence.tokens if t.head == token.i
                         and t.dep in {"amod", "compound", "nummod"}}
            if modifiers & rule.nouns_modified[lemma]:
                return name
    return None


# Clauses of their own below a trigger's arguments: their words say nothing about it.
OWN_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})


def _subject_or_object_words(verb: Token, sentence: Sentence, headline: bool) -> set[str]:
    """The head words of a verb's subject and object, and of an "of" after them ("a salvo
    of missiles"); in a headline, every word."""
    if headline:
        return _argument_words(verb, sentence, headline)
    heads = [t for t in children(sentence, verb) if t.dep in {"nsubj", "nsubjpass", "dobj"}]
    heads += [t for h in heads for p in children(sentence, h) if p.text.lower() == "of"
              for t in children(sentence, p) if t.dep == "pobj"]
    heads += [t for h in heads for t in children(sentence, h) if t.dep == "conj"]
    return {t.lemma.lower() for t in heads} | {t.text.lower() for t in heads}


def _argument_words(trigger: Token, sentence: Sentence, headline: bool) -> set[str]:
    """The words (lemmas and forms) of the trigger's own phrase: its dependents and
    theirs, not entering a clause of its own."""
    tokens: list[Token] = list(sentence.tokens) if headline else []
    frontier = [] if headline else [trigger]
    while frontier:
        for child in children(sentence, frontier.pop()):
            if child.dep not in OWN_CLAUSE_DEPS:
                tokens.append(child)
                frontier.append(child)
    return {t.lemma.lower() for t in tokens} | {t.text.lower() for t in tokens}


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


def _happened_once(
    sentence: Sentence, trigger: Token, rules: OnceRules, event_type: str = ""
) -> bool:
    """Whether the trigger reports one thing that happened: not wanted, threatened,
    negated or stopped ("demanded that US forces withdraw", "vowed to strike", "would
    attack", "were not attacked", "to stop their attacks"), not a count of events ("27
    rocket and drone attacks", "dozens of strikes", "a string of attacks", "attacked 74
    times")."""
    by_i = sentence.by_index()
    head = by_i.get(trigger.head)
    if _wanted_or_supposed(sentence, trigger, by_i, rules):
        return False
    # a word of a hyphened modifier: "the child-killing regime" tells of no killing
    if trigger.dep == "amod" and (before := by_i.get(trigger.i - 1)) is not None and (
            before.text == "-" and before.start + 1 == trigger.start):
        return False
    if any(t.dep == "aux" and t.text.lower() in rules.modals
           for t in children(sentence, trigger)):
        return False
    # An infinitive wanted or planned: "vowed to strike", "a bill that requires the
    # government to end the presence", "a plan to withdraw" — but "used drones to attack
    # the base" and "began to withdraw" tell what was done.
    if trigger.pos == "VERB" and head is not None and any(
            t.dep == "aux" and t.text.lower() == "to" for t in children(sentence, trigger)) and (
            head.lemma.lower() in rules.wanted_by or (head.pos == "NOUN" and head.lemma.lower()
                                                      not in rules.done_infinitive_after)):
        return False
    # What was about to happen: "the prisoners were going to be executed".
    if trigger.pos == "VERB" and head is not None and head.text.lower() == "going" and any(
            t.dep == "aux" and t.text.lower() == "to" for t in children(sentence, trigger)) and any(
            t.dep == "aux" and t.lemma.lower() == "be" for t in children(sentence, head)):
        return False
    # What might have happened: "in imminent danger of being executed", "the risk of an
    # attack".
    if trigger.dep in {"pobj", "pcomp"} and head is not None and head.text.lower() == "of" and (
            owner := by_i.get(head.head)) is not None and owner.lemma.lower() in rules.peril_nouns:
        return False
    # A noun wanted or demanded: "called for an immediate ceasefire", "demanded the
    # withdrawal of US forces".
    if trigger.pos == "NOUN" and trigger.dep in {"dobj", "pobj"} and _governing_verb(
            trigger, by_i).lemma.lower() in rules.wanted_by:
        return False
    # A title-case headline has no usable parse: "Parliament Demands Withdrawal of US
    # Troops", "Militia Leader Threatens New Attacks" are read off the words before.
    if trigger.pos == "PROPN" and any(
            set(_headline_lemmas(t.text.lower())) & rules.wanted_by
            for t in sentence.tokens if trigger.i - 3 <= t.i < trigger.i):
        return False
    # A noun naming another noun: "the carrier strike group", "attack helicopters",
    # "the withdrawal deadline".
    if trigger.pos == "NOUN" and trigger.dep == "compound":
        return False
    # Negated: "US forces were not attacked", "will not be reinforced", "no ceasefire".
    if any(t.dep == "neg" or (t.dep == "det" and t.lemma.lower() == "no")
           for t in children(sentence, trigger)):
        return False
    # A verb done to an event of another kind: "plan and execute attacks" is no execution.
    if trigger.pos == "VERB" and event_type in rules.never_done_to_events and any(
            t.dep == "dobj" and rules.type_of_word.get(t.lemma.lower(), event_type) != event_type
            for t in children(sentence, trigger)):
        return False
    stoppers = rules.stopped_by | (rules.attacks_stepped_up_by if event_type == "attack"
                                   else frozenset())
    if trigger.dep == "dobj" and head is not None and head.lemma.lower() in stoppers:
        return False
    # "the end of a year-long ceasefire", "a halt to the attacks": the noun's ending
    if trigger.dep == "pobj" and head is not None and (
            owner := by_i.get(head.head)) is not None and owner.pos == "NOUN" and (
            owner.lemma.lower() in stoppers):
        return False
    return not told_of_many(sentence, trigger, rules)


def _wanted_or_supposed(sentence: Sentence, trigger: Token, by_i: dict[int, Token],
                        rules: OnceRules) -> bool:
    """Whether the trigger's clause, or a clause it is part of, is wanted, threatened or
    supposed rather than told as done: "threatened that the next phase of attacks would
    be greater", "wants the coalition to start withdrawing", "if the US refused to
    withdraw". A relative or adverbial clause is told on its own ("the group that
    attacked the base would pay"); what one asked of another may have been done further
    down ("asked the coalition to carry out strikes")."""
    token, seen = trigger, {trigger.i}
    while True:
        if token.dep == "advcl" and any(
                t.dep == "mark" and t.lemma.lower() in CONDITIONAL_MARKS
                for t in children(sentence, token)) and not _whether(sentence, token, by_i):
            return True
        if token.dep in CLAUSE_BOUNDARY_DEPS:
            return False
        head = by_i.get(token.head)
        if head is None or head.i in seen:
            return False
        if token.dep in {"xcomp", "ccomp"} and head.lemma.lower() in rules.wanted_by and (
                token.i == trigger.i or (head.lemma.lower() not in rules.asked_of_others
                                         and _not_told_as_done(sentence, token, rules))):
            return True
        seen.add(head.i)
        token = head


def _not_told_as_done(sentence: Sentence, clause: Token, rules: OnceRules) -> bool:
    """Whether a clause under a threat or a wish tells what may come ("to start
    withdrawing", "would be greater") rather than what was done ("warned that the strike
    killed two soldiers")."""
    return clause.dep == "xcomp" or any(
        t.dep in {"aux", "auxpass"} and (t.text.lower() in rules.modals
                                         or t.text.lower() in FUTURE_AUXILIARIES)
        for t in children(sentence, clause))


# auxiliaries of what may come besides the modals (data `modals`): "will", an
# infinitive's "to"
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "can", "to"})


def _whether(sentence: Sentence, clause: Token, by_i: dict[int, Token]) -> bool:
    """Whether an "if" clause asks whether ("it was not clear if the strike killed
    anyone", "asked if"): what it tells may well have happened."""
    head = by_i.get(clause.head)
    return head is not None and any(
        t.lemma.lower() in WHETHER_WORDS for t in (head, *children(sentence, head))
        if t.i == head.i or t.dep == "acomp")


# "if the US refused to withdraw": a condition, not what was done
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# words after which "if" means "whether"
WHETHER_WORDS = frozenset({"clear", "unclear", "know", "known", "sure", "certain", "ask",
                           "wonder", "see", "determine", "confirm", "say", "tell"})
# clauses told on their own: what is wanted or supposed beyond them does not reach in
CLAUSE_BOUNDARY_DEPS = frozenset({"relcl", "acl", "parataxis", "csubj", "advcl"})


def told_of_many(sentence: Sentence, trigger: Token, rules: OnceRules) -> bool:
    """Whether the trigger counts events rather than telling one ("27 rocket and drone
    attacks", "attacked 74 times", "a series of attacks targeted ...")."""
    by_i = sentence.by_index()
    if _counted_times(sentence, _governing_verb(trigger, by_i), rules):
        return True
    plural = trigger.pos == "NOUN" and trigger.text.lower() != trigger.lemma.lower()
    if trigger.pos == "VERB":  # "a series of rocket attacks targeted …", "some of which
        # injured US personnel": a verb told of many events
        for subject in children(sentence, trigger):
            if subject.dep not in {"nsubj", "nsubjpass"}:
                continue
            # many events, not many people ("several US personnel were injured"); "some of
            # which", "most of the attacks" count events
            of_events = subject.lemma.lower() in rules.event_words or (
                subject.text.lower() in rules.counts and any(
                    o.lemma.lower() in rules.event_words or o.lemma.lower() == "which"
                    for p in children(sentence, subject) if p.text.lower() == "of"
                    for o in children(sentence, p)))
            if of_events and (subject.text.lower() in rules.counts
                              or _counted(sentence, subject, by_i, rules)):
                return True
    return plural and _counted(sentence, trigger, by_i, rules)


def _governing_verb(token: Token, by_i: dict[int, Token]) -> Token:
    """The verb a trigger noun hangs from ("come under attack" → come), or the token."""
    seen = {token.i}
    while token.pos not in {"VERB", "AUX"} and (up := by_i.get(token.head)) is not None and (
            up.i not in seen):
        seen.add(up.i)
        token = up
    return token


# "hit three times on Monday" is one attack in three blows; "74 times" is a tally.
TALLY_MIN_TIMES = 10


def _counted_times(sentence: Sentence, verb: Token, rules: OnceRules) -> bool:
    """A tally of occasions on the trigger's verb: "attacked 74 times", "came under
    attack more than 140 times", "dozens of times", "repeatedly attacked"."""
    near = list(children(sentence, verb))
    near += [t for p in near if p.dep == "prep" for t in children(sentence, p)]  # "over 100 times"
    for t in near:
        if t.dep == "advmod" and t.lemma.lower() in rules.campaign_adverbs:  # "repeatedly attacked"
            return True
        if t.text.lower() != "times":
            continue
        for n in subtree(sentence, t):
            number = n.text.replace(",", "")
            if (number.isdigit() and int(number) >= TALLY_MIN_TIMES) or (
                    n.text.lower() in rules.counts):
                return True
    return False


def _counted(
    sentence: Sentence, noun: Token, by_i: dict[int, Token], rules: OnceRules
) -> bool:
    """A plural noun with a number above two or a word like "dozens" in front of it,
    or after "of" following one ("dozens of attacks")."""
    modifiers = [t for t in subtree(sentence, noun) if t.i < noun.i]
    if noun.dep == "pobj" and (of := by_i.get(noun.head)) is not None and of.text == "of":
        modifiers += [t for t in (by_i.get(of.head),) if t is not None]
    for t in modifiers:
        number = t.text.replace(",", "")
        if (t.pos == "NUM" and number.isdigit() and int(number) > 2) or (
            t.text.lower() in rules.counts
        ):
            return True
    return False


def _claimed_by(sentence: Sentence, trigger: Token) -> frozenset[int]:
    """Where the claimer of "X claimed responsibility for the attack" begins: who claims
    an attack is who did it, by their own account."""
    by_i = sentence.by_index()
    up = [trigger]
    while len(up) < 4 and (head := by_i.get(up[-1].head)) is not None and head.i != up[-1].i:
        up.append(head)
    words = [t.lemma.lower() for t in up]
    if len(up) == 4 and words[1:3] == ["for", "responsibility"] and up[3].pos == "VERB" and (
            words[3] in RESPONSIBILITY_VERBS) and not any(
            t.dep == "neg" for t in children(sentence, up[3])):  # not "denied responsibility"
        return _role_starts(sentence, up[3], frozenset({"nsubj"}), frozenset())
    return frozenset()


# A country's own word in a role: "the United States carried out", "strikes on Iran".
# Not a country before the noun: "U.S. strikes" is who struck, but "a Jordan drone
# strike" is where, and the parse does not tell them apart.
COUNTRY_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent"})


def _role_heads(sentence: Sentence, governors: list[Token]) -> set[int]:
    """The role's own words of the trigger or of the verb that says it was done: its
    subject, object, or a preposition's object, where a country does or suffers an event
    ("the United States carried out strikes", "strikes on Iran"); not whose people or
    body did ("US forces attacked", "against Iran's Quds Force") nor where they were
    ("a base in Iraq", "a Jordan drone strike")."""
    heads: set[int] = set()
    for governor in governors:
        for child in children(sentence, governor):
            if child.dep in COUNTRY_ROLE_DEPS:
                heads.add(child.i)
            elif child.dep == "prep" and child.text.lower() in (
                    AGENT_PREPOSITIONS | TARGET_PREPOSITIONS):
                heads.update(t.i for t in children(sentence, child) if t.dep == "pobj")
    heads.update(t.i for t in sentence.tokens if t.dep == "conj" and t.head in heads)
    return heads


def _span_root(sentence: Sentence, start: int, end: int) -> Token | None:
    """The first word of a span that hangs it from the rest of the sentence: its head
    is outside the span, or it is the sentence's root."""
    by_i = sentence.by_index()
    return next((t for t in sentence.tokens if start <= t.start < end and (
        t.head == t.i or not start <= by_i.get(t.head, t).start < end)), None)


def _doing_verb(sentence: Sentence, trigger: Token, verbs: frozenset[str]) -> Token | None:
    """The verb that says a noun trigger was done: the one it is the object of ("carried
    out strikes", "launched a drone attack"), or one that qualifies it ("strikes
    carried out by US forces")."""
    head = sentence.by_index().get(trigger.head)
    if trigger.dep == "dobj" and head is not None and head.lemma.lower() in verbs:
        return head
    return next((t for t in children(sentence, trigger)
                 if t.dep == "acl" and t.lemma.lower() in verbs), None)


def _objects_of(
    sentence: Sentence, head: Token, prepositions: frozenset[str],
    place_nouns: frozenset[str] = frozenset(),
) -> list[int]:
    """Where the objects of the head's prepositions among `prepositions` begin: the
    noun itself ("forces" in "on US forces"), not its modifiers, unless the noun is a
    word for a place ("province", "city") that the modifiers name."""
    starts = []
    for prep in children(sentence, head):
        if prep.dep != "prep" or prep.text.lower() not in prepositions:
            continue
        for obj in children(sentence, prep):
            if obj.dep != "pobj":
                continue
            starts.append(obj.start)
            if obj.lemma.lower() in place_nouns:  # "in Iraq's Anbar province"
                starts += [t.start for t in children(sentence, obj)
                           if t.dep in {"compound", "poss", "nmod", "amod"}]
    return starts


def _role_starts(
    sentence: Sentence, head: Token, deps: frozenset[str], prepositions: frozenset[str]
) -> frozenset[int]:
    """Where the tokens of a role begin: the subtrees of the head's children with one of
    `deps`, or prepositions among `prepositions` (by their own word)."""
    starts: set[int] = set()
    for child in children(sentence, head):
        if child.dep in deps or (child.dep == "prep" and child.text.lower() in prepositions):
            starts.update(t.start for t in subtree(sentence, child))
    return frozenset(starts)


def _telling_of(
    sentence: Sentence, trigger: Token, claims: tuple[Claim, ...], speakers: set[EntityId]
) -> set[EntityId]:
    """The speakers whose saying word has the trigger in what it says (or whose saying
    word is not found): not one who did the thing and then said something else."""
    told = set()
    for claim in claims:
        cue = _cue_token(sentence, claim)
        if claim.speaker_id and (cue is None or trigger in subtree(sentence, cue)):
            told.add(claim.speaker_id)
    return told & speakers


def _cue_token(sentence: Sentence, claim: Claim) -> Token | None:
    """The sentence's word a claim was told with ("said", "denied")."""
    return next((t for t in sentence.tokens if t.text == claim.cue), None)


def _whose_people(sentence: Sentence, people: frozenset[str]) -> frozenset[int]:
    """Where the bodies that people are named by begin ("ISIS" in "the leader of ISIS
    in Iraq was killed"): what was done to the leader was not done to ISIS."""
    by_i = sentence.by_index()
    return frozenset(
        t.start for of in sentence.tokens if of.dep == "prep" and of.text.lower() == "of"
        and (owner := by_i.get(of.head)) is not None and owner.text.lower() in people
        for t in subtree(sentence, of))


def _held_place_starts(sentence: Sentence, trigger: Token, noun: bool,
                       place_nouns: frozenset[str]) -> frozenset[int]:
    """Where the word begins of what was taken: the object ("liberated Tal Afar"), or
    for a noun what follows "of" ("the recapture of Ramadi"), and the name a word for a
    place stands for ("the town of X", "X city", "control of X", "parts of X"); not a word
    inside it ("liberated four hostages held in Syria")."""
    def of_objects(token: Token) -> list[Token]:
        return [o for p in children(sentence, token) if p.dep == "prep"
                and p.text.lower() == "of" for o in children(sentence, p) if o.dep == "pobj"]

    heads = [t for t in children(sentence, trigger) if t.dep in {"dobj", "nsubjpass"}]
    if noun:
        heads += of_objects(trigger)
    named = heads
    for _ in range(2):  # "control of | the town of | Baiji"
        named = [t for h in named if h.lemma.lower() in place_nouns
                 for t in [*of_objects(h), *(c for c in children(sentence, h)
                                             if c.dep in {"compound", "poss", "nmod"})]]
        heads = heads + named
    return frozenset(t.start for t in heads)


def _at_whose_request(sentence: Sentence, nouns: frozenset[str]) -> frozenset[int]:
    """Where the phrases begin that say on whose behalf or order it was done ("at the
    request of the Iraqi Security Forces", "on behalf of Iran"): no one it was done to."""
    return frozenset(
        t.start for prep in sentence.tokens if prep.dep == "prep" and any(
            o.dep == "pobj" and o.lemma.lower() in nouns for o in children(sentence, prep))
        for t in subtree(sentence, prep))


def _inside(mention: Located, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= mention.start < span[1]


def _stated_date(
    article: ParsedArticle, sentence: Sentence, trigger: Token, published,
    dates: list[Mention],
) -> StatedDate | None:
    """The first date of the sentence that says when the trigger happened: not since or
    until when, and not the date of another clause ("the first deadly strike since the
    war erupted in October"). `dates` are the sentence's DATE mentions (grouped once per
    article by the caller)."""
    text = article.article.text
    by_i = sentence.by_index()
    for mention in dates:
        if NOT_WHEN.search(text[max(sentence.start, mention.start - 12) : mention.start]):
            continue
        if not _dates_trigger(mention, trigger, sentence, by_i):
            continue
        stated = normalise(mention.text, published)
        if stated is not None:
            return stated
    return None


def _dates_trigger(mention: Mention, trigger: Token, sentence: Sentence,
                   by_i: dict[int, Token]) -> bool:
    """Whether a date belongs to the trigger's clause: the first verb above it is the
    trigger or one of the trigger's own heads ("carried out the strikes on Friday",
    "the attack, officials said on Sunday"), not a verb of another clause ("erupted
    in October")."""
    root = _span_root(sentence, mention.start, mention.end)
    if root is None:
        return True
    ancestors = {trigger.i}
    token = trigger
    while (up := by_i.get(token.head)) is not None and up.i not in ancestors:
        ancestors.add(up.i)
        token = up
    token, seen = root, {root.i}
    while (up := by_i.get(token.head)) is not None and up.i not in seen:
        if up.i == trigger.i or (up.pos in {"VERB", "AUX"} and up.i != token.i):
            return up.i in ancestors
        seen.add(up.i)
        token = up
    return True


def _unique(ids: Iterable[EntityId]) -> tuple[EntityId, ...]:
    return tuple(dict.fromkeys(ids))


def _too_broad(entities: Sequence[Entity]) -> frozenset[EntityId]:
    """Entities too broad to join two mentions into one event: whole countries, and the
    outlets that report every kind of event ("Reuters reported")."""
    return frozenset(e.id for e in entities if e.kind != "base" and (
        _is_country(e) or e.type in REPORTERS))


def _is_country(entity: Entity) -> bool:
    names = [entity.name, *(a for a, _ in entity.aliases)]
    return any(is_country_name(n) for n in names) or entity.type == "state"


class Clusters(NamedTuple):
    """Mentions grouped into events, and each join that made a group: the two mentions
    it joined and why (the rule, and for a shared name every name the two share)."""

    groups: list[list[Found]]
    joins: list[tuple[Found, Found, tuple[tuple[str, ...], ...]]]


def cluster(
    found: list[Found], broad: frozenset[EntityId], people: frozenset[EntityId]
) -> Clusters:
    """Group mentions into events (see the module docstring for the rule)."""
    parent = list(range(len(found)))
    joins: list[tuple[int, int, tuple[str, ...]]] = []
    anchors_of: dict[int, set[tuple[str, ...]]] = defaultdict(set)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int, why: tuple[str, ...]) -> None:
        a, b = root(i), root(j)
        if a != b and _joinable(traits[a], traits[b]):
            keep, gone = min(a, b), max(a, b)
            parent[gone] = keep
            members[keep].extend(members.pop(gone))
            traits[keep] = traits[keep].joined(traits.pop(gone))
            joins.append((i, j, why))

    members = {i: [f] for i, f in enumerate(found)}
    # Per group: its distinct dates, bases and when it can have happened (a window from
    # its articles' publication dates), kept up to date as groups join.
    traits = {i: Traits({f.date}, set(f.bases), *_window(f),
                        frozenset() if f.earlier else frozenset({f.mention.source}),
                        frozenset({f.mention.source}) if f.earlier else frozenset())
              for i, f in enumerate(found)}
    by_anchor: dict[tuple, list[int]] = defaultdict(list)
    previous_of_type: dict[tuple[str, SourceId], int] = {}
    first_of_type: dict[tuple[str, SourceId], int] = {}
    last_named: dict[tuple[str, SourceId, str], int | None] = defaultdict(lambda: None)
    for i, f in enumerate(found):
        source = f.mention.source
        specific = sorted(e for e in f.others if e not in broad)
        # "since X raided Y in May": an earlier event shares no name with this story's
        anchors: list[tuple[str, ...]] = [] if f.earlier else [
            ("in", source, e) for e in specific]
        # Across articles a base joins where it is the trigger's own place ("attacked
        # Ain al-Asad", "arrived at Camp Falcon"), not where the sentence only names it.
        anchors += [("across", e) for e in f.bases if e in f.where]
        anchors += [("across", e) for e in f.actors if e in people]
        # Across articles two names join only as roles of the trigger (who, whom,
        # where): a background aside ("Houthi attacks in the Red Sea") names two
        # entities in half the articles of a month.
        roles = sorted({e for e in (*f.actors, *f.targets, *f.where) if e not in broad})
        anchors += [("across", *pair) for pair in combinations(roles, 2)]
        if f.published is not None and _sentence_number(f) <= LEAD_SENTENCES:
            # Two articles that lead with an event of one type at one place, published
            # within a day of each other, lead with the same event.
            anchors += [("lead", e, (f.published + timedelta(days=d)).isoformat())
                        for e in roles for d in (0, 1)]
        for anchor in anchors:
            by_anchor[(f.type, *anchor)].append(i)
        anchors_of[i].update(anchors)
        j = previous_of_type.get((f.type, source))
        if f.earlier:
            continue  # nor is it the one told before or after it
        if f.another and _sentence_number(f) > LEAD_SENTENCES:
            pass  # "another attack", past the lead: not the one told of before
        elif j is not None and (
                _sentence_number(f) - _sentence_number(found[j]) <= FOLLOW_WITHIN_SENTENCES):
            join(j, i, ("said",) if f.attached else ("next",))  # the next sentences
        elif j is not None and (
                _sentence_number(found[j]) <= HEADLINE_SENTENCES
                and _sentence_number(f) <= LEAD_SENTENCES + HEADLINE_SENTENCES
                and first_of_type[(f.type, source)] == j):
            join(j, i, ("headline",))  # the headline's event told in the lead
        elif f.told_before and (k := last_named[(f.type, source, f.lemma)]) is not None:
            join(k, i, ("again", f.lemma))  # "the strikes", far on: those told of before
        previous_of_type[(f.type, source)] = i
        first_of_type.setdefault((f.type, source), i)
        last_named[(f.type, source, f.lemma)] = i
    # Anchors are taken in the order of the mentions they hold, never by their ids:
    # ids depend on history (a kept URL, a numbered slug), and joins depend on order,
    # so ordering by id made an incremental build cluster differently from a clean one.
    # An article with no date of its own ("on Saturday", published when?) joins other
    # articles' events on a shared name only after the dated ones have met, and then the
    # one told in the most alike words, if alike enough: taken in document order, it
    # joined the first attack on its base, months off, and barred the one it told of.
    undated_joins: dict[int, set[int]] = defaultdict(set)
    undated_runs: list[list[int]] = []
    for anchor, indices in sorted(by_anchor.items(), key=lambda kv: tuple(kv[1])):
        if anchor[1] != "in":
            undated = [i for i in indices if _undated(found[i])]
            for i in undated:
                undated_joins[i].update(j for j in indices if not _undated(found[j]))
            undated_runs.append(undated)
            indices = [i for i in indices if not _undated(found[i])]
        for a, b in zip(indices, indices[1:], strict=False):
            join(a, b, ("shared",))
    # joins regroup sentences but never add one: how rare each word is holds throughout
    rarity = _rarity(members)
    for a, b in similar_reports(members, rarity):
        join(a, b, ("similar",))
    vectors: dict[int, dict[str, float]] = {}

    def vector_of(r: int) -> dict[str, float]:
        if r not in vectors:
            vectors[r] = _vector(members[r], rarity)
        return vectors[r]

    def undated_group(i: int) -> bool:
        return all(_undated(f) for f in members[root(i)])

    for i in sorted(i for i, dated in undated_joins.items() if dated):
        if undated_group(i) and (best := _most_alike(
                vector_of, root(i), {root(j) for j in undated_joins[i]})) is not None:
            vectors.pop(root(i), None)
            vectors.pop(best, None)
            join(i, best, ("shared",))
    # Undated reports left meet each other on a shared name, as dated ones do.
    for run in undated_runs:
        for a, b in zip(run, run[1:], strict=False):
            if undated_group(a) and undated_group(b):
                join(a, b, ("shared",))
    groups = [sorted(members[r], key=lambda f: f.order) for r in {root(i) for i in members}]
    # A shared name is told by every name the two share (the first found depends on
    # the order of ids, which depends on history).
    reasons = [(found[a], found[b], tuple(sorted(anchors_of[a] & anchors_of[b])) if why == (
        "shared",) else (why,)) for a, b, why in joins]
    return Clusters(sorted(groups, key=lambda g: g[0].order), reasons)


# Two groups of mentions from different articles that use the same rare words are two
# reports of one event, as topic-detection systems link news stories: a tf-idf cosine
# of their sentences' words at least this high, first reported within a few days of
# each other; with no publication date to compare, only a near-duplicate story.
SIMILAR_MIN_COSINE = 0.25
SIMILAR_UNDATED_MIN_COSINE = 0.25  # and two sentences or more on each side
SIMILAR_VERBATIM_MIN_COSINE = 0.8  # ... or one sentence repeated nearly word for word
# An undated group that shares a name with dated ones joins the most alike if this alike.
UNDATED_ANCHOR_MIN_COSINE = 0.2
# Two groups that each state one day for what happened, the same day, need fewer words
# in common (a group that states several days is already more than one report).
SIMILAR_SAME_DAY_MIN_COSINE = 0.15
SIMILAR_WITHIN_DAYS = 3
# Candidate pairs share one of each other's most telling words (an inverted index), so
# the comparison does not grow with the square of the corpus.
SIMILAR_INDEX_WORDS = 20
# A word that more groups of one type than this count among their most telling is
# common in this corpus (a place every story names), not telling: it pairs no undated
# groups (they still pair through their rarer words, and dated ones within their days).
SIMILAR_MAX_SHARING = 50


def similar_reports(members: dict[int, list[Found]],
                    rarity: tuple[Counter[str], int] | None = None) -> list[tuple[int, int]]:
    """Pairs of groups (by their first member's index) of one type, from different
    articles, whose sentences' words are alike; strongest first, ties in index order.
    The caller's join still checks dates, bases and time windows."""
    groups = {r: g for r, g in members.items()
              if g[0].type != OTHER and not all(f.attached for f in g)}
    rarity = rarity or _rarity(members)
    vectors = {r: _vector(g, rarity) for r, g in groups.items()}
    index: dict[tuple[str, str], list[int]] = defaultdict(list)  # (type, word) → groups
    for r in sorted(vectors):
        for w in sorted(vectors[r], key=lambda w: (-vectors[r][w], w))[:SIMILAR_INDEX_WORDS]:
            index[(groups[r][0].type, w)].append(r)
    sources = {r: {f.mention.source for f in g} for r, g in groups.items()}
    first: dict[int, dt.date | None] = {
        r: min((f.published for f in g if f.published is not None), default=None)
        for r, g in groups.items()}
    days = {r: {f.date.key for f in g if f.date is not None and len(f.date.key) == 10}
            for r, g in groups.items()}
    told = {r: len(_one_per_sentence(g)) for r, g in groups.items()}
    candidates = {pair for rs in index.values() for pair in _near_in_time(rs, first)}
    pairs = []
    for a, b in sorted(candidates):
        if sources[a] & sources[b]:
            continue
        dated = first[a] is not None and first[b] is not None
        cosine = _cosine(vectors[a], vectors[b])
        one_day = len(days[a]) == 1 and days[a] == days[b]
        least = SIMILAR_SAME_DAY_MIN_COSINE if one_day else (
            SIMILAR_MIN_COSINE if dated else SIMILAR_UNDATED_MIN_COSINE)
        # a lone sentence's words say too little to tie it to a story with no date,
        # unless it is that story's sentence nearly word for word
        if cosine >= least and (dated or one_day or min(told[a], told[b]) >= 2
                                or cosine >= SIMILAR_VERBATIM_MIN_COSINE):
            pairs.append((-cosine, a, b))
    return [(a, b) for _, a, b in sorted(pairs)]


def _near_in_time(groups: list[int], first: dict[int, dt.date | None]) -> Iterable[
        tuple[int, int]]:
    """The pairs (smaller index first) of `groups` first reported within
    SIMILAR_WITHIN_DAYS of each other, or with no date to compare: a common word's
    groups span years, and pairing all of them grows with the square of the corpus."""
    undated = [r for r in groups if first[r] is None] if len(
        groups) <= SIMILAR_MAX_SHARING else []
    yield from ((min(a, b), max(a, b)) for a, b in combinations(undated, 2))
    yield from ((min(u, r), max(u, r)) for u in undated for r in groups
                if first[r] is not None)
    dated = sorted((d, r) for r in groups if (d := first[r]) is not None)
    for i, (day, r) in enumerate(dated):
        for later, other in dated[i + 1:]:
            if (later - day).days > SIMILAR_WITHIN_DAYS:
                break
            yield min(r, other), max(r, other)


def _rarity(members: dict[int, list[Found]]) -> tuple[Counter[str], int]:
    """In how many sentences each word is, and how many sentences there are: each
    counted once (one sentence can hold an attack and a killing); a word in every
    sentence tells two stories apart no better than "the" does."""
    sentences = {(f.mention.source, f.mention.sentence): f.words
                 for g in members.values() for f in g}
    return Counter(w for words in sentences.values() for w in words), len(sentences) or 1


def _vector(group: list[Found], rarity: tuple[Counter[str], int]) -> dict[str, float]:
    """A group's sentences' words as a unit tf-idf vector."""
    documents, total = rarity
    counts = Counter(w for f in _one_per_sentence(group) for w in f.words)
    weights = {w: (1 + math.log(n)) * math.log(total / documents[w]) for w, n in counts.items()}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    return {w: x / norm for w, x in weights.items() if x > 0}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = sorted((a, b), key=len)
    # the same products summed in the same order as a loop over `small`, in C
    return sum(map(mul, small.values(), map(large.get, small, repeat(0.0))))


def _undated(found: Found) -> bool:
    """A mention of an article with no publication date that states no day of its own."""
    return found.published is None and (found.date is None or not found.date.key)


def _most_alike(vector_of: Callable[[int], dict[str, float]], group: int,
                others: set[int]) -> int | None:
    """Of `others`, the group told in words most like `group`'s (tf-idf cosine), if
    alike enough to be one story; else None."""
    scored = sorted((-_cosine(vector_of(group), vector_of(r)), r) for r in others if r != group)
    return scored[0][1] if scored and -scored[0][0] >= UNDATED_ANCHOR_MIN_COSINE else None


def _one_per_sentence(group: list[Found]) -> list[Found]:
    return list({(f.mention.source, f.mention.sentence): f for f in group}.values())


@dataclass
class Traits:
    """What decides whether two groups of mentions may be one event."""

    dates: set
    bases: set[EntityId]
    earliest: date | None  # it happened on or after this day (undated mentions' reach)
    latest: date | None  # and on or before this one (its first report)
    # the articles that tell it, and those that measure their own story against it
    told_in: frozenset[SourceId] = frozenset()
    measured_in: frozenset[SourceId] = frozenset()

    def joined(self, other: Traits) -> Traits:
        return Traits(self.dates | other.dates, self.bases | other.bases,
                      max(filter(None, (self.earliest, other.earliest)), default=None),
                      min(filter(None, (self.latest, other.latest)), default=None),
                      self.told_in | other.told_in, self.measured_in | other.measured_in)


def _window(found: Found) -> tuple[date | None, date | None]:
    if found.published is None:
        return None, None
    reach = None if found.date is not None else found.published - timedelta(
        days=UNDATED_REACH_DAYS)
    return reach, found.published


def _joinable(a: Traits, b: Traits) -> bool:
    """Two groups may join when every pair of their dates is compatible, they do not
    name only different bases, and one window of time holds them: no article reports
    an event after it was published, and an undated mention is about recent events
    (so it never bridges two years the other mentions state)."""
    if not all(compatible(x, y) for x in a.dates for y in b.dates):
        return False
    if a.told_in & b.measured_in or a.measured_in & b.told_in:
        return False  # "the deadliest since the 2019 attack": that attack is another
    if a.bases and b.bases and not a.bases & b.bases:
        return False
    joined = a.joined(b)
    if joined.earliest and joined.latest and joined.earliest > joined.latest:
        return False
    days = [_day(d) for d in joined.dates if d is not None and d.dated]
    return all((joined.latest is None or day <= joined.latest + timedelta(days=1))
               and (joined.earliest is None or day >= joined.earliest)
               for day in days if day is not None)


def _day(stated: StatedDate) -> date | None:
    """The stated day (or first day of the stated month or year) as a date."""
    parts = stated.key.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                    int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _sentence_number(found: Found) -> int:
    return sentence_number(found.mention.sentence)


# Event ids are file names: the title's slug is cut at a word to stay well inside the
# file system's 255 bytes.
EVENT_SLUG_MAX_CHARS = 75


def _events(
    clusters: Clusters, by_id: dict[EntityId, Entity], lexicon: Lexicon
) -> tuple[Event, ...]:
    events = []
    used: set[str] = set()
    group_of = {id(f): n for n, group in enumerate(clusters.groups) for f in group}
    joins_of: dict[int, list[EventJoin]] = defaultdict(list)
    for a, b, anchors in clusters.joins:
        reasons = sorted({_why(anchor, by_id) for anchor in anchors})
        joins_of[group_of[id(a)]].append(EventJoin(a.mention, b.mention, "; ".join(reasons)))
    for n, group in enumerate(clusters.groups):
        if all(f.attached for f in group):  # beside no event after all: a statement
            group = [replace(f, type=OTHER) for f in group]
        event_type = group[0].type
        label = lexicon.types[event_type].label if event_type != OTHER else "Statement"
        rule = lexicon.types.get(event_type)
        title = _title(group, by_id, _headline_label(group, lexicon, label),
                       place_is_where=rule is not None and rule.place_is_where)
        # The first sentence that reports the event keeps its URL stable when articles
        # are added: no renumbering of "attack-in-iraq-2" into "-3".
        first = group[0].mention
        anchor = hashlib.sha1(f"{first.source}#{first.sentence}".encode()).hexdigest()[:4]
        short = slugify(title, max_length=EVENT_SLUG_MAX_CHARS, word_boundary=True)
        slug = first_free(f"{short or event_type}-{anchor}", used)
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
            joins=tuple(joins_of[n]),
        ))
    return tuple(sorted(events, key=lambda e: e.id))


def _headline_label(group: list[Found], lexicon: Lexicon, label: str) -> str:
    """The word a headline uses for what its reports say happened: "Assassination",
    "Arrest" rather than the type's label "Killing or arrest" (data: `headline_words`)."""
    rule = lexicon.types.get(group[0].type)
    words = rule.headline_words if rule else {}
    said: Counter[str] = Counter()
    for found in group:
        forms = _headline_lemmas(found.mention.trigger.lower())  # "killed" -> "kill"
        said.update(next(([words[f]] for f in forms if f in words), []))
    return min(said, key=lambda w: (-said[w], w)) if said else label


# Types whose event is where the sentence's base is, said or not ("drones hit US troops
# … at the base"); not an agreement about a base, nor a withdrawal to one.
BASE_NAMED_IS_WHERE = frozenset({"attack", "deployment", "base_established", "killing",
                                 "meeting"})


def _title(group: list[Found], by_id: dict[EntityId, Entity], label: str,
           place_is_where: bool = False) -> str:
    """A headline from the roles: who did what to whom, where. "Kataib Hezbollah attack
    on Tower 22", "Attack on Kataib Hezbollah in Jurf al-Nasr", "Thabet al-Abbasi meets
    Lloyd Austin in Washington", "Deployment at Ain al-Asad". The most reported name of
    each role leads."""

    def ranked(said: Iterable[tuple[SourceId, EntityId]], backed: int = 1) -> list[str]:
        said = list(said)
        counts = Counter(k for _, k in said)
        articles: dict[EntityId, set[SourceId]] = defaultdict(set)
        for source, k in said:
            articles[k].add(source)
        return [by_id[k].name for k in sorted(counts, key=lambda k: (-counts[k], by_id[k].name, k))
                if counts[k] >= backed or len(articles[k]) >= ROLE_ARTICLES]

    # Who, whom and where lead the headline only when a third of its sentences say so,
    # or two articles do: one sentence's misread role must not title an event reported
    # twenty times, and two reports that agree are no misreading. Only a grammatical
    # subject is "who"; "where" is from the trigger's clause, so a place the sentence
    # merely names ("Iran-backed", "US forces") never titles the event.
    backed = max(1, math.ceil(len(group) / ROLE_BACKING))
    base_ids = {b for f in group for b in f.bases}
    bases = ranked(((f.mention.source, w) for f in group for w in f.where if w in base_ids),
                   backed)
    if not bases and group[0].type in BASE_NAMED_IS_WHERE:  # a base the sentence names
        bases = ranked(((f.mention.source, b) for f in group for b in f.bases), backed)
    places = ranked(((f.mention.source, w) for f in group for w in f.where
                     if w not in base_ids), backed)
    targets = ranked(((f.mention.source, t) for f in group for t in f.targets), backed)
    actors = ranked(((f.mention.source, a) for f in group for a in f.agents), backed)
    targets = [t for t in targets if t not in actors[:1]]
    event_type = group[0].type
    where = bases[0] if bases else places[0] if places else ""
    if targets and where == targets[0]:  # "Israel attack on Iran", not "… in Iran"
        where = ""
    at = f" at {where}" if bases else f" in {where}" if where else ""
    if event_type == "meeting" and actors:  # where people meet is a place, not a base
        others = [a for a in actors[1:2] + targets[:1] if a != actors[0]][:1]
        within = f" in {places[0]}" if places else ""
        return f"{actors[0]} meets {others[0]}{within}" if others else label + within
    if event_type == "attack":
        head = f"{actors[0]} attack" if actors else label
        if targets:
            return f"{head} on {targets[0]}{at}"
        return f"{head} on {where}" if bases else f"{head}{at}"
    if event_type == "killing" and targets:
        # whom: a person named among the victims before the group they belong to
        # ("Hamas leader Ismail Haniyeh" is Haniyeh's killing, not Hamas's)
        people = ranked(((f.mention.source, t) for f in group for t in f.targets
                         if by_id[t].type == "person"), max(1, backed // 2))
        targets = people + [t for t in targets if t not in people]
        return f"{label} of {targets[0]}" + (f" by {actors[0]}" if actors else "") + at
    if place_is_where and where:  # "Liberation of Tal Afar by Iraqi forces"
        return f"{label} of {where}" + (f" by {actors[0]}" if actors else "")
    # Deployments, withdrawals, agreements: who is often not the subject ("X said the
    # deployment …"), so the title names only where.
    return label + at


def _unique_mentions(mentions: Iterable[EventMention]) -> tuple[EventMention, ...]:
    by_sentence: dict[tuple[SourceId, str], EventMention] = {}
    for mention in mentions:
        by_sentence.setdefault((mention.source, mention.sentence), mention)
    order = sorted(by_sentence, key=lambda k: (k[0], sentence_number(k[1])))
    return tuple(by_sentence[k] for k in order)
