"""Which files under seeds/ are inputs, and why the others are not read.

Kept apart from reading them (ingest) so that a no-change rebuild can list and stat the
inputs without loading the readers' libraries.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

IGNORED_NAMES = {"curation.yml", "curation.yaml", "readme.md", ".ds_store"}


def input_files(seeds_dir: Path) -> Iterator[tuple[Path, str]]:
    """Every file under seeds_dir in path order, with the reason it is not read ("" when
    it is). Symbolic links are followed only to files inside seeds_dir: git stores links,
    so one contributed file would otherwise publish /etc/passwd or .git/config. Hidden
    files and folders are not inputs."""
    inside = seeds_dir.resolve()
    found: list[tuple[Path, str]] = []
    for folder, dirs, files in os.walk(seeds_dir, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in list(dirs):
            if (here / name).is_symlink():
                found.append((here / name, "symbolic link to a folder; not followed"))
        for name in files:
            if name.startswith(".") or name.lower() in IGNORED_NAMES:
                continue
            found.append((here / name, link_problem(here / name, inside)))
    return iter(sorted(found))


def link_problem(path: Path, inside: Path) -> str:
    """Why `path` must not be read ("" when it may): a link leading out of `inside`, a
    broken or looping link, or something that is not a regular file (a FIFO would block
    the build forever)."""
    target = path
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            return "broken symbolic link: its target does not exist"
        except (RuntimeError, OSError) as exc:
            if "loop" in str(exc).lower() or getattr(exc, "errno", None) == errno.ELOOP:
                return "symbolic link loop; not read"
            return f"cannot follow symbolic link: {exc}"
        if not target.is_relative_to(inside):
            return f"symbolic link to a file outside {inside.name}/; not read"
        if target.is_dir():
            return "symbolic link to a folder; not followed"
    try:
        mode = target.stat().st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    return "" if stat.S_ISREG(mode) else "not a regular file"
