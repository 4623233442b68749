"""build(): the stage order, top to bottom, and the timings and counts it reports.

A build whose inputs are all as the last build found them (`unchanged`) stops after a
stat of each; otherwise the stages run, imported only then (`stages`)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from briefgen.config import Settings
from briefgen.lock import build_lock
from briefgen.progress import Progress, quiet_progress
from briefgen.records import Problem
from briefgen.site import check_site_dir
from briefgen.unchanged import (
    LastBuild,
    fingerprint_inputs,
    forget,
    remember,
    unchanged_since_last,
)


@dataclass
class BuildSummary:
    articles: int = 0
    parsed_now: int = 0
    from_cache: int = 0
    entities: int = 0
    events: int = 0
    pages_written: int = 0
    pages_unchanged: int = 0
    pages_removed: int = 0
    problems: tuple[Problem, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)
    site_unchanged: bool = False
    site_incremental: bool = False
    inputs_unchanged: bool = False  # not one input changed: nothing was read

    def line(self) -> str:
        stages = ", ".join(f"{name} {secs:.1f}s" for name, secs in self.seconds.items())
        return (
            f"{self.articles} articles ({self.parsed_now} parsed, {self.from_cache} from cache), "
            f"{self.entities} entities, {self.events} events, {len(self.problems)} problems; "
            f"pages {self.pages_written} written, {self.pages_unchanged} unchanged, "
            f"{self.pages_removed} removed; {self._site_line()}; {stages}"
        )

    def _site_line(self) -> str:
        if self.inputs_unchanged:
            return "no input changed since the last build"
        if self.site_unchanged:
            return "site already current"
        return "site updated" if self.site_incremental else "site built"


@contextmanager
def timed(summary: BuildSummary, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    summary.seconds[stage] = time.perf_counter() - start


def build(
    settings: Settings,
    strict: bool = False,
    skip_site: bool = False,
    progress: Progress = quiet_progress,
) -> BuildSummary:
    if not skip_site:
        check_site_dir(settings.site_dir)  # before hours of parsing, not after
    with build_lock(settings.cache_dir):
        started_at = time.time()
        inputs = None if skip_site else fingerprint_inputs(settings, strict)
        if inputs is not None and (last := unchanged_since_last(settings, inputs)):
            return _told_again(last)
        forget(settings)
        from briefgen import stages  # spaCy, SciPy and MkDocs: only when there is work

        summary = BuildSummary()
        files = stages.content(settings, strict, progress, summary)
        if skip_site:
            return summary
        stages.site(settings, files, strict, summary)
        if inputs is not None:
            remember(settings, inputs, started_at, LastBuild(
                summary.articles, summary.entities, summary.events,
                summary.pages_written + summary.pages_unchanged, summary.problems))
    return summary


def _told_again(last: LastBuild) -> BuildSummary:
    """Nothing changed since the last build: its summary, nothing read or written."""
    return BuildSummary(articles=last.articles, from_cache=last.articles,
                        entities=last.entities, events=last.events,
                        pages_unchanged=last.pages, problems=last.problems,
                        site_unchanged=True, inputs_unchanged=True)
