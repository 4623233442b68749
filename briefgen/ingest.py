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
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import charset_normalizer
import ftfy
import yaml
from datasketch import LeanMinHash, MinHash, MinHashLSH
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from slugify import slugify

from briefgen.cache import IngestCache, cache_key, code_stamp
from briefgen.records import Article, Problem, SourceId

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
# A saved page carries scripts and styles: allow this many bytes per character of text.
HTML_BYTES_PER_TEXT_CHAR = 20
LANGUAGE_SAMPLE_CHARS = 3000
LANGUAGE_MIN_WORDS = 12
LANGUAGE_MIN_CONFIDENCE = 0.9
# Two articles sharing this share of their 5-word sequences are one story saved twice.
NEAR_DUPLICATE_JACCARD = 0.8
SHINGLE_WORDS = 5
MINHASH_PERMUTATIONS = 64
MINHASH_SEED = 1
IGNORED_NAMES = {"curation.yml", "curation.yaml", "readme.md", ".ds_store"}
FRONT_MATTER_KEYS = {"title", "outlet", "url", "published", "author", "id"}
TITLE_MAX_CHARS = 200
# "ERBIL, Kurdistan Region - " or "BAGHDAD (Reuters) — " before the first sentence.
DATELINE = re.compile(
    r"^[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*(?:,(?: [A-Z][\w'.-]*)+)?(?: \([A-Z][\w ]+\))?"
    r"\s+[-\u2013\u2014]+\s+(?=[A-Z\u201c\"])"
)
SENTENCE_END = ".!?:;\"”’'»)"


@dataclass(frozen=True)
class Ingested:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


class Unreadable(Exception):
    """Raised inside ingest for a file that is reported and skipped."""


def ingest(
    seeds_dir: Path, root: Path, max_chars: int, cache: IngestCache | None = None
) -> Ingested:
    """Read every article under seeds_dir, sorted by path so the result never depends on
    the order the file system lists them in. With a cache, a file read before with the
    same bytes, path and reading code is taken from it."""
    articles: list[Article] = []
    signatures: list[LeanMinHash] = []
    problems: list[Problem] = []
    used_ids: set[str] = set()
    if not seeds_dir.is_dir():
        return Ingested((), (Problem(_relative(seeds_dir, root), "seeds folder not found"),))
    for path in sorted(p for p in seeds_dir.rglob("*") if p.is_file()):
        if path.name.lower() in IGNORED_NAMES or path.name.startswith("."):
            continue
        shown = _relative(path, root)
        entry = _cached_read(path, shown, max_chars, cache)
        if "problem" in entry:
            problems.append(Problem(shown, entry["problem"]))
            continue
        fields = entry["article"]
        article = _with_unique_id(Article(**{**fields, "dropped": tuple(fields["dropped"])}),
                                  used_ids)
        if article.dropped:
            problems.append(
                Problem(shown, "left out page furniture: " + " | ".join(article.dropped), "dropped")
            )
        articles.append(article)
        signatures.append(
            LeanMinHash(seed=MINHASH_SEED, hashvalues=entry["minhash"], scheme=entry["scheme"])
        )
    if cache is not None:
        cache.save()
    kept, duplicates = _without_duplicates(articles, signatures)
    return Ingested(tuple(kept), tuple(problems) + duplicates)


