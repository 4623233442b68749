"""ingest: seeds/ → Article records.

Reads .txt, .md (YAML front matter) and saved .html pages (trafilatura), repairs
encodings and mojibake, skips articles not in English, drops page furniture (share
buttons, "Source : X" trailers, breadcrumbs) while recording what it dropped, infers
title and outlet, and keeps one copy of a story saved twice. A file that cannot be read
becomes a Problem and the rest of the build goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import charset_normalizer
import ftfy
import yaml
from datasketch import LeanMinHash, MinHash, MinHashLSH
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from slugify import slugify

from briefgen.cache import IngestCache, cache_key, code_stamp
from briefgen.inputs import input_files
from briefgen.names import is_country_name
from briefgen.pagekinds import SOURCE
from briefgen.records import Article, Problem, SourceId
from briefgen.sanitize import (
    FIELD_MAX_CHARS,
    RESERVED_SLUGS,
    NoAliasLoader,
    first_free,
    invalid_characters,
    is_safe_slug,
    single_line,
    visible_text,
    web_url,
)

# A saved page carries scripts and styles: allow this many bytes per character of text.
HTML_BYTES_PER_TEXT_CHAR = 20
# UTF-8 and UTF-16 take up to 4 bytes a character.
TEXT_BYTES_PER_CHAR = 4
LANGUAGE_SAMPLE_CHARS = 3000
LANGUAGE_MIN_WORDS = 12
LANGUAGE_MIN_CONFIDENCE = 0.9
# Below this share of Latin letters a text is not English, whatever the identifier says
# (it rates a short Arabic text "ar" at 0.57 and the article would be parsed as noise).
LATIN_MIN_SHARE = 0.5
LATIN_MIN_LETTERS = 40
# Two articles sharing this share of their 5-word sequences are one story saved twice.
NEAR_DUPLICATE_JACCARD = 0.8
SHINGLE_WORDS = 5
MINHASH_PERMUTATIONS = 64
MINHASH_SEED = 1
FRONT_MATTER_KEYS = {"title", "outlet", "url", "published", "author", "id"}
# Front matter is a few short fields: a bigger block is a mistake or an attack.
FRONT_MATTER_MAX_CHARS = 16_000
TITLE_MAX_CHARS = 200
# "ERBIL, Kurdistan Region - " or "BAGHDAD (Reuters) — " before the first sentence.
DATELINE = re.compile(
    r"^[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*(?:,(?: [A-Z][\w'.-]*| \d{1,2},?(?= ))+)?"
    r"(?P<agency> \([A-Z][\w ]+(?:[,/] ?[A-Z][\w ]+)*\))?"
    r"\s+[-\u2013\u2014]+\s+(?=[A-Z\u201c\"])"
)
# A date in a dateline ("TEHRAN, Mar. 24 (MNA) –"): no part of the place it names.
DATELINE_MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?",
                            re.I)
# A line that is only a person's name (two or three capitalised words), under the
# headline: the reporter's byline as many sites print it.
BYLINE_NAME = re.compile(r"(?:[A-Z][a-z’'-]+ ){1,2}[A-Z][a-z’'-]+")
# Reporters' names together on a line of their own: "Vivian Salama and Jane Roe".
BYLINE_NAMES = re.compile(
    rf"{BYLINE_NAME.pattern}(?:(?:, | and | & ){BYLINE_NAME.pattern}){{1,4}}")
# A reporter's name and where they file from, on a line of its own: "Jane Roe, Riyadh".
BYLINE_PLACE = re.compile(
    r"((?:[A-Z][a-z’'-]+ ){1,2}[A-Z][a-z’'-]+), ([A-Z][a-z]+(?: [A-Z][a-z]+)?)")
# Lines of a site's menus a saved page may carry above its headline; a label of a
# widget among them ("Next Up:").
MENU_MAX_LINES = 8
MENU_LABEL = re.compile(r"(?:\S+ ){0,2}\S+:")
# The dateline opens the story, after at most a headline, a subtitle and a caption.
DATELINE_MAX_LINE = 3
# One that names its agency ("TEHRAN, Mar. 24 (MNA) –") may follow a longer page head.
AGENCY_DATELINE_MAX_LINE = 8
SENTENCE_END = ".!?:;\"”’'»)"


class Cleaned(NamedTuple):
    """A page's text as paragraphs, what was left out, the outlet its furniture names,
    and the place its dateline names (a paragraph of its own, "" when none)."""

    kept: list[str]
    dropped: list[str]
    outlet: str
    dateline: str


@dataclass(frozen=True)
class Ingested:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


class Unreadable(Exception):
    """Raised inside ingest for a file that is reported and skipped."""


def ingest(
    seeds_dir: Path, root: Path, max_chars: int, cache: IngestCache | None = None,
    previous_ids: Mapping[str, str] | None = None, processes: int | None = None,
) -> Ingested:
    """Read every article under seeds_dir, sorted by path so the result never depends on
    the order the file system lists them in. With a cache, a file read before with the
    same bytes, path and reading code is taken from it; the others are read in
    `processes` processes (one when not given). `previous_ids` (path → source id of the
    last build) lets each file keep its URL when a new file wants the same id."""
    read: list[tuple[Article, LeanMinHash]] = []
    problems: list[Problem] = []
    base = root if seeds_dir.is_relative_to(root) else seeds_dir.parent
    if not seeds_dir.is_dir():
        return Ingested((), (Problem(_relative(seeds_dir, base), "seeds folder not found"),))
    files = [(path, _relative(path, base), refused or _name_problem(
        path.relative_to(seeds_dir).as_posix())) for path, refused in input_files(seeds_dir)]
    entries = _read_all([(path, shown) for path, shown, refused in files if not refused],
                        max_chars, cache, processes or 1)
    for _, shown, refused in files:
        entry: dict[str, Any] = {"problem": refused} if refused else next(entries)
        if "problem" in entry:
            problems.append(Problem(shown, entry["problem"]))
            continue
        fields = entry["article"]
        article = Article(**{**fields, "dropped": tuple(fields["dropped"]),
                             "warnings": tuple(fields["warnings"])})
        problems.extend(Problem(shown, note, "warning") for note in article.warnings)
        if article.dropped:
            problems.append(
                Problem(shown, "left out page furniture: " + " | ".join(article.dropped), "dropped")
            )
        signature = LeanMinHash(seed=MINHASH_SEED, hashvalues=entry["minhash"],
                                scheme=entry["scheme"])
        read.append((article, signature))
    if cache is not None:
        cache.save()
    kept, duplicates = _without_duplicates(read)
    articles, id_problems = _assign_ids(kept, previous_ids or {})
    return Ingested(tuple(articles), tuple(problems) + duplicates + id_problems)


# Below this many files to read, starting processes costs more than it shares out.
MIN_READS_PER_PROCESS = 8


def _read_all(files: list[tuple[Path, str]], max_chars: int, cache: IngestCache | None,
              processes: int) -> Iterator[dict]:
    """What reading each file gives, in order: from the cache, or read (in `processes`
    forked processes when there are enough files the cache lacks)."""
    found: list[tuple[str, dict] | None] = []
    todo: list[tuple[Path, str]] = []
    for path, shown in files:
        key_or_problem = _key(path, shown, max_chars)
        if isinstance(key_or_problem, dict):
            found.append(("", key_or_problem))
        elif cache is not None and (hit := cache.get(key_or_problem)) is not None and (
                _is_entry(hit, shown)):
            found.append((key_or_problem, hit))
        else:
            found.append(None)
            todo.append((path, shown))
    read = iter(_map_reads(todo, max_chars, processes))
    for item in found:
        if item is None:
            key, entry = next(read)
            if cache is not None and key:
                cache.put(key, entry)
        else:
            entry = item[1]
        yield entry


def _map_reads(todo: list[tuple[Path, str]], max_chars: int, processes: int
               ) -> list[tuple[str, dict]]:
    workers = min(processes, len(todo) // MIN_READS_PER_PROCESS)
    read = partial(_fresh_read, max_chars=max_chars)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [read(item) for item in todo]
    with ProcessPoolExecutor(max_workers=workers,
                             mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(read, todo, chunksize=max(1, len(todo) // (workers * 8))))


def _raw(path: Path, max_chars: int) -> bytes | dict:
    """The file's bytes, or the reason it cannot be read."""
    try:
        if path.stat().st_size > _byte_limit(path, max_chars):
            return {"problem": f"too large ({path.stat().st_size:,} bytes; limit "
                               f"{max_chars:,} characters)"}
        return path.read_bytes()
    except OSError as exc:
        return {"problem": f"cannot read: {exc.strerror or exc}"}


