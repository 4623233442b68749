"""Rendering on every core: the pages of content/ shared out between processes.

Building each page's view (its quotes, listings and graph) and rendering it is most of
the render stage, and each page's depends only on the briefing, which every process
holds once forked. So the pages are dealt out (every n-th page to each of n parts); the
first part is rendered here and the others in forked processes, each writing its own
pages through its copy of the writer. What each wrote (digests, counts, page keys)
comes back and is merged into this process's writer, so content/ and the records of
what was rendered are the one-process build's.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from briefgen.writer import TreeWriter

# Below this many pages a part, starting a process costs more than it shares out.
MIN_PAGES_PER_PART = 64


@dataclass(frozen=True)
class PagePlan:
    """A page to render: its file, its template, and how to build what it is given."""

    path: str
    template: str
    context: Callable[[], dict[str, Any]]


@dataclass(frozen=True)
class Written:
    """What one part did to content/: the writer's state to merge."""

    digests: dict[str, str]
    keys: dict[str, list]
    written: int
    unchanged: int


# What the forked processes render: set before they start, inherited, never pickled.
_JOB: tuple[list[PagePlan], Callable[[PagePlan], None], TreeWriter, int] | None = None


def render_in_parts(plans: list[PagePlan], one: Callable[[PagePlan], None],
                    tree: TreeWriter, processes: int, tick: Callable[[], None]) -> None:
    """Call `one` (which writes through `tree`) for every plan, in `processes` parts."""
    global _JOB
    parts = min(processes, len(plans) // MIN_PAGES_PER_PART)
    if parts < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for plan in plans:
            one(plan)
            tick()
        return
    _JOB = (plans, one, tree, parts)
    try:
        with ProcessPoolExecutor(max_workers=parts - 1,
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            others = [pool.submit(_render_part, n) for n in range(1, parts)]
            for plan in plans[0::parts]:
                one(plan)
            for future in others:
                _merge(tree, future.result())
    finally:
        _JOB = None
    for _ in plans:
        tick()


def _render_part(part: int) -> Written:
    """In a forked process: render every `parts`-th plan from `part` on."""
    assert _JOB is not None, "a part forked without its job"
    plans, one, tree, parts = _JOB
    before = set(tree.digests)
    written, unchanged = tree.written, tree.unchanged
    for plan in plans[part::parts]:
        one(plan)
    mine = {p: d for p, d in tree.digests.items() if p not in before}
    return Written(mine, {p: tree.rendered.new[p] for p in mine if p in tree.rendered.new},
                   tree.written - written, tree.unchanged - unchanged)


def _merge(tree: TreeWriter, part: Written) -> None:
    tree.digests.update(part.digests)
    tree.rendered.new.update(part.keys)
    tree.written += part.written
    tree.unchanged += part.unchanged
