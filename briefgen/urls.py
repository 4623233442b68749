"""Where each page lives: its Markdown file under content/, its URL on the built site,
and the links between pages.

MkDocs serves `actors/x.md` at `actors/x/` with `use_directory_urls: true` (its default)
and at `actors/x.html` without. content/ links one page to another in one form, in
Markdown and raw HTML alike: relative to the linking file, to the target's file
(`../sources/a.md#s-3` from `actors/x.md`, see `link`), as links between files are read
on GitHub or in an editor. Each engine turns that into the site's URLs for either
setting: MkDocs in Markdown links; the briefgen plugin (`Urls.resolve`) in the raw HTML
blocks (the long tables, the graphs, the quoted sentences), which MkDocs leaves as
written; Zensical in both, as it reads every relative link in a page from the page's
file. A link written as a URL instead (`../../sources/a/`) would land under one engine
only: MkDocs reads it from the page's URL, Zensical from its file's folder. The URLs
briefgen exports (data/, the feed, redirect pages) come from `Urls` too.

Ids and redirects are kept between builds in one canonical form, the directory URL
(`actors/x/`), whatever the site's setting; `Urls` turns them into the site's own.
"""

from __future__ import annotations

import posixpath
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


def link(from_path: str, to_path: str, anchor: str = "") -> str:
    """The link, as content/ holds it, from the page at `from_path` to the file at
    `to_path` (or an anchor in it), both under content/: `../sources/a.md#s-3` from
    `actors/x.md`, `events/e.md` from `timeline.md`."""
    return "../" * from_path.count("/") + to_path + (f"#{anchor}" if anchor else "")


def link_target(from_path: str, href: str) -> tuple[str, str] | None:
    """The file under content/ that a link in the page at `from_path` leads to, read
    as `link` writes it, and the rest of the link (`?query#anchor`); None for a link
    that is not relative to the page's file (`https://…`, `/x/`, `#s-3`, `mailto:…`) or
    that climbs out of content/."""
    path, hash_, fragment = href.partition("#")
    path, question, query = path.partition("?")
    if not path or path.startswith("/") or ":" in path.partition("/")[0]:  # a scheme
        return None
    folder = from_path.rpartition("/")[0]
    target = posixpath.normpath(f"{folder}/{path}" if folder else path)
    if target == ".." or target.startswith("../"):
        return None
    if target == "." or path.endswith("/"):  # a folder, as in `../actors/`
        target = "" if target == "." else target + "/"
    return target, f"{question}{query}{hash_}{fragment}"


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
        """The relative URL, as this site serves the pages, from one page to another
        (or to an anchor)."""
        return self.to_root(from_path) + self.url(to_path) + (f"#{anchor}" if anchor else "")

    def resolve(self, from_path: str, href: str) -> str | None:
        """The relative URL, as this site serves the pages, of a link as content/ holds
        it (see `link`) in the page at `from_path`; None for a link that is not relative
        to the page's file, which stays as written."""
        target = link_target(from_path, href)
        if target is None:
            return None
        path, rest = target
        return (self.href(from_path, path) + rest) or "./"

    def output(self, path: str) -> str:
        """The file MkDocs writes for the page at `path`, relative to the site."""
        url = self.url(path)
        return url + "index.html" if path.endswith(".md") and (
            url == "" or url.endswith("/")) else url

    def of(self, canonical: str) -> str:
        """A URL kept in canonical form (an id's, a redirect's), as this site serves it."""
        return self.url(content_path(canonical))
