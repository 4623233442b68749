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