def _key(path: Path, shown: str, max_chars: int) -> str | dict:
    """The file's cache key (its bytes, path and the reading code), or the reason it
    cannot be read."""
    raw = _raw(path, max_chars)
    if isinstance(raw, dict):
        return raw
    return cache_key(hashlib.sha256(raw).hexdigest(), shown, str(max_chars), _reader_stamp())


def _fresh_read(item: tuple[Path, str], max_chars: int) -> tuple[str, dict]:
    """Its key and what reading the file gives, as a JSON-able entry: the article and its
    near-duplicate fingerprint, or the reason it cannot be read. The file is read again
    here (another process), so the key is of the bytes read."""
    path, shown = item
    raw = _raw(path, max_chars)
    if isinstance(raw, dict):
        return "", raw
    key = cache_key(hashlib.sha256(raw).hexdigest(), shown, str(max_chars), _reader_stamp())
    try:
        article = read_article(path, raw, shown, max_chars)
    except Unreadable as exc:
        entry: dict = {"problem": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one file never stops the build
        entry = {"problem": f"could not be read ({type(exc).__name__}: {exc})"}
    else:
        signature = _signature(_shingles(article.text))
        entry = {"article": {**article.__dict__, "dropped": list(article.dropped),
                             "warnings": list(article.warnings)},
                 "minhash": signature.hashvalues.tolist(), "scheme": signature.scheme}
    return key, entry


def _byte_limit(path: Path, max_chars: int) -> int:
    reader = READERS.get(path.suffix.lower())
    return max_chars * (reader.bytes_per_char if reader else TEXT_BYTES_PER_CHAR)


def _is_entry(entry: dict, shown: str) -> bool:
    """A cache entry is used only if it is exactly what reading gives: right types, a
    safe id, the same path, a web URL. It is input like any other file."""
    if set(entry) == {"problem"}:
        return isinstance(entry["problem"], str)
    article = entry.get("article")
    if not (isinstance(article, dict) and set(article) == set(Article.__dataclass_fields__)
            and isinstance(entry.get("minhash"), list)
            and len(entry["minhash"]) == MINHASH_PERMUTATIONS
            and all(isinstance(h, int) for h in entry["minhash"])
            and isinstance(entry.get("scheme"), str)):
        return False
    lists = ("dropped", "warnings")
    if not all(isinstance(v, str) for k, v in article.items() if k not in lists):
        return False
    if not all(isinstance(v, list) and all(isinstance(x, str) for x in v)
               for v in (article[k] for k in lists)):
        return False
    return (is_safe_slug(article["source_id"]) and article["path"] == shown
            and article["dateline"] in ("", *article["text"].split("\n\n"))
            and article["url"] == web_url(article["url"])
            and article["published"] == _published(article["published"])[0])


def _reader_stamp() -> str:
    """The reading code and what it depends on: changing any of them re-reads every file."""
    return code_stamp(("ingest.py", "data/boilerplate.yml", "names.py", "data/resolve.yml"),
                      ("ftfy", "trafilatura", "htmldate", "py3langid", "charset-normalizer",
                       "datasketch"))


def _signature(shingles: set[bytes]) -> LeanMinHash:
    signature = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED)
    signature.update_batch(sorted(shingles))
    return LeanMinHash(signature)


