"""The gold scores of the five seed articles, as a regression floor.

The gold files and scorers in tests/gold/ are copies of the team's shared ones, so the
suite runs from a clean clone.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold"


def _score(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False
    )


def test_entity_resolution_meets_the_gold_floor(built):
    result = _score(
        str(GOLD / "score_entities.py"),
        str(built / "site" / "data" / "entities.json"),
        str(GOLD / "seeds.yml"),
        "--min-recall", "0.95", "--min-unified", "0.95", "--min-kind", "0.95",
    )
    assert result.returncode == 0, result.stdout


def test_events_meet_the_strict_gold_score(built):
    result = _score(
        str(GOLD / "score_events.py"), str(built / "site" / "data"),
        str(GOLD / "seeds-events.yml"), "--strict",
    )
    assert result.returncode == 0, result.stdout
