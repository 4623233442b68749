"""resolve: entity mentions → canonical entities (actor, base, place).

Each mention is cleaned (leading "the", possessives, titles, base words), keyed by a
folded spelling that makes transliteration variants equal, and then linked: acronyms
declared in parentheses join their full name, and surnames join the person named in
full in the same article or, when unambiguous, in the corpus. Kind and type are voted
over every mention, with context words ("X base", "militia X") weighing most.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import ftfy
import yaml
from rapidfuzz import fuzz
from slugify import slugify

from briefgen.records import Entity, EntityId, Kind, Mention, MentionRef, ParsedArticle

QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2032": "'"})
CONTEXT_WINDOW = 30
BASE_CUE_WEIGHT = 3
MAX_NAME_CHARS = 80


@dataclass(frozen=True)
class Rules:
    labels: dict[str, dict[str, str]]
    titles: tuple[str, ...]
    generic: frozenset[str]
    base_after: re.Pattern
    base_before: re.Pattern
    group_cue: re.Pattern
    media_words: re.Pattern
    government_words: re.Pattern
    folds: tuple[tuple[re.Pattern, str], ...]
    norp_min_words: int
    role_before: re.Pattern
    trailing_descriptors: re.Pattern
    outlet_suffix: re.Pattern
    alias_phrase: re.Pattern
    place_before: re.Pattern
    base_verb_before: re.Pattern


@cache
def load_rules() -> Rules:
    data = yaml.safe_load(resources.files("briefgen").joinpath("data/resolve.yml").read_text())

    def alternation(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return Rules(
        labels=data["labels"],
        titles=tuple(sorted(data["titles"], key=len, reverse=True)),
        generic=frozenset(data["generic"]),
        base_after=re.compile(rf"\s*[-\s]?({alternation(data['base_cues_after'])})\b", re.I),
        base_before=re.compile(rf"\b({alternation(data['base_cues_before'])})\s*$", re.I),
        group_cue=re.compile(rf"\b({alternation(data['group_cues'])})\b", re.I),
        media_words=re.compile(rf"\b({alternation(data['media_words'])})\b", re.I),
        government_words=re.compile(rf"\b({alternation(data['government_words'])})\b", re.I),
        folds=tuple((re.compile(a), b) for a, b in data["folds"]),
        norp_min_words=data["norp_min_words"],
        # "Interior Minister | Name", "US Secretary of Defense | Name": the role before a name
        role_before=re.compile(
            rf"((?:[A-Z][\w'.-]*\s+(?:of\s+)?){{0,3}}(?i:{alternation(data['titles'])}))\s+$"
        ),
        trailing_descriptors=re.compile(
            rf"\s+(?:{alternation(data['trailing_descriptors'])})$", re.I
        ),
        outlet_suffix=re.compile(rf"\s+(?:{alternation(data['outlet_suffixes'])})$"),
        alias_phrase=re.compile(
            rf"^\s*[,(]?\s*(?:{alternation(data['alias_phrases'])})\s+(?:the\s+)?$", re.I
        ),
        place_before=re.compile(
            rf"\b(?:{alternation(data['place_cues_before'])})\s+(?:the\s+)?$", re.I
        ),
        base_verb_before=re.compile(
            rf"\b(?:{alternation(data['base_verbs_before'])})\b[^.;]{{0,40}}\b(?:in|at)\s+$",
            re.I,
        ),
    )


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


def resolve(articles: Sequence[ParsedArticle]) -> tuple[Entity, ...]:
    rules = load_rules()
    candidates = [c for a in articles for c in _candidates(a, rules)]
    candidates = _link_acronyms(candidates, articles, rules)
    candidates = _link_partial_names(candidates)
    candidates = _merge_equivalent_keys(candidates, rules)
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        groups[candidate.key].append(candidate)
    entities = [_entity(group) for _, group in sorted(groups.items())]
    return _with_unique_ids(entities)


def _candidates(article: ParsedArticle, rules: Rules) -> Iterable[Candidate]:
    text = article.article.text
    for mention in repaired_mentions(article, rules):
        vote = rules.labels.get(mention.label)
        if vote is None:
            continue
        name, role = clean_name(mention.text, rules)
        if mention.label == "NORP" and len(name.split()) < rules.norp_min_words:
            continue
        if is_junk(name, rules):
            continue
        before = text[max(0, mention.start - CONTEXT_WINDOW) : mention.start]
        after = text[mention.end : mention.end + CONTEXT_WINDOW]
        kind_votes: list[tuple[Kind, int]] = [(vote["kind"], 1)]
        stripped, base_in_name = _strip_base_word(name, rules)
        if not role and vote["type"] == "person" and (found := rules.role_before.search(before)):
            role = found.group(1)
        end = mention.end
        if (cue := rules.base_after.match(after)) and mention.end + cue.end() <= _sentence_end(
            article, mention
        ):
            end = mention.end + cue.end()
        if cue or base_in_name or rules.base_before.search(before) or (
            rules.base_verb_before.search(before)
        ):
            kind_votes.append(("base", BASE_CUE_WEIGHT))
        elif mention.label in {"PERSON", "ORG"} and rules.place_before.search(before):
            kind_votes.append(("place", BASE_CUE_WEIGHT))
        yield Candidate(
            ref=MentionRef(
                article.article.source_id, mention.sentence, mention.start, end,
                text[mention.start : end],
            ),
            name=stripped,
            key=name_key(stripped, rules),
            label=mention.label,
            kind_votes=tuple(kind_votes),
            type_votes=tuple(_type_votes(mention, stripped, before, after, vote, rules)),
            role=role,
        )


def _sentence_end(article: ParsedArticle, mention: Mention) -> int:
    return article.sentence(mention.sentence).end


def repaired_mentions(article: ParsedArticle, rules: Rules) -> list[Mention]:
    """NER spans with their common cuts mended: a possessive or a stray bracket at the
    front ("’s Hashd", "IRGC) Quds Force"), a descriptor glued to the end ("X Shia"),
    and a name split in two at an apostrophe ("Mohammed Shia’ | al-Sudani")."""
    text = article.article.text
    out: list[Mention] = []
    for mention in article.mentions:
        start, end = mention.start, mention.end
        span = text[start:end]
        if (cut := re.search(r"^.*(?:['’]s\s+|\)\s*)", span)) and cut.end() < len(span):
            start += cut.end()
        if "(" in text[start:end] and ")" not in text[start:end]:
            end = start + text[start:end].index("(")
        if (tail := rules.trailing_descriptors.search(text[start:end])) and len(
            text[start:end].split()
        ) > 2:
            end = start + tail.start()
        end = start + len(text[start:end].rstrip(" ,;:-"))
        if end <= start:
            continue
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.label == mention.label == "PERSON"
            and previous.sentence == mention.sentence
            and re.fullmatch(r"['’]?\s+", text[previous.end : start])
            and re.match(r"(?:al|el|Al|El)-", text[start:end])
        ):
            out[-1] = replace(previous, end=end, text=text[previous.start : end])
            continue
        out.append(replace(mention, start=start, end=end, text=text[start:end]))
    return out


def _type_votes(
    mention: Mention, name: str, before: str, after: str, vote: dict, rules: Rules
) -> Iterable[tuple[str, int]]:
    yield vote["type"], 1
    if mention.label in {"ORG", "PERSON", "NORP"}:
        near = " ".join(before.split()[-3:] + after.split()[:3])
        if rules.group_cue.search(near):
            yield "armed group", 2
        if rules.media_words.search(name):
            yield "media outlet", 2
        elif rules.government_words.search(name):
            yield "government body", 2


def clean_name(text: str, rules: Rules) -> tuple[str, str]:
    """The name as it should be shown, and the title stripped from its front."""
    name = re.sub(r"\s+", " ", text.translate(QUOTES)).strip(" \t'\".,;:-")
    name = re.split(r"\s+[-\u2013\u2014]\s+", name)[0]
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    name = re.sub(r"'s?$", "", name).strip()
    name = rules.trailing_descriptors.sub("", name) if len(name.split()) > 2 else name
    role = ""
    lowered = name.casefold()
    for title in rules.titles:
        if lowered.startswith(title + " ") and len(name) > len(title) + 1:
            role = name[: len(title)]
            name = name[len(title) + 1 :].strip()
            break
    return name, role


def _strip_base_word(name: str, rules: Rules) -> tuple[str, bool]:
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:n]), " ".join(words[n:])
        if rules.base_after.fullmatch(" " + tail):
            return head, True
    return name, False


def is_junk(name: str, rules: Rules) -> bool:
    letters = [c for c in name if c.isalpha()]
    return (
        not letters
        or len(name) > MAX_NAME_CHARS
        or name.casefold() in rules.generic
        or not (name[0].isupper() or name[0].isdigit() or re.match(r"(al|el|ad)-", name))
        or ftfy.is_bad(name)
        or any(unicodedata.category(c) in {"So", "Sk", "Co"} for c in name)
        or (name.isupper() and len(name.split()) > 2)
        or bool(re.fullmatch(r"[A-Za-z]+-?\d+\w*", name))
        or sum(c.isascii() for c in letters) < len(letters) / 2
    )


def name_key(name: str, rules: Rules) -> str:
    """A spelling-insensitive key: accents, case, quotes, hyphens and the transliteration
    folds of resolve.yml removed, so "Ayn al-Assad" and "Ain al-Asad" compare equal."""
    name = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.?)", r"\1", name)  # U.S. -> US
    key = unicodedata.normalize("NFKD", name.translate(QUOTES))
    key = "".join(c for c in key if not unicodedata.combining(c)).casefold()
    key = re.sub(r"['\u02be\u02bf]", "", key)
    key = re.sub(r"[^\w]+", " ", key).strip()
    for pattern, replacement in rules.folds:
        key = pattern.sub(replacement, key)
    return re.sub(r"\s+", " ", key).strip()


def _link_acronyms(
    candidates: list[Candidate], articles: Sequence[ParsedArticle], rules: Rules
) -> list[Candidate]:
    """'Full Name (ACR)' anywhere in the corpus makes ACR an alias of Full Name, whether
    or not NER tagged ACR; 'X, better known as Y' and 'X (formerly Y)' join X and Y."""
    links: dict[str, str] = {}
    by_end = {(c.ref.source, c.ref.end): c for c in candidates}
    by_start = {(c.ref.source, c.ref.start): c for c in candidates}
    by_source: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_source[c.ref.source].append(c)
    extra: list[Candidate] = []
    for article in articles:
        text, source = article.article.text, article.article.source_id
        for match in re.finditer(r"\(([A-Z][A-Za-z]{1,9})\)", text):
            full = by_end.get((source, match.start() - 1)) or by_end.get((source, match.start()))
            if not (full and _initials_match(match.group(1), full.name)):
                continue
            links.setdefault(name_key(match.group(1), rules), full.key)
            if (source, match.start(1)) not in by_start:
                ref = replace(full.ref, start=match.start(1), end=match.end(1),
                              text=match.group(1))
                extra.append(replace(full, ref=ref, name=match.group(1), role=""))
        for c in by_source[source]:
            for other_start in range(c.ref.end, min(len(text), c.ref.end + 40)):
                other = by_start.get((source, other_start))
                gap = text[c.ref.end : other_start]
                if other and (rules.alias_phrase.match(gap) or (
                    gap == " or " and re.match(r"\s*\([A-Z]", text[other.ref.end :])
                )):
                    links.setdefault(other.key, c.key)
                    break
    return [replace(c, key=_follow(links, c.key)) for c in candidates + extra]


def _follow(links: dict[str, str], key: str) -> str:
    """The end of a chain of links (PMU → Popular Mobilization Units → Hashd …)."""
    seen = {key}
    while key in links and links[key] not in seen:
        key = links[key]
        seen.add(key)
    return key


def _initials_match(acronym: str, name: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w']*", name) if w[0].isupper())
    return len(initials) >= 2 and acronym.upper().startswith(initials[:2])


def _link_partial_names(candidates: list[Candidate]) -> list[Candidate]:
    """A one-word person reference ("Sudani", "al-Sudani") joins the full name whose last
    word it is: in the same article first, else across the corpus when only one fits."""
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    in_article: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in candidates:
        words = c.key.split()
        if c.label == "PERSON" and len(words) >= 2 and _looks_like_person(c.name):
            full_by_surname[words[-1]].add(c.key)
            in_article[(c.ref.source, words[-1])].add(c.key)
    linked = []
    for c in candidates:
        words = c.key.split()
        if len(words) == 1 and c.label in {"PERSON", "ORG", "GPE"}:
            local = in_article.get((c.ref.source, words[0]), set())
            corpus = full_by_surname.get(words[0], set())
            target = local if len(local) == 1 else corpus if len(corpus) == 1 else set()
            if target and (c.label == "PERSON" or local):
                c = replace(c, key=next(iter(target)))
        linked.append(c)
    return linked


STOPWORDS = frozenset({"and", "of", "the", "on", "for", "in", "to"})
FUZZY_MIN_SCORE = 85
FUZZY_MIN_CHARS = 6


def _merge_equivalent_keys(candidates: list[Candidate], rules: Rules) -> list[Candidate]:
    """Keys that name the same thing in other words: the same content words in another
    order ("Defence and Security Committee"), an outlet with or without "News", an
    initialism of a name used elsewhere ("US"), or a close respelling of a long name."""
    labels: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        labels[c.key].add(c.label)
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

    # An organisation's key without "news", "agency", … ("X News" and "X" are one outlet).
    cores = {k: rules.outlet_suffix.sub("", k) if "ORG" in labels[k] else k for k in keys}
    by_shape: dict[str, str] = {}
    for key in keys:
        words = [w for w in key.split() if w not in STOPWORDS]
        shapes = []
        if len(words) >= 2:
            shapes.append("bag:" + " ".join(sorted(words)))
        if cores[key] != key and len(cores[key]) >= 4:
            shapes.append("key:" + cores[key])
        shapes.append("key:" + key)
        for shape in shapes:
            if shape in by_shape:
                join(key, by_shape[shape])
            else:
                by_shape[shape] = key
    initials: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if len(key.split()) >= 2:
            initials["".join(w[0] for w in key.split() if w not in STOPWORDS)].add(key)
    singles = [k for k in keys if " " not in k]
    for key in singles:
        expansions = initials.get(key, set())
        if 2 <= len(key) <= 5 and len(expansions) == 1:
            join(key, next(iter(expansions)))
    long_singles = [k for k in keys if " " not in cores[k] and len(cores[k]) >= FUZZY_MIN_CHARS]
    for i, a in enumerate(long_singles):
        for b in long_singles[i + 1 :]:
            if cores[a][0] == cores[b][0] and labels[a] & labels[b] and (
                fuzz.ratio(cores[a], cores[b]) >= FUZZY_MIN_SCORE
            ):
                join(a, b)
    return [replace(c, key=root(c.key)) for c in candidates]


def _looks_like_person(name: str) -> bool:
    """Two or more capitalised words of letters: not "U.S.-Iraq" or "Twitter"."""
    words = name.split()
    return len(words) >= 2 and all(
        re.fullmatch(r"(?:[a-z]{1,3}-)?[A-Z][\w'’-]*", w) for w in words
    )


def _entity(group: list[Candidate]) -> Entity:
    kind_votes: Counter[str] = Counter()
    type_votes: Counter[str] = Counter()
    for c in group:
        kind_votes.update(dict(c.kind_votes))
        type_votes.update(dict(c.type_votes))
    kind = max(sorted(kind_votes), key=kind_votes.__getitem__)
    entity_type = "base" if kind == "base" else max(sorted(type_votes), key=type_votes.__getitem__)
    if kind == "actor" and entity_type == "place":
        entity_type = "state"
    aliases = Counter(c.ref.text for c in group)
    for c in group:
        if c.name not in aliases:
            aliases[c.name] = sum(other.name == c.name for other in group)
    roles = sorted({c.role for c in group if c.role})
    return Entity(
        id=EntityId(""),
        name=_canonical_name(group),
        kind=kind,  # type: ignore[arg-type]
        type=entity_type,
        aliases=tuple(sorted(aliases.items(), key=lambda kv: (-kv[1], kv[0]))),
        mentions=tuple(sorted((c.ref for c in group), key=_mention_order)),
        roles=tuple(roles),
    )


def _canonical_name(group: list[Candidate]) -> str:
    """The most used of the longest forms: full names beat surnames and acronyms."""
    names = Counter(c.name for c in group)
    most_words = max(len(n.split()) for n in names)
    full = {n: k for n, k in names.items() if len(n.split()) == most_words}
    return min(full, key=lambda n: (-full[n], n))


def _mention_order(ref: MentionRef) -> tuple[str, int]:
    return ref.source, ref.start


def _with_unique_ids(entities: list[Entity]) -> tuple[Entity, ...]:
    used: set[str] = set()
    out = []
    for entity in sorted(entities, key=lambda e: (-len(e.mentions), e.name)):
        base = slugify(entity.name) or "entity"
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out.append(replace(entity, id=EntityId(slug)))
    return tuple(sorted(out, key=lambda e: e.id))
