"""The `briefgen` MkDocs plugin: raw HTML blocks skip Markdown (and, if excluded from
search, the search indexer too).

Pages carry their long parts (article text, quote lists, listings) as finished HTML
between `<!-- briefgen:raw -->` and `<!-- /briefgen:raw -->`, so content/ stays plain
Markdown that any renderer shows correctly. Python-Markdown would still tokenise every
tag of those blocks, which on the pages of the most-named entities (thousands of
quotes) is most of the build. This plugin lifts each block out before Markdown runs and
puts it back afterwards: blocks marked `data-search-exclude` only after the search
plugin has read the page, since it would skip them anyway. The pages come out as they
would without the plugin, only sooner.
"""

from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin

RAW_BLOCK = re.compile(r"^<!-- briefgen:raw -->\n(.*?)\n<!-- /briefgen:raw -->$", re.M | re.S)
PLACEHOLDER = "<!-- briefgen:block {} -->"
ANY_PLACEHOLDER = re.compile(r"<!-- briefgen:block \d+ -->")
SEARCH_EXCLUDED = re.compile(r"<[a-z]+\b[^>]*\bdata-search-exclude\b")
ANCHOR_ID = re.compile(r"<[a-z][a-z0-9]*\b[^>]*?\bid=\"([^\"]+)\"")


class RawBlocksPlugin(BasePlugin):
    def __init__(self) -> None:
        self._blocks: dict[str, list[str]] = {}

    def on_page_markdown(self, markdown, page, config, files):
        blocks: list[str] = []

        def lift(match: re.Match) -> str:
            blocks.append(match.group(1))
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
