"""site: content/ → site/ with MkDocs + Material.

MkDocs builds into a temporary folder next to site/, which then replaces site/ in two
renames: an interrupted or failed build leaves the previous site whole. A stamp of what
the site was built from lets a rebuild that changed nothing skip MkDocs altogether.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from importlib import metadata
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from briefgen.errors import SiteError

STAMP_NAME = ".briefgen-stamp"


def site_stamp(content_digest: str, config_file: Path, strict: bool) -> str:
    """What the site is built from: content/, mkdocs.yml, the flags and the versions."""
    parts = [content_digest, config_file.read_text(encoding="utf-8"), str(strict),
             _version("mkdocs"), _version("mkdocs-material"), _version("briefgen")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def is_current(site_dir: Path, stamp: str) -> bool:
    try:
        return (site_dir / STAMP_NAME).read_text(encoding="utf-8") == stamp
    except OSError:
        return False


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def build_site(config_file: Path, site_dir: Path, strict: bool = False, stamp: str = "") -> None:
    """Build into a staging folder, then swap it in; `stamp` is written inside it so
    the next build can tell the site is already current."""
    staging = site_dir.with_name(f".{site_dir.name}.building")
    retired = site_dir.with_name(f".{site_dir.name}.old")
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        mkdocs_build(config)
    except (MkDocsException, SystemExit) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteError(f"MkDocs could not build the site: {exc}") from exc
    if stamp:
        (staging / STAMP_NAME).write_text(stamp, encoding="utf-8")
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
