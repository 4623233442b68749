"""Mention repair: spaCy's entity spans, mended where the small model predictably errs.

NER cuts names at apostrophes, glues descriptors and departments onto them, folds a
person into the organisation before it, and skips some names entirely. Each rule here
mends one such pattern using only the article's own text and parse, so the resolver
downstream sees one clean span per name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from briefgen.language import english
from briefgen.names import (
    Rules,
    described_body,
    describes,
    is_country_name,
    is_demonym,
    is_qualifier,
    load_rules,
    looks_like_person,
    name_key,
    strip_base_word,
)
from briefgen.records import Mention, ParsedArticle, Sentence, SentenceId, Token

TITLE_OF_BEFORE = re.compile(r"\b(?:Secretary|Minister|Ministry|Department)\s+of\s+$")
NAME_WORD = re.compile(rf"(?:(?:{load_rules().article}|Abu|Bin|bin|Ibn|ibn)-)?[A-Z][\w'’]*"
                       r"(?:-[A-Z][\w'’]*)*")
# A person's own surname ("al-Abbasi") ends a span of 3+ words NER took as one name.
MIN_WORDS_BEFORE_SURNAME = 2
# A capitalised word right before a name, one space apart ("Kata’ib | Sayyid al-Shuhada").
GROUP_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’]+) $")
# A capitalised word right before a run of names ("Operation | Inherent Resolve").
OPENER_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
# NER leaves the administrative word out of a place's name now and then, or takes the
# name before it for a person.
ADMINISTRATIVE_UNIT_AFTER = re.compile(r" (?:Governorate|Province|District|Subdistrict)\b")
# "the Obama administration": a government named after its president, not the man.
ADMINISTRATION_AFTER = re.compile(r" [Aa]dministration\b")
POSSESSIVE_END = re.compile(r"['’]s$")


def repaired_mentions(article: ParsedArticle, rules: Rules) -> list[Mention]:
    """NER spans with their common cuts mended, plus names NER skipped."""
    text = article.article.text
    mended = _described_bases(
        _retagged_by_neighbours(list(_slashed_apart(_mended_spans(article, rules))),
                                article, rules),
        article, rules)
    surnames = {
        m.text.split()[-1] for m in mended if m.label == "PERSON" and looks_like_person(m.text)
    }
    runs = {s.id: list(_name_runs(_words(s))) for s in article.sentences}
    split: list[Mention] = []
    for mention in _extend_organisations(article, mended, runs, rules):
        split.extend(_split_trailing_surname(mention, text, surnames))
    found = list(_skipped_names(article, split, runs, rules))
    named = _known_names(article, split + found, rules)
    if places := dateline_places(article):  # the tagger's reading of a line in capitals
        named = [m for m in named if m.sentence != places[0].sentence] + places
    outlets = _cited_outlets(article, named, rules)
    outlets += _diplomatic_missions(article, named, rules)
    described = list(_described_bodies(article, named + outlets, rules))
    wider = outlets + described
    kept = [m for m in named if not any(
        (o.start <= m.start or _determiner_before(text, m, o.start, o.end)) and m.end <= o.end
        for o in wider)]
    return sorted(kept + wider, key=lambda m: (m.start, m.end))


def dateline_places(article: ParsedArticle) -> list[Mention]:
    """The places of the article's dateline paragraph ("ERBIL, Kurdistan Region"), each
    part between commas: where the story was filed, whatever the tagger reads in a
    line of capitals."""
    line = article.article.dateline
    sentence = next((s for s in article.sentences if line and s.text.strip() == line), None)
    if sentence is None:
        return []
    at = sentence.start + sentence.text.index(line)
    places = []
    for part in re.finditer(r"[^,]+", line):
        name = part.group().strip()
        if name[:1].isupper():
            start = at + part.start() + part.group().index(name)
            places.append(Mention(sentence.id, start, start + len(name), name, "GPE"))
    return places


def _known_names(article: ParsedArticle, mentions: list[Mention], rules: Rules) -> list[Mention]:
    """Names of the known-alias lists (data `known_aliases`, `known_place_aliases`) as
    written in the text, where NER missed them ("IS fighters"), cut them ("Islamic" of
    "Islamic State militants") or glued a creed or country word to them ("Shiite Hashd
    al-Shaabi"). A longer name around one is kept ("Islamic State Khorasan Province",
    "Hashd al-Watani"), and so is a capitalised word the parse reads as a verb or a line
    in capitals ("the embassy IS under control")."""
    text = article.article.text
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ordered]
    longest = max((m.end - m.start for m in ordered), default=0)
    sentence_starts = [s.start for s in article.sentences]
    shouted = _shouted_lines(text)
    token_starts: dict[int, list[int]] = {}  # per sentence, made on first use
    found: list[Mention] = []
    dropped: set[Mention] = set()
    for pattern, label in ((rules.known_bodies_written, "ORG"),
                           (rules.known_places_written, "LOC")):
        for match in pattern.finditer(text):
            start, end = match.span()
            at = bisect_right(sentence_starts, start) - 1
            sentence = article.sentences[at] if at >= 0 else None
            if sentence is not None and at not in token_starts:
                token_starts[at] = [t.start for t in sentence.tokens]
            if sentence is None or end > sentence.end or shouted(start) or _read_as_a_word(
                    sentence, token_starts[at], start, end) or not _only_descriptors(
                    _words_beside(text, start, end), rules):
                continue
            overlapping = []
            n = bisect_left(starts, end) - 1
            while n >= 0 and starts[n] >= start - longest:
                if ordered[n].end > start:
                    overlapping.append(ordered[n])
                n -= 1
            # NER's own span stands, unless its label names nothing ("Peshmerga" PRODUCT)
            if any(m.start == start and m.end == end and m.label in rules.labels
                   for m in overlapping):
                continue
            wider = [m for m in overlapping if m.start <= start and end <= m.end]
            if any(not _only_descriptors(text[m.start:start] + " " + text[end:m.end], rules)
                   for m in wider):
                continue
            dropped.update(overlapping)
            found.append(Mention(sentence.id, start, end, match.group(), label))
    return sorted([m for m in mentions if m not in dropped] + found,
                  key=lambda m: (m.start, m.end))


# Parts of speech of the word before a short name in capitals that make it English
# instead, the verb after its subject ("the embassy IS under control"); "target IS
# fighters", "against IS", "IS claimed" keep the name.
SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})
SHORT_NAME_LETTERS = 2


def _read_as_a_word(sentence: Sentence, token_starts: list[int], start: int, end: int) -> bool:
    """Whether a short match in capitals ("IS") follows a subject, where it is a verb
    (the tagger reads "IS" as a verb everywhere, so its own tag says nothing)."""
    if end - start > SHORT_NAME_LETTERS:
        return False
    at = bisect_left(token_starts, start)
    return at > 0 and sentence.tokens[at - 1].pos in SUBJECT_POS


# A word right before or after a span, on its line: a capitalised one, or one written
# with the Arabic article, goes on with a longer name ("Sepah News", "Hashd al-Watani").
CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)[ \t]+$")
CAPITALISED_AFTER = re.compile(
    rf"[ \t]+([A-Z][\w'’-]*|(?i:{load_rules().article_any})-[\w'’-]+)")


def _words_beside(text: str, start: int, end: int) -> str:
    """The name words on either side of a span, which a known name inside a longer one
    has ("Sepah" in "Sepah News" has "News")."""
    before = CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    after = CAPITALISED_AFTER.match(text, end)
    return " ".join(m.group(1) for m in (before, after) if m)


def _shouted_lines(text: str) -> Callable[[int], bool]:
    """Whether the line around an offset is written in capitals (a headline, a credit);
    each line is counted once."""
    seen: dict[int, bool] = {}

    def shouted(at: int) -> bool:
        line_start = text.rfind("\n", 0, at) + 1
        if line_start not in seen:
            line_end = text.find("\n", at)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            seen[line_start] = sum(c.isupper() for c in line) > sum(c.islower() for c in line)
        return seen[line_start]

    return shouted


def _only_descriptors(words: str, rules: Rules) -> bool:
    """Whether the words around a name say only whose or which creed it is ("Shiite",
    "Iraqi", "the"), so that the name alone is the name."""
    return all(is_demonym(w, rules) or w.casefold() in english().determiners
               for w in words.split())


def _described_bodies(
    article: ParsedArticle, mentions: list[Mention], rules: Rules
) -> Iterator[Mention]:
    """Bodies the article names by a description NER does not tag ("the US-led
    coalition", "the international anti-ISIS coalition", "US-led coalition forces"): a
    leader or a describing word is needed ("the coalition" alone is left alone), and
    without "the", a leader. A name NER tagged across it stands;
    one inside it ("US" in "US-led") is the description's."""
    text = article.article.text
    matches = [(sentence, match, described_body(match.group(1), rules))
               for sentence in article.sentences
               for match in rules.described_body.finditer(text, sentence.start, sentence.end)]
    described_here = any(len(m.group(1).split()) > 1 and described for _, m, described in matches)
    for sentence, match, described in matches:
        start, end = match.span(1)
        words = match.group(1).split()
        definite = match.start(1) > match.start()  # "the international coalition"
        led = described and described[0]
        crossed = any(m.start < end and start < m.end and not (
            start <= m.start and m.end <= end) and not _determiner_before(
                text, m, start, end) for m in mentions)
        # one capitalised word alone, after "the", "of" or "and", or opening a sentence
        # ("in self-defence of Coalition partnered forces", "U.S. and Coalition forces",
        # "Coalition warplanes hit …"), is the body the article describes; not "the
        # ruling Coalition" or "al-Sudani's Coalition", which are someone's
        proper = len(words) == 1 and words[0][:1].isupper() and described_here and (
            BARE_BODY_AFTER.search(text, sentence.start, start)
            or not text[sentence.start : start].strip())
        if described is None or not (len(words) >= 2 or proper) or not (
                definite or led or proper) or crossed:
            continue
        yield Mention(sentence.id, start, end, match.group(1), "ORG")


# The word before a body named by its head noun alone ("the Coalition", "of Coalition",
# "U.S. and Coalition forces").
BARE_BODY_AFTER = re.compile(r"(?<![\w'’])(?:the|of|and)\s+$", re.I)


def _determiner_before(text: str, mention: Mention, start: int, end: int) -> bool:
    """Whether a name reaches outside [start, end) only by a determiner in front ("the
    United States" in "the United States-led coalition")."""
    return mention.end <= end and mention.start < start and text[
        mention.start:start].strip().casefold() in english().determiners


def _mended_spans(article: ParsedArticle, rules: Rules) -> Iterator[Mention]:
    """A possessive or a stray bracket at the front ("’s Hashd", "IRGC) Quds Force"), a
    plural's possessive inside ("Guard Corps’ | Quds": the owner is named), a
    descriptor glued to the end ("X Shia"), a department glued to the front after
    "Secretary of", a name split in two at an apostrophe ("Mohammed Shia’ | al-…"), and
    a town's facility named by a lower-case noun ("Baghdad | airport")."""
    text = article.article.text
    previous: Mention | None = None
    swallowed = 0  # where a span mended forward ends: NER's spans inside it are in it
    sentence_end = {s.id: s.end for s in article.sentences}
    # people of a body opening a sentence, capitalised for its place ("Fighters of …")
    sentence_start_plurals = {s.tokens[0].start for s in article.sentences if s.tokens and (
        s.tokens[0].text.casefold() in rules.people_of_a_body)}
    for mention in article.mentions:
        start, end, label = mention.start, mention.end, mention.label
        if start < swallowed:
            continue
        span = text[start:end]
        # not "Children’s | Fund": one head noun left is no name of its own
        if (cut := re.search(r"^.*(?:['’]s\s+|\)\s*)", span)) and cut.end() < len(span) and (
                span[cut.end():].casefold() not in rules.organisation_heads):
            start += cut.end()
        elif (owner := PLURAL_POSSESSIVE.search(span)) and " " in span[:owner.start()] and not (
                {w.casefold() for w in span[owner.end():].split()} & rules.organisation_heads):
            # "Guard Corps’ | Quds": the owner is the name ("Kurdistan Workers' Party" and
            # "United Nations’ Security Council" are one)
            end = start + owner.start()
        if (lead := PLURAL_OF_LEAD.match(text, start, end)) and (
                start in sentence_start_plurals):  # "Fighters of | Syrian Democratic Forces"
            start = lead.end()
        if "(" in text[start:end] and ")" not in text[start:end]:
            end = start + text[start:end].index("(")
        if (tail := rules.trailing_descriptors.search(text[start:end])) and len(
            text[start:end].split()
        ) > 2 and describes(tail.group().strip(), rules):
            end = start + tail.start()
        if TITLE_OF_BEFORE.search(text[max(0, start - 40) : start]) and (
            department := rules.department_after_title.match(text[start:end])
        ):
            rest = text[start + department.end() : end]
            if looks_like_person(rest.strip(" ,")):
                start, label = start + department.end(), "PERSON"
        end = start + len(text[start:end].rstrip(" ,;:-"))
        # cut after a joining word ("The Islamic Resistance in | Iraq"): the capitalised
        # words after it end the name; with none, the joining word is no part of it
        if label in NAME_LABELS and (joint := TRAILING_JOINT.search(text, start, end)):
            after = CAPITALISED_RUN.match(text, end, sentence_end.get(mention.sentence, end))
            # never into a name NER tagged that goes on past the words taken
            stop = min((m.start for m in article.mentions if after and end <= m.start
                        < after.end() < m.end), default=None)
            end = (stop if stop is not None else after.end()) if after else joint.start()
            end = start + len(text[start:end].rstrip())
            if end <= joint.start():
                end = joint.start()
            swallowed = end
        if end <= start:
            continue
        if unit := ADMINISTRATIVE_UNIT_AFTER.match(text, end):  # "al-Hasakah | Governorate"
            end, label = unit.end(), "GPE"
        elif label == "PERSON" and not POSSESSIVE_END.search(text, start, end) and (
                body := ADMINISTRATION_AFTER.match(text, end)):
            end, label = body.end(), "ORG"  # not "Joe Biden's administration": his
        elif label in {"GPE", "LOC"} and (facility := rules.facility_noun_after.match(
                text, end)) and not is_country_name(text[start:end]):
            end, label = facility.end(), "FAC"  # "Baghdad | airport"
        if (
            previous is not None
            and previous.label == label == "PERSON"
            and previous.sentence == mention.sentence
            and re.fullmatch(r"['’]?\s+", text[previous.end : start])
            and re.match(rf"{rules.article}-", text[start:end])
        ):
            previous = replace(previous, end=end, text=text[previous.start : end])
            continue
        if previous is not None:
            yield previous
        previous = replace(mention, start=start, end=end, text=text[start:end], label=label)
    if previous is not None:
        yield previous


# A plural's possessive inside a span ("the Islamic Revolutionary Guard Corps’ Quds").
PLURAL_POSSESSIVE = re.compile(r"(?<=s)['’]\s+(?=[A-Z])")
# Two names NER took for one across a slash ("ISIS/ISIL", "PKK/YPG").
SLASHED_NAMES = re.compile(r"([A-Z][\w’'-]*)/([A-Z][\w’'-]*)")


def _slashed_apart(mentions: Iterable[Mention]) -> Iterator[Mention]:
    """A span of two names with a slash between ("formerly ISIS/ISIL"): each its own."""
    for mention in mentions:
        if not (pair := SLASHED_NAMES.fullmatch(mention.text)):
            yield mention
            continue
        for n in (1, 2):
            start = mention.start + pair.start(n)
            yield replace(mention, start=start, end=start + len(pair.group(n)),
                          text=pair.group(n))


# "Fighters of the": people and "of" before the name of the body they are of.
PLURAL_OF_LEAD = re.compile(r"[A-Z][a-z]+\s+of\s+(?:the\s+)?(?=[A-Z])")


# A span that ends in a word that joins a name's parts, and the capitalised words that
# can finish it, on its line, four at most ("in | Iraq"; "of | the Levant" is not: "the"
# is lower case).
TRAILING_JOINT = re.compile(
    r"\s+(?:" + "|".join(w for w in english().name_stopwords if w != "affairs") + r")$")
CAPITALISED_RUN = re.compile(r"[ \t]+[A-Z][\w'’-]{0,40}(?![\w'’-])"
                             r"(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’-]{0,40}(?![\w'’-])){0,3}")
# Labels NER gives a body's name opened by "Operation" when it misreads it.
OPENER_MISREAD_LABELS = frozenset({"FAC", "PERSON", "GPE", "LOC", "WORK_OF_ART"})
# Labels NER gives a name it does not know when the word looks like a nationality or a
# first name ("Kata’ib" NORP, "Harir" NORP, "K1" PERSON).
MISREAD_LABELS = frozenset({"NORP", "PERSON"})
# What a misread first word can be the start of.
NAME_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})


