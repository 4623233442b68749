"""site: content/ → site/ with MkDocs + Material.

MkDocs builds into a temporary folder next to site/, which then replaces site/ in two
renames: an interrupted or failed build leaves the previous site whole.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from briefgen.errors import SiteError


def build_site(config_file: Path, site_dir: Path, strict: bool = False) -> None:
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
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
