"""What the tests share: sample projects built end to end in temporary folders, like a
user would; a built site served under a sub-path, as on GitHub Pages; invented texts
parsed by the real spaCy model; a folder's files for comparing two builds; Chromium's
launch settings. Hand-made parses for stage tests are in records_builder.py. Test
modules import these from here or there, never each other's helpers (test_lint.py
checks)."""

from __future__ import annotations

import functools
import http.server
import random
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.config import OPTIONS
from briefgen.nlp import doc_to_payload, load_model, payload_to_parsed
from briefgen.records import Article, ParsedArticle, SourceId

REPO = Path(__file__).resolve().parent.parent


def make_project(folder: Path, seeds: Path | None = None) -> Path:
    """A copy of this repository's site configuration and templates, with its own seeds."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / "templates", folder / "templates")
    shutil.copytree(seeds or REPO / "seeds", folder / "seeds")
    return folder


def run_build(project: Path, *extra: str) -> int:
    return main(["build", "-q", "-f", str(project / "mkdocs.yml"), *extra])


def recombined_corpus(folder: Path, n: int) -> Path:
    """n short articles recombined from the seeds' paragraphs, enough for two processes."""
    paragraphs = [
        line for path in sorted((REPO / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) > 15
    ]
    rng = random.Random(3)
    folder.mkdir(parents=True)
    for i in range(n):
        body = "\n".join(rng.sample(paragraphs, 3))
        (folder / f"{i:03d}.txt").write_text(f"Dispatch {i}\n{body}\n", encoding="utf-8")
    return folder


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under `root` (its path relative to `root`, as posix) → its bytes: two
    builds, or a build and a golden folder, compared as a whole."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The five seed articles built once into a temporary project."""
    project = make_project(tmp_path_factory.mktemp("briefing"))
    assert run_build(project) == 0
    return project


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(site: Path, root: Path) -> Iterator[str]:
    """`site` at http://127.0.0.1:PORT/briefing/, as on GitHub Pages."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "briefing").symlink_to(site, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/briefing/"
    finally:
        server.shutdown()


@cache
def _nlp():
    return load_model(OPTIONS["model"].default)


def parse_texts(*texts: str) -> list[ParsedArticle]:
    """Each text an article (ids a0, a1, …), parsed by the real model."""
    out = []
    for n, text in enumerate(texts):
        article = Article(SourceId(f"a{n}"), f"seeds/a{n}.txt", f"A{n}", text, str(n))
        out.append(payload_to_parsed(article, doc_to_payload(_nlp()(text))))
    return out


def entity_of(entities, surface):
    """The one entity with `surface` among its aliases."""
    found = [e for e in entities if surface in {a for a, _ in e.aliases}]
    assert len(found) == 1, (surface, [(e.name, e.aliases) for e in entities])
    return found[0]