def _without_duplicates(
    read: list[tuple[Article, LeanMinHash]],
) -> tuple[list[Article], tuple[Problem, ...]]:
    """The same story saved twice (exactly, or with a changed headline, a trailer or a
    few words) gives one source page; the later path is named in the report. MinHash
    LSH finds candidates without comparing every pair; their shingle sets confirm."""
    index = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=MINHASH_PERMUTATIONS)
    kept_by_key: dict[str, Article] = {}
    kept: list[Article] = []
    problems: list[Problem] = []
    shingles_of: dict[str, set[bytes]] = {}  # each kept article's, computed once

    def shingles(key: str) -> set[bytes]:
        if key not in shingles_of:
            shingles_of[key] = _shingles(kept_by_key[key].text)
        return shingles_of[key]

    for position, (article, signature) in enumerate(read):
        own: set[bytes] | None = None
        best, best_share = None, 0.0
        for other in sorted(index.query(signature)):
            own = own if own is not None else _shingles(article.text)
            theirs = shingles(other)
            share = len(own & theirs) / max(1, len(own | theirs))
            if share > best_share:
                best, best_share = other, share
        if best is not None and best_share >= NEAR_DUPLICATE_JACCARD:
            how = "same text" if best_share == 1 else f"{best_share:.0%} the same text"
            problems.append(Problem(
                article.path, f"duplicate of {kept_by_key[best].path} ({how}); one source page "
                "kept", "warning",
            ))
            continue
        key = f"{position:09d}"
        index.insert(key, signature)
        kept_by_key[key] = article
        kept.append(article)
    return kept, tuple(problems)


