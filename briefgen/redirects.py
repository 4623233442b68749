"""Pages at the URLs that went away: an entity renamed or merged, an event joined
into another. Readers bookmark and cite these pages, so each old URL keeps a small HTML
page sending the reader on, and data/redirects.json keeps the list for the next build.
"""

from __future__ import annotations

from briefgen.export import json_bytes
from briefgen.urls import Urls, content_path


def redirect_pages(redirects: tuple[tuple[str, str], ...], urls: Urls) -> dict[str, bytes]:
    """A static page at each old entity or event URL that sends the reader to the new one (the
    same page mkdocs-redirects writes), and the list in data/ for the next build (in the
    canonical form of urls.py)."""
    pages = {"data/redirects.json": json_bytes(dict(redirects))}
    for old, new in redirects:
        target = urls.to_root(content_path(old)) + urls.of(new)
        pages[urls.output(content_path(old))] = REDIRECT_HTML.format(url=target).encode("utf-8")
    return pages


REDIRECT_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved</title>
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
<meta name="robots" content="noindex">
</head>
<body>This page has moved to <a href="{url}">{url}</a>.</body>
</html>
"""
