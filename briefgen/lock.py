"""One build at a time per project: `briefgen serve` rebuilding while the user runs
`briefgen build` would write the same staging folder and search index twice.

An advisory lock (flock) on a file in the cache folder: the system releases it when the
process ends, however it ends, so a crashed build never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefgen.errors import BuildLocked

LOCK_NAME = "build.lock"
# Temporary files are renamed into place when complete; one left behind was
# interrupted, and while the lock is held no other build can be writing it.
TEMPORARY_SUFFIXES = (".tmp",)


@contextmanager
def build_lock(cache_dir: Path) -> Iterator[None]:
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / LOCK_NAME
    try:  # never through a link: truncating it would empty whatever it points at
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as exc:
        raise BuildLocked(f"cannot use the lock file {path}: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "r+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(
                f"another briefgen build is running in this folder (it holds {path}); "
                "wait for it to finish and build again"
            ) from None
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            _remove_interrupted_writes(cache_dir)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_interrupted_writes(cache_dir: Path) -> None:
    for suffix in TEMPORARY_SUFFIXES:
        for path in cache_dir.rglob(f"*{suffix}"):
            if path.is_file() and not path.is_symlink():
                path.unlink(missing_ok=True)
