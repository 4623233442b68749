"""resolve: entity mentions → canonical entities (actor, base, place).

Each mention is cleaned (leading "the", possessives, titles, base words), keyed by a
folded spelling that makes transliteration variants equal, and then linked: acronyms
declared in parentheses join their full name, and surnames join the person named in
full in the same article or, when unambiguous, in the corpus. Kind and type are voted
over every mention, with context words ("X base", "militia X") weighing most.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial
from itertools import combinations
from typing import cast

from rapidfuzz import fuzz

from briefgen.cache import EntryCache, cache_key, code_stamp
from briefgen.curation import Curation, Override, apply_curation
from briefgen.language import english
from briefgen.mentions import dateline_places, repaired_mentions
from briefgen.names import (
    Rules,
    clean_name,
    country_word_key,
    demonym_stem,
    described_body,
    in_title_case,
    is_country_name,
    is_demonym,
    is_junk,
    is_qualifier,
    load_rules,
    looks_like_person,
    name_key,
    same_spelling_variant,
    skeleton,
    strip_base_word,
    town_keys,
    unfolded_key,
)
from briefgen.records import (
    Entity,
    EntityId,
    Kind,
    Mention,
    MentionRef,
    ParsedArticle,
    Problem,
    SourceId,
    Token,
    sentence_anchor,
)
from briefgen.slugs import SECTION_OF_KIND, Previous, assign_ids

CONTEXT_WINDOW = 30
SAME_NAME_SCORE = 90  # rapidfuzz token-set ratio: one name written out more or less fully
BASE_CUE_WEIGHT = 3


@dataclass(frozen=True)
class Candidate:
    """One mention on its way to an entity: cleaned name, comparison key and votes."""

    ref: MentionRef
    name: str
    key: str
    label: str
    kind_votes: tuple[tuple[Kind, int], ...]
    type_votes: tuple[tuple[str, int], ...]
    role: str = ""
    titled: str = ""
    headline: bool = False  # from a line in title case, where NER runs names together


@dataclass(frozen=True)
class Resolved:
    entities: tuple[Entity, ...]
    redirects: dict[str, str] = field(default_factory=dict)  # old entity url -> new url
    problems: tuple[Problem, ...] = ()


def resolve(
    articles: Sequence[ParsedArticle],
    curation: Curation | None = None,
    previous: Previous | None = None,
    mention_cache: EntryCache | None = None,
) -> Resolved:
    """Link mentions by rule, then apply the user's curation file last, then give each
    entity its URL slug (kept stable against the previous build). Each article's own
    candidates depend on nothing else, so with a cache only new articles compute them."""
    rules = load_rules()
    candidates = [c for a in articles for c in _article_candidates(a, rules, mention_cache)]
    if mention_cache is not None:
        mention_cache.prune()
    candidates = _names_out_of_headlines(candidates, rules)
    candidates = [_keyed(c, _known_key(c.key, rules)) for c in candidates]
    candidates = _link_acronyms(candidates, articles, rules)
    candidates = _link_partial_acronyms(candidates, rules)
    candidates = _link_compound_acronyms(candidates, rules)
    outlets = {name_key(a.article.outlet, rules) for a in articles if a.article.outlet}
    candidates = _towns_by_their_names(candidates, outlets, rules)
    candidates = _merge_spelling_variants(candidates)
    candidates = _merge_person_forms(candidates, rules)
    candidates = _link_partial_names(candidates, rules)
    candidates = _link_unqualified_names(candidates, rules)
    candidates = _link_name_tails(candidates, rules)
    candidates = _link_name_heads(candidates, rules)
    candidates = _link_cut_bodies(candidates)
    candidates = _link_described_bodies(candidates, rules)
    candidates = _merge_equivalent_keys(candidates, rules)
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        groups[candidate.key].append(candidate)
    groups = {k: g for k, g in groups.items() if not all(_is_equipment(c) for c in g)}
    groups = _bases_apart_from_their_town(groups, rules)
    # Curation, short forms and slugs compare many repeated names: key each one once.
    key_of = cache(partial(name_key, rules=rules))
    curation = curation or Curation()
    curated = apply_curation(groups, curation, key_of, curation.shown_as)
    entities = [
        _curated(_entity(group), curated.overrides.get(key))
        for key, group in sorted(curated.groups.items())
    ]
    entities = _with_short_forms(entities, rules, key_of)
    with_ids, redirects = assign_ids(entities, previous or Previous(), key_of)
    return Resolved(with_ids, redirects, curation.problems + tuple(curated.problems))


def _keyed(candidate: Candidate, key: str) -> Candidate:
    """The candidate under `key`; itself when the key is its own (most are: copying every
    candidate at every linking step was a fifth of resolve)."""
    return candidate if candidate.key == key else replace(candidate, key=key)


def _curated(entity: Entity, override: Override | None) -> Entity:
    if override is None:
        return entity
    kind = override.kind or entity.kind
    entity_type = override.type or (kind if kind in {"base", "place"} else entity.type)
    if kind == "actor" and entity_type in {"base", "place"}:
        entity_type = "state" if entity.type == "place" else "organisation"
    written = {a for a, _ in entity.aliases}
    extra = tuple(a for a in override.aliases if a not in written)
    return replace(
        entity, name=override.name or entity.name, kind=kind, type=entity_type,  # type: ignore[arg-type]
        short_forms=tuple(sorted(set(entity.short_forms) | set(extra))),
    )


CANDIDATE_CODE = ("resolve.py", "mentions.py", "names.py", "language.py", "data/resolve.yml",
                  "data/en.yml")


def _article_candidates(
    article: ParsedArticle, rules: Rules, store: EntryCache | None
) -> list[Candidate]:
    if store is None or not article.parse_key:
        return list(_candidates(article.with_tokens(), rules))
    key = cache_key(article.parse_key, _candidate_stamp())
    hit = store.get(key)
    if hit is not None:
        try:
            return [_candidate_from_row(article, row) for row in hit["candidates"]]
        except (KeyError, TypeError, ValueError):
            pass  # a damaged entry: computed again below
    found = list(_candidates(article.with_tokens(), rules))
    store.put(key, {"candidates": [_candidate_row(c) for c in found]})
    return found


@cache
def _candidate_stamp() -> str:
    return code_stamp(CANDIDATE_CODE)


def _candidate_row(c: Candidate) -> list:
    """A candidate without its source id, which the article can change (front matter)."""
    return [c.ref.sentence, c.ref.start, c.ref.end, c.ref.text, c.name, c.key, c.label,
            c.kind_votes, c.type_votes, c.role, c.titled, c.headline]


def _candidate_from_row(article: ParsedArticle, row: list) -> Candidate:
    """A cached candidate, checked like input: a sentence of this article, a span inside
    its text, a known kind (a damaged entry raises ValueError and is recomputed)."""
    sentence, start, end, text, name, key, label, kinds, types, role, titled, headline = row
    number = str(sentence).removeprefix("s-")
    if not (number.isdigit() and 1 <= int(number) <= len(article.sentences)
            and 0 <= int(start) <= int(end) <= len(article.article.text)
            and all(k in SECTION_OF_KIND for k, _ in kinds)):
        raise ValueError("not a candidate of this article")
    return Candidate(
        MentionRef(article.article.source_id, sentence_anchor(int(number)), int(start),
                   int(end), str(text)),
        str(name), str(key), str(label), tuple((k, int(n)) for k, n in kinds),
        tuple((str(k), int(n)) for k, n in types), str(role), str(titled), bool(headline),
    )


def _candidates(article: ParsedArticle, rules: Rules) -> Iterable[Candidate]:
    text = article.article.text
    cut_at = _cut_end(text)
    headlines = {s.id for s in article.sentences if in_title_case(s.text)}
    datelines = {m.start for m in dateline_places(article)}
    terms = _term_acronyms(text)
    for mention in repaired_mentions(article, rules):
        vote = rules.labels.get(mention.label)
        if vote is None or mention.end >= cut_at:
            continue
        name, role = clean_name(mention.text, rules)
        if mention.label == "PERSON" and (REPORTER_AFTER.match(text, mention.end) or (
                _outlets_journalist(article, text[:mention.start], _caption(
                    article, mention), rules))):
            continue  # who reports the story is no actor of it
        if mention.text in terms or _emphasis(article, mention) or (
                PHRASE_HASHTAG.fullmatch(text, max(0, mention.start - 1), mention.end)):
            continue  # "#EzidiGenocide" is a tweet's phrase, no name
        if mention.start in datelines and name.isupper():  # "ERBIL": the city is "Erbil"
            name = name.title()
        if mention.label == "NORP" and len(name.split()) < rules.norp_min_words:
            continue
        before = text[max(0, mention.start - CONTEXT_WINDOW) : mention.start]
        after = text[mention.end : mention.end + CONTEXT_WINDOW]
        cue = rules.base_after.match(after)
        # a base word after the name or in it ("the H2 | base", "H2 Base") makes a code a base
        # a name the reference lists give is one in lower case too ("peshmerga")
        if is_junk(name, rules, base=cue is not None or strip_base_word(name, rules)[1],
                   described=described_body(name, rules) is not None
                   or name_key(name, rules) in rules.known_aliases) or _is_job_title(
                name, mention.label, rules):
            continue
        stripped, base_in_name = strip_base_word(name, rules)
        found = None if role else rules.role_before.search(before)
        if found and _honorific(found.group(1), rules) and len(stripped.split()) == 1:
            vote = rules.labels["PERSON"]  # "said Mr Velayati": a man, whatever NER read
        kind_votes: list[tuple[Kind, int]] = [(cast(Kind, vote["kind"]), 1)]
        titled = ""
        group_votes: list[tuple[str, int]] = []
        if found and vote["type"] == "person":
            role = found.group(1)
            if " " not in stripped:  # "Secretary Austin" is a way of writing Austin's name
                titled = before[found.start(1) :] + mention.text
        if _honorific(role, rules):
            role = ""  # "Mr Biden": a way of writing the name, no role
        start, end = mention.start, mention.end
        people, _, outlet = stripped.partition(" ")
        if outlet and is_demonym(people, rules) and not is_country_name(people) and not (
                rules.media_words.search(outlet)) and rules.outlet_after.match(after):
            # "the Iranian | Tasnim news agency" is "Tasnim" ("Syrian Arab News Agency" whole)
            stripped = outlet
            start = mention.start + mention.text.index(outlet)
        if (lead := rules.base_before.search(before)) and lead.group(1)[:1].isupper() and (
                not is_country_name(stripped)):
            start -= len(before) - lead.start(1)  # "Mission Support Site | Green Village"
        if cue and mention.end + cue.end() <= _sentence_end(
            article, mention
        ) and not is_country_name(stripped):  # "a US base" names no base: the US is "US"
            end = mention.end + cue.end()
        elif field := FIELD_AFTER.match(after):  # the field is part of what the text says
            end = mention.end + field.end()
            kind_votes.append(("place", BASE_CUE_WEIGHT))
        elif re.search(r"(?i:embassy|consulate)$", stripped) and (
                seat := MISSION_SEAT_AFTER.match(after)) and (
                mention.end + seat.end() <= _sentence_end(article, mention)):
            end = mention.end + seat.end()  # "the US embassy in Baghdad": how it is named
        elif (group := GROUP_AFTER.match(after)) and (mention.label == "ORG" or (
                mention.label in PLACE_LABELS and not is_country_name(stripped))) and (
                mention.end + group.end() <= _sentence_end(article, mention)):
            end = mention.end + group.end()  # "the Islamic State group": how the text names it
            if mention.label in PLACE_LABELS:  # "the Fastaqim faction", tagged a place
                kind_votes.append(("actor", BASE_CUE_WEIGHT))
                group_votes = [("armed group", BASE_CUE_WEIGHT)]
        elif (noun := rules.landform_noun_after.match(after)) and (
                mention.end + noun.end() <= _sentence_end(article, mention)):
            end = mention.end + noun.end()  # "the Sinjar mountains": the noun is the name's
            stripped = f"{stripped} {noun.group().strip()}"
            kind_votes.append(("place", BASE_CUE_WEIGHT))
        elif mention.label in PLACE_LABELS and (noun := rules.place_noun_after.match(after)) and (
                not is_country_name(stripped)) and (
                mention.end + noun.end() <= _sentence_end(article, mention)):
            end = mention.end + noun.end()  # "Anbar province": how the text names it
        if is_country_name(stripped):
            pass  # "a US base" names no base
        elif cue or base_in_name or rules.base_before.search(before) or (
                _listed_after_bases(article, mention, rules)) or (
            # "based in Paris": a city (NER's GPE) a body is based in is no base
            mention.label != "GPE" and rules.base_verb_before.search(before)) or (
                mention.label not in {"GPE", "LOC", "PERSON"} and (
                    rules.base_known_as_before.search(before)
                    or rules.base_described_after.match(after))):
            kind_votes.append(("base", BASE_CUE_WEIGHT))
        elif (len(stripped.split()) >= 2 and (rules.place_name_words.search(stripped)
                                              or rules.place_name_opener.match(stripped))) or (
            mention.label in {"PERSON", "ORG"} and not POSSESSIVE_AFTER.match(after) and (
                rules.place_before.search(before) or rules.place_noun_after.match(after)
                or (mention.label == "PERSON" and rules.place_appositive.match(after))
                or rules.place_described_after.match(after)
                or _inside_a_list_of_places(text, mention, stripped, after, rules))
        ) or ((country := COUNTRY_AFTER.match(after)) and is_country_name(country.group(1))
              and rules.place_before.search(before)):  # "in Balad, Iraq", not "Hezbollah,
            kind_votes.append(("place", BASE_CUE_WEIGHT))  # Iran and Russia": a town
        yield Candidate(
            ref=MentionRef(article.article.source_id, mention.sentence, start, end,
                           text[start:end]),
            name=stripped,
            key=name_key(stripped, rules),
            label=mention.label,
            kind_votes=tuple(kind_votes),
            type_votes=tuple(_type_votes(mention, stripped, before, after, vote, rules))
            + tuple(group_votes) + ((EQUIPMENT, 1),) * _names_equipment(article, mention, rules),
            role=role,
            titled=titled,
            headline=mention.sentence in headlines,
        )


def _honorific(title: str, rules: Rules) -> bool:
    return title.casefold().rstrip(".") in rules.honorifics


# A broadcast's reporter: "Jane Roe reports from Erbil", "AP correspondent Jane Roe
# reports the strikes", a credit "(Jane Roe (sah-LAH'-mah), AP correspondent)".
# A reporter quoted as a source ("Jane Roe, a reporter from X TV, tweeted") is an actor.
REPORTER_AFTER = re.compile(
    r"\s+reports\b|(?:\s*\([^()]{0,40}\))?,\s+(?:[A-Z][\w.]*\s+)?(?:correspondent|reporter)\)")
# A list of places going on after a name ("…, Talbiseh, al-Zaafran and the area around"):
# another name after a comma or "and", or the area around them.
PLACE_LIST_GOES_ON = re.compile(
    rf"(?:,\s+(?:and\s+)?|\s+and\s+)(?:(?:{load_rules().article_any})-)?[A-Z]"
    r"|,?\s+and\s+the\s+(?:area|areas|countryside|outskirts|surroundings)\b")
# How far back a list of places may begin before a name inside it.
LIST_WINDOW = 200


def _span_heads(tokens: dict[int, Token], mention: Mention) -> list[Token]:
    """The tokens of a mention whose head lies outside it: how the span hangs in the
    sentence's parse."""
    return [t for t in tokens.values() if mention.start <= t.start < mention.end and (
        t.head not in tokens or not mention.start <= tokens[t.head].start < mention.end)]