def _assign_ids(
    articles: list[Article], previous: Mapping[str, str]
) -> tuple[list[Article], tuple[Problem, ...]]:
    """Unique source ids. A file keeps the id it had in the last build when that is still
    its id or a numbered form of it; a new file (or a second `id:`) never takes an id
    another file holds, and is told so. Reserved page names are never ids."""
    owner: dict[str, str] = {name: "" for name in RESERVED_SLUGS}  # id -> path holding it
    chosen: dict[int, str] = {}
    for n, article in enumerate(articles):
        old = previous.get(article.path, "")
        if old not in owner and _is_numbered(old, article.source_id):
            chosen[n], owner[old] = old, article.path
    problems: list[Problem] = []
    out: list[Article] = []
    for n, article in enumerate(articles):
        wanted = article.source_id
        source_id = chosen.get(n)
        if source_id is None:
            source_id = SourceId(first_free(wanted, owner))
            owner[source_id] = article.path
        if source_id != wanted:
            holder = owner.get(wanted, "")
            why = f"is already the page of {holder}" if holder else "is a reserved page name"
            problems.append(Problem(article.path, f"id {wanted!r} {why}; this article's page "
                                    f"is {SOURCE.folder}/{source_id}/", "warning"))
        out.append(replace(article, source_id=SourceId(source_id)))
    return out, tuple(problems)


def _is_numbered(old: str, wanted: str) -> bool:
    return old == wanted or (old.startswith(wanted + "-") and old[len(wanted) + 1:].isdigit())


def _shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.casefold())
    size = SHINGLE_WORDS if len(words) >= SHINGLE_WORDS else max(1, len(words))
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def read_article(path: Path, raw: bytes, shown: str, max_chars: int) -> Article:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise Unreadable(f"unsupported format {path.suffix or '(no extension)'!r}; "
                         "use .txt, .md or .html")
    if len(raw) > _byte_limit(path, max_chars):
        raise Unreadable(f"too large ({len(raw):,} bytes; limit {max_chars:,} characters)")
    meta, text = reader.read(raw)
    invalid = invalid_characters(text)
    text = ftfy.fix_text(visible_text(text), uncurl_quotes=False)
    text = visible_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if reader.front_matter:
        meta, text = _split_front_matter(text)
    if not text.strip():
        raise Unreadable("empty: no article text")
    if len(text) > max_chars:
        raise Unreadable(f"too long ({len(text):,} characters; limit {max_chars:,})")
    _require_english(text)
    invalid += sum(invalid_characters(v) for v in meta.values() if isinstance(v, str))
    article = _article(path, shown, raw, meta, text)
    if invalid:
        note = f"{invalid:,} control or invalid character(s) removed"
        article = replace(article, warnings=(*article.warnings, note))
    return article


def _plain_text(raw: bytes) -> tuple[dict, str]:
    return {}, _decode(raw)


def _from_html(raw: bytes) -> tuple[dict, str]:
    """Main text and metadata of a saved web page, by trafilatura (not tag stripping)."""
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable("binary file, not a web page")
    import trafilatura  # heavy (lxml, justext, htmldate): only paid for saved web pages
    document = trafilatura.bare_extraction(
        _decode(raw), with_metadata=True, favor_precision=True, include_comments=False
    )
    if document is None or isinstance(document, dict) or not (document.text or "").strip():
        raise Unreadable("web page without article text")
    meta = {
        "title": document.title or "", "outlet": document.sitename or "",
        "url": document.url or "", "published": document.date or "",
        "author": document.author or "",
    }
    lines = (document.text or "").split("\n")
    if lines and meta["title"] and lines[0].strip() == meta["title"].strip():
        lines = lines[1:]  # the page's own headline, already the title
    return {k: v for k, v in meta.items() if v}, "\n".join(lines)


