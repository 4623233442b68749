"""The `briefgen` MkDocs plugin: raw HTML blocks skip Markdown (and, if excluded from
search, the search indexer too), and their links are resolved as MkDocs resolves those
of Markdown.

Pages carry their long parts (article text, quote lists, listings) as finished HTML
between `<!-- briefgen:raw -->` and `<!-- /briefgen:raw -->`, so content/ stays plain
Markdown that any renderer shows correctly. Python-Markdown would still tokenise every
tag of those blocks, which on the pages of the most-named entities (thousands of
quotes) is most of the build. This plugin lifts each block out before Markdown runs and
puts it back afterwards: blocks marked `data-search-exclude` only after the search
plugin has read the page, since it would skip them anyway.

The blocks' links are written like Markdown's, relative to the page's file and to the
target's `.md` file (urls.link), which is how Zensical and any Markdown viewer read a
link in raw HTML. MkDocs leaves raw HTML as written, so this plugin turns each relative
`href` and `src` of a block into the URL MkDocs gives the target (urls.Urls.resolve),
for either setting of `use_directory_urls`; a link to a file that is not in the site is
left as written, with a warning, as MkDocs does for Markdown. Without the plugin, MkDocs
builds the same pages except for those links, which then do not land.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files

from briefgen.urls import Urls, link_target

log = get_plugin_logger(__name__)

RAW_BLOCK = re.compile(r"^<!-- briefgen:raw -->\n(.*?)\n<!-- /briefgen:raw -->$", re.M | re.S)
PLACEHOLDER = "<!-- briefgen:block {} -->"
ANY_PLACEHOLDER = re.compile(r"<!-- briefgen:block \d+ -->")
SEARCH_EXCLUDED = re.compile(r"<[a-z]+\b[^>]*\bdata-search-exclude\b")
ANCHOR_ID = re.compile(r"<[a-z][a-z0-9]*\b[^>]*?\bid=\"([^\"]+)\"")
# A link of a block. Text in a block is escaped (escape.html_text: no raw `"` or `<`),
# so `href="…"` is always an attribute; briefgen's templates put one space before it.
LINK = re.compile(r"( (?:href|src)=\")([^\"]*)\"")


class RawBlocksPlugin(BasePlugin):
    def __init__(self) -> None:
        self._blocks: dict[str, list[str]] = {}
        # Set by siteparts: the pages this process renders of a dirty build, and whether
        # it leaves every other file (static files) to another process.
        self.only: tuple[frozenset[str], bool] | None = None

    def on_files(self, files, config):
        """With `only` set, every other page (and, alone, every other file) counts as
        unmodified, so MkDocs' dirty build renders this process's part alone."""
        if self.only is None:
            return files
        pages, alone = self.only
        for file in files:
            if file.src_uri not in pages and (alone or file.is_documentation_page()):
                file.is_modified = _unmodified
        return files

    def on_page_markdown(self, markdown, page, config, files):
        blocks: list[str] = []
        resolve = _link_resolver(page.file.src_uri, Urls(bool(config["use_directory_urls"])),
                                 files)

        def lift(match: re.Match) -> str:
            blocks.append(LINK.sub(resolve, match.group(1)))
            return PLACEHOLDER.format(len(blocks) - 1)

        markdown = RAW_BLOCK.sub(lift, markdown)
        if blocks:
            self._blocks[page.file.src_uri] = blocks
        return markdown

    def on_page_content(self, html, page, config, files):
        """Put back what search should read (e.g. an article's text), and tell MkDocs
        the anchors the blocks hold, which links from other pages are checked against."""
        if page.present_anchor_ids is not None:
            for block in self._blocks.get(page.file.src_uri, ()):
                page.present_anchor_ids.update(ANCHOR_ID.findall(block))
        return self._put_back(html, page.file.src_uri, searchable=True)

    def on_post_page(self, output, page, config):
        """Put back the rest, once the page is rendered and indexed."""
        output = self._put_back(output, page.file.src_uri, searchable=False)
        self._blocks.pop(page.file.src_uri, None)
        return output

    def _put_back(self, html: str, page: str, searchable: bool) -> str:
        blocks = self._blocks.get(page)
        if not blocks:
            return html
        wanted = {
            PLACEHOLDER.format(n): block
            for n, block in enumerate(blocks)
            if (SEARCH_EXCLUDED.match(block) is None) == searchable
        }
        if not wanted:
            return html
        return ANY_PLACEHOLDER.sub(lambda m: wanted.get(m[0], m[0]), html)


def _unmodified() -> bool:
    return False


def _link_resolver(page: str, urls: Urls, files: Files) -> Callable[[re.Match[str]], str]:
    """A `LINK.sub` replacement for the blocks of `page` (under docs_dir): each link
    relative to the page's file, as the URL this site serves its target at."""
    resolved: dict[str, str] = {}  # by path: a page links to many sentences of one source

    def resolve_path(path: str) -> str:
        target = link_target(page, path)
        if target is None:
            return path
        file, rest = target
        if files.get_file_from_path(file if file and not file.endswith("/")
                                    else file + "index.md") is None:
            log.warning("Doc file '%s' contains a link '%s' in a raw HTML block, but the "
                        "target '%s' is not found among documentation files.", page, path, file)
            return path
        return (urls.href(page, file) + rest) or "./"  # as Urls.resolve

    def resolve(match: re.Match[str]) -> str:
        path, hash_, anchor = match[2].partition("#")
        if path not in resolved:
            resolved[path] = resolve_path(path) if path else path
        return f'{match[1]}{resolved[path]}{hash_}{anchor}"'

    return resolve
