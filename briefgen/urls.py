"""Where each page lives: its Markdown file under content/, its URL on the built site,
and the links between pages.

MkDocs serves `actors/x.md` at `actors/x/` with `use_directory_urls: true` (its default)
and at `actors/x.html` without. It rewrites the links of Markdown, but not those of raw
HTML (the long tables, the graphs, the quoted sentences) nor the URLs briefgen exports,
so every one of those comes from here: both settings give a site whose links all land.

Ids and redirects are kept between builds in one canonical form, the directory URL
(`actors/x/`), whatever the site's setting; `Urls` turns them into the site's own.
"""

from __future__ import annotations

from dataclasses import dataclass


def canonical_url(content_path: str) -> str | None:
    """The directory URL of a Markdown page (`actors/x.md` → `actors/x/`, `index.md` →
    ``); None for other files."""
    if not content_path.endswith(".md"):
        return None
    stem = content_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def content_path(url: str) -> str:
    """The Markdown page behind a page's URL in either form (`actors/x/` and
    `actors/x.html` are `actors/x.md`). Only ids and redirects (entity and event pages)
    are kept as URLs, so `x/` is read as `x.md`, never as a folder's `x/index.md`."""
    if url.endswith(".html"):
        return url[: -len(".html")] + ".md"
    return url.rstrip("/") + ".md" if url else "index.md"


@dataclass(frozen=True)
class Urls:
    """The URL scheme of one site: with directory URLs (MkDocs' default) or without."""

    directory: bool  # MkDocs' use_directory_urls, as Settings.directory_urls reads it

    def url(self, path: str) -> str:
        """The URL, from the site's root, of the page at `path` under content/."""
        canonical = canonical_url(path)
        if canonical is None:
            return path
        if self.directory:
            return canonical
        return path[: -len(".md")] + ".html"

    def to_root(self, path: str) -> str:
        """The relative way up from the page at `path` to the site's root: `../../`
        from `actors/x/`, `../` from `actors/x.html`."""
        return "../" * self.url(path).count("/")

    def href(self, from_path: str, to_path: str, anchor: str = "") -> str:
        """A relative link, for raw HTML, from one page to another (or to an anchor)."""
        return self.to_root(from_path) + self.url(to_path) + (f"#{anchor}" if anchor else "")

    def output(self, path: str) -> str:
        """The file MkDocs writes for the page at `path`, relative to the site."""
        url = self.url(path)
        return url + "index.html" if path.endswith(".md") and (
            url == "" or url.endswith("/")) else url

    def of(self, canonical: str) -> str:
        """A URL kept in canonical form (an id's, a redirect's), as this site serves it."""
        return self.url(content_path(canonical))
