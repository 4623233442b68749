"""Progress bars for the long stages, shown only when a person is watching a terminal.

Stages take a `Progress`: called with a stage name and a total, it gives a context whose
value is a `tick()` to call once per item done. `quiet_progress` draws nothing, so the
pipeline and tests never depend on a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from tqdm import tqdm


class Progress(Protocol):
    def __call__(self, stage: str, total: int) -> AbstractContextManager[Callable[[], None]]: ...


@contextmanager
def quiet_progress(stage: str, total: int) -> Iterator[Callable[[], None]]:
    yield lambda: None


def terminal_progress(enabled: bool | None = None) -> Progress:
    """Bars on stderr when it is a terminal (or when `enabled` says so)."""
    show = sys.stderr.isatty() if enabled is None else enabled

    @contextmanager
    def bar(stage: str, total: int) -> Iterator[Callable[[], None]]:
        with tqdm(total=total, desc=stage, disable=not show or total < 2, leave=False,
                  file=sys.stderr, dynamic_ncols=True) as progress:
            yield lambda: progress.update()

    return bar
