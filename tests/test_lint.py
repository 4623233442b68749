"""The code stays ruff-clean and type-checks: the same checks a reviewer runs."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "briefgen", "tests"],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_mypy_is_clean():
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout


def test_stages_import_downward_only():
    """Loading an early stage loads no later one: resolve needs neither events nor
    claims, render does not need the site builder."""
    probe = ("import sys, briefgen.resolve, briefgen.render\n"
             "print(sorted(m for m in ('briefgen.events', 'briefgen.claims', 'briefgen.dates',"
             " 'briefgen.site') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_word_in_the_data_files_is_text():
    """YAML reads a bare on, off, yes, no, true or false as a boolean: a word list holding
    one silently compares words with it (denial_words held False, not "false")."""
    from importlib import resources

    import yaml

    def words(value, where):
        """Every item of every list, wherever it sits."""
        if isinstance(value, dict):
            for key, item in value.items():
                assert isinstance(key, str), (where, key)
                yield from words(item, f"{where}.{key}")
        elif isinstance(value, list):
            for item in value:
                yield from (words(item, where) if isinstance(item, (dict, list))
                            else [(where, item)])

    data = resources.files("briefgen").joinpath("data")
    for name in ("en.yml", "resolve.yml", "events.yml", "boilerplate.yml"):
        loaded = yaml.safe_load(data.joinpath(name).read_text(encoding="utf-8"))
        bad = [(where, value) for where, value in words(loaded, name)
               if isinstance(value, bool)]
        assert not bad, bad




def test_test_modules_share_helpers_through_conftest_only():
    """A helper two test modules need lives in conftest.py or a helper module
    (records_builder.py), never in a test module another imports; and no test module
    imports a name conftest or a helper module keeps private (a leading underscore)."""
    import ast

    modules = sorted((REPO / "tests").glob("*.py"))
    local = {path.stem for path in modules}
    found = []
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [(a.name, "") for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [(node.module or "", a.name) for a in node.names]
            else:
                continue
            if any(module.startswith("test_") or (module in local and name.startswith("_"))
                   for module, name in names):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []
