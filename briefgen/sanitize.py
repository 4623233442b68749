"""Fields from inputs made safe to keep: the site is published to the world from files
other people sent.

Text loses what a reader cannot see but a parser or a browser acts on (control
characters, Unicode non-characters, lone surrogates, zero-width and bidi-override marks,
which also split names invisibly); single-line fields are capped in length; a link is
kept only when it is a plain http(s) URL. Escaping for each output (HTML, Markdown,
XML, CSV) happens where it is written; this is what every field must be before that.
"""

from __future__ import annotations

import re
from collections.abc import Container
from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml

# Never text: C0 controls but tab and newline, DEL and C1 controls, surrogates (never
# valid alone), and the non-characters of every plane.
_INVALID_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane * 0x10000 + last) for plane in range(17) for last in (0xFFFE, 0xFFFF))
)
# Formatting marks a reader cannot see: soft hyphen, zero-width space, non-joiner,
# joiner, word joiner, BOM, line and paragraph separators, bidi embeddings, overrides
# and isolates (which can make a title read backwards).
_FORMAT_CLASS = "\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVALID = re.compile(f"[{_INVALID_CLASS}]")
_INVISIBLE = re.compile(f"[{_INVALID_CLASS}{_FORMAT_CLASS}]")
FIELD_MAX_CHARS = {"title": 300, "outlet": 120, "author": 200, "url": 2000, "id": 80}
URL_SCHEMES = ("http", "https")
# Page names a section or the site itself uses: an article, entity or tag never takes one.
RESERVED_SLUGS = frozenset({"index"})
SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def visible_text(text: str) -> str:
    """`text` without invisible characters; line breaks and tabs are kept."""
    return _INVISIBLE.sub("", text)


def invalid_characters(text: str) -> int:
    """How many characters of `text` are never valid in text (worth telling the user)."""
    return len(_INVALID.findall(text))


def single_line(text: str, field: str = "title") -> str:
    """A metadata field: visible characters on one line, at most its field's length."""
    line = re.sub(r"\s+", " ", visible_text(text)).strip()
    limit = FIELD_MAX_CHARS.get(field, FIELD_MAX_CHARS["title"])
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def web_url(text: str) -> str:
    """`text` if it is an absolute http(s) URL, else "". Anything else in an href (a
    `javascript:` or `data:` URL, however encoded) would run in the reader's browser."""
    url = text.strip()
    if not url or len(url) > FIELD_MAX_CHARS["url"] or _INVISIBLE.search(url):
        return ""
    if re.search(r"[\s<>\"'`\\]", url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in URL_SCHEMES or not parts.hostname:
        return ""
    # Brackets, parentheses and emphasis marks percent-encoded (the same URL to a
    # server): Markdown cannot make a link or a tag of a URL printed into a page.
    return quote(url, safe=URL_SAFE)


# Characters kept as they are in a URL; every other one is percent-encoded.
URL_SAFE = ":/?#@!$&+,;=%-.~"


def is_safe_slug(value: str) -> bool:
    """An id that is safe as a file and URL name (lower-case words joined by hyphens, at
    most an id's length, not a reserved page name): ids read back from a cache or an
    earlier export are checked like ids made from input."""
    return (len(value) <= FIELD_MAX_CHARS["id"] and SAFE_SLUG.match(value) is not None
            and value not in RESERVED_SLUGS)


def first_free(base: str, taken: Container[str]) -> str:
    """`base`, or `base-2`, `base-3`… : the first that is not taken."""
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text, never evaluates (OWASP's CSV injection advice:
    a leading quote)."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class NoAliasLoader(yaml.BaseLoader):
    """YAML for small documents from inputs (front matter, the curation file): values as
    plain strings (no date that fails to construct, no `yes` read as True) and no
    `&anchor`/`*alias`, with which 1.5 KB expands into gigabytes ("billion laughs")."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        return super().compose_node(parent, index)


def contained_path(root: Path, relative: str) -> Path | None:
    """`root / relative` when `relative` is a plain relative path (no `..`, not absolute)
    and no folder on the way is a symbolic link; else None. For paths read back from
    briefgen's own records (manifest, stamp), which are files like any other: a crafted
    `../notes.md` or a linked folder must never make briefgen delete or write outside."""
    parts = relative.split("/")
    if not relative or "\\" in relative or "\0" in relative or any(
        p in {"", ".", ".."} for p in parts
    ):
        return None
    folder = root
    for part in parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            return None
    return root / relative
