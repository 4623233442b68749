"""The language's own words (data/en.yml), read once: months, pronouns, stop words.

Stages take them from here rather than each spelling its own list, so that another
language is one more data file, not edits in five modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Language:
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    relative_date_words: tuple[str, ...]
    duration_hedges: tuple[str, ...]
    duration_counts: tuple[str, ...]
    duration_units: tuple[str, ...]
    pronouns: frozenset[str]
    personal_pronouns: frozenset[str]
    name_stopwords: tuple[str, ...]
    determiners: frozenset[str]
    definite_determiners: frozenset[str]
    nicknames: dict[str, str]


@cache
def english() -> Language:
    data = yaml.safe_load(resources.files("briefgen").joinpath("data/en.yml").read_text())
    return Language(
        months=tuple(data["months"]),
        weekdays=tuple(data["weekdays"]),
        relative_date_words=tuple(data["relative_date_words"]),
        duration_hedges=tuple(data["duration_hedges"]),
        duration_counts=tuple(data["duration_counts"]),
        duration_units=tuple(data["duration_units"]),
        pronouns=frozenset(data["pronouns"]),
        personal_pronouns=frozenset(data["personal_pronouns"]),
        name_stopwords=tuple(data["name_stopwords"]),
        determiners=frozenset(data["determiners"]),
        definite_determiners=frozenset(data["definite_determiners"]),
        nicknames={str(k): str(v) for k, v in data["nicknames"].items()},
    )