def _described_bases(
    mentions: list[Mention], article: ParsedArticle, rules: Rules
) -> list[Mention]:
    """A name NER took for an event or a work ("Tower 22") that the text calls a base
    ("a military base known as Tower 22", "Tower 22, a small US base") is a base, and so
    is that name wherever else in the article NER read it the same way."""
    text = article.article.text
    described = {m.text for m in mentions if m.label not in rules.labels and (
        rules.base_known_as_before.search(text, max(0, m.start - 60), m.start)
        or rules.base_described_after.match(text[m.end : m.end + 80]))}
    return [replace(m, label="FAC") if m.label not in rules.labels and m.text in described
            else m for m in mentions]


def _retagged_by_neighbours(
    mentions: list[Mention], article: ParsedArticle, rules: Rules
) -> list[Mention]:
    """One proper noun NER misread as a nationality or a person, shown for what it is by
    what follows it: the first word of the name right after it ("Kata’ib | Hezbollah"
    is one name, of the second span's label), or a base or place by the noun after it
    ("Harir base", "the K1 airbase"), and a name NER took for a nationality a place by
    the word before it ("in Aleppo"). Nationalities, creeds and peoples stay apart
    ("Shia | Hezbollah", "Israelis", "Spanish"). An Arabic group word NER left out before
    a name is its first word ("Kata’ib | Sayyid al-Shuhada" is a group)."""
    text = article.article.text
    proper = {t.start for s in article.sentences for t in s.tokens
              if t.pos == "PROPN" and not t.text.endswith("s")}
    out: list[Mention] = []
    skip = False
    for mention, following in zip(mentions, [*mentions[1:], None], strict=False):
        if skip:
            skip = False
            continue
        one_misread_word = (mention.label in MISREAD_LABELS and len(mention.text.split()) == 1
                            and mention.start in proper
                            and not is_demonym(mention.text, rules)
                            and not is_country_name(mention.text))
        if one_misread_word and mention.label == "NORP" and following is not None and (
                following.sentence == mention.sentence and following.label in NAME_LABELS
                and text[mention.end : following.start] == " "):
            out.append(replace(following, start=mention.start,
                               text=text[mention.start : following.end]))
            skip = True
            continue
        after = text[mention.end : mention.end + 40]
        if one_misread_word and (noun := _noun_after(mention.text, after, rules)):
            mention = replace(mention, label=noun)
        elif one_misread_word and mention.label == "NORP" and rules.place_before.search(
                text[max(0, mention.start - 40) : mention.start]):
            mention = replace(mention, label="GPE")  # "in Aleppo eastern countryside"
        opener = GROUP_WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start)
        if opener and name_key(opener.group(1), rules) in rules.group_name_keys:
            mention = replace(mention, start=opener.start(1), label="ORG",
                              text=text[opener.start(1) : mention.end])
            if out and out[-1].start >= mention.start:  # the word NER tagged on its own
                out.pop()
        out.append(mention)
    return out


