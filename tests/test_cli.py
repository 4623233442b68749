"""The command line as a user runs it: exit codes and one-line reasons."""

from __future__ import annotations

import subprocess
import sys

from conftest import make_project, run_build

from briefgen.cli import main


def test_help_lists_both_commands():
    result = subprocess.run([sys.executable, "-m", "briefgen", "--help"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert "build" in result.stdout and "serve" in result.stdout


def test_missing_mkdocs_yml_fails_with_a_reason(tmp_path, capsys):
    assert main(["build", "-f", str(tmp_path / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml" in err and "not found" in err
    assert len(err.strip().splitlines()) == 1


def test_missing_model_says_what_to_install(tmp_path, capsys):
    project = make_project(tmp_path / "p")
    assert run_build(project, "--model", "xx_no_such_pipeline") == 1
    err = capsys.readouterr().err
    assert "xx_no_such_pipeline" in err and "pip install" in err
    assert not (project / "site").exists()


def test_bad_setting_is_named(tmp_path, capsys):
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("batch_size: 32", "batch_size: many"))
    assert run_build(project) == 1
    assert "batch_size" in capsys.readouterr().err
