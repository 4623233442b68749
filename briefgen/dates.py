"""Dates as sources state them, normalised only as far as the text allows.

An explicit date ("January 4, 2024") becomes ISO. A date without a year, or a relative
one ("on Monday", "last week"), is resolved against the article's `published` date when
the article has one; otherwise it is shown as written ("4 January, year not stated") and
never given an invented year. Durations ("one week", "six months") are not dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import dateparser

from briefgen.language import english

_WORDS = english()
MONTHS = list(_WORDS.months)
WEEKDAYS = list(_WORDS.weekdays)
RELATIVE = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS + list(_WORDS.relative_date_words))})\b", re.I)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
MONTH = re.compile(rf"\b((?:{'|'.join(f'{m[:3]}(?:{m[3:]})?' for m in MONTHS)})\b)\.?", re.I)
DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
DURATION = re.compile(
    rf"^(?:(?:{'|'.join(_WORDS.duration_hedges)}) )?(?:{'|'.join(_WORDS.duration_counts)}|\d+)"
    rf"\s+(?:{'|'.join(f'{u}s?' for u in _WORDS.duration_units)})$", re.I)


@dataclass(frozen=True)
class StatedDate:
    """`shown` is what the page prints; `key` sorts the timeline: ISO (YYYY, YYYY-MM or
    YYYY-MM-DD) when the year is known, "--MM-DD"/"--MM" when only the day is, else ""."""

    shown: str
    key: str

    @property
    def dated(self) -> bool:
        return bool(self.key) and not self.key.startswith("--")


def parse_published(text: str) -> date | None:
    if not text:
        return None
    parsed = _parse(str(text), None)
    return parsed.date() if parsed else None


def normalise(text: str, published: date | None) -> StatedDate | None:
    """The date a DATE mention states, or None when it is not a point in time."""
    cleaned = re.sub(r"^(?:on|in|since|by|from|until|as of)\s+", "", text.strip(), flags=re.I)
    cleaned = cleaned.strip(" ,.")
    if not cleaned or DURATION.match(cleaned) or re.search(r"\b(?:\d+s|century)\b", cleaned):
        return None
    month = MONTH.search(cleaned)
    year = YEAR.search(cleaned)
    day = DAY.search(MONTH.sub(" ", YEAR.sub(" ", cleaned))) if month else None
    if year and month:
        parsed = _parse(cleaned, None)
        if parsed is None:
            return StatedDate(cleaned, year.group(1))
        key = parsed.strftime("%Y-%m-%d") if day else parsed.strftime("%Y-%m")
        return StatedDate(key, key)
    if year and not RELATIVE.search(cleaned):
        return StatedDate(year.group(1), year.group(1)) if cleaned == year.group(0) else None
    if month and not RELATIVE.search(cleaned):
        number = MONTHS.index(_month_name(month.group(1))) + 1
        if published is not None:
            inferred = _latest_not_after(published, number, int(day.group(1)) if day else None)
            key = inferred.strftime("%Y-%m-%d" if day else "%Y-%m")
            return StatedDate(key, key)
        partial = f"--{number:02d}-{int(day.group(1)):02d}" if day else f"--{number:02d}"
        label = _month_name(month.group(1)).capitalize()
        shown = f"{int(day.group(1))} {label}" if day else label
        return StatedDate(f"{shown}, year not stated", partial)
    if RELATIVE.search(cleaned) or cleaned.casefold() in WEEKDAYS:
        if published is None:
            return StatedDate(f"{cleaned} (date of the article not known)", "")
        if (weekday := _plain_weekday(cleaned)) is not None:
            on = date.fromordinal(published.toordinal() - (published.weekday() - weekday) % 7)
            return StatedDate(on.isoformat(), on.isoformat())
        parsed = _parse(cleaned, published)
        if parsed is None:
            return StatedDate(cleaned, "")
        key = parsed.strftime("%Y-%m-%d")
        return StatedDate(key, key)
    return None


def compatible(a: StatedDate | None, b: StatedDate | None) -> bool:
    """Could two stated dates be the same day? Unknown dates are compatible with all."""
    if a is None or b is None or not a.key or not b.key:
        return True
    x, y = a.key, b.key
    if x.startswith("--") != y.startswith("--"):  # compare month and day only
        x, y = (x if x.startswith("--") else "--" + x[5:]), (
            y if y.startswith("--") else "--" + y[5:])
        if x == "--" or y == "--":
            return True
    return x.startswith(y) or y.startswith(x)


def _plain_weekday(text: str) -> int | None:
    """The weekday a phrase such as "Thursday" or "early on Tuesday" names, unless it
    says which week ("last Monday", "next Friday"). News dates "on Thursday" from the
    day it is published: a Thursday article's Thursday is that very day, not the week
    before (which is what dateparser, preferring the past, returns)."""
    words = re.findall(r"[a-z]+", text.casefold())
    if any(w in {"last", "next", "previous", "this", "coming", "past"} for w in words):
        return None
    days = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    return days[0] if len(days) == 1 else None


def _month_name(abbreviation: str) -> str:
    return next(m for m in MONTHS if m.startswith(abbreviation.lower()[:3]))


def _latest_not_after(published: date, month: int, day: int | None) -> date:
    """The most recent such day on or before publication: "4 January" read in March."""
    for year in (published.year, published.year - 1):
        candidate = date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
        if candidate <= published:
            break
    return candidate


@lru_cache(maxsize=4096)
def _parse(text: str, base: date | None) -> datetime | None:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        return dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
