"""The whole content/ folder of a tiny invented corpus, compared file by file with the
one in tests/golden/content (as Pelican compares its tests/output): any change to what
briefgen writes shows here as a diff to read, not only where a targeted test looks.

After an intended change, write the new expected folder and read its diff:

    BRIEFGEN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
    git diff tests/golden/content
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import make_project, tree_bytes

from briefgen.config import load_settings
from briefgen.pipeline import build

GOLDEN = Path(__file__).parent / "golden"


def test_content_of_a_tiny_corpus_is_the_golden_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the feed's date when nothing says one
    project = make_project(tmp_path / "p", GOLDEN / "seeds")
    build(load_settings(project / "mkdocs.yml"), skip_site=True)
    written = tree_bytes(project / "content")
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN / "content", ignore_errors=True)
        shutil.copytree(project / "content", GOLDEN / "content")
    expected = tree_bytes(GOLDEN / "content")
    assert sorted(written) == sorted(expected)
    assert [name for name in expected if written[name] != expected[name]] == []