def _listed_after_bases(article: ParsedArticle, mention: Mention, rules: Rules) -> bool:
    """A name in a list after a plural base noun, in its own sentence ("bases such as
    Taji and Ayn al-Asad", "three bases in Iraq: Qaim, Q-West and K-1"); not a clause's
    subject after it ("… such as Taji and Balad, and Kataib Hezbollah claimed …",
    "attacks on US bases: Kataib Hezbollah claims responsibility")."""
    sentence, text = article.sentence(mention.sentence), article.article.text
    # the list's sentence, or the one before where the tagger broke the list at its colon
    begin = sentence.start if not text[: sentence.start].rstrip().endswith(":") else 0
    if not rules.base_list_before.search(text, max(begin, mention.start - LIST_WINDOW),
                                         mention.start):
        return False
    tokens = sentence.by_index()
    heads = _span_heads(tokens, mention)
    return not any(t.dep in {"nsubj", "nsubjpass"} for t in heads)


def _inside_a_list_of_places(text: str, mention: Mention, name: str, after: str,
                             rules: Rules) -> bool:
    """A one-word name, or one with the Arabic article, inside a list after a place's
    cue ("strikes in al-Rastan, Talbiseh, al-Zaafran and the area around"); a person's
    name of two words after "in Baghdad," is no item of a list."""
    return (" " not in name or bool(re.match(rf"{rules.article_any}-", name, re.I))) and (
        text.endswith(", ", 0, mention.start)) and bool(PLACE_LIST_GOES_ON.match(after)) and (
        rules.place_list_before.search(text, max(0, mention.start - LIST_WINDOW),
                                       mention.start) is not None)


# A hashtag of words run together ("#EzidiGenocide"); "#Sinjar" is the town.
PHRASE_HASHTAG = re.compile(r"#\w*[a-z][A-Z]\w*")
# "CNN's Jane Roe": whose a person is, just before the name.
OWNER_BEFORE = re.compile(r"((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)['’]s\s+$")


def _outlets_journalist(article: ParsedArticle, before: str, caption: bool,
                        rules: Rules) -> bool:
    """Whether a person is named as an outlet's journalist: told something ("told CNN's
    Jane Roe"), or in a caption under the article's own outlet, a news agency or a name
    with a media word ("Al Jazeera's Jane Roe explains …", no full stop). Quoted in a
    sentence ("Al Jazeera's Jane Roe said …") she is a source, an actor of the story."""
    found = OWNER_BEFORE.search(before[-CONTEXT_WINDOW:])
    if found is None:
        return False
    owner = found.group(1)
    if rules.outlet_before.search(before[: len(before) - len(found.group())]):
        return True  # "told CNN's Jane Roe": who heard it, not who said it
    own = article.article.outlet
    return (bool(own and name_key(owner, rules) == name_key(own, rules))
            or owner.casefold() in rules.news_agencies
            or bool(rules.media_words.search(owner))) and caption


# "the liberation of Saddam Hussein's hometown": the name is whose, not the place.
POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# A town's country after its name ("a base in Balad, Iraq").
COUNTRY_AFTER = re.compile(r",\s+([A-Z][\w ]{3,30}?)(?=[,.;)]|\s*$)")  # not "Lt." (LT)
# A surname of two names joined by a hyphen ("Hennis-Plasschaert").
HYPHENED_SURNAME = re.compile(r"[A-Z][a-z’']+-[A-Z][a-z’']+")
# "the Islamic State group", "the Fastaqim faction": the noun is part of how the text
# names the group.
GROUP_AFTER = re.compile(r" (?:group|faction)\b(?![-'’])")
# Where a mission is: "the US embassy | in Baghdad".
MISSION_SEAT_AFTER = re.compile(r" in [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?")
# An oil or gas field is named by the name before "gas field" ("the Conoco gas field").
FIELD_AFTER = re.compile(r" (?:gas |oil )field\b|(?: oilfield| gasfield)\b", re.I)