def _cached_read(path: Path, shown: str, max_chars: int, cache: IngestCache | None) -> dict:
    """What reading the file gives, as a JSON-able entry: the article and its near-
    duplicate fingerprint, or the reason it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return {"problem": f"cannot read: {exc.strerror or exc}"}
    key = cache_key(hashlib.sha256(raw).hexdigest(), shown, str(max_chars), _reader_stamp())
    if cache is not None and (hit := cache.get(key)) is not None and _is_entry(hit):
        return hit
    try:
        article = read_article(path, raw, shown, max_chars)
    except Unreadable as exc:
        entry: dict = {"problem": str(exc)}
    else:
        signature = _signature(_shingles(article.text))
        entry = {"article": {**article.__dict__, "dropped": list(article.dropped)},
                 "minhash": signature.hashvalues.tolist(), "scheme": signature.scheme}
    if cache is not None:
        cache.put(key, entry)
    return entry


def _is_entry(entry: dict) -> bool:
    if isinstance(entry.get("problem"), str):
        return True
    fields = set(Article.__dataclass_fields__)
    return (isinstance(entry.get("article"), dict) and set(entry["article"]) == fields
            and isinstance(entry.get("minhash"), list)
            and len(entry["minhash"]) == MINHASH_PERMUTATIONS
            and isinstance(entry.get("scheme"), str))


@cache
def _reader_stamp() -> str:
    """The reading code and what it depends on: changing any of them re-reads every file."""
    return code_stamp(("ingest.py", "data/boilerplate.yml"),
                      ("ftfy", "trafilatura", "py3langid", "charset-normalizer", "datasketch"))


def _signature(shingles: set[bytes]) -> LeanMinHash:
    signature = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED)
    signature.update_batch(sorted(shingles))
    return LeanMinHash(signature)


def _without_duplicates(
    articles: list[Article], signatures: list[LeanMinHash]
) -> tuple[list[Article], tuple[Problem, ...]]:
    """The same story saved twice (exactly, or with a changed headline, a trailer or a
    few words) gives one source page; the later path is named in the report. MinHash
    LSH finds candidates without comparing every pair; their shingle sets confirm."""
    index = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=MINHASH_PERMUTATIONS)
    kept_by_id: dict[str, Article] = {}
    kept: list[Article] = []
    problems: list[Problem] = []
    for article, signature in zip(articles, signatures, strict=True):
        own: set[bytes] | None = None
        best, best_share = None, 0.0
        for other in sorted(index.query(signature)):
            own = own if own is not None else _shingles(article.text)
            theirs = _shingles(kept_by_id[other].text)
            share = len(own & theirs) / max(1, len(own | theirs))
            if share > best_share:
                best, best_share = other, share
        if best is not None and best_share >= NEAR_DUPLICATE_JACCARD:
            how = "same text" if best_share == 1 else f"{best_share:.0%} the same text"
            problems.append(Problem(
                article.path, f"duplicate of {kept_by_id[best].path} ({how}); one source page "
                "kept", "warning",
            ))
            continue
        index.insert(article.source_id, signature)
        kept_by_id[article.source_id] = article
        kept.append(article)
    return kept, tuple(problems)


def _shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.casefold())
    size = SHINGLE_WORDS if len(words) >= SHINGLE_WORDS else max(1, len(words))
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def read_article(path: Path, raw: bytes, shown: str, max_chars: int) -> Article:
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise Unreadable(f"unsupported format {path.suffix or '(no extension)'!r}; "
                         "use .txt, .md or .html")
    limit = max_chars * (HTML_BYTES_PER_TEXT_CHAR if suffix in HTML_SUFFIXES else 4)
    if len(raw) > limit:
        raise Unreadable(f"too large ({len(raw):,} bytes; limit {max_chars:,} characters)")
    meta: dict = {}
    if suffix in HTML_SUFFIXES:
        meta, text = _from_html(raw)
    else:
        text = _decode(raw)
    text = ftfy.fix_text(text, uncurl_quotes=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if suffix in {".md", ".markdown"}:
        meta, text = _split_front_matter(text)
    if not text.strip():
        raise Unreadable("empty: no article text")
    if len(text) > max_chars:
        raise Unreadable(f"too long ({len(text):,} characters; limit {max_chars:,})")
    _require_english(text)
    return _article(path, shown, raw, meta, text)


def _from_html(raw: bytes) -> tuple[dict, str]:
    """Main text and metadata of a saved web page, by trafilatura (not tag stripping)."""
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable("binary file, not a web page")
    import trafilatura  # heavy (lxml, justext, htmldate): only paid for saved web pages
    document = trafilatura.bare_extraction(
        _decode(raw), with_metadata=True, favor_precision=True, include_comments=False
    )
    if document is None or not (document.text or "").strip():
        raise Unreadable("web page without article text")
    meta = {
        "title": document.title or "", "outlet": document.sitename or "",
        "url": document.url or "", "published": document.date or "",
        "author": document.author or "",
    }
    lines = document.text.split("\n")
    if lines and meta["title"] and lines[0].strip() == meta["title"].strip():
        lines = lines[1:]  # the page's own headline, already the title
    return {k: v for k, v in meta.items() if v}, "\n".join(lines)


def _require_english(text: str) -> None:
    """Only English is parsed: spaCy's English model turns other languages into noise."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(sample.split()) < LANGUAGE_MIN_WORDS:
        return
    language, confidence = _language_identifier().classify(sample)
    if language != "en" and confidence >= LANGUAGE_MIN_CONFIDENCE:
        raise Unreadable(f"unsupported language ({language}); only English articles are read")