def _split_trailing_surname(mention: Mention, text: str, surnames: set[str]) -> list[Mention]:
    """"the Security and Defence Committee al-Abbasi" → the committee, and al-Abbasi,
    when al-Abbasi is the surname of a person named in full in the same article."""
    # a place's name ends as it will ("the Ain al-Asad airbase"), and "the" is no word of
    # the name before the surname ("the Ain | al-Asad" is not a body and a man)
    words = re.sub(r"^(?:the|The)\s+", "", mention.text).split()
    if mention.label not in {"ORG", "NORP"} or len(words) <= MIN_WORDS_BEFORE_SURNAME:
        return [mention]
    if words[-1] not in surnames or not re.match(rf"{load_rules().article}-", words[-1]):
        return [mention]
    surname_start = mention.start + mention.text.rindex(words[-1])
    head_end = mention.start + len(text[mention.start : surname_start].rstrip())
    return [
        replace(mention, end=head_end, text=text[mention.start : head_end]),
        Mention(mention.sentence, surname_start, mention.end, words[-1], "PERSON"),
    ]


def _extend_organisations(
    article: ParsedArticle,
    mentions: list[Mention],
    runs: dict[SentenceId, list[list[_Word]]],
    rules: Rules,
) -> list[Mention]:
    """A span ending in an organisation's head noun is an organisation; one whose span
    starts mid-name ("Iraq’s Border | Liaison Cell") takes back the capitalised words
    before it, up to a title or another name."""
    text = article.article.text
    taken = {(m.start, m.end) for m in mentions}
    out = []
    for mention in mentions:
        words = mention.text.split()
        # "Liaison Cell" tagged as a person, "Operation Inherent Resolve" as a building
        # (an EVENT span, "Operation Desert Storm", stays an operation)
        if words[-1].casefold() in rules.organisation_heads or (
                len(words) > 1 and words[0].casefold() in rules.organisation_openers
                and words[0][:1].isupper() and mention.label in OPENER_MISREAD_LABELS):
            mention = replace(mention, label="ORG")
        if mention.label == "ORG":
            for run in runs[mention.sentence]:
                starts = [w.start for w in run]
                if mention.start not in starts[1:]:
                    continue
                k = starts.index(mention.start)
                while k > 0 and _free(run[k - 1], taken, rules):
                    k -= 1
                if run[k].start != mention.start:
                    mention = replace(mention, start=run[k].start,
                                      text=text[run[k].start : mention.end])
                break
        out.append(mention)
    return out


