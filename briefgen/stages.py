"""The stages of a build that has work to do: seeds/ → content/ → site/.

Imported by `pipeline.build` only when some input changed: these modules load spaCy,
SciPy and MkDocs, three seconds that a no-change rebuild does not pay.
"""

from __future__ import annotations

import gc
import os
from dataclasses import replace
from pathlib import Path

from briefgen.cache import EntryCache, IngestCache, NlpCache
from briefgen.changes import changes_since, load_previous_build
from briefgen.config import Settings
from briefgen.curation import Curation, load_curation
from briefgen.errors import StrictError
from briefgen.events import extract_events
from briefgen.ingest import ingest
from briefgen.inputs import link_problem
from briefgen.memory import memory_root
from briefgen.nlp import parse_articles
from briefgen.pipeline import BuildSummary, timed
from briefgen.progress import Progress
from briefgen.records import Briefing, Problem
from briefgen.render import render
from briefgen.resolve import resolve
from briefgen.site import build_site, is_current, site_inputs
from briefgen.slugs import keep_event_ids, load_previous
from briefgen.urls import Urls
from briefgen.warmup import MENTION_CACHE, candidates_warmer

TEMPLATES_DIR_NAME = "templates"
KEPT_SITE = "previous-site"  # the site the last build replaced, to stage the next from


def site(settings: Settings, files: dict[str, str], strict: bool,
         summary: BuildSummary) -> None:
    """content/ → site/, skipped when the site was built from these very files."""
    gc.collect()  # the parsed corpus is gone: MkDocs reuses its memory, peaks do not add up
    _default_source_date_epoch()
    inputs = site_inputs(files, settings.config_file, strict)
    with timed(summary, "mkdocs"):
        if is_current(settings.site_dir, inputs):
            summary.site_unchanged = True
        else:
            summary.site_incremental = build_site(
                settings.config_file, settings.site_dir, inputs, strict=strict,
                kept=settings.cache_dir / KEPT_SITE, processes=settings.processes,
            )


def content(
    settings: Settings, strict: bool, progress: Progress, summary: BuildSummary
) -> dict[str, str]:
    """seeds/ → content/; returns the digests of content/'s files for the site stage."""
    memory, unread = memory_root(settings.docs_dir, settings.cache_dir, settings.previous)
    previous = load_previous(memory)
    with timed(summary, "ingest"):
        ingested = ingest(settings.seeds_dir, settings.root, settings.max_article_chars,
                          IngestCache(settings.cache_dir), dict(previous.sources),
                          processes=settings.processes)
    if unread is not None:
        ingested = replace(ingested, problems=ingested.problems + (unread,))
    summary.problems = ingested.problems
    if strict and any(p.severity == "skipped" for p in ingested.problems):
        raise StrictError(_strict_message(ingested.problems))
    with timed(summary, "nlp"):
        nlp = parse_articles(
            ingested.articles, settings.model, NlpCache(settings.cache_dir),
            batch_size=settings.batch_size, processes=settings.processes, progress=progress,
            in_workers=candidates_warmer(settings.cache_dir),
        )
    with timed(summary, "resolve"):
        curation = _curation(settings)
        resolved = resolve(nlp.parsed, curation, previous,
                           EntryCache(settings.cache_dir, MENTION_CACHE))
        entities = resolved.entities
    summary.problems = ingested.problems + resolved.problems
    with timed(summary, "events"):
        events, moved_events = keep_event_ids(extract_events(
            nlp.parsed, entities, EntryCache(settings.cache_dir, "events")), previous)
    redirects = tuple(sorted({**resolved.redirects, **moved_events}.items()))
    briefing = Briefing(nlp.parsed, entities, events, summary.problems, redirects)
    with timed(summary, "render"):
        changes = changes_since(load_previous_build(memory, previous), briefing)
        written = render(
            briefing, settings.root / TEMPLATES_DIR_NAME, settings.docs_dir, progress,
            changes=changes, site_name=settings.site_name,
            urls=Urls(settings.directory_urls), rendered=settings.cache_dir / "pages.json",
            processes=settings.processes,
        )
    summary.articles = len(nlp.parsed)
    summary.parsed_now, summary.from_cache = nlp.parsed_now, nlp.from_cache
    summary.entities, summary.events = len(entities), len(events)
    summary.pages_written, summary.pages_unchanged = written.written, written.unchanged
    summary.pages_removed = written.removed
    return written.files


def _curation(settings: Settings) -> Curation:
    """The curation file, unless it sits in seeds/ as a link leading out of it (its
    names are published like the articles')."""
    path, shown = settings.curation_file, _shown(settings, settings.curation_file)
    inside = path.is_relative_to(settings.seeds_dir) and (path.exists() or path.is_symlink())
    if inside and (refused := link_problem(path, settings.seeds_dir)):
        return Curation(problems=(Problem(shown, refused),), shown_as=shown)
    return load_curation(path, shown)


def _shown(settings: Settings, path: Path) -> str:
    """A path as the user knows it: relative to the folder holding mkdocs.yml."""
    try:
        return path.relative_to(settings.root).as_posix()
    except ValueError:
        return str(path)


def _default_source_date_epoch() -> None:
    """MkDocs stamps the sitemap with the build date unless SOURCE_DATE_EPOCH is set;
    a fixed default keeps two builds of the same inputs byte-identical."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")


def _strict_message(problems: tuple[Problem, ...]) -> str:
    skipped = [p for p in problems if p.severity == "skipped"]
    first = skipped[0]
    more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
    return f"--strict: {first.path}: {first.reason}{more}"