@cache
def _language_identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _article(path: Path, shown: str, raw: bytes, meta: dict, text: str) -> Article:
    paragraphs, dropped, outlet = _clean_paragraphs(text)
    if not paragraphs:
        raise Unreadable("no article text left after removing page furniture")
    title = str(meta.get("title") or "").strip() or _title_from(paragraphs) or path.stem
    source_id = str(meta.get("id") or "") or _slug(path.stem)
    return Article(
        source_id=SourceId(_slug(source_id)),
        path=shown,
        title=_single_line(title),
        text="\n\n".join(paragraphs),
        content_hash=hashlib.sha256(raw).hexdigest(),
        outlet=_single_line(str(meta.get("outlet") or outlet or "")),
        url=str(meta.get("url") or ""),
        published=_iso_date(meta.get("published")),
        author=_single_line(str(meta.get("author") or "")),
        dropped=tuple(dropped),
    )


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
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
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise Unreadable(f"front matter is not valid YAML: {_first_line(str(exc))}") from exc
    if not isinstance(meta, dict):
        raise Unreadable("front matter must be a mapping of `key: value` lines")
    return {k: v for k, v in meta.items() if k in FRONT_MATTER_KEYS}, text[match.end():]


@cache
def _patterns() -> dict[str, list[re.Pattern]]:
    data = yaml.safe_load(resources.files("briefgen").joinpath("data/boilerplate.yml").read_text())
    return {
        group: [re.compile(rf"(?:{p})\Z", re.I) for p in data[group]]
        for group in ("footer", "anywhere", "outlet")
    }


def _clean_paragraphs(text: str) -> tuple[list[str], list[str], str]:
    """Split into paragraphs (one per non-empty line) and drop page furniture."""
    patterns = _patterns()
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[str] = set()
    outlet = ""
    in_footer = False
    for line in (re.sub(r"\s+", " ", raw).strip() for raw in text.split("\n")):
        if not line:
            continue
        for pattern in patterns["outlet"]:
            if (match := pattern.match(line)) and not outlet:
                outlet = match.group(1).strip()
        is_footer = any(p.match(line) for p in patterns["footer"])
        in_footer = in_footer or is_footer
        if (
            is_footer
            or any(p.match(line) for p in patterns["anywhere"])
            or (in_footer and _looks_like_furniture(line))
            or line.casefold() in seen
        ):
            dropped.append(line)
            continue
        seen.add(line.casefold())
        if len(kept) <= 1 and (dateline := DATELINE.match(line)):
            dropped.append(dateline.group(0).strip())
            line = line[dateline.end() :]
        kept.append(line)
    return kept, dropped, outlet


def _looks_like_furniture(line: str) -> bool:
    return len(line.split()) <= 6 and not line.endswith(tuple(SENTENCE_END))


def _title_from(paragraphs: list[str]) -> str:
    first = paragraphs[0]
    if len(first) <= TITLE_MAX_CHARS and not first.endswith(tuple(SENTENCE_END)):
        return first
    words = first.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _iso_date(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value or "").strip()


def _with_unique_id(article: Article, used: set[str]) -> Article:
    source_id, n = article.source_id, 2
    while source_id in used:
        source_id, n = SourceId(f"{article.source_id}-{n}"), n + 1
    used.add(source_id)
    if source_id == article.source_id:
        return article
    return Article(**{**article.__dict__, "source_id": source_id})


def _slug(text: str) -> str:
    return slugify(text) or "article"


def _single_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