@dataclass(frozen=True)
class Reader:
    """How one kind of input file becomes metadata and text (like Pelican's readers)."""

    read: Callable[[bytes], tuple[dict, str]]
    front_matter: bool = False  # YAML front matter above the text, read after repair
    bytes_per_char: int = TEXT_BYTES_PER_CHAR  # the most a character of text takes


READERS = {
    ".txt": Reader(_plain_text),
    ".md": Reader(_plain_text, front_matter=True),
    ".markdown": Reader(_plain_text, front_matter=True),
    ".html": Reader(_from_html, bytes_per_char=HTML_BYTES_PER_TEXT_CHAR),
    ".htm": Reader(_from_html, bytes_per_char=HTML_BYTES_PER_TEXT_CHAR),
}


def _require_english(text: str) -> None:
    """Only English is parsed: spaCy's English model turns other languages into noise.
    The script decides first (the identifier is unsure on short non-Latin texts)."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) >= LATIN_MIN_LETTERS:
        scripts = Counter(unicodedata.name(c, "UNKNOWN").split()[0] for c in letters)
        if scripts["LATIN"] < LATIN_MIN_SHARE * len(letters):
            script = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
            raise Unreadable(f"unsupported language ({script.title()} script); only English "
                             "articles are read")
    if len(sample.split()) < LANGUAGE_MIN_WORDS:
        return
    language, confidence = _language_identifier().classify(sample)
    if language != "en" and confidence >= LANGUAGE_MIN_CONFIDENCE:
        raise Unreadable(f"unsupported language ({language}); only English articles are read")


@cache
def _language_identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _article(path: Path, shown: str, raw: bytes, meta: dict, text: str) -> Article:
    paragraphs, dropped, outlet, dateline = _clean_paragraphs(
        text, single_line(str(meta.get("title") or "")))
    notes: list[str] = []
    given = {key: _scalar(key, value, notes) for key, value in meta.items()}
    mastheads = _mastheads(given.get("outlet", "") or outlet)
    story: list[str] = []
    for paragraph in paragraphs:
        if paragraph.casefold().removeprefix("the ") in mastheads:
            dropped.append(paragraph)
        else:
            story.append(_without_masthead(paragraph, mastheads, dropped))
    paragraphs = _without_menus(story, single_line(given.get("title", "")), dateline, dropped)
    if not paragraphs:
        raise Unreadable("no article text left after removing page furniture")
    url = web_url(given.get("url", ""))
    if given.get("url") and not url:
        notes.append(f"url {_shown_value(given['url'])} is not an http(s) link; left out")
    published, bad_date = _published(given.get("published", ""))
    if bad_date:
        notes.append(f"published {_shown_value(bad_date)} is not a date; left out")
    if not published and url:
        published = _date_in_url(url)
    title = single_line(given.get("title", "")) or _title_from(paragraphs)
    wanted_id = given.get("id", "") or path.stem
    source_id = _slug(wanted_id)
    if len(slugify(wanted_id)) > len(source_id):
        notes.append(f"id longer than {FIELD_MAX_CHARS['id']} characters; the page is "
                     f"{SOURCE.folder}/{source_id}/")
    return Article(
        source_id=SourceId(source_id),
        path=shown,
        title=single_line(title),
        text="\n\n".join(paragraphs),
        content_hash=hashlib.sha256(raw).hexdigest(),
        outlet=single_line(given.get("outlet", "") or outlet, "outlet"),
        url=url,
        published=published,
        author=single_line(given.get("author", ""), "author"),
        dropped=tuple(dropped),
        warnings=tuple(notes),
        dateline=dateline if dateline in paragraphs else "",
    )


def _scalar(key: str, value: object, notes: list[str]) -> str:
    """A front matter or page metadata value as text; a list or mapping is left out."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return visible_text(str(value))
    if value is not None:
        notes.append(f"{key}: expected a single value, not {type(value).__name__}; left out")
    return ""


