"""Where the memory of the last published build is read from.

URLs, redirects and "what's new" are kept by remembering the previous build's export
(`data/*.json`). Locally that is `content/data/`, written by the last build. A build on
GitHub Pages starts from a fresh clone with no `content/`, so there the memory is read
from where the site is published: `briefgen build --previous URL` (or `previous:` in
mkdocs.yml) fetches the live site's `data/*.json`. Without it no request is ever made;
a fetch that fails is a warning and a first build, never a failed build.
"""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path

from briefgen.records import Problem
from briefgen.sanitize import web_url

MEMORY_FILES = ("entities.json", "events.json", "sources.json", "redirects.json",
                "changes.json")
FETCH_TIMEOUT_SECONDS = 30
# The export of a very large briefing (sources.json holds every sentence) stays below.
FETCH_MAX_BYTES = 512 * 1024 * 1024
FETCHED_FOLDER = "published-memory"


def memory_root(docs_dir: Path, cache_dir: Path, previous_url: str) -> tuple[Path, Problem | None]:
    """The folder whose `data/` holds the previous build's export: content/ when the last
    build left one there, else (with a URL) a copy of the published site's."""
    if (docs_dir / "data" / "entities.json").is_file() or not previous_url:
        return docs_dir, None
    target = cache_dir / FETCHED_FOLDER
    shutil.rmtree(target, ignore_errors=True)
    (target / "data").mkdir(parents=True)
    base = previous_url if previous_url.endswith("/") else previous_url + "/"
    for name in MEMORY_FILES:
        try:
            body = _fetch(base + "data/" + name)
        except (OSError, ValueError) as exc:  # HTTPError and URLError are OSErrors
            if name == "entities.json":  # without it there is nothing to remember
                return docs_dir, Problem(base, f"could not read the published site's "
                                         f"data/{name} ({exc}); built as a first build",
                                         "warning")
            continue
        (target / "data" / name).write_bytes(body)
    return target, None


def _fetch(url: str) -> bytes:
    """One JSON file of the published site, checked to be JSON, never larger than the cap."""
    request = urllib.request.Request(url, headers={"User-Agent": "briefgen"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310
        body = response.read(FETCH_MAX_BYTES + 1)
    if len(body) > FETCH_MAX_BYTES:
        raise ValueError(f"larger than {FETCH_MAX_BYTES:,} bytes")
    json.loads(body)  # raises ValueError: not the export
    return body


def checked_url(value: str) -> str:
    """`value` as a site address to read the memory from, or ValueError."""
    url = web_url(value)
    if not url:
        raise ValueError(f"{value!r} is not an http(s) address")
    return url
