"""The file writer of content/: a file is rewritten only when its bytes change (so
MkDocs' dirty build and the site stamp see what really changed), written atomically, and
the files the previous build wrote but this one did not are removed, so content/ always
mirrors the current seeds.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import ContentError
from briefgen.pagekeys import RenderedPages
from briefgen.sanitize import contained_path

MANIFEST_NAME = ".briefgen-files.json"  # a dot file: MkDocs does not publish it
TEMPORARY_SUFFIX = ".briefgen-tmp"


@dataclass(frozen=True)
class WriteResult:
    """What one build did to content/."""

    written: int
    unchanged: int
    removed: int
    # Every file of content/ with the SHA-256 of its bytes: what the site is built from.
    files: dict[str, str] = field(default_factory=dict)


class TreeWriter:
    """Writes content/ page by page as pages are rendered (a large corpus's pages are
    never all in memory): only files whose bytes changed. At the end it deletes the files
    the previous build wrote (its manifest) that this one did not: a file someone else
    put in content/ is never deleted, only reported."""

    def __init__(self, root: Path, rendered: RenderedPages | None = None):
        self.root = root
        self.rendered = rendered or RenderedPages(None)
        self.digests: dict[str, str] = {}
        self.written = self.unchanged = 0
        root.mkdir(parents=True, exist_ok=True)
        self._manifest_text = ""  # as read, so that an unchanged manifest is not rewritten
        self.owned = self._manifest()
        for stale in root.rglob(f".*{TEMPORARY_SUFFIX}"):  # an interrupted build's
            stale.unlink(missing_ok=True)

    def _manifest(self) -> set[str]:
        try:
            self._manifest_text = (self.root / MANIFEST_NAME).read_text(encoding="utf-8")
            listed = json.loads(self._manifest_text)
        except (OSError, ValueError):
            return set()
        if not isinstance(listed, list):
            return set()
        return {p for p in listed if isinstance(p, str) and contained_path(self.root, p)}

    def keep_if_current(self, relative: str, key: str | None) -> bool:
        """True when the page of `key` is in content/ as this key rendered it last time
        (pagekeys): it is then counted as unchanged and need not be rendered."""
        path = contained_path(self.root, relative)
        digest = None if path is None else self.rendered.digest_if_current(path, relative, key)
        if digest is None:
            return False
        self.digests[relative] = digest
        self.unchanged += 1
        return True

    def write(self, relative: str, data: bytes, key: str | None = None) -> None:
        """Write a file; `key`, a page's inputs (pagekeys), is recorded with it."""
        digest = self.digests[relative] = hashlib.sha256(data).hexdigest()
        path = contained_path(self.root, relative)
        if path is None:
            raise ContentError(f"{self.root / relative}: a folder on the way is a symbolic "
                               "link; briefgen writes only into real folders of content/")
        if path.is_file() and not path.is_symlink() and path.read_bytes() == data:
            self.unchanged += 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}{TEMPORARY_SUFFIX}")
            tmp.write_bytes(data)
            tmp.replace(path)
            self.written += 1
        self.rendered.record(path, relative, key, digest)

    def _present(self) -> list[str]:
        return sorted(
            p.relative_to(self.root).as_posix() for p in self.root.rglob("*")
            if (p.is_file() or p.is_symlink())
            and not any(part.startswith(".") for part in p.relative_to(self.root).parts)
        )

    def foreign(self) -> list[str]:
        """Files in content/ that neither this build nor the previous one wrote."""
        return [p for p in self._present() if p not in self.owned and p not in self.digests]

    def finish(self) -> WriteResult:
        removed = 0
        for relative in sorted(self.owned - set(self.digests), reverse=True):
            path = contained_path(self.root, relative)
            if path is None:
                continue
            if path.is_file() or path.is_symlink():
                path.unlink()
                removed += 1
            folder = path.parent
            while folder != self.root and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        digests = dict(sorted(self.digests.items()))
        manifest = json.dumps(sorted(digests), ensure_ascii=False, indent=0) + "\n"
        if manifest != self._manifest_text:
            (self.root / MANIFEST_NAME).write_text(manifest, encoding="utf-8")
        self.rendered.save()
        return WriteResult(self.written, self.unchanged, removed, digests)
