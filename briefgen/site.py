"""site: content/ → site/ with MkDocs + Material.

MkDocs builds into a temporary folder next to site/, which then replaces site/ in two
renames: an interrupted or failed build leaves the previous site whole.

MkDocs has no incremental build, so briefgen makes one. A stamp in site/ records what
the site was built from (the content files, mkdocs.yml, the versions). When nothing
changed, MkDocs is skipped. When only content changed, the old site is hard-linked into
the staging folder (no byte is copied), pages of vanished content files are deleted
from it, and MkDocs runs `dirty`. The staging folder starts from the site the last build
replaced, kept in the cache, so that only what changed since is linked again (and no
site is deleted folder by folder after each build). MkDocs then renders only pages
whose Markdown is newer than their HTML (briefgen rewrites only changed files, so those
are the changed pages).
MkDocs writes a file by opening it for writing, which would change the live site's
file through the shared link; so every file the build will write (changed pages, the
sitemap, 404 page, search index and stamp) is unlinked in the staging folder first.
With a plugin briefgen does not know (it may write anything), the old site is copied.
The search index of a dirty build holds only the re-rendered pages, so it is merged
with the old one. The index is sorted by page either way, so an incremental site is
byte-identical to a clean build of the same content.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from briefgen.errors import SiteError
from briefgen.sanitize import contained_path
from briefgen.siteparts import (
    SEARCH_INDEX,
    Parts,
    build_in_parts,
    deal,
    pending_pages,
    search_entries,
)
from briefgen.urls import Urls

STAMP_NAME = ".briefgen-stamp"


@dataclass(frozen=True)
class SiteInputs:
    """What a site is built from: content files (path → digest) and everything else."""

    files: dict[str, str]
    settings: str  # digest of mkdocs.yml, the strict flag and the tool versions

    def stamp(self) -> str:
        return json.dumps({"settings": self.settings, "files": self.files}, sort_keys=True)


def site_inputs(files: dict[str, str], config_file: Path, strict: bool) -> SiteInputs:
    parts = [config_file.read_text(encoding="utf-8"), str(strict), _version("mkdocs"),
             _version("mkdocs-material"), _version("briefgen")]
    return SiteInputs(files, hashlib.sha256("\0".join(parts).encode()).hexdigest())


def _previous(site_dir: Path) -> SiteInputs | None:
    try:
        data = json.loads((site_dir / STAMP_NAME).read_text(encoding="utf-8"))
        files = {str(k): str(v) for k, v in dict(data["files"]).items()}
        inputs = SiteInputs(files, str(data["settings"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    # A stamp someone edited is no stamp: its paths name pages to delete.
    return inputs if all(contained_path(site_dir, p) for p in files) else None


def is_current(site_dir: Path, inputs: SiteInputs) -> bool:
    return _previous(site_dir) == inputs


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def build_site(
    config_file: Path, site_dir: Path, inputs: SiteInputs, strict: bool = False,
    kept: Path | None = None, processes: int | None = None,
) -> bool:
    """Build site/ for `inputs`; True when only changed pages were re-rendered. `kept`
    (in the cache) is where the replaced site is kept for the next build to stage from;
    with `processes` > 1 the pages are rendered in that many processes (siteparts)."""
    staging = _empty_folder(site_dir.with_name(f".{site_dir.name}.building"))
    retired = _empty_folder(site_dir.with_name(f".{site_dir.name}.old"))
    staging.rmdir()
    retired.rmdir()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build_log = logging.getLogger("mkdocs.commands.build")
    if _DirtyWarning not in {type(f) for f in build_log.filters}:
        build_log.addFilter(_DirtyWarning())
    previous = _previous(site_dir)
    # A site someone pruned, or whose search index is damaged (two builds at once, a
    # full disk), is rebuilt whole.
    old_entries = search_entries(site_dir / SEARCH_INDEX) if previous is not None else None
    incremental = (
        previous is not None and previous.settings == inputs.settings and old_entries is not None
    )
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        urls = Urls(bool(config["use_directory_urls"]))
        if incremental:
            assert previous is not None  # incremental implies a previous site
            _stage_old_site(site_dir, staging, previous, inputs, urls,
                            linked=_known_plugins(config), kept=kept)
        parts = None if strict or not _known_plugins(config) or "briefgen" not in config[
            "plugins"] else _parts(config, staging, inputs, urls, processes or 1)
        if parts is None:
            mkdocs_build(config, dirty=incremental)
            more: list[dict] = []
        else:
            more = build_in_parts(config, config_file, staging, parts, strict)
        _merge_search_index(staging, old_entries if incremental else None, inputs, urls, more)
    except (MkDocsException, SystemExit, OSError, ValueError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteError(f"MkDocs could not build the site: {exc}") from exc
    (staging / STAMP_NAME).write_text(inputs.stamp(), encoding="utf-8")
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    _keep_or_remove(retired, kept)
    return incremental


def _parts(config: Any, staging: Path, inputs: SiteInputs, urls: Urls,
           processes: int) -> Parts | None:
    """The pages this build renders, shared between `processes` processes, or None."""
    if processes < 2:
        return None
    docs_dir = Path(config["docs_dir"])
    pages = pending_pages(docs_dir, staging, sorted(p for p in inputs.files if p.endswith(
        ".md")), urls)
    return deal(pages, {p: (docs_dir / p).stat().st_size for p in pages}, processes)


def _keep_or_remove(retired: Path, kept: Path | None) -> None:
    """The replaced site becomes the next build's staging folder, kept in the cache:
    most of its files are links to the new site's, and deleting its thousands of
    folders took longer than the rest of the site stage but MkDocs."""
    if not retired.exists():
        return
    if kept is not None:
        try:
            _remove_tree(kept)
            kept.parent.mkdir(parents=True, exist_ok=True)
            retired.rename(kept)
            return
        except OSError:  # another file system, or a leftover that cannot be removed
            pass
    shutil.rmtree(retired, ignore_errors=True)


# What MkDocs, its search plugin and briefgen's own plugin write on every build besides
# the changed pages; any other plugin may write anything.
ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz", str(SEARCH_INDEX), STAMP_NAME)
KNOWN_PLUGINS = frozenset({"search", "material/search", "briefgen"})


def _known_plugins(config: Any) -> bool:
    return set(config["plugins"].keys()) <= KNOWN_PLUGINS


def _stage_old_site(site_dir: Path, staging: Path, previous: SiteInputs, inputs: SiteInputs,
                    urls: Urls, linked: bool, kept: Path | None = None) -> None:
    """The old site in `staging`, less what this build removes or writes again."""
    try:
        if linked and kept is not None and _mirrored_from_kept(site_dir, staging, kept):
            pass
        else:
            shutil.copytree(site_dir, staging, symlinks=True,
                            copy_function=os.link if linked else shutil.copy2)
    except (OSError, shutil.Error):  # a file system without hard links
        if not linked:
            raise
        _remove_tree(staging)
        shutil.copytree(site_dir, staging, symlinks=True)
    for gone in sorted(set(previous.files) - set(inputs.files)):
        _remove_output(staging, gone, urls)
    changed = [p for p, digest in inputs.files.items() if previous.files.get(p) != digest]
    for path in [*(urls.output(p) for p in changed), *ALWAYS_WRITTEN]:
        target = contained_path(staging, path)
        if target is not None and (target.is_file() or target.is_symlink()):
            target.unlink()


def _mirrored_from_kept(site_dir: Path, staging: Path, kept: Path) -> bool:
    """Stage from the site the last build replaced (`kept`): made to hold exactly the
    live site's files as hard links, it costs what changed since, where linking the
    whole site afresh (and deleting the old one after) costs a folder per page."""
    if kept.is_symlink() or not kept.is_dir():
        return False
    try:
        kept.rename(staging)
    except OSError:  # the cache is on another file system
        _remove_tree(kept)
        return False
    _mirror(site_dir, staging)
    return True


def _mirror(source: Path, target: Path) -> None:
    """Make `target` hold `source`'s files as hard links to them: a file already linked
    (the same inode) is left alone, anything else in `target` is replaced or removed."""
    have = {e.name: e for e in os.scandir(target)}
    for entry in os.scandir(source):
        old = have.pop(entry.name, None)
        path = target / entry.name
        if entry.is_dir(follow_symlinks=False):
            if old is not None and not old.is_dir(follow_symlinks=False):
                path.unlink()
                old = None
            if old is None:
                path.mkdir()
            _mirror(Path(entry.path), path)
            continue
        if old is not None and not old.is_dir(follow_symlinks=False) and (
                old.inode() == entry.inode() and old.is_symlink() == entry.is_symlink()):
            continue
        if old is not None:
            _remove_tree(path)
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), path)
        else:
            os.link(entry.path, path)
    for gone in have.values():
        _remove_tree(Path(gone.path))


class _DirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation; ours cannot (the
    navigation lists only sections, and vanished pages are deleted first), and under
    --strict that warning would fail the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def _remove_output(staging: Path, content_path: str, urls: Urls) -> None:
    """Delete what MkDocs made of a page or file that is gone from content/."""
    target = contained_path(staging, urls.output(content_path))
    if target is None:
        return
    if target.is_symlink() or target.is_file():
        target.unlink()
    folder = target.parent
    if folder != staging.resolve() and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


def _merge_search_index(staging: Path, old_entries: list[dict] | None,
                        inputs: SiteInputs, urls: Urls, more: list[dict] | None = None
                        ) -> None:
    """Keep the old entries of pages MkDocs did not re-render, add those the other
    processes rendered (`more`); sort entries by page."""
    path = staging / SEARCH_INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    entries = index["docs"] + (more or [])
    if old_entries is not None:
        fresh = {_page_of(e) for e in entries}
        live = {urls.url(p) for p in inputs.files if p.endswith(".md")}
        entries = [e for e in old_entries
                   if _page_of(e) not in fresh and _page_of(e) in live] + entries
    order = {url: n for n, url in enumerate(sorted({_page_of(e) for e in entries}))}
    index["docs"] = sorted(entries, key=lambda e: order[_page_of(e)])  # stable within a page
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


def check_site_dir(site_dir: Path) -> None:
    """Refuse to replace a folder briefgen did not build: site_dir may point at the
    user's own folder, and replacing the site deletes whatever was in it."""
    if not site_dir.exists():
        return
    if not site_dir.is_dir() or site_dir.is_symlink():
        raise SiteError(f"{site_dir} is not a folder briefgen built; move it away or set "
                        "site_dir in mkdocs.yml")
    ours = (site_dir / STAMP_NAME).is_file() or (site_dir / "index.html").is_file()
    if not ours and any(site_dir.iterdir()):
        raise SiteError(f"{site_dir} holds files but no site: briefgen replaces site_dir "
                        "whole; move them away or set site_dir in mkdocs.yml")


def _empty_folder(path: Path) -> Path:
    """A folder at `path` with nothing in it, or, when a leftover there cannot be
    removed (read-only, owned by someone else), a fresh one beside it."""
    if path.exists() or path.is_symlink():
        _remove_tree(path)
    if not path.exists():
        path.mkdir()
        return path
    return Path(tempfile.mkdtemp(prefix=path.name + "-", dir=path.parent))


def _remove_tree(path: Path) -> None:
    def writable_and_retry(function, name, _exc_info):  # type: ignore[no-untyped-def]
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(name), 0o700)
            if os.path.isdir(name) and not os.path.islink(name):
                os.chmod(name, 0o700)
            function(name)

    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
        return
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    shutil.rmtree(path, onerror=writable_and_retry)


def _page_of(entry: dict) -> str:
    return entry["location"].split("#", 1)[0]