def _published(value: str) -> tuple[str, str]:
    """(ISO date, "") for a real date, or ("", the value) when it is none. Only a date
    with day, month and year is kept: it anchors relative dates in the text."""
    value = value.strip()
    if not value:
        return "", ""
    if match := re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])", value):
        try:
            return dt.date(*(int(g) for g in match.groups())).isoformat(), ""
        except ValueError:
            return "", value
    if len(value) <= 40 and re.fullmatch(r"[\w ,./:+-]+", value):
        import dateparser  # only for front matter written in words: "15 January 2024"

        parsed = dateparser.parse(value, languages=["en"], settings={
            "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
        if parsed is not None:
            return parsed.date().isoformat(), ""
    return "", value


def _date_in_url(url: str) -> str:
    """The publication date many news sites write into their article URLs
    (`/2024/01/28/`, `/2024-01-28-…`), by htmldate; "" when there is none. It anchors the
    article's "on Sunday" like a stated date when the file gives none."""
    from htmldate.extractors import extract_url_date  # ships with trafilatura
    from htmldate.utils import Extractor

    # the path only (a campaign tag in the query is no date), and not after today
    path = urlsplit(url).path
    options = Extractor(False, dt.datetime.now(), dt.datetime(1990, 1, 1), False, "%Y-%m-%d")
    return extract_url_date(path, options) or ""


def _shown_value(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Unreadable(f"not valid UTF-16 ({exc.reason} at byte {exc.start:,})") from exc
    if b"\x00" in raw[:8192]:
        raise Unreadable("binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        raise Unreadable("cannot tell the text encoding")
    return str(best)


def _split_front_matter(text: str) -> tuple[dict, str]:
    match = re.match(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text, re.S)
    if not match:
        return {}, text
    if len(match.group(1)) > FRONT_MATTER_MAX_CHARS:
        raise Unreadable(f"front matter longer than {FRONT_MATTER_MAX_CHARS:,} characters")
    try:
        meta = yaml.load(match.group(1), Loader=NoAliasLoader) or {}
    except yaml.YAMLError as exc:
        raise Unreadable(f"front matter is not valid YAML: {_first_line(str(exc))}") from exc
    if not isinstance(meta, dict):
        raise Unreadable("front matter must be a mapping of `key: value` lines")
    return {k: v for k, v in meta.items() if k in FRONT_MATTER_KEYS}, text[match.end():]


@cache
def _patterns() -> dict[str, list[re.Pattern]]:
    data = yaml.safe_load(resources.files("briefgen").joinpath("data/boilerplate.yml").read_text())
    patterns = {
        group: [re.compile(rf"(?:{p})\Z", re.I) for p in data[group]]
        for group in ("footer", "link_lists", "anywhere", "outlet")
    }
    patterns["inline"] = [re.compile(p, re.I) for p in data["inline"]]
    return patterns


def _clean_paragraphs(text: str, headline: str = "") -> Cleaned:
    """Split into paragraphs (one per non-empty line) and drop page furniture; a
    dateline's place becomes a paragraph of its own (where the story was filed is a
    place of the story), its agency and dash are dropped. A name alone on the line
    under the page's own headline is its byline, however many lines come above."""
    patterns = _patterns()
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[str] = set()
    outlet = ""
    place = ""
    in_footer = in_links = False
    headline, above = headline.strip().casefold(), ""
    for line in (_once(re.sub(r"\s+", " ", raw).strip()) for raw in text.split("\n")):
        if not line:
            continue
        under_headline, above = bool(headline) and above == headline, line.casefold()
        for pattern in patterns["outlet"]:
            if (match := pattern.match(line)) and not outlet:
                outlet = match.group(1).strip()
        links = any(p.match(line) for p in patterns["link_lists"])
        is_footer = links or any(p.match(line) for p in patterns["footer"])
        if links and not in_links and len(kept) > 1 and BYLINE_NAME.fullmatch(kept[-1]):
            dropped.append(kept.pop())  # the author signing off: "Jane Roe", "Check Also"
        in_footer = in_footer or is_footer
        # a list of links ends where the story goes on: a line a sentence ends
        in_links = links or in_links and not line.endswith(tuple(SENTENCE_END))
        if (
            is_footer
            or any(p.match(line) for p in patterns["anywhere"])
            or (in_footer and _looks_like_furniture(line))
            or in_links  # a story's link: no sentence ends it
            or line.casefold() in seen
        ):
            dropped.append(line)
            continue
        as_found = line.casefold()
        seen.add(as_found)
        for pattern in patterns["inline"]:
            dropped.extend(m.group().strip() for m in pattern.finditer(line))
            line = pattern.sub("", line).strip()
        if not line:
            continue
        if line.casefold() in seen and line.casefold() != as_found:
            dropped.append(line)  # a gallery's copy of a caption, its credit taken out
            continue
        seen.add(line.casefold())
        if _glued_tags(line):
            dropped.append(line)
            continue
        if (1 <= len(kept) <= DATELINE_MAX_LINE or under_headline) and (
                BYLINE_NAME.fullmatch(line) or BYLINE_NAMES.fullmatch(line)):
            dropped.append(line)  # a byline without "By": the reporters' names alone
            continue
        if signed := BYLINE_PLACE.fullmatch(line):  # "Richard Spencer, Riyadh"
            dropped.append(signed.group(1))
            line = signed.group(2)
        if (dateline := DATELINE.match(line)) and (len(kept) <= DATELINE_MAX_LINE or (
                dateline.group("agency") and len(kept) <= AGENCY_DATELINE_MAX_LINE)):
            named = _dateline_place(dateline.group(0))
            if re.search(r"\w", credit := dateline.group(0)[len(named):].strip(" ,")):
                dropped.append(credit)  # "(Reuters) -", not a lone dash
            line = line[dateline.end() :]
            if not place:
                place = named
                kept.append(named)
        kept.append(line)
    return Cleaned(kept, dropped, outlet, place)


def _once(line: str) -> str:
    """A line a scraper wrote twice over ("IS Launches Attack at US BaseIS Launches
    Attack at US Base"), once."""
    half = len(line) // 2
    if len(line) >= DOUBLED_MIN_CHARS and line[:half] == line[len(line) - half:] and (
            len(line) % 2 == 0 or line[half] == " "):
        return line[:half]
    return line


DOUBLED_MIN_CHARS = 20


def _dateline_place(dateline: str) -> str:
    """The place a dateline names: "ERBIL, Kurdistan Region – " → "ERBIL, Kurdistan
    Region"; "TEHRAN, Mar. 24 (MNA) –" → "TEHRAN"."""
    head = re.split(r"\s*\(|\s+[-\u2013\u2014]", dateline, maxsplit=1)[0]
    first, *rest = (part.strip() for part in head.split(","))
    named = [first]
    for part in rest:
        if not part or any(c.isdigit() for c in part) or DATELINE_MONTH.fullmatch(
                part.split()[0]):
            break
        named.append(part)
    return ", ".join(named)


# A few words before a colon at a paragraph's start: "EghtesadOnline: …" (not a dash:
# "Rudaw — the Kurdish broadcaster — reported").
MASTHEAD_LEAD = re.compile(r"([^:/\n]{2,40}?)\s*[:/]\s+(?=\S)")
# The outlet after a dash or a bar ending a line, as a page's title has it: "… -Xinhua".
MASTHEAD_TAIL = re.compile(r"\s*[-\u2013\u2014|]\s*([^-\u2013\u2014|:]{2,40})$")
# An outlet's initials stand for it from three letters: "AM", "DO" are words too.
MASTHEAD_MIN_INITIALS = 3


def _mastheads(outlet: str) -> set[str]:
    """How a page writes its own outlet's name on a line of its own (lower case, without
    "The"): "The Jerusalem Post (Reuters)" → "jerusalem post" and "reuters"; "Mehr News
    Agency" → also "mna". A masthead or a tag, not an actor of the story."""
    outlet = outlet[: FIELD_MAX_CHARS["outlet"]]  # the page shows no more of it either
    name = re.sub(r"\s*\([^()]*\)\s*", " ", outlet).strip().casefold().removeprefix("the ")
    # a reprint's source in brackets ("Hathalyoum (Shafaq News)") tags the text too
    source = " ".join(re.findall(r"\(([^()]*)\)", outlet)).strip().casefold().removeprefix("the ")
    words = re.findall(r"[^\W\d_]+", name)
    initials = "".join(w[0] for w in words)
    return {n for n in (name, source, initials if len(words) >= MASTHEAD_MIN_INITIALS else "")
            if n}


def _without_masthead(paragraph: str, mastheads: set[str], dropped: list[str]) -> str:
    """A paragraph led by the outlet's own name as a tag ("EghtesadOnline: Iran's …",
    "Shafaq News/ On Wednesday …") or ended by it as a page's title is ("… bombardment-Xinhua",
    "… | Rudaw"), without it."""
    lead = MASTHEAD_LEAD.match(paragraph)
    if lead and (lead.group(1).casefold().removeprefix("the ") in mastheads or any(
            lead.group(1).casefold().startswith(m) and lead.group(1)[len(m):][:1].isupper()
            for m in mastheads)):  # glued to a section's name: "Iran PressMiddle East: …"
        dropped.append(lead.group().strip())
        paragraph = paragraph[lead.end():]
    tail = MASTHEAD_TAIL.search(paragraph)
    if tail and tail.start() and tail.group(1).casefold().removeprefix("the ") in mastheads:
        dropped.append(tail.group().strip())
        paragraph = paragraph[:tail.start()]
    return paragraph


# Capitalised words glued into one ("ConflictsIraq"): "YouTube" and "DeSantis" too.
GLUED_WORDS = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")


def _without_menus(paragraphs: list[str], title: str, dateline: str,
                   dropped: list[str]) -> list[str]:
    """A saved page's story starts at its own headline: short lines above it are the
    site's menus ("Search AOL Mail", "AOL Favorites"), never names of the story. Only
    where every line above is short and ends no sentence, and none is the dateline's
    place (a first sentence taken for the title follows it); a date line stays."""
    headline = title.strip().casefold()
    for n, paragraph in enumerate(paragraphs[:MENU_MAX_LINES + 1]):
        if headline and paragraph.strip().casefold() == headline:
            if dateline not in paragraphs[:n] and all(
                    _looks_like_furniture(line) or MENU_LABEL.fullmatch(line)
                    for line in paragraphs[:n]):
                # a line with a figure is the page's date line: it dates the story
                menus = [line for line in paragraphs[:n] if not re.search(r"\d", line)]
                dropped.extend(menus)
                return [line for line in paragraphs[:n] if line not in menus] + paragraphs[n:]
            break
    return paragraphs


def _glued_tags(line: str) -> bool:
    """A line of section tags glued together, ending in a country ("ConflictsIraq"); a
    one-word line that is a name ("YouTube", "DeSantis", "ExxonMobil") is kept."""
    if not GLUED_WORDS.fullmatch(line):
        return False
    return is_country_name(re.findall(r"[A-Z][a-z]+", line)[-1])


def _looks_like_furniture(line: str) -> bool:
    return len(line.split()) <= 6 and not line.endswith(tuple(SENTENCE_END))


def _title_from(paragraphs: list[str]) -> str:
    first = paragraphs[0]
    if len(first) <= TITLE_MAX_CHARS and not first.endswith(tuple(SENTENCE_END)):
        return first
    words = first.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _slug(text: str) -> str:
    return slugify(text, max_length=FIELD_MAX_CHARS["id"], word_boundary=True) or "article"


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def _relative(path: Path, root: Path) -> str:
    """The path as the user knows it: relative to the project, links not followed (a
    link's target, or the build machine's absolute path, is nobody's business), and
    printable (bytes that are not UTF-8 and control characters escaped)."""
    try:
        shown = path.relative_to(root).as_posix()
    except ValueError:
        shown = path.name
    shown = shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(f"\\x{ord(c):02x}" if unicodedata.category(c)[0] == "C"
                   or unicodedata.category(c) in {"Zl", "Zp"} else c for c in shown)


def _name_problem(relative: str) -> str:
    """A file name that cannot be shown as it is: not UTF-8, or with control characters
    (a line break in a name would break every table it is listed in)."""
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not valid UTF-8; rename the file"
    if visible_text(relative) != relative or any(
        unicodedata.category(c)[0] == "C" for c in relative
    ):
        return "file name contains control or invisible characters; rename the file"
    return ""