def _free(word: _Word, taken: set[tuple[int, int]], rules: Rules) -> bool:
    covered = any(s < word.end and word.start < e for s, e in taken)
    return not covered and word.text.casefold() not in rules.title_words


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    proper: bool


def _skipped_names(
    article: ParsedArticle,
    mentions: list[Mention],
    runs: dict[SentenceId, list[list[_Word]]],
    rules: Rules,
) -> Iterator[Mention]:
    """Runs of capitalised proper nouns NER did not tag, kept only when their own words
    or the noun after them say what they are: a lower-case base or place noun after
    them ("the Victory base"), or for two words or more a base word ("… Air Base"), an
    organisation's head noun ("… Media Cell") or first word ("Operation X Y", also at
    the start of a sentence, where the tagger reads it as a common noun), or a person's
    appositive after them ("Jane Roe, the spokesperson of …"); a settlement's noun before
    them ("the town of Baghuz")."""
    text = article.article.text
    covered = [(m.start, m.end) for m in mentions]
    for sentence in article.sentences:
        for run, part in (p for whole in runs[sentence.id] for p in _split_at_title(whole, rules)):
            start, end = run[0].start, run[-1].end
            if any(s < end and start < e for s, e in covered):
                continue
            if part == "person" and looks_like_person(text[start:end]):
                yield Mention(sentence.id, start, end, text[start:end], "PERSON")
                continue
            if part == "body" and not is_demonym(run[-1].text, rules) and (
                    not is_country_name(text[start:end])):
                yield Mention(sentence.id, start, end, text[start:end], "ORG")
                continue
            name = text[start:end]
            after = text[end : min(end + 40, sentence.end)]
            # "the Victory base", "the Qaim district": a lower-case noun says what it is
            if (noun := _noun_after(name, after, rules)):
                yield Mention(sentence.id, start, end, name, noun)
                continue
            # "the town of Baghuz": the noun before says what it is
            if rules.settlement_of_before.search(text, max(sentence.start, start - 40), start) and (
                    not is_country_name(name) and not is_demonym(run[-1].text, rules)):
                yield Mention(sentence.id, start, end, name, "GPE")
                continue
            if len(run) < 2:
                continue
            # the tagger reads a sentence's first "Operation" as a common noun
            opener = OPENER_BEFORE.search(text, sentence.start, start)
            if opener and opener.group(1).casefold() in rules.organisation_openers:
                start, name = opener.start(1), text[opener.start(1) : end]
            if strip_base_word(name, rules)[1]:
                label = "FAC"
            elif run[-1].text.casefold() in rules.organisation_heads or (
                    name.split()[0].casefold() in rules.organisation_openers):
                label = "ORG"
            elif looks_like_person(name) and rules.person_appositive.match(text[end : end + 80]):
                label = "PERSON"
            else:
                continue
            yield Mention(sentence.id, start, end, name, label)


