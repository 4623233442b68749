"""MkDocs on every core: the pages a build renders, shared out between processes.

MkDocs renders one page after another in one process, which on a cold build left the
second core idle for the whole site stage (a third of the build after NLP). MkDocs'
`dirty` build renders only the pages whose `File.is_modified()` is true, and the
`briefgen` plugin (`RawBlocksPlugin.only`) makes that true for one part's pages only;
so each process runs the same dirty build over its own part: the first into the
staging folder (with every static file, the sitemap and the 404 page), the others
each into a folder of their own, whose pages are then moved into the staging folder
and whose search entries are merged (the index is sorted by page either way).

Which pages are rendered is decided before the parts start, as MkDocs would decide it
in the staging folder; pages are dealt out by size (largest first, to the lightest
part), so hub pages do not all land in one part. Links to anchors are checked within
a part only, so a `--strict` build runs in one process.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from briefgen.urls import Urls

# Below this many pages to render, a second MkDocs (its start, files and navigation)
# costs more than it shares out.
MIN_PAGES_PER_PART = 24
SEARCH_INDEX = Path("search") / "search_index.json"


@dataclass(frozen=True)
class Parts:
    """The pages to render, as content paths, one set per process (the first is ours)."""

    pages: tuple[frozenset[str], ...]


def pending_pages(docs_dir: Path, staging: Path, pages: list[str], urls: Urls) -> list[str]:
    """The pages MkDocs' dirty build would render in `staging`: no output yet, or an
    output older than its Markdown (as `File.is_modified`)."""
    pending = []
    for page in pages:
        try:
            out = os.stat(staging / urls.output(page)).st_mtime
        except OSError:
            pending.append(page)
            continue
        if out < os.stat(docs_dir / page).st_mtime:
            pending.append(page)
    return pending


def deal(pages: list[str], sizes: dict[str, int], processes: int) -> Parts | None:
    """The pages shared by size between `processes` parts; None when too few to share."""
    count = min(processes, len(pages) // MIN_PAGES_PER_PART)
    if count < 2:
        return None
    loads = [0] * count
    parts: list[set[str]] = [set() for _ in range(count)]
    for page in sorted(pages, key=lambda p: (-sizes[p], p)):
        lightest = loads.index(min(loads))
        parts[lightest].add(page)
        loads[lightest] += sizes[page] + 1
    return Parts(tuple(frozenset(p) for p in parts))


def build_in_parts(config: Any, config_file: Path, staging: Path, parts: Parts,
                   strict: bool) -> list[dict]:
    """Render `parts` into `staging`, the first part here and the others in forked
    processes; returns the other parts' search entries. Raises OSError when a part
    fails."""
    context = multiprocessing.get_context("fork")
    folders = [staging.with_name(f"{staging.name}-part{n}") for n in range(1, len(parts.pages))]
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    workers = [context.Process(target=_build_part, args=(
        config_file, folder, parts.pages[n], strict), daemon=True)
        for n, folder in enumerate(folders, start=1)]
    try:
        for worker in workers:
            worker.start()
        _plugin(config).only = (parts.pages[0], False)
        mkdocs_build(config, dirty=True)
        for worker in workers:
            worker.join()
            if worker.exitcode != 0:
                raise OSError(f"a MkDocs process failed (exit code {worker.exitcode})")
        entries: list[dict] = []
        for folder, pages in zip(folders, parts.pages[1:], strict=True):
            entries += _take_part(folder, staging, pages, Urls(bool(config["use_directory_urls"])))
        return entries
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def _build_part(config_file: Path, folder: Path, pages: frozenset[str], strict: bool) -> None:
    """In a forked process: a dirty build of `pages` alone (no static file) into `folder`."""
    config = load_config(str(config_file), site_dir=str(folder), strict=strict)
    _plugin(config).only = (pages, True)
    mkdocs_build(config, dirty=True)


def _plugin(config: Any) -> Any:
    return config["plugins"]["briefgen"]


def _take_part(folder: Path, staging: Path, pages: frozenset[str], urls: Urls) -> list[dict]:
    """Move a part's pages into the staging folder; its search entries."""
    for page in sorted(pages):
        out = urls.output(page)
        source = folder / out
        if source.is_file():
            (staging / out).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, staging / out)
    entries = search_entries(folder / SEARCH_INDEX)
    if entries is None:
        raise OSError("a MkDocs process wrote no search index")
    return entries


def search_entries(index: Path) -> list[dict] | None:
    """The entries of a search index, or None when it is missing or damaged."""
    try:
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    ok = isinstance(docs, list) and all(
        isinstance(e, dict) and isinstance(e.get("location"), str) for e in docs)
    return docs if ok else None
