"""The settings schema: every setting declared once (config.OPTIONS), its default shown
the same wherever a user reads it, and a bad mkdocs.yml named by file and setting."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

import briefgen
from briefgen.cli import main
from briefgen.config import MKDOCS_DEFAULTS, OPTIONS, load_settings, settings_table


def _config(folder: Path, briefgen_section: str = "") -> Path:
    """A bare mkdocs.yml, with `briefgen_section` (YAML lines) under extra.briefgen."""
    folder.mkdir(parents=True, exist_ok=True)
    indented = "".join(f"    {line}\n" for line in briefgen_section.splitlines())
    path = folder / "mkdocs.yml"
    path.write_text("site_name: T\ndocs_dir: content\n"
                    + (f"extra:\n  briefgen:\n{indented}" if indented else ""), encoding="utf-8")
    return path


def _one_line_error(capsys, *argv: str) -> str:
    assert main(["build", "-q", *argv]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    return err


# --- defaults: written once, shown the same everywhere ------------------------------------


def test_the_readme_table_is_the_schema():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert settings_table() in readme, (
        "README.md's Configuration table differs from briefgen/config.py OPTIONS; "
        "paste this in its place:\n\n" + settings_table())


def test_help_shows_every_setting_with_the_schemas_default():
    def help_of(*argv: str) -> str:
        result = subprocess.run([sys.executable, "-m", "briefgen", *argv, "--help"],
                                capture_output=True, text=True, check=True)
        return " ".join(result.stdout.split())  # as one line, however it wraps

    general, build = help_of(), help_of("build")
    for option in OPTIONS.values():
        shown = f"(default: {option.shown_default()})"
        assert f"{option.name} {option.doc.replace('`', '')} {shown}" in general
        if option.metavar:
            assert f"{option.flag} {option.metavar} " in build
            assert f"extra.briefgen.{option.name} {shown}" in build


def test_the_projects_mkdocs_yml_restates_no_default():
    """A default copied into mkdocs.yml pins it: the project keeps the old value when
    OPTIONS changes (`processes: 1` stayed there after auto became the default)."""
    from mkdocs.utils import yaml_load

    with (REPO / "mkdocs.yml").open(encoding="utf-8") as fh:
        section = yaml_load(fh)["extra"]["briefgen"] or {}
    assert {k: v for k, v in section.items() if v == OPTIONS[k].default} == {}


def test_a_bare_mkdocs_yml_gets_the_schemas_defaults(tmp_path):
    settings = load_settings(_config(tmp_path))
    assert settings.seeds_dir == tmp_path / OPTIONS["seeds_dir"].default
    assert settings.curation_file == tmp_path / OPTIONS["curation_file"].default
    assert settings.cache_dir == (tmp_path / OPTIONS["cache_dir"].default).resolve()
    for name in ("model", "batch_size", "max_article_chars", "previous"):
        assert getattr(settings, name) == OPTIONS[name].default, name
    assert settings.processes >= 1  # auto
    assert settings.site_dir == tmp_path / MKDOCS_DEFAULTS["site_dir"]
    assert settings.directory_urls is MKDOCS_DEFAULTS["use_directory_urls"]


def test_briefgens_reading_of_mkdocs_settings_has_mkdocs_defaults():
    """docs_dir, site_dir and use_directory_urls unset: briefgen writes and links where
    MkDocs will look."""
    from mkdocs.config.defaults import MkDocsConfig

    schema = dict(MkDocsConfig._schema)
    assert {name: schema[name].default for name in MKDOCS_DEFAULTS} == MKDOCS_DEFAULTS


# Parameters that carry a setting under another name.
SETTING_PARAMETERS = {*OPTIONS, "site_name", "directory_urls", "directory", "max_chars"}


def test_no_stage_keeps_a_default_of_its_own_for_a_setting():
    """A function with its own `batch_size=32` would quietly disagree with mkdocs.yml
    (and with OPTIONS, once its default changes): settings come from Settings only.
    (None is "not given", as in `resolve(previous=None)`, not a second default.)"""
    found = []
    for info in pkgutil.iter_modules(briefgen.__path__):
        if info.name == "__main__":  # runs the command line
            continue
        module = importlib.import_module(f"briefgen.{info.name}")
        for name, member in vars(module).items():
            if getattr(member, "__module__", None) != module.__name__:
                continue
            callables = [member, *vars(member).values()] if inspect.isclass(member) else [member]
            for function in filter(callable, callables):
                try:
                    parameters = inspect.signature(function).parameters.values()
                except (TypeError, ValueError):
                    continue
                found += [f"{module.__name__}.{name}({p.name}={p.default!r})"
                          for p in parameters if p.name in SETTING_PARAMETERS
                          and p.default not in (inspect.Parameter.empty, None)]
    assert found == []


# --- a bad mkdocs.yml: one line naming the file and the setting ---------------------------


def test_an_unknown_or_misspelt_setting_is_named_with_the_file(tmp_path, capsys):
    config = _config(tmp_path, "batch_sise: 16")
    err = _one_line_error(capsys, "-f", str(config))
    assert f"{config}: extra.briefgen: unknown setting 'batch_sise'; expected one of " in err
    assert ", ".join(OPTIONS) in err


@pytest.mark.parametrize(("line", "message"), [
    ("batch_size: many", "batch_size: expected a positive integer, got 'many'"),
    ("processes: 0", "processes: expected a positive integer, got 0"),
    ("max_article_chars: true", "max_article_chars: expected a positive integer, got True"),
    ("model: ''", "model: expected a pipeline name, got ''"),
    ("model: 3", "model: expected a pipeline name, got 3"),
    ("seeds_dir: [a, b]", "seeds_dir: expected a path, got ['a', 'b']"),
    ("cache_dir:", "cache_dir: expected a path, got None"),
    ("previous: 'javascript:alert(1)'",
     "previous: 'javascript:alert(1)' is not an http(s) address"),
])
def test_a_mistyped_value_is_named_with_the_file_and_setting(tmp_path, capsys, line, message):
    config = _config(tmp_path, line)
    err = _one_line_error(capsys, "-f", str(config))
    assert f"briefgen: error: {config}: extra.briefgen.{message}\n" == err


def test_a_bad_value_on_the_command_line_is_named_by_its_flag(tmp_path, capsys):
    config = _config(tmp_path)
    err = _one_line_error(capsys, "-f", str(config), "--processes", "0")
    assert err == "briefgen: error: --processes: expected a positive integer, got 0\n"
    err = _one_line_error(capsys, "-f", str(config), "--previous", "file:///etc/")
    assert err == "briefgen: error: --previous: 'file:///etc/' is not an http(s) address\n"


@pytest.mark.parametrize(("text", "message"), [
    ("extra:\n  briefgen: [seeds_dir]\n", "extra.briefgen: expected a mapping, got list"),
    ("extra: 5\n", "extra: expected a mapping, got int"),
])
def test_a_section_that_is_not_a_mapping_is_named(tmp_path, capsys, text, message):
    config = _config(tmp_path)
    config.write_text(config.read_text(encoding="utf-8") + text, encoding="utf-8")
    err = _one_line_error(capsys, "-f", str(config))
    assert err == f"briefgen: error: {config}: {message}\n"
