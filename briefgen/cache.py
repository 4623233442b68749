"""Content-addressed caches, all under one folder that is safe to delete.

- `nlp/`: one JSON file per parsed article. The key covers the parsed text, the model's
  name and version and the extractor's version, so any change re-parses exactly the
  articles it touches.
- `outline/`: each parse without its tokens (sentence spans and names), under the
  parse's key: what a rebuild reads of an article it does not parse.
- `mentions/`: each parsed article's name candidates (repaired spans, cleaned names,
  kind and type votes), keyed by the parse and the resolver's code.
- `ingest.json`: what reading each input file gave, keyed by the file's bytes, its path
  and the reading code itself, so a rebuild does not decode, clean, identify the
  language of and fingerprint every article again.

An unreadable or foreign entry counts as a miss, never as an error.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from importlib import metadata, resources
from pathlib import Path
from typing import Any

INGEST_FORMAT = "briefgen-ingest-cache/1"


def cache_key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


@functools.cache
def code_stamp(files: tuple[str, ...], packages: tuple[str, ...] = ()) -> str:
    """A key part for results of briefgen's own code: the source of the modules and data
    files that compute them and the versions of the libraries they call. Editing any of
    them recomputes the results; nobody has to remember to bump a version. Computed once
    per process: reading package metadata per article cost more than the cached read."""
    here = resources.files("briefgen")
    parts = [here.joinpath(name).read_text(encoding="utf-8") for name in files]
    for package in packages:
        try:
            parts.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(package)
    return cache_key(*parts)


@functools.cache
def package_files() -> tuple[str, ...]:
    """briefgen's source and data files, relative to the package, for `code_stamp`: what
    the whole build's output may depend on."""
    here = Path(str(resources.files("briefgen")))
    return tuple(sorted(
        p.relative_to(here).as_posix() for p in here.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
        and p.suffix in {".py", ".yml", ".yaml", ".txt", ".json", ".css", ".js"}))


def write_atomically(path: Path, body: str) -> None:
    """An interrupted build never leaves a half-written entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(body)
    os.replace(tmp, path)


class EntryCache:
    """One JSON file per key, in `folder/name/`, read one at a time (a large corpus's
    entries are never all in memory as JSON)."""

    def __init__(self, folder: Path, name: str):
        self.folder = folder / name
        self.format = f"briefgen-{name}-cache/1"
        self._used: set[str] = set()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        self._used.add(key)
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != self.format or (
            data.get("key") != key
        ):
            return None
        return data

    def put(self, key: str, payload: dict[str, Any]) -> None:
        self._used.add(key)
        body = json.dumps({"format": self.format, "key": key, **payload}, ensure_ascii=False)
        write_atomically(self._path(key), body)

    def prune(self) -> None:
        """Delete the entries this build did not use (older code's, vanished articles')."""
        for path in sorted(self.folder.glob("*/*.json")):
            if path.stem not in self._used:
                path.unlink(missing_ok=True)


class NlpCache(EntryCache):
    """spaCy's parse of each article. Never pruned: parsing is the one costly step, and
    an article taken out of seeds/ for a while should come back for free. Beside each
    parse, under the same key in `outline/`, its outline: the sentences' spans and the
    names, without tokens, which is all a rebuild reads of an article whose mentions
    and event frames are cached (a twentieth of the parse's bytes)."""

    def __init__(self, folder: Path):
        super().__init__(folder, "nlp")
        self.outlines = EntryCache(folder, "outline")


class IngestCache:
    """One file for the whole corpus (small entries, read in one go). Saving keeps only
    the entries this build used, so files that left seeds/ do not pile up."""

    def __init__(self, folder: Path):
        self.path = folder / "ingest.json"
        self._entries = self._load()
        self._used: dict[str, dict[str, Any]] = {}

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != INGEST_FORMAT:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, key: str) -> dict[str, Any] | None:
        entry = self._entries.get(key)
        if not isinstance(entry, dict):
            return None
        self._used[key] = entry
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        self._used[key] = entry

    def save(self) -> None:
        if self._used == self._entries:
            return
        body = json.dumps({"format": INGEST_FORMAT, "entries": self._used}, sort_keys=True,
                          ensure_ascii=False)
        write_atomically(self.path, body)
