"""Fixtures: sample projects built end to end in temporary folders, like a user would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.cli import main

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


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The five seed articles built once into a temporary project."""
    project = make_project(tmp_path_factory.mktemp("briefing"))
    assert run_build(project) == 0
    return project
