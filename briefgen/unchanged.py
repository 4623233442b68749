"""A rebuild of unchanged inputs costs a stat of each input.

Each complete build leaves a fingerprint of what it was built from in the cache: the
stat of every input file (as `inputs.input_files` lists them, links included),
mkdocs.yml, the templates, the curation file, briefgen's own code, the model and the
tools' versions, the settings; and of what it left behind (content/ and the site's
stamp). When the next build's fingerprint is the same, nothing is read, parsed or
written, and the last build's summary, problems included, is told again.

A file changed within RACY_SECONDS before a build may change again within the file
system's clock tick without its stat changing (git's "racily clean" entries), so a
build whose inputs are that fresh leaves no fingerprint and the next build runs whole.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from briefgen.cache import code_stamp, package_files, write_atomically
from briefgen.config import Settings
from briefgen.inputs import input_files
from briefgen.records import Problem
from briefgen.site import SEARCH_INDEX, STAMP_NAME

FINGERPRINT_FILE = "last-build.json"
FORMAT = "briefgen-last-build/1"
RACY_SECONDS = 2.0
TOOLS = ("mkdocs", "mkdocs-material", "spacy", "jinja2", "pyyaml")
SEVERITIES = ("skipped", "dropped", "warning")


@dataclass(frozen=True)
class LastBuild:
    """What a no-change rebuild tells the user again."""

    articles: int
    entities: int
    events: int
    pages: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Fingerprint:
    inputs: str  # digest of the inputs' stats and everything else the build reads
    newest_mtime: float  # of any input, to tell a racily clean build


def fingerprint_inputs(settings: Settings, strict: bool) -> Fingerprint:
    digest = hashlib.sha256()
    newest = 0.0

    def add(*parts: object) -> None:
        digest.update(json.dumps(parts, default=str).encode("utf-8"))
        digest.update(b"\n")

    def add_stat(path: Path) -> None:
        nonlocal newest
        try:
            st, link = path.stat(), path.lstat()
        except OSError as exc:
            add(str(path), "missing", exc.errno)
            return
        newest = max(newest, st.st_mtime, st.st_ctime, link.st_mtime, link.st_ctime)
        add(str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino,
            link.st_mtime_ns, link.st_ino)

    settings_seen = {k: v for k, v in asdict(settings).items() if k != "processes"}
    # SOURCE_DATE_EPOCH dates the feed and the sitemap when nothing else does
    add(FORMAT, strict, settings_seen, code_stamp(package_files(), TOOLS),
        _model_version(settings),
        os.environ.get("SOURCE_DATE_EPOCH") or "0")
    add(settings.config_file.read_bytes().hex())
    add_stat(settings.curation_file)
    for path, refused in input_files(settings.seeds_dir) if settings.seeds_dir.is_dir() else ():
        add(refused)
        add_stat(path)
    for path in _files_under(settings.root / "templates"):
        add_stat(path)
    return Fingerprint(digest.hexdigest(), newest)


def fingerprint_outputs(settings: Settings) -> str:
    """What the build left: every file of content/ and the site's stamp and index (the
    site is replaced whole, so its stamp changes whenever it does)."""
    digest = hashlib.sha256()
    site = settings.site_dir
    for path in [*_files_under(settings.docs_dir), site / STAMP_NAME, site / SEARCH_INDEX]:
        try:
            st = path.lstat()
        except OSError:
            digest.update(f"{path} missing\n".encode())
            continue
        digest.update(f"{path} {st.st_size} {st.st_mtime_ns} {st.st_ino}\n".encode())
    return digest.hexdigest()


def unchanged_since_last(settings: Settings, now: Fingerprint) -> LastBuild | None:
    """The last build's summary when its inputs and outputs are as it left them."""
    try:
        data = json.loads((settings.cache_dir / FINGERPRINT_FILE).read_text(encoding="utf-8"))
        if data["format"] != FORMAT or data["inputs"] != now.inputs or (
                data["outputs"] != fingerprint_outputs(settings)):
            return None
        return _last_build(data["summary"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(settings: Settings, started: Fingerprint, started_at: float,
             last: LastBuild) -> None:
    """Keep the fingerprint of a build that finished; none when its inputs were racy."""
    path = settings.cache_dir / FINGERPRINT_FILE
    if started.newest_mtime > started_at - RACY_SECONDS:
        path.unlink(missing_ok=True)
        return
    summary = {**asdict(last), "problems": [asdict(p) for p in last.problems]}
    body = {"format": FORMAT, "inputs": started.inputs,
            "outputs": fingerprint_outputs(settings), "summary": summary}
    write_atomically(path, json.dumps(body, ensure_ascii=False))


def forget(settings: Settings) -> None:
    (settings.cache_dir / FINGERPRINT_FILE).unlink(missing_ok=True)


def _last_build(summary: dict[str, Any]) -> LastBuild:
    """A cache entry is input too: every field checked before it is printed again."""
    articles, entities, events, pages = (
        summary[k] for k in ("articles", "entities", "events", "pages"))
    if not all(isinstance(c, int) and not isinstance(c, bool) for c in (
            articles, entities, events, pages)):
        raise TypeError("counts")
    problems = []
    for row in summary["problems"]:
        path, reason, severity = row["path"], row["reason"], row["severity"]
        if not (isinstance(path, str) and isinstance(reason, str) and severity in SEVERITIES):
            raise TypeError("problem")
        problems.append(Problem(path, reason, severity))
    return LastBuild(articles, entities, events, pages, tuple(problems))


def _files_under(folder: Path) -> list[Path]:
    found: list[Path] = []
    for here, dirs, files in os.walk(folder):
        dirs.sort()
        found.extend(Path(here) / name for name in sorted(files))
    return found


def _model_version(settings: Settings) -> str:
    """The model package's version, from its distribution's metadata (no spaCy import)."""
    for name in (settings.model, settings.model.replace("_", "-")):
        try:
            return f"{name}=={metadata.version(name)}"
        except (metadata.PackageNotFoundError, ValueError):
            continue
    path = Path(settings.model)
    try:
        return str(path.resolve() / "meta.json") + str((path / "meta.json").stat().st_mtime_ns)
    except OSError:
        return settings.model
