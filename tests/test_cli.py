"""The command line as a user runs it: exit codes and one-line reasons."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import REPO, make_project, run_build

from briefgen.cli import main


def test_help_lists_both_commands():
    result = subprocess.run([sys.executable, "-m", "briefgen", "--help"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert "build" in result.stdout and "serve" in result.stdout


def test_the_readmes_command_lines_show_the_clis_defaults():
    """`[--port 8000]` in the README is the default: giving it changes nothing."""
    from briefgen.cli import _parser

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Commands", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    checked = []
    for line in block.splitlines():
        command = line.split()[1]
        for flag, value in re.findall(r"\[(-{1,2}[a-z-]+) ([^\]A-Z]+)\]", line):
            given = _parser().parse_args([command, flag, value])
            assert given == _parser().parse_args([command]), f"{line}: {flag} {value}"
            checked.append(flag)
    assert {"--port", "--host", "--min-score", "-f"} <= set(checked)


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
    config.write_text(re.sub(r"(?m)^  briefgen:.*$", "  briefgen:\n    batch_size: many",
                             config.read_text()))
    assert run_build(project) == 1
    assert "batch_size" in capsys.readouterr().err


def test_a_folder_that_cannot_be_written_is_one_line_not_a_traceback(tmp_path, capsys):
    project = make_project(tmp_path / "p")
    (project / "blocker").write_text("a file where a folder should be\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_dir:.*$", "site_dir: blocker/site", text),
                      encoding="utf-8")
    assert run_build(project) == 1
    err = capsys.readouterr().err
    assert "Not a directory" in err and "blocker" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_serve_answers_requests_without_a_log_line_each(tmp_path, capfd):
    import http.server
    import threading
    import urllib.request

    from briefgen.cli import site_handler

    (tmp_path / "index.html").write_text("<p>briefing</p>", encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), site_handler(tmp_path))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        assert b"briefing" in urllib.request.urlopen(url, timeout=10).read()
        urllib.request.urlopen(url + "index.html", timeout=10).read()
    finally:
        server.shutdown()
    out, err = capfd.readouterr()
    assert "GET" not in out + err


def test_processes_default_to_the_machines_cores_and_accept_a_number(tmp_path, capsys):
    import os

    from briefgen.config import load_settings

    project = make_project(tmp_path / "p")
    settings = load_settings(project / "mkdocs.yml")
    assert 1 <= settings.processes <= len(os.sched_getaffinity(0))
    assert load_settings(project / "mkdocs.yml", processes=1).processes == 1
    with pytest.raises(SystemExit) as exit_:
        main(["build", "-q", "--processes", "many", "-f", str(project / "mkdocs.yml")])
    assert exit_.value.code == 2 and "number or auto" in capsys.readouterr().err
