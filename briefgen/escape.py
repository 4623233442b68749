"""Text escaped for where it goes in a page. Article text, titles and names come from
files other people sent: shown through these, they are always text, never HTML or
Markdown that runs.
"""

from __future__ import annotations

import html
import json

# Characters Markdown (or an extension) could read as syntax inside running text. Text
# never starts a line in our templates, so "-", "+" and "1." cannot open a list, and with
# "[" escaped no "(" can close a link: leaving those out keeps pages small and fast.
MARKDOWN_SPECIALS = frozenset("\\`*_{}[]#!|~^=:$<>&")


def html_text(text: str) -> str:
    """Article text for raw HTML blocks, which Markdown passes through untouched."""
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """Article text made inert: HTML-escaped and Markdown syntax turned into entities."""
    return "".join(f"&#{ord(c)};" if c in MARKDOWN_SPECIALS else c for c in text)


def front_matter_title(text: str) -> str:
    """A page title for front matter: a JSON string (valid YAML whatever it holds) of
    HTML-escaped text, because Material prints `page.meta.title` into the header and
    the `<title>` unescaped, and search shows it as HTML."""
    return json.dumps(html.escape(str(text), quote=True), ensure_ascii=False)