def _split_at_title(run: list[_Word], rules: Rules) -> list[tuple[list[_Word], str]]:
    """A run of capitalised words with a one-word title inside it ("State Department
    Spokesperson Heather Nauert", "IRGC General Qassam Soleimani"): the body before the
    title and the person of two words or more after it, each a name of its own; other
    runs as they are."""
    for n, word in enumerate(run[1:-2], start=1):
        if word.text.casefold().rstrip(".") in rules.bare_titles:
            body = n
            while body and run[body - 1].text.casefold() in rules.title_words:
                body -= 1  # "Iraqi | Prime Minister Haider al-Abadi"
            return [(run[:body], "body")] * bool(body) + [(run[n + 1:], "person")]
    return [(run, "")]


# A capitalised name of up to five words, digits allowed after the first ("Kurdistan 24",
# "Kurdistan24", "al-Mayadeen"); "’s" ends it.
OUTLET_NAME = re.compile(
    r"(?<![\w’'-])(?:al-|Al-)?[A-Z][\w’'-]*?(?=['’]s\b|[^\w’'-]|$)(?:\s(?:[A-Z][\w-]*|\d{1,3})(?![\w’']))"
    r"{0,4}"
)


# A name ended by a channel's word is an outlet's ("Alsumaria TV", "Rudaw Television").
CHANNEL_WORD_END = re.compile(r"\s(?:TV|Television|Radio)$")