def _names_out_of_headlines(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """In a title-case headline NER cannot see where a name ends ("Islamic Resistance of
    Iraq Targets"). A name there counts when it, or its first words, name something the
    articles' ordinary sentences name too; otherwise it is left out."""
    known = {c.key for c in candidates if not c.headline}
    known_bags = {_word_bag(k) for k in known}
    out = []
    for c in candidates:
        if not c.headline or c.key in known:
            out.append(c)
            continue
        words = c.name.split()
        for n in range(len(words) - 1, 0, -1):
            key = name_key(" ".join(words[:n]), rules)
            if key in known or (n >= 2 and _word_bag(key) in known_bags):
                dropped = len(words) - n
                text = re.sub(rf"(?:\s+\S+){{{dropped}}}$", "", c.ref.text)
                ref = replace(c.ref, end=c.ref.start + len(text), text=text)
                out.append(replace(c, ref=ref, name=" ".join(words[:n]), key=key))
                break
    return out


def _emphasis(article: ParsedArticle, mention: Mention) -> bool:
    """A word in capitals for emphasis, which the parse reads as what something was
    ("the second test was NEGATIVE"): no name."""
    if " " in mention.text or not mention.text.isupper() or len(mention.text) < 4:
        return False
    tokens = [t for t in article.sentence(mention.sentence).tokens
              if mention.start <= t.start < mention.end]
    return len(tokens) == 1 and tokens[0].dep == "acomp"


def _term_acronyms(text: str) -> set[str]:
    """Acronyms the article declares for words in lower case: terms, not names, wherever
    the article uses them ("restricted operating zone (ROZ)" … "re-entered the ROZ",
    "one-way attack uncrewed aerial systems (OWAUAS)")."""
    terms = set()
    for declared in DECLARED_ACRONYM.finditer(text):
        letters = declared.group(1)
        words = re.findall(r"[A-Za-z]+", text[max(0, declared.start() - 120) : declared.start()])
        words = words[-len(letters):]
        if len(words) == len(letters) and all(w.islower() for w in words) and (
                "".join(w[0] for w in words) == letters.casefold()):
            terms.add(letters)
    return terms


DECLARED_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")


def _is_job_title(name: str, label: str, rules: Rules) -> bool:
    """"National Security Correspondent" is a job, not who holds it; "Office of the
    President" is a body (its organisation word says so)."""
    words = name.casefold().split()
    return (len(words) > 1 and label != "PERSON" and words[-1] in rules.role_nouns
            and not set(words) & rules.organisation_heads)


def _cut_end(text: str) -> int:
    """Where a text cut off mid-sentence (a scraped excerpt) stops being whole: a name
    running into that end may be cut ("Washi" for "Washington"). No limit when the text
    ends as a sentence does."""
    stripped = text.rstrip()
    return len(text) + 1 if stripped.endswith(tuple(".!?\"”’')»")) else len(stripped)


# A type vote that marks a mention naming equipment ("Katyusha rockets"): an entity
# whose every mention carries it is dropped; others ignore it.
EQUIPMENT = "equipment"


# The lower-case word right after a name, a plural's "s" apart.
EQUIPMENT_WORD_AFTER = re.compile(r" ([a-z]+?)s?\b")


def _names_equipment(article: ParsedArticle, mention: Mention, rules: Rules) -> bool:
    """Whether the name modifies a weapon or vehicle noun: "Katyusha rockets", "two
    Abrams tanks", "Patriot missile system", "a Super King Air 350 aircraft", "a
    Katyusha rocket launcher platform" (from the parse: the span's head words are
    compounds or modifiers of one noun that is, or is compounded with, one of
    `equipment_nouns`); or a model's name alone, singular or plural (data
    `equipment_names`: "Chinooks and Black Hawks")."""
    text = article.article.text
    if any(name_key(form, rules) in rules.equipment_names
           for form in (mention.text, mention.text.removesuffix("s"))):
        return True  # "Chinooks and Black Hawks": a model's name alone
    if POSSESSIVE_AFTER.match(text, mention.end) or (
            mention.text.split()[-1].casefold() in rules.collective_heads):
        return False  # whose it is: "Rex Tillerson's radar", "U.S. Air Force planes"
    word_after = EQUIPMENT_WORD_AFTER.match(text, mention.end)
    if word_after and word_after.group(1) in rules.equipment_nouns:
        # the words say so where the parse errs ("a Sky Falcon 350 aircraft"), unless the
        # weapon only says how something was done ("Hezbollah rocket attacks")
        use = EQUIPMENT_WORD_AFTER.match(text, word_after.end())
        return not (use and use.group(1) in rules.equipment_uses)
    tokens = article.sentence(mention.sentence).by_index()
    heads = _span_heads(tokens, mention)
    # "Super King Air | 350" may hang on the noun by two words
    if not heads or len({t.head for t in heads}) != 1 or any(
            t.dep not in {"compound", "amod", "nmod", "nummod"} for t in heads):
        return False
    noun = tokens.get(heads[0].head)
    if noun is not None and noun.lemma.casefold() not in rules.equipment_uses and any(
            t.lemma.casefold() in rules.equipment_nouns and t.dep == "compound"
            for t in tokens.values() if mention.end <= t.start < noun.start):
        return True  # "Katyusha | rocket launcher | platform"
    while noun is not None and noun.lemma.casefold() not in rules.equipment_nouns:
        # "Patriot missile system": the modified noun may itself modify the next one
        noun = tokens.get(noun.head) if noun.dep == "compound" and noun.head != noun.i else None
    return noun is not None


def _sentence_end(article: ParsedArticle, mention: Mention) -> int:
    return article.sentence(mention.sentence).end


def _caption(article: ParsedArticle, mention: Mention) -> bool:
    """Whether the mention's sentence is a line with no sentence's end: a caption, a
    teaser ("Al Jazeera's Jane Roe explains the status of MEK in Iraq")."""
    return not article.sentence(mention.sentence).text.rstrip(" '\"’”)").endswith(
        (".", "!", "?"))


def _type_votes(
    mention: Mention, name: str, before: str, after: str, vote: dict, rules: Rules
) -> Iterable[tuple[str, int]]:
    yield vote["type"], 1
    if mention.label in {"ORG", "PERSON", "NORP"}:
        near = " ".join(before.split()[-3:] + after.split()[:3])
        if rules.group_cue.search(near) or name.split()[0].casefold() in rules.group_name_words:
            yield "armed group", 2
        head = name.split()[-1]  # "Security Media Cell" is a cell, "X News Agency" news
        # "X television", and for names NER did not take for a person "told X"
        if rules.outlet_after.match(after) or (
                mention.label != "PERSON" and rules.outlet_before.search(before)):
            yield "media outlet", 2
        for where in (head, name):
            if rules.media_words.search(where):
                yield "media outlet", 2
                break
            if rules.government_words.search(where):
                yield "government body", 2
                break


def _link_acronyms(
    candidates: list[Candidate], articles: Sequence[ParsedArticle], rules: Rules
) -> list[Candidate]:
    """'Full Name (ACR)' anywhere in the corpus makes ACR an alias of Full Name, whether
    or not NER tagged ACR; 'X, better known as Y', 'X (formerly Y)' and 'X (Y)' (a
    parenthesis of names, both sides actors or both places) join X and Y, and so does
    a nickname of a person or a group ("X, known as 'Y'")."""
    links: dict[str, str] = {}
    by_end = {(c.ref.source, c.ref.end): c for c in candidates}
    by_start = {(c.ref.source, c.ref.start): c for c in candidates}
    by_source: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_source[c.ref.source].append(c)
    extra: list[Candidate] = []
    also_known: dict[str, set[str]] = defaultdict(set)
    declared: list[tuple[re.Match, Candidate]] = []
    codes: list[tuple[re.Match, Candidate]] = []
    for article in articles:
        text, source = article.article.text, article.article.source_id
        for match in re.finditer(r"\(([A-Z][A-Za-z]{1,9})\)", text):
            full = by_end.get((source, match.start() - 1)) or by_end.get((source, match.start()))
            # the name as written: "Victory Base Complex (VBC)" is keyed "Victory"
            if full and any(_initials_match(match.group(1), n) for n in (full.name,
                                                                         full.ref.text)):
                declared.append((match, full))
            elif full and _code_of(match.group(1), full, rules):
                codes.append((match, full))
    # a code only where no name's initials give the same letters ("(AAH)" after a
    # person's name is not Asaib Ahl al-Haq's acronym taken over)
    initials = {name_key(match.group(1), rules) for match, _ in declared}
    for match, full in declared + [(m, f) for m, f in codes
                                   if name_key(m.group(1), rules) not in initials]:
        links.setdefault(name_key(match.group(1), rules), full.key)
        if (full.ref.source, match.start(1)) not in by_start:
            ref = replace(full.ref, start=match.start(1), end=match.end(1), text=match.group(1))
            extra.append(replace(full, ref=ref, name=match.group(1), role=""))
    by_start.update({(c.ref.source, c.ref.start): c for c in extra})
    # Where names start, per source, in order: the names within 40 characters after one
    # are a slice (probing each of the 40 positions was a tenth of resolve).
    starts_of: dict[str, list[int]] = defaultdict(list)
    for source, start in sorted(by_start):
        starts_of[source].append(start)
    for article in articles:
        text, source = article.article.text, article.article.source_id
        starts = starts_of.get(source, [])
        for c in by_source[source]:
            for other in _in_parentheses_after(c, text, by_start):
                if other.key != c.key and (other.label in PLACE_LABELS) == (
                    c.label in PLACE_LABELS
                ):
                    also_known[other.key].add(c.key)  # "Kata'ib Hezbollah (the Hezbollah
                    # Brigades)", "Daesh (ISIS)", "the PMF (or Hashd al-Shaabi)"
            for other_start in starts[bisect_left(starts, c.ref.end):bisect_left(
                    starts, min(len(text), c.ref.end + 40))]:
                named = by_start[(source, other_start)]
                gap = text[c.ref.end : other_start]
                family = LABEL_FAMILIES.get(c.label)
                if (rules.alias_phrase.match(gap) or (
                    gap == " or " and PARENTHESIS_AHEAD.match(text, named.ref.end)
                ) or (rules.nickname_phrase.match(gap) and family in {"person", "group"}
                      and LABEL_FAMILIES.get(named.label) == family
                      # "known as Soleimani's right-hand man" names him no Soleimani
                      and not POSSESSIVE_AFTER.match(text, named.ref.end))):
                    also_known[named.key].add(c.key)
                    break
    # "X, better known as Y" said of two different Xs leaves Y ambiguous: joining both
    # would make one entity of two people (or places) through their shared alias. Two
    # spellings of one name ("Mushtaq al-Saidi", "Mushtaq Talib al-Saidi") are one X.
    for alias, names in sorted(also_known.items()):
        if all(fuzz.token_set_ratio(a, b) >= SAME_NAME_SCORE
               for a, b in combinations(sorted(names), 2)):
            links.setdefault(alias, max(names, key=lambda k: (len(k), k)))
    return [_keyed(c, _follow(links, c.key)) for c in candidates + extra]


# Two acronyms joined by a dash name one body ("CJTF-OIR", "CJTF–OIR").
COMPOUND_ACRONYM = re.compile(r"([A-Z]{2,6})\s?[-–‐]\s?([A-Z]{2,6})")


def _link_compound_acronyms(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """Two acronyms joined by a dash name one body where one of them is its operation
    ("CJTF-OIR": the Combined Joint Task Force – Operation Inherent Resolve, one body
    with both names); otherwise they may be two ("KDP-PUK", "EU-NATO"), and the compound
    is one part's body only where the corpus spells out that part alone. A part is
    spelled by the one group name of the corpus whose capitals are its letters."""
    spelled: dict[str, set[str]] = defaultdict(set)  # capitals → keys of group names
    for c in candidates:
        capitals = [w[0] for w in c.name.split() if w[:1].isupper()]
        if c.label in GROUP_LABELS and len(capitals) >= 2 and len(capitals) == len(
                [w for w in c.name.split() if w.casefold() not in STOPWORDS]):
            spelled["".join(capitals)].add(c.key)
    links: dict[str, str] = {}
    for c in candidates:
        if c.label not in GROUP_LABELS or not (
                compound := COMPOUND_ACRONYM.fullmatch(c.name)):
            continue
        fulls = sorted(k for part in compound.groups() if len(spelled[part]) == 1
                       for k in spelled[part] if k != c.key)
        operations = [k for k in fulls if k.split()[0] in rules.organisation_openers]
        if len(fulls) == 2 and len(operations) != 1:
            continue  # two bodies, or two of anything: the compound stays its own
        body = next(k for k in fulls if k not in operations) if fulls else None
        for key in (c.key, *fulls):
            if body is not None and key != body:
                links.setdefault(key, body)
    return [_keyed(c, _follow(links, c.key)) for c in candidates]


# The initials of a name's first words, written in place of them ("MSS", "FOB").
PARTIAL_ACRONYM = re.compile(r"[A-Z]{2,5}")
PARTIAL_ACRONYM_MAX_WORDS = 5


def _link_partial_acronyms(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """A name opened by the initials of another name's first words, the rest the same
    ("MSS Euphrates" for "Mission Support Site Euphrates", "FOB Falcon" for "Forward
    Operating Base Falcon"), is that name when only one name in the corpus fits."""
    spelled: dict[tuple[str, str], set[str]] = defaultdict(set)  # (initials, rest) → keys
    for c in candidates:
        words = c.name.split()
        for k in range(2, min(len(words), PARTIAL_ACRONYM_MAX_WORDS + 1)):
            if all(w[:1].isupper() for w in words[:k]):
                initials = "".join(w[0] for w in words[:k])
                spelled[(initials, name_key(" ".join(words[k:]), rules))].add(c.key)
    out = []
    for c in candidates:
        words = c.name.split()
        if len(words) >= 2 and PARTIAL_ACRONYM.fullmatch(words[0]):
            fits = spelled.get((words[0], name_key(" ".join(words[1:]), rules)), set())
            if len(others := fits - {c.key}) == 1:
                c = replace(c, key=next(iter(others)))
        out.append(c)
    return out


PARENTHESIS_AHEAD = re.compile(r"\s*\([A-Z]")
PARENTHESIS_OPEN = re.compile(r"[’']?s?\s*[(\[]\s*(?:the\s+|or\s+|also\s+)?")
PARENTHESIS_NEXT = re.compile(r"\s*(?:,\s*)?(?:or|/|,)\s+(?:the\s+)?")


def _in_parentheses_after(
    c: Candidate, text: str, by_start: dict[tuple[SourceId, int], Candidate]
) -> list[Candidate]:
    """The names in a parenthesis right after a name, which gives other names of the
    same thing: "X (Y)", "X (ACR, or Y)". Only when the parenthesis holds nothing but
    names: "Baghdad (Reuters)" has a place outside and an outlet inside, and the
    caller also requires one family of names on both sides."""
    opened = PARENTHESIS_OPEN.match(text, c.ref.end)
    if opened is None:
        return []
    found, at = [], opened.end()
    while (inside := by_start.get((c.ref.source, at))) is not None:
        found.append(inside)
        if text.startswith((")", "]"), inside.ref.end):  # "Q-West [Qayyarah Air Base]"
            return found
        step = PARENTHESIS_NEXT.match(text, inside.ref.end)
        if step is None:
            break
        at = step.end()
    return []


def _follow(links: dict[str, str], key: str) -> str:
    """The end of a chain of links (PMU → Popular Mobilization Units → Hashd …)."""
    seen = {key}
    while key in links and links[key] not in seen:
        key = links[key]
        seen.add(key)
    return key


def _initials_match(acronym: str, name: str) -> bool:
    """Whether an acronym opens with the name's first two initials ("NLF", "CJTF")."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w']*", name) if w[0].isupper())
    return len(initials) >= 2 and acronym.upper().startswith(initials[:2])


# A code made of a place's letters rather than its initials ("Erbil International
# Airport (EBL)") has at least this many.
CODE_MIN_LETTERS = 3


def _code_of(code: str, full: Candidate, rules: Rules) -> bool:
    """Whether capitals in parentheses after a place or facility are its code, made of
    its name's letters in order from the first ("EBL"): not after a person's or a body's
    name, and not a news agency's credit ("Amman (AFP)")."""
    letters = iter(full.name.casefold())
    return (full.label in PLACE_LABELS and len(code) >= CODE_MIN_LETTERS and code.isupper()
            and code[0] == full.name[:1] and code.casefold() not in rules.news_agencies
            and all(letter in letters for letter in code.casefold()))


LABEL_FAMILIES = {"PERSON": "person", "ORG": "group", "NORP": "group", "GPE": "place",
                  "LOC": "place", "FAC": "place"}


# A place name's feminine ending, written -a, -ah or -eh ("Hasaka"/"Hasakah"/"Hasakeh");
# people's names keep theirs ("Saleh" is not "Salah").
FEMININE_ENDING = re.compile(r"(?<=\w\w[^aeiou\s])(?:ah|eh)\b")


def _merge_spelling_variants(candidates: list[Candidate]) -> list[Candidate]:
    """Keys that are one name transliterated two ways ("Kataib"/"Ketaib"/"Kaitab
    Hezbollah", "Qassem"/"Qasim", "Hamidawi"/"Himeydavi"): the same consonant skeleton,
    word by word alike (names.same_spelling_variant), named as the same family of thing
    (a person, a group, a place); a place's -a, -ah and -eh endings are one. Each joins
    the most used spelling."""
    families: dict[str, set[str]] = defaultdict(set)
    uses: Counter[str] = Counter()
    for c in candidates:
        families[c.key].add(LABEL_FAMILIES.get(c.label, c.label))
        if _place_vote(c):  # "the city of Erbil", an ORG
            families[c.key].add("place")
        uses[c.key] += 1
    def spelt(key: str) -> str:  # a place's name compared with one feminine ending
        return FEMININE_ENDING.sub("a", key) if "place" in families[key] else key

    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for key in sorted(uses, key=lambda k: (-uses[k], k)):
        by_skeleton[skeleton(spelt(key))].append(key)
    joined: dict[str, str] = {}
    for keys in by_skeleton.values():
        for n, key in enumerate(keys):
            if key in joined:
                continue
            for other in keys[n + 1 :]:
                shared = families[key] & families[other]
                if other not in joined and shared and same_spelling_variant(
                        spelt(key), spelt(other), place="place" in shared,
                        person=shared == {"person"}):
                    joined[other] = key
    places = {k: FEMININE_ENDING.sub("a", k) for k in uses if "place" in families[k]}
    by_place_skeleton: dict[str, list[str]] = defaultdict(list)
    for key in sorted(places, key=lambda k: (-uses[k], k)):
        if key not in joined:
            by_place_skeleton[skeleton(places[key])].append(key)
    retyped = set()
    for key in sorted(_bare_guesses(candidates) - set(joined) - set(places)):
        as_place = FEMININE_ENDING.sub("a", key)
        for place in by_place_skeleton.get(skeleton(as_place), ()):
            if same_spelling_variant(as_place, places[place], place=True):
                joined[key] = place
                retyped.add(key)
                break
    return [replace(c, key=joined[c.key], kind_votes=(("place", 1),),
                    type_votes=(("place", 1),)) if c.key in retyped
            else replace(c, key=joined[c.key]) if c.key in joined else c
            for c in candidates]


def _label_only(c: Candidate) -> bool:
    """A one-word name with no title or role: what it is rests on NER's label alone."""
    return " " not in c.key and not (c.role or c.titled)


def _towns_by_their_names(candidates: list[Candidate], outlets: set[str],
                          rules: Rules) -> list[Candidate]:
    """A name NER alone calls a person or a group (no title, no role) that is one of the
    region's towns by a spelling GeoNames lists ("Aleppo", "Idlib", "Duhok" tagged a
    group) is a place, as the text would say with "in" or "the city of"; not a word of a
    person's or a body's longer name in the corpus ("Badr" of the Badr Organization,
    "Sadr" of Muqtada al-Sadr, "Qasim" of Qasim al-Araji), nor an outlet named after a
    town ("Al Mayadeen", "Al Jazeera": an article's outlet, or told as one), nor a name
    the corpus also gives a base ("al-Qaim base"): which mentions are the town and which
    the base is for the text to say (_bases_apart_from_their_town)."""
    named_otherwise = {w for c in candidates if c.label in {"PERSON", "ORG", "NORP"} and not (
        _place_vote(c) or _base_vote(c)) for form in (c.key, name_key(c.name, rules))
        if " " in form for w in form.split()}
    named_otherwise |= outlets | {c.key for c in candidates if _base_vote(c) or any(
        vote == "media outlet" for vote, _ in c.type_votes)}
    towns = town_keys()
    return [replace(c, kind_votes=(*c.kind_votes, ("place", BASE_CUE_WEIGHT)))
            if c.label in {"PERSON", "ORG"} and not (c.role or c.titled) and (
                c.key in towns and c.key not in named_otherwise
                and not _place_vote(c) and not _base_vote(c)) else c
            for c in candidates]


def _bare_guesses(candidates: list[Candidate]) -> set[str]:
    """One-word keys that only NER's label calls a person or a group: no title, no role,
    no cue of a kind, and no word of a longer person's name. On real news these are
    mostly towns the tagger misread ("Falluja" a person beside "Fallujah" a place,
    "Ninevah" a group beside "Nineveh")."""
    words_of_people = {w for c in candidates if c.label == "PERSON"
                       for w in c.key.split() if len(c.key.split()) > 1}
    bare: dict[str, bool] = {}
    for c in candidates:
        guess = (c.label in {"PERSON", "ORG"} and _label_only(c)
                 and c.key not in words_of_people
                 and all(kind == "actor" for kind, _ in c.kind_votes))
        bare[c.key] = bare.get(c.key, True) and guess
    return {key for key, guess in bare.items() if guess}


MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+[A-Z]\.(?=\s+\w)")


def _merge_person_forms(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """One person written with and without a middle initial ("Patrick S. Ryder",
    "Patrick Ryder"), where NER calls one of them a person, or in one article with a
    short form of the first name ("Pat Ryder"; across articles only one cut short,
    "Steve Warren": "Jack Reed" and "John Reed" may be two men): one key, the most
    used form's. Two different middle initials
    ("George H. W. Bush", "George W. Bush") are two people."""
    nicknames = {name_key(short, rules): name_key(full, rules)
                 for short, full in english().nicknames.items()}

    def plain(key: str) -> tuple[str, str]:
        """(the name without its middle initials, the initials)"""
        words = key.split()
        middle = [w for w in words[1:-1] if len(w) == 1]
        kept = [w for w in words if w not in middle or w in (words[0], words[-1])]
        return " ".join([nicknames.get(kept[0], kept[0]), *kept[1:]]), "".join(middle)

    forms: dict[str, Counter[str]] = defaultdict(Counter)  # plain form → keys, by use
    initials: dict[str, set[str]] = defaultdict(set)
    person: set[str] = set()
    sources: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        if len(c.key.split()) >= 2 and looks_like_person(MIDDLE_INITIAL.sub("", c.name)):
            form, middle = plain(c.key)
            forms[form][c.key] += 1
            sources[c.key].add(c.ref.source)
            if middle:
                initials[form].add(middle)
            if c.label == "PERSON":
                person.add(form)
    joined: dict[str, str] = {}
    for form, keys in forms.items():
        if len(keys) > 1 and form in person and len(initials[form]) <= 1:
            main = min(keys, key=lambda k: (-keys[k], -len(k), k))
            first = main.split()[0]
            beside = set().union(*(sources[k] for k in keys if k.split()[0] == first))
            joined.update({k: main for k in keys if k != main and (
                k.split()[0] == first or sources[k] & beside
                or _cut_short(k.split()[0], first))})
    return [replace(c, key=joined[c.key]) if c.key in joined else c for c in candidates]


def _same_title(roles: set[str], others: set[str]) -> bool:
    """Whether two sets of a person's titles share one ("Turkish President",
    "President")."""
    return any(a.split()[-1] == b.split()[-1] for a in roles for b in others)


def _spelt_otherwise(word: str, surnames: set[str], in_article: dict[tuple[str, str], set[str]],
                     source: str) -> set[str]:
    """The full names of the one surname of the article that a lone word spells
    another way ("Khameini" beside "Ali Khamenei"): one skeleton, as many vowels."""
    spelt = [s for s in surnames if s != word and skeleton(s) == skeleton(word)
             and same_spelling_variant(s, word, person=True)]
    return in_article[(source, spelt[0])] if len(spelt) == 1 else set()


def _cut_short(first: str, other: str) -> bool:
    """Whether one first name is the other cut short ("Steve"/"Steven", "Chris"/
    "Christopher"): one man across articles too, where "Jack" and "John" may be two."""
    return first != other and (first.startswith(other) or other.startswith(first))


def _link_partial_names(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """A shorter reference joins the one full name it is part of: a person's surname
    ("Sudani", "al-Sudani") in the same article first, else across the corpus when only
    one fits; a person's first and last name without the middle ("Mohammed al-Sudani");
    a base's last word ("al-Asad air base" for Ain al-Asad); an armed group's name
    without its first word ("al-Nujaba" for "Harakat al-Nujaba"); a two-word surname
    ("Abdul Mahdi" for "Adel Abdul Mahdi"); a kunya alone for the one man of its article
    whose full name opens with it ("Abu Mahdi"). A group NER calls a person ("Kataeb Hezbollah",
    "Kata'ib Hezbollah") has no surname: "Hezbollah" alone is not its short form."""
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    in_article: dict[tuple[str, str], set[str]] = defaultdict(set)
    surnames_in: dict[str, set[str]] = defaultdict(set)  # article → its people's surnames
    by_ends: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_tail: dict[str, set[str]] = defaultdict(set)  # skeleton of the last two words
    tail_in_article: dict[tuple[str, str], set[str]] = defaultdict(set)
    bases_by_last: dict[str, set[str]] = defaultdict(set)
    groups_by_last: dict[str, set[str]] = defaultdict(set)
    person_here: set[tuple[str, str]] = set()  # (article, key) NER calls a person there
    article_last: set[str] = set()  # groups whose last word takes the article: "… al-Nujaba"
    roles_of: dict[str, set[str]] = defaultdict(set)  # a full name → its titles
    groups_here: dict[str, set[str]] = defaultdict(set)  # article → its groups' full names
    # (article, "abu mahdi") → the article's full names opening so
    by_kunya: dict[tuple[str, str], set[str]] = defaultdict(set)
    person_here.update((c.ref.source, c.key) for c in candidates if c.label == "PERSON")
    # "the Biden administration" says Biden is a person in its article ("Biden’s decision",
    # tagged a group, is his)
    person_here.update((c.ref.source, c.key.removesuffix(ADMINISTRATION)) for c in candidates
                       if c.key.endswith(ADMINISTRATION))
    # a full name NER calls a body whose surname alone it calls a person in the same
    # article ("Samantha Power" ORG, "Power told reporters"): a person's full name,
    # unless a group's ("Saraya al-Salam") or the article names another person of that
    # surname in full ("Lockheed Velmor" beside Col. Joe Velmor)
    misread_people: set[tuple[str, str]] = set()
    people_named: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, surname)
    for c in candidates:
        if c.label == "PERSON" and len(words := c.key.split()) >= 2:
            people_named[(c.ref.source, words[-1])].add(c.key)
    for c in candidates:
        words = c.key.split()
        # "Kata'ib" as "Kataib": the word's key is a group word's too
        group_word = re.split(r"[\s-]", c.name)[0].casefold() in rules.group_name_words or (
            bool(words) and words[0] in rules.group_name_keys)
        if group_word and len(words) >= 2:  # "Harakat al-Nujaba" in "Harakat Hezbollah al-Nujaba"
            by_ends[(words[0], words[-1])].add(c.key)
        if c.label == "ORG" and len(words) >= 2 and not group_word and (
                c.ref.source, words[-1]) in person_here and not (
                people_named[(c.ref.source, words[-1])] - {c.key}) and looks_like_person(c.name):
            misread_people.add((c.ref.source, c.key))
        if (c.label == "PERSON" or (c.ref.source, c.key) in misread_people) and len(
                words) >= 2 and looks_like_person(c.name) and not group_word:
            if c.role:
                roles_of[c.key].add(c.role.casefold())
            # by the surname as written too, where another spelling gave the key
            # ("Sabah al-Saidi" under "Sabah al Saadi": "Al-Saidi" is still his)
            for surname in {words[-1], name_key(c.name, rules).split()[-1]}:
                full_by_surname[surname].add(c.key)
                in_article[(c.ref.source, surname)].add(c.key)
                surnames_in[c.ref.source].add(surname)
            by_ends[(words[0], words[-1])].add(c.key)
            if len(words) >= 3 and words[0] in KUNYA_KEYS:
                by_kunya[(c.ref.source, " ".join(words[:2]))].add(c.key)
            if len(words) >= 3:
                tail = skeleton(" ".join(words[-2:]))
                by_tail[tail].add(c.key)
                tail_in_article[(c.ref.source, tail)].add(c.key)
        if len(words) >= 2 and _base_vote(c):
            bases_by_last[words[-1]].add(c.key)
        if len(words) >= 2 and group_word:
            groups_by_last[words[-1]].add(c.key)
            groups_here[c.ref.source].add(c.key)
            if ARTICLE_LAST_WORD.search(c.name):
                article_last.add(c.key)
    full_uses = Counter(c.key for c in candidates if c.label == "PERSON")
    # a word its article writes as a base's or a place's name ("al-Asad air base"): alone
    # there it is that name, not the surname of a man another article names
    named_a_place = {(c.ref.source, c.key) for c in candidates
                     if _base_vote(c) or _place_vote(c)}
    # words of bodies' names: a lone word NER calls a body may stand for one of them
    body_words = {w for c in candidates if c.label != "PERSON" and " " in c.key
                  and not c.key.endswith(ADMINISTRATION) for w in c.key.split()}
    fuller: dict[str, str] = {}  # a person's name without a middle name → the full one
    based: dict[tuple[str, str], str] = {}  # (article, a base's last word) → the base
    tail_joined: dict[str, str] = {}  # a name of two words → the longer name it ends
    for keys in by_ends.values():
        for key in keys:
            # "John W. Roe" is not "John H. W. Roe": a name that keeps initials keeps all
            longer = {k for k in keys if _is_subsequence(key.split(), k.split()) and (
                not _initials(key) or _initials(key) == _initials(k))}
            if len(longer) == 1:
                fuller[key] = next(iter(longer))
    # a name without its first name ("President Tayyip Erdogan" for "President Recep
    # Tayyip Erdogan"), where the one longer name ending so carries the same title
    for keys in list(full_by_surname.values()):
        for key in keys:
            longer = {k for k in keys if k.endswith(" " + key)}
            if fuller.get(key, key) == key and len(longer) == 1 and _same_title(
                    roles_of[key], roles_of[other := next(iter(longer))]):
                fuller[key] = other
    article_last = {fuller.get(k, k) for k in article_last}
    groups_here = defaultdict(set, {source: {fuller.get(k, k) for k in keys}
                                    for source, keys in groups_here.items()})
    groups_by_last = {last: {fuller.get(k, k) for k in keys}
                      for last, keys in groups_by_last.items()}
    linked = []
    for c in candidates:
        words = c.key.split()
        group = groups_by_last.get(words[0], set()) if len(words) == 1 else set()
        # "al-Nujaba" for "Harakat al-Nujaba", and "Nujaba" where the article names the
        # group in full; not "Hezbollah" for "Kataib Hezbollah", whose last word is a name
        # of its own, nor a person's surname ("Salam" of Nawaf Salam, not Saraya al-Salam)
        if len(group) == 1 and (re.match(rf"{rules.article}-", c.name, re.I) or (
                group <= article_last and group <= groups_here[c.ref.source]
                and words[0] not in full_by_surname)):
            # NER's label for the short form alone ("Nujaba" a place) says nothing
            c = replace(c, key=next(iter(group)), label="ORG", kind_votes=(("actor", 1),),
                        type_votes=())
        elif len(words) == 1 and words[0] in rules.group_name_keys and len(opened := {
                k for k in groups_here[c.ref.source] if k.split()[0] == words[0]}) == 1:
            # "Asaib" alone where the article names one group so opened: "Asaib Ahl al-Haq"
            c = replace(c, key=next(iter(opened)), label="ORG", kind_votes=(("actor", 1),),
                        type_votes=())
        elif len(words) == 1 and c.label in LABEL_FAMILIES:
            local = in_article.get((c.ref.source, words[0]), set())
            if not local and c.label == "PERSON" and (c.ref.source, c.key) not in named_a_place:
                local = _spelt_otherwise(words[0], surnames_in[c.ref.source], in_article,
                                         c.ref.source)
            corpus = full_by_surname.get(words[0], set())
            target = local if len(local) == 1 else corpus if len(corpus) == 1 and (
                c.ref.source, c.key) not in named_a_place else set()
            if not target and c.role:  # "President Trump" beside "Melania Trump"
                titled = {k for k in (local or corpus) if c.role.casefold() in roles_of[k]}
                target = titled if len(titled) == 1 else set()
            if not target and len(local) > 1:  # "Trump" beside "Melania Trump": the one
                # the news names far more often, as readers take it
                first, second = sorted(local, key=lambda k: -full_uses[k])[:2]
                if full_uses[first] >= SURNAME_DOMINANCE * full_uses[second]:
                    target = {first}
            # NER calls a surname alone a place or group now and then ("Soleimani"):
            # with no place or base cue of its own it is still the one person's name.
            # Nor is a surname NER calls a person elsewhere in the same article ("Biden's
            # decision" tagged a group after "President Biden").
            # Nor is a lone surname NER calls a body ("Trump said on Monday" opening a
            # sentence) when no body's name has the word.
            if target and (c.label == "PERSON" or local or (
                    LABEL_FAMILIES[c.label] == "place" and len(c.kind_votes) == 1) or (
                    (c.ref.source, c.key) in person_here and len(c.kind_votes) == 1) or (
                    c.label == "ORG" and len(c.kind_votes) == 1
                    and words[0] not in body_words)):
                # a person's surname, whatever NER called it ("Al-Moallemi said", a body)
                c = replace(c, key=next(iter(target)), type_votes=(("person", 1),))
            elif _base_vote(c) and len(bases := bases_by_last.get(words[0], set())) == 1:
                based[(c.ref.source, c.key)] = next(iter(bases))
                c = replace(c, key=next(iter(bases)))
        elif len(words) == 2 and (c.label == "PERSON" and looks_like_person(c.name) or (
                HYPHENED_SURNAME.fullmatch(c.name))):
            tail = skeleton(c.key)
            local = tail_in_article.get((c.ref.source, tail), set())
            # a hyphened surname NER calls a body ("Hennis-Plasschaert") only in its article
            corpus = by_tail.get(tail, set()) if c.label == "PERSON" else set()
            target = local if len(local) == 1 else corpus if len(corpus) == 1 else set()
            if target and same_spelling_variant(
                    c.key, " ".join((full := next(iter(target))).split()[-2:])):
                tail_joined[c.key] = full
                c = replace(c, key=full)
        if (c.ref.source, c.key) in misread_people:
            c = replace(c, label="PERSON", type_votes=(("person", 1),))
        # a kunya alone ("Abu Mahdi") is the one man of its article whose full name opens
        # with it; across articles "Abu Mohammed" is too common a form of address
        if len(words) == 2 and len(opened := by_kunya.get((c.ref.source, c.key), set())) == 1:
            c = replace(c, key=next(iter(opened)))
        linked.append(replace(c, key=fuller[c.key]) if c.key in fuller else c)
    # A surname alone follows its full name where the last two words joined a longer one
    # ("Kuntar" with "Samir Kuntar" to "Mujahid Samir Qantar").
    linked = [replace(c, key=tail_joined[c.key]) if c.key in tail_joined else c
              for c in linked]
    # A base's name alone that NER calls a group or a person ("The attack on Al Asad"
    # after "Al Asad air base") is the base its article names, not a body of that name.
    return [replace(c, key=based[(c.ref.source, c.key)]) if (c.ref.source, c.key) in based
            and c.label not in PLACE_LABELS and not _base_vote(c) else c for c in linked]


# The words of a kunya, "father of" and "mother of" ("Abu Mahdi al-Muhandis"), as keyed.
KUNYA_KEYS = frozenset(name_key(w, load_rules()) for w in ("Abu", "Umm"))


# A government named after its president (mentions.ADMINISTRATION_AFTER), as keyed.
ADMINISTRATION = " administration"


# A surname alone that two full names of its article end with is the one the corpus
# names this many times as often as the other, or neither.
SURNAME_DOMINANCE = 3


# A name whose last word is written with the Arabic article ("Harakat al-Nujaba",
# "Harakat Hezbollah al- Nujaba").
ARTICLE_LAST_WORD = re.compile(rf"\b{load_rules().article}(?:-\s?|\s)\S+$")


def _base_vote(candidate: Candidate) -> bool:
    return any(kind == "base" for kind, _ in candidate.kind_votes)


def _place_vote(candidate: Candidate) -> bool:
    return any(kind == "place" for kind, _ in candidate.kind_votes)


def _initials(key: str) -> list[str]:
    return [w for w in key.split() if len(w) == 1]


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return len(short) < len(long) and all(word in remaining for word in short)


# Left out when names are compared as bags of words (data/en.yml), in key form, as they
# are compared.
STOPWORDS = frozenset(name_key(w, load_rules()) for w in english().name_stopwords)
FUZZY_MIN_SCORE = 85
FUZZY_MIN_CHARS = 6


def _merge_equivalent_keys(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """Keys that name the same thing in other words: the same content words in another
    order ("Defence and Security Committee"), an outlet with or without "News", an
    initialism of a name used elsewhere ("US"), a river with or without its word ("the
    River Tigris"), a group's one-word name in the plural ("Peshmergas"), or a close
    respelling of a long name (not its nisba: "Al-Baghdadi" is no "Baghdad")."""
    labels: dict[str, set[str]] = defaultdict(set)
    acronyms: set[str] = set()
    placed: set[str] = set()  # keys told as places ("east of the Euphrates") whatever NER says
    # a key's first name as written: its folds respell the letters an acronym is made
    # of ("air" is keyed "eir", AFCENT is Air Forces CENTral); unfolded only where an
    # acronym is compared
    written: dict[str, str] = {}
    for c in candidates:
        labels[c.key].add(c.label)
        written.setdefault(c.key, c.name)
        if _place_vote(c):
            placed.add(c.key)
        if c.name.isupper() and " " not in c.name:
            acronyms.add(c.key.upper())
    keys = sorted(labels, key=lambda k: (-len(k), k))
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    def join(a: str, b: str) -> None:
        shorter, longer = sorted((root(a), root(b)), key=lambda k: (len(k), k))
        if shorter != longer:
            parent[shorter] = longer

    # An organisation's key without "news", "agency", … ("X News" and "X" are one
    # outlet), unless that leaves a country ("Iraqi News Agency" is not Iraq).
    # Whatever NER calls it where the short name is written too ("Rudaw English", a person).
    cores = {k: core if (core := rules.outlet_suffix.sub("", k)) not in rules.qualifiers and (
        "ORG" in labels[k] or core in labels and not labels[k] & PLACE_LABELS) else k
        for k in keys}
    by_shape: dict[str, str] = {}
    countries = _country_keys()
    glossary_english = set(rules.name_glossary.values())
    for key in keys:
        words = [w for w in key.split() if w not in STOPWORDS]
        shapes = []
        if len(words) >= 2:
            shapes.append("bag:" + _word_bag(key))
            shapes.append("solid:" + _solid(key))
        if key in countries:  # "Islamic Republic of Iran" is Iran
            shapes.append("key:" + countries[key])
        if labels[key] & PLACE_LABELS or key in placed:  # "Gaza Strip" is Gaza
            bare = [w for w in key.split() if w not in rules.place_generic_words]
            # "Euphrates River" is the Euphrates; the "Jordan River" is not Jordan
            if bare and len(bare) < len(key.split()) and " ".join(bare) not in countries:
                shapes.append("place:" + " ".join(bare))
            shapes.append("place:" + key)
        # the "River Tigris" is the "Tigris" (the "Jordan River" is not Jordan)
        parts = key.split()
        water = {parts[0], parts[-1]} & rules.water_words if len(parts) >= 2 else set()
        if water and not is_country_name(dry := " ".join(w for w in parts if w not in water)):
            shapes.append("key:" + dry)
        if cores[key] != key and len(cores[key]) >= 2:  # "CNN" folds to "cn"
            shapes.append("key:" + cores[key])
        shapes.append("key:" + key)
        if labels[key] & GROUP_LABELS and (core := _group_core(key, rules)):
            shapes.append("core:" + core)
        # NER calls "Kataeb Hezbollah" and "Hezbollah Brigades" persons now and then;
        # a name with a group's word in either language is a group's all the same.
        if (gloss := _glossed(key, rules)) and (labels[key] & GROUP_LABELS or any(
                w in rules.name_glossary or w in glossary_english for w in key.split())):
            shapes.append("gloss:" + gloss)
        for shape in shapes:
            if shape in by_shape:
                join(key, by_shape[shape])
            else:
                by_shape[shape] = key
    # A body named with its people's word or its land's name ("the Kurdish Regional
    # Government", "the Kurdistan Regional Government"): one body.
    by_land: dict[tuple[int, tuple[str, ...]], list[tuple[str, str]]] = defaultdict(list)
    for key in keys:
        words = key.split()
        for n, word in enumerate(words if len(words) >= 2 else ()):
            by_land[(n, (*words[:n], *words[n + 1 :]))].append((word, key))
    for worded in by_land.values():
        key_of_word = dict(worded)
        for people, a in worded:
            if stem := demonym_stem(people, rules):
                for b in filter(None, (key_of_word.get(stem + end) for end in LAND_ENDINGS)):
                    join(a, b)
    # A group's name without its country word(s), when no two countries' bodies share it:
    # "Iranian Revolutionary Guard" and "Islamic Revolutionary Guard Corps".
    unqualified_cores = _grouped(
        (k for k in keys if labels[k] & GROUP_LABELS and _leading_qualifiers(k, rules)),
        lambda k: _group_core(k, rules, unqualified=True),
    )
    for core, same in unqualified_cores.items():
        owners = {frozenset(_leading_qualifiers(k, rules)) - rules.descriptive_qualifiers
                  for k in same} - {frozenset()}
        if core and len(same) >= 2 and len(owners) <= 1:
            for key in same[1:]:
                join(same[0], key)
    # An acronym with its nationality word is the acronym ("the Kurdish YPG"), unless two
    # nations' bodies share the letters ("Iraqi CTS", "Kurdistan CTS").
    qualified_acronyms = _grouped(
        (k for k in keys if (n := len(_leading_qualifiers(k, rules))) and len(k.split()) == n + 1
         and k.split()[-1].upper() in acronyms and k.split()[-1] in parent),
        lambda k: k.split()[-1])
    for acronym, same in qualified_acronyms.items():
        if len({frozenset(_leading_qualifiers(k, rules)) for k in same}) == 1:
            for key in same:
                join(acronym, key)
    initials: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        # "HMC" is also the "US-Iraq Higher Military Commission" its short form joined
        for form in (key, *_unqualified(key, rules)):
            if len(form.split()) >= 2:
                initials["".join(w[0] for w in form.split() if w not in STOPWORDS)].add(key)
    singles = [k for k in keys if " " not in k]
    multi = [k for k in keys if len(k.split()) >= 2]
    for key in singles:
        expansions = {root(k) for k in initials.get(key, set())}  # one name, two spellings
        if 2 <= len(key) <= 5 and len(expansions) == 1:
            join(key, next(iter(expansions)))
        elif len(key) >= 5 and labels[key] & GROUP_LABELS and key.upper() in acronyms:
            clipped = {k for k in multi
                       for words in (k.split(), unfolded_key(written[k]).split())
                       if _clipped_from(key, words) or _clipped_from(
                           key, words[len(_leading_qualifiers(k, rules)):])}
            if len(clipped) == 1:  # "CENTCOM" from "Central Command"
                join(key, next(iter(clipped)))
    # a group's one-word name in the plural ("Peshmergas", "Houthis"; NER: persons)
    for key in singles:
        if key.endswith("s") and len(key) >= PLURAL_MIN_CHARS and "ORG" in labels.get(
                stem := key[:-1], ()):
            join(key, stem)
    long_singles = [k for k in keys if " " not in cores[k] and len(cores[k]) >= FUZZY_MIN_CHARS]
    for i, a in enumerate(long_singles):
        for b in long_singles[i + 1 :]:
            if cores[a][0] == cores[b][0] and labels[a] & labels[b] and (
                fuzz.ratio(cores[a], cores[b]) >= FUZZY_MIN_SCORE
            ) and not _nisba_of(cores[a], cores[b]):
                join(a, b)
    return [_keyed(c, root(c.key)) for c in candidates]


# A one-word name this long or longer ending in "s" may be a group's name in the plural.
PLURAL_MIN_CHARS = 6


def _nisba_of(a: str, b: str) -> bool:
    """Whether one key is the other with the Arabic nisba ending ("Baghdadi" from
    "Baghdad", "Tikriti"): a man's surname or a town named from the place, not a
    respelling of it."""
    shorter, longer = sorted((a, b), key=len)
    return longer in (shorter + "i", shorter + "y")


# How a land's name ends after its people's word's stem: Iraq(i), Syr(ian)/Syria,
# Kurd(ish)/Kurdistan, Turk(ish)/Turkey, Leban(ese)/Lebanon ("Syriac" is none).
LAND_ENDINGS = ("", "a", "ia", "istan", "stan", "ey", "on")


# A name used mostly as a town, and only now and then with a base word after it ("the
# Erbil base" in a corpus about Erbil the city), is the town; those few are its base.
TOWN_MIN_SHARE = 0.7
TOWN_MIN_MENTIONS = 4


def _bases_apart_from_their_town(
    groups: dict[str, list[Candidate]], rules: Rules
) -> dict[str, list[Candidate]]:
    """A town's name used for a base of that name ("Ain al-Asad") is two pages; not a
    name that says it is a facility ("Erbil International Airport", with troops at it)."""
    out: dict[str, list[Candidate]] = {}
    for key, group in groups.items():
        if any(rules.facility_noun_after.search(c.name.casefold()) for c in group):
            out[key] = group
            continue
        based = [c for c in group if _base_vote(c)]
        plain = [c for c in group if not _base_vote(c)]  # not `c not in based`: quadratic
        towns = sum(c.label in PLACE_LABELS or ("place", BASE_CUE_WEIGHT) in c.kind_votes
                    for c in plain)
        # a name used mostly for its base, and for the town where the text says so ("a
        # military base in Balad, Iraq"): the town is a page of its own
        said_towns = [c for c in plain if ("place", BASE_CUE_WEIGHT) in c.kind_votes]
        if based and len(plain) >= max(TOWN_MIN_MENTIONS, TOWN_MIN_SHARE * len(group)) and (
            towns * 2 >= len(plain)
        ) and not is_country_name(plain[0].name):  # "a US base" names no base
            out[key] = plain
            out[key + "\0base"] = [
                replace(c, name=re.sub(r"^the\s+", "", c.ref.text, flags=re.I)) for c in based
            ]
        elif said_towns and len(based) >= TOWN_MIN_SHARE * len(group):
            out[key] = said_towns
            out[key + "\0base"] = [c for c in group if c not in said_towns]
        else:
            out[key] = group
    return out


def _is_equipment(candidate: Candidate) -> bool:
    return any(vote == EQUIPMENT for vote, _ in candidate.type_votes)


GROUP_LABELS = frozenset(k for k, family in LABEL_FAMILIES.items() if family == "group")
PLACE_LABELS = frozenset(k for k, family in LABEL_FAMILIES.items() if family == "place")


def _link_unqualified_names(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """A group's name without the country in front or the place after ("Central Command"
    for "US Central Command", "Islamic Resistance" for "... in Iraq") joins the one full
    form it shortens: the one in the same article, else the only one in the corpus,
    unless the article names groups of another country ("the Ministry of Foreign
    Affairs" in a story about Iraq's is not Iran's)."""
    groups = {c.key for c in candidates if c.label in GROUP_LABELS}
    bases = {c.key for c in candidates if _base_vote(c)}
    shapes = _grouped({c.key for c in candidates}, _word_bag)
    solid = _grouped({c.key for c in candidates}, _solid)  # "Counterterrorism Service"
    # a full form as written, where an earlier link gave it another key ("US Defense
    # Department", known as the Pentagon, is what "Defense Department" shortens)
    written = {(key, key) for key in groups | bases} | {
        (name_key(c.name, rules), c.key) for c in candidates
        if c.key in groups or c.key in bases}
    longer: dict[str, set[str]] = defaultdict(set)
    # "Popular Mobilisation" for "Iraqi Popular Mobilization Forces": without the
    # collective noun too, where no full form fits as written
    loosely: dict[str, set[str]] = defaultdict(set)
    for name, key in sorted(written):
        # a base keeps its one-word name: "US al-Tanf base" is al-Tanf; so does a people's
        # group: "the Kurdish Peshmerga" is the Peshmerga
        one_word = key in bases or key.split()[0] in rules.people_qualifiers
        for core in _unqualified(name, rules, min_words=1 if one_word else 2):
            for short in {*shapes.get(_word_bag(core), ()), *solid.get(_solid(core), ())}:
                if short != key:
                    longer[short].add(key)
            words = core.split()
            if len(words) > 2 and words[-1] in rules.collective_heads:
                for short in shapes.get(_word_bag(" ".join(words[:-1])), ()):
                    loosely[short].add(key)
    for short, keys in loosely.items():
        if short not in longer:
            longer[short] = keys - {short}
    in_article: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        if c.key in groups or c.key in bases:
            in_article[c.ref.source].add(c.key)
    # whose a full form is, as written ("US Defense Department" is the US's)
    own: dict[str, set[str]] = defaultdict(set)
    for name, key in written:
        own[key] |= {country_word_key(w, rules) for w in name.split()
                     if w in rules.qualifiers - rules.descriptive_qualifiers}
    # a country's possessive right before a name says whose it is ("Australia's ...")
    possessor = {(c.ref.source, c.ref.end + len(mark)): country_word_key(c.key, rules)
                 for c in candidates if is_country_name(c.name) for mark in ("'s ", "’s ")}
    out = []
    for c in candidates:
        fits = _one_per_word_bag(longer.get(c.key, set()))
        local = fits & in_article[c.ref.source]
        whose = possessor.get((c.ref.source, c.ref.start))
        if len(local) == 1:
            c = replace(c, key=next(iter(local)))
        elif not local and len(fits) == 1:
            only = next(iter(fits))
            if not _other_country_named(c.key, only, in_article[c.ref.source], rules) and (
                    whose is None or not own[only] or whose in own[only]):
                c = replace(c, key=only)
        out.append(c)
    return out


def _link_cut_bodies(candidates: list[Candidate]) -> list[Candidate]:
    """A body's name cut before "for" ("the Syrian Observatory" for the Syrian
    Observatory for Human Rights) is the one longer body's name so begun in the corpus;
    not before "of", which names what a unit is part of ("the 47th Brigade of the
    Al-Jazira Operations Command")."""
    bodies = {c.key for c in candidates if c.label in GROUP_LABELS}
    begun: dict[str, set[str]] = defaultdict(set)  # the words before a " for " → the names
    for body in bodies:
        words = body.split(" for ")
        for n in range(1, len(words)):
            begun[" for ".join(words[:n])].add(body)
    joined = {key: next(iter(begun[key])) for key in bodies
              if " " in key and len(begun.get(key, ())) == 1}
    return [replace(c, key=joined[c.key]) if c.key in joined and c.label in GROUP_LABELS
            else c for c in candidates]


def _link_name_tails(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """A body named again by the last words of its name in the same article ("the
    Council of Ministers" after "the Kurdistan Regional Council of Ministers", "the
    Operations Command" after "the Al-Jazira Operations Command", "the Examiner" after
    "the Washington Examiner", "the Guards" after "the Revolutionary Guards", keyed by a
    reference list as the IRGC) is that body, where the article names only one body
    ending so; not words the article names a place ("the city of Erbil" beside "the
    Kirkuk-Erbil border")."""
    groups_here: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, key) → as written
    placed_here: set[tuple[str, str]] = set()
    for c in candidates:
        if c.label in GROUP_LABELS:
            groups_here[(c.ref.source, c.key)].update((c.key, name_key(c.name, rules)))
        if _place_vote(c):
            placed_here.add((c.ref.source, c.key))
    tails: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, tail) → full keys
    for (source, key), written in groups_here.items():
        for form in written:
            words = form.split()
            for n in range(1, len(words)):
                tails[(source, " ".join(words[n:]))].add(key)
    links: dict[str, dict[str, str]] = defaultdict(dict)  # article → short key → fuller
    for (source, tail), fits in tails.items():
        # names nested in one another ("the Al-Jazira Operations Command" inside "the 47th
        # Brigade of the Al-Jazira Operations Command"): the shortest is the one meant
        nearest = min(fits, key=lambda k: (len(k), k))
        if all(k == nearest or k.endswith(" " + nearest) for k in fits) and (
                (source, tail) not in placed_here):
            links[source][tail] = nearest
    return [replace(c, key=_follow(links[c.ref.source], c.key))
            if c.label in GROUP_LABELS and c.key in links[c.ref.source] else c
            for c in candidates]


def _link_name_heads(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """A group named again without its head noun in the same article ("Al-Mukhtar had
    warned" after "the Al-Mukhtar Army", "the Quds" after "the Quds Force") is that
    group, where the article names only one so; not a country ("US forces", "the US")
    nor a name the article gives a place."""
    full_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, bare) → full
    placed = set()
    for c in candidates:
        # by the name as written too, where a reference list gave the key ("Qods Force")
        for words in {tuple(c.key.split()), tuple(name_key(c.name, rules).split())}:
            if len(words) >= 2 and words[-1] in rules.group_heads:  # a group's, whatever NER says
                full_of[(c.ref.source, " ".join(words[:-1]))].add(c.key)
        if _place_vote(c) or _base_vote(c):
            placed.add((c.ref.source, c.key))
    links = {at: next(iter(full)) for at, full in full_of.items()
             if len(full) == 1 and at not in placed and not is_country_name(at[1])
             and not is_qualifier(at[1], rules)}
    return [replace(c, key=links[(c.ref.source, c.key)], kind_votes=(("actor", 1),))
            if (c.ref.source, c.key) in links and c.label in {"ORG", "PERSON", "NORP"} else c
            for c in candidates]


def _link_described_bodies(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """Descriptions of one kind of body ("the US-led coalition", "the international
    coalition", "the Global Coalition to Defeat ISIS") are one body per leader; one with
    no leader is the one its own article leads, else the one the corpus leads when it
    names only one leader. "The Saudi-led coalition" stays apart from the US-led one."""
    described = {c.key: d for c in candidates
                 if c.label in GROUP_LABELS and (d := described_body(c.name, rules))}
    led_by: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, head) → leaders
    for c in candidates:
        if (d := described.get(c.key)) and d[0]:
            led_by[(c.ref.source, d[1])].add(d[0])
            led_by[("", d[1])].add(d[0])  # the corpus's
    out = []
    for c in candidates:
        if (d := described.get(c.key)) is not None:
            leader, head = d
            for leaders in (led_by[(c.ref.source, head)], led_by[("", head)]):
                if not leader and len(leaders) == 1:
                    leader = next(iter(leaders))
            c = replace(c, key=f"{leader} {head}".strip())
        out.append(c)
    return out


def _one_per_word_bag(keys: set[str]) -> set[str]:
    """Full forms that differ only in word order ("US Defense Department", "US Department
    of Defense") are one fit, not an ambiguity; they are merged later anyway."""
    return {min(same) for same in _grouped(keys, _word_bag).values()}


def _grouped(keys: Iterable[str], shape: Callable[[str], str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        out[shape(key)].append(key)
    return out


def _other_country_named(core: str, full: str, keys: set[str], rules: Rules) -> bool:
    """Whether an article names a body of the same kind (same head noun) of a country
    other than `full`'s: there the bare "Foreign Ministry" may be that one."""
    own = set(full.split()) & rules.qualifiers
    head = _head(core)
    return any(_head(k) == head and set(_leading_qualifiers(k, rules)) - own for k in keys)


def _head(key: str) -> str:
    """The head noun of a name: "ministry" in "ministry of foreign affairs" and in
    "iraqi foreign ministry"."""
    return re.split(r" (?:of|in|for) ", key)[0].split()[-1]


def _solid(key: str) -> str:
    """A key with its words run together: a compound written whole or in parts
    ("Counterterrorism" / "Counter-Terrorism") is one word."""
    return key.replace(" ", "")


def _word_bag(key: str) -> str:
    """A key up to word order, plural and "-ary": "Defense Department" is "Department of
    Defense", "Revolutionary Guards" is "Revolutionary Guard"."""
    return " ".join(sorted(_stem(w) for w in key.split() if w not in STOPWORDS))


def _group_core(key: str, rules: Rules, unqualified: bool = False) -> str:
    """A group's name as a bag of words without its trailing collective noun ("Popular
    Mobilization Forces"/"Units"), and without its leading qualifiers if asked; "" when
    fewer than two words are left, too little to tell two groups apart."""
    words = key.split()
    if unqualified:
        words = words[len(_leading_qualifiers(key, rules)):]
    if len(words) > 1 and words[-1] in rules.collective_heads:
        words = words[:-1]
    core = _word_bag(" ".join(words))
    return core if len(core.split()) >= 2 else ""


def _glossed(key: str, rules: Rules) -> str:
    """A group's core name (see _group_core) with its Arabic words in English: "katab
    hezbolah" and "hezbolah brigades" are both "brigade hezbolah"."""
    return _group_core(" ".join(rules.name_glossary.get(w, w) for w in key.split()), rules)


def _known_key(key: str, rules: Rules) -> str:
    """The key of a body the reference lists know, by its name or by its name with a
    group's word after it ("the Islamic State Group", capitalised, as "Islamic State
    group" is); else the key itself."""
    if key in rules.known_aliases:
        return rules.known_aliases[key]
    head, _, last = key.rpartition(" ")
    return rules.known_aliases.get(head, key) if last in rules.group_cue_keys else key


def _leading_qualifiers(key: str, rules: Rules) -> list[str]:
    words = key.split()
    n = 0
    while n < len(words) - 1 and words[n] in rules.qualifiers:
        n += 1
    return words[:n]


def _clipped_from(acronym: str, words: list[str]) -> bool:
    """Whether an acronym is made of the first letters of each of `words` in turn, at
    least one of them clipped to two or more ("centcom": CENTral COMmand)."""
    words = [w for w in words if w not in STOPWORDS]
    if len(words) < 2:
        return False

    def fits(rest: str, n: int, clipped: bool) -> bool:
        if n == len(words):
            return not rest and clipped
        word = words[n]
        return any(rest.startswith(word[:size]) and fits(rest[size:], n + 1, clipped or size > 1)
                   for size in range(1, min(len(word), len(rest)) + 1))

    return fits(acronym, 0, False)


def _stem(word: str) -> str:
    """A crude stem for comparing organisation names: plural and "-ary" off."""
    if len(word) > 7 and word.endswith("ary"):
        word = word[:-3]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _unqualified(key: str, rules: Rules, min_words: int = 2) -> list[str]:
    """The key without its leading country or nationality words, and without a trailing
    "in/of <place>"; only forms of `min_words` words or more."""
    words = key.split()
    forms = []
    start = 0
    while start < len(words) - min_words and words[start] in rules.qualifiers:
        start += 1
    if start:
        forms.append(" ".join(words[start:]))
    for n in range(2, len(words) - 1):
        if words[n] in {"in", "of"} and len(words) - n <= 3:
            forms.append(" ".join(words[:n]))
    return [f for f in forms if len(f.split()) >= min_words]


@cache
def _country_keys() -> dict[str, str]:
    """Official and formal names of countries → the key of the name news uses
    ("islamic republic of iran" → "iran"), from ISO 3166 (pycountry)."""
    import pycountry

    rules = load_rules()
    out = {}
    for country in pycountry.countries:
        common = name_key(getattr(country, "common_name", "") or country.name, rules)
        for formal in (country.name, getattr(country, "official_name", "")):
            if formal and "," not in formal and name_key(formal, rules) != common:
                out[name_key(formal, rules)] = common
    for everyday, common_name in rules.country_names.items():
        out[name_key(everyday, rules)] = name_key(common_name, rules)
    return out


# A place written with its administrative word ("Homs province", "the Hama district") is
# written bare too, as readers search for it (not "Green Village", "Sadr City").
ADMINISTRATIVE_WORD_AFTER = re.compile(
    r"(?<=\w)\s+(?:province|governorate|district|subdistrict|countryside)$", re.I)


def _entity(group: list[Candidate]) -> Entity:
    kind_votes: Counter[str] = Counter()
    type_votes: Counter[str] = Counter()
    # NER's label in a title-case headline is a guess ("Syrian Army Says Aleppo Retaken":
    # a person); the body's sentences say what the name is, where there are any
    in_body = any(not c.headline for c in group)
    for c in group:
        if not (in_body and c.headline and len(c.kind_votes) == 1):
            kind_votes.update(dict(c.kind_votes))
        type_votes.update({t: n for t, n in c.type_votes if t != EQUIPMENT})
    kind = max(sorted(kind_votes), key=kind_votes.__getitem__)
    # a tie of a place with a person only NER's label made: a town misread ("Makhmur"),
    # or one of more words the text calls a place ("Sulaiman Bek, a town north of …")
    # or a one-word group NER guessed where the text calls it a place ("Duhok" ORG, "in
    # Duhok"; not "the United Nations" nor "at the UN")
    said_a_place = any(("place", BASE_CUE_WEIGHT) in c.kind_votes for c in group)
    if kind == "actor" and kind_votes["place"] == kind_votes["actor"] and all(
            (c.label == "PERSON" and (_label_only(c) or said_a_place and not (
                c.role or c.titled)) and {t for t, _ in c.type_votes} == {"person"})
            or (c.label == "ORG" and said_a_place and " " not in c.key and not (
                c.name.isupper()) and {t for t, _ in c.type_votes} == {"organisation"})
            for c in group if ("actor", 1) in c.kind_votes):
        kind = "place"
    entity_type = max(sorted(type_votes), key=type_votes.__getitem__)
    if kind in {"base", "place"}:
        entity_type = kind
    if kind == "actor" and entity_type == "place":
        entity_type = "state"
    aliases = Counter(c.ref.text for c in group)
    aliases.update(c.titled for c in group if c.titled)
    for c in group:
        if c.name not in aliases:
            aliases[c.name] = sum(other.name == c.name for other in group)
    if kind == "place":
        for alias in list(aliases):
            if (bare := ADMINISTRATIVE_WORD_AFTER.sub("", alias)) != alias and (
                    not is_country_name(bare)):
                aliases.setdefault(re.sub(r"^the\s+", "", bare, flags=re.I), 0)
    roles = _distinct_roles(Counter(c.role for c in group if c.role))
    return Entity(
        id=EntityId(""),
        name=_canonical_name(group),
        kind=kind,  # type: ignore[arg-type]
        type=entity_type,
        aliases=tuple(sorted(aliases.items(), key=lambda kv: (-kv[1], kv[0]))),
        mentions=tuple(sorted((c.ref for c in group), key=_mention_order)),
        roles=tuple(roles),
    )


def _with_short_forms(
    entities: list[Entity], rules: Rules, key_of: Callable[[str], str]
) -> list[Entity]:
    """Add the short forms a reader would search for: a person's surname with and
    without "al-", "al-X" for an armed group called "Harakat al-X", an outlet without
    "News". A form that could mean two entities is given to neither."""
    wanted = {id(e): _short_forms(e, rules) for e in entities}
    owners: dict[str, set[int]] = defaultdict(set)
    for e in entities:
        for alias in [a for a, _ in e.aliases] + [e.name]:
            owners[key_of(alias)].add(id(e))
        for form in wanted[id(e)]:
            owners[key_of(form)].add(id(e))
    out = []
    for e in entities:
        written = {a for a, _ in e.aliases}
        forms = sorted(
            f for f in wanted[id(e)] if f not in written and owners[key_of(f)] == {id(e)}
        )
        out.append(replace(e, short_forms=tuple(sorted(set(e.short_forms) | set(forms)))))
    return out


def _short_forms(entity: Entity, rules: Rules) -> set[str]:
    words = entity.name.split()
    forms: set[str] = set()
    if entity.type == "person" and looks_like_person(entity.name):
        last = words[-1]
        forms.add(last)
        if (article := re.match(rf"{rules.article}-(?=[A-Z])", last)) is not None:
            forms.add(last[article.end() :])
    elif len(words) == 2 and words[0].casefold() in rules.group_name_words:
        if re.match(rf"{rules.article}-[A-Z]", words[1], re.I):
            forms.add(words[1])
    elif entity.type == "media outlet":
        core = re.sub(rules.outlet_suffix.pattern, "", entity.name, flags=re.I)
        if core != entity.name and len(core) >= 4:
            forms.add(core)
    return forms


def _distinct_roles(roles: Counter) -> list[str]:
    """One form per title: "Iraqi Prime Minister" and "Iraq's prime minister" are one
    role, shown in its most used form."""
    rules = load_rules()
    by_title: dict[str, list[str]] = defaultdict(list)
    for role in roles:
        # the title without whose it is: "Foreign Minister" and "Prime Minister" stay two
        words = re.sub(r"['’]s\b", "", role).split()
        own = [w for w in words if not is_qualifier(w, rules)]
        by_title[" ".join(own or words).casefold()].append(role)
    return sorted(min(forms, key=lambda r: (-roles[r], -len(r), r)) for forms in by_title.values())


def _canonical_name(group: list[Candidate]) -> str:
    """The form most sources use, among full forms: an acronym only when nothing else is
    written, a person's surname only when no full name is; ties go to the longer, then
    the more used form. A rare garbled long form never titles the page."""
    names = Counter(c.name for c in group)
    sources: dict[str, set[str]] = defaultdict(set)
    for c in group:
        sources[c.name].add(c.ref.source)
    full = [n for n in names if not (n.isupper() and " " not in n)] or list(names)
    # a name over a description of the body ("Global Coalition", not "international
    # coalition"); a description that titles the page starts with a capital
    rules = load_rules()
    descriptions = {n for n in full if described_body(n, rules) and (any(
        w[:1].islower() for w in re.split(r"[\s-]", n)) or " " not in n)}  # "Coalition"
    full = [n for n in full if n not in descriptions] or full
    people = sum(c.label == "PERSON" for c in group) * 2 > len(group)
    if people and any(len(n.split()) > 1 for n in full):  # a full name, not the surname
        full = [n for n in full if len(n.split()) > 1]
    best = min(full, key=lambda n: (-len(sources[n]), -len(n.split()), -names[n], n))
    return best[:1].upper() + best[1:] if best in descriptions else best


def _mention_order(ref: MentionRef) -> tuple[str, int]:
    return ref.source, ref.start
