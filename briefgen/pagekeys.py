"""Which pages need rendering: a page whose inputs are those it was last rendered from
is not rendered again.

A page's key hashes everything its Markdown is made from: the template it names, its
path, the records it is given (pickled by value: equal bytes mean equal values; values
that pickle differently only cost a render) and a stamp of what all pages share (every
template, briefgen's code, Jinja's version, the tags' page names). The key of each page
is kept in the cache with the stat of the file it gave, so a page is skipped only when
its file is still the one it wrote; anything unsure renders.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.cache import code_stamp, package_files, write_atomically

FORMAT = "briefgen-pages/1"


@dataclass(frozen=True)
class PageSpec:
    """A page before it is rendered: its file, its template and what the template gets."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def render_stamp(templates_dir: Path, *shared: object) -> str:
    """What every page depends on besides its own records."""
    digest = hashlib.sha256()
    for path in sorted(p for p in templates_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(templates_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    digest.update(code_stamp(package_files(), ("jinja2",)).encode())
    digest.update(pickle.dumps(shared, protocol=5))
    return digest.hexdigest()


def page_key(stamp: str, page: PageSpec) -> str | None:
    """The page's inputs as one digest; None when they cannot be told (never skipped).
    Pickled without the memo ("fast" mode), so that equal records give equal bytes
    however their strings are shared: a record read from a cache and the same record
    computed afresh would otherwise differ, and render again for nothing."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    try:
        pickler.dump((page.template, page.path, page.context))
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
    return hashlib.sha256(stamp.encode() + buffer.getvalue()).hexdigest()


class RenderedPages:
    """Each page's key, the SHA-256 of the file it gave and that file's size and mtime,
    as the last build left them (one JSON file in the cache)."""

    def __init__(self, path: Path | None):
        self.path = path
        self.old = self._load()
        self.new: dict[str, list] = {}

    def _load(self) -> dict[str, list]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(
                data.get("pages"), dict):
            return {}
        return {k: v for k, v in data["pages"].items()
                if isinstance(v, list) and len(v) == 4}

    def digest_if_current(self, file: Path, relative: str, key: str | None) -> str | None:
        """The digest of `file` when it is still what the page of this key gave."""
        old = self.old.get(relative)
        if key is None or old is None or old[0] != key:
            return None
        try:
            st = file.lstat()
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode) or [st.st_size, st.st_mtime_ns] != old[2:]:
            return None
        self.new[relative] = old
        return str(old[1])

    def record(self, file: Path, relative: str, key: str | None, digest: str) -> None:
        if key is None:
            return
        st = file.lstat()
        self.new[relative] = [key, digest, st.st_size, st.st_mtime_ns]

    def save(self) -> None:
        if self.path is None or self.new == self.old:
            return
        write_atomically(self.path, json.dumps(
            {"format": FORMAT, "pages": dict(sorted(self.new.items()))}))