def _cited_outlets(article: ParsedArticle, mentions: list[Mention], rules: Rules) -> list[Mention]:
    """Outlets NER did not tag, named where the article cites them: after "told",
    "according to", "the news agency", or before "television", ", a news channel"."""
    text = article.article.text
    found: list[Mention] = []
    by_sentence: dict[SentenceId, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_sentence[mention.sentence].append(mention)
    for sentence in article.sentences:
        near = by_sentence[sentence.id]  # this sentence's names, and the outlets found in it
        for match in OUTLET_NAME.finditer(text, sentence.start, sentence.end):
            start, end = match.start(), match.end()
            inside = [m for m in near if m.start < end and start < m.end]
            # NER's own name stands, unless the cited name only adds a number or a
            # channel's word to a place in it ("Kurdistan 24", "Alsumaria TV") or NER
            # took it for a title or a number.
            channel = bool(CHANNEL_WORD_END.search(match.group())) and not _names_a_country(
                match.group().split()[0], rules)
            if any(not (start <= m.start and m.end <= end) or (
                    m.label in rules.labels and not re.search(r"\s\d+$", match.group())
                    and not channel) for m in inside):
                continue
            before = text[max(sentence.start, start - 40) : start]
            after = text[end : min(sentence.end, end + 60)]
            if re.search(r"-[a-z]", match.group().removeprefix("al-").removeprefix("Al-")):
                continue  # an adjective: "Arabic-language television"
            if channel or rules.outlet_before.search(before) or rules.outlet_after.match(after):
                outlet = Mention(sentence.id, start, end, text[start:end], "ORG")
                found.append(outlet)
                near.append(outlet)
    return found


# A country's mission: "the US embassy", "the U.S. Consulate", "the American Embassy".
MISSION = re.compile(r"(?<![\w.’'-])((?:[A-Z]\.){2,}|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)"
                     r"\s+(?:[Ee]mbassy|[Cc]onsulate)\b")


def _names_a_country(word: str, rules: Rules) -> bool:
    """A country's name or its people's word ("US", "Iraqi"): whose a mission is ("the
    US embassy"), never a channel's own name ("Iraqi TV")."""
    return is_country_name(word) or is_demonym(word, rules)


def _diplomatic_missions(article: ParsedArticle, mentions: list[Mention],
                         rules: Rules) -> list[Mention]:
    """A country's embassy or consulate, which NER misses in lower case ("the US
    embassy") and cuts to the country ("US"): a body of its own; not where NER named the
    mission itself."""
    text = article.article.text
    found = []
    for sentence in article.sentences:
        for match in MISSION.finditer(text, sentence.start, sentence.end):
            start, end = match.span()
            country = match.group(1)
            if not _names_a_country(country, rules) or any(
                    m.start <= start and end <= m.end and m.label in {"ORG", "FAC"}
                    for m in mentions):
                continue
            found.append(Mention(sentence.id, start, end, match.group(), "ORG"))
    return found


def _noun_after(name: str, after: str, rules: Rules) -> str:
    """"FAC" or "GPE" when a lower-case base or place noun follows a name that is not a
    country, a nationality or a generic word ("US base", "Coalition base" name none)."""
    noun = "FAC" if rules.base_noun_after.match(after) else (
        "GPE" if rules.place_noun_after.match(after) else "")
    words = name.casefold().split()
    if not noun or is_qualifier(words[-1], rules) or words[-1] in rules.generic or (
            words[0] in english().determiners) or is_country_name(name):
        return ""
    return noun


def _words(sentence: Sentence) -> list[_Word]:
    """Tokens glued into whitespace-separated words ("al", "-", "Fartusi" → one word);
    punctuation and possessives end a word."""
    words: list[_Word] = []
    glue: list[Token] = []

    def flush() -> None:
        if glue:
            start, end = glue[0].start, glue[-1].start + len(glue[-1].text)
            # a capital inside the sentence marks a name the tagger took for a noun
            # ("the Victory base")
            proper = any(t.pos == "PROPN" for t in glue) or (
                bool(words) and glue[0].text[:1].isupper() and glue[0].pos == "NOUN")
            words.append(_Word(start, end, "".join(t.text for t in glue), proper))
            glue.clear()

    for token in sentence.tokens:
        breaks = token.pos in {"PUNCT", "PART"} and token.text != "-"
        if breaks or (glue and token.start != glue[-1].start + len(glue[-1].text)):
            flush()
        if breaks:
            words.append(_Word(token.start, token.start + len(token.text), token.text, False))
        else:
            glue.append(token)
    flush()
    return words


def _name_runs(words: Iterable[_Word]) -> Iterator[list[_Word]]:
    run: list[_Word] = []
    for word in [*words, None]:
        if word is not None and word.proper and NAME_WORD.fullmatch(word.text):
            run.append(word)
            continue
        if run:
            yield run
        run = []
