"""render: Briefing → Markdown pages and the data/ export in content/ (MkDocs' docs_dir).

Each page is a Jinja2 template of templates/ given view records (views.py, listings.py);
all article text reaches a page through escape.py's filters, so whatever an article
contains is shown as text, never run as HTML or Markdown. Pages go to content/ through
writer.TreeWriter as they are rendered, so a large corpus's pages are never all in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import cast

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context

from briefgen.changes import Changes
from briefgen.digest import atom_feed, coverage, new_items
from briefgen.escape import front_matter_title, html_text, md_text
from briefgen.export import export, json_bytes
from briefgen.graphs import corpus_graph_svg, ego_graph_svg
from briefgen.links import Links
from briefgen.listings import overview
from briefgen.pagekinds import ENTITY_KINDS, EVENT, PAGE_KINDS, SOURCE
from briefgen.progress import Progress, quiet_progress
from briefgen.records import OTHER, Briefing, Event, Problem
from briefgen.redirects import redirect_pages
from briefgen.slugs import entity_path
from briefgen.suggest import suggestions
from briefgen.tags import TaggedPage, entity_tags, event_tags, tag_index, tag_slugs
from briefgen.urls import Urls, link
from briefgen.views import PageViews, suggestion_view
from briefgen.writer import TreeWriter, WriteResult


def render(
    briefing: Briefing,
    templates_dir: Path,
    docs_dir: Path,
    progress: Progress = quiet_progress,
    changes: Changes | None = None,
    *,
    site_name: str,
    urls: Urls,
) -> WriteResult:
    """Every page and data file of the briefing, written into docs_dir."""
    env = _environment(templates_dir)
    # Statements about nothing of a listed type ("other") are exported but get no page.
    shown = replace(briefing, events=tuple(e for e in briefing.events if e.type != OTHER))
    tags = tag_index(shown)
    env.globals["tag_slug"] = tag_slugs(tags).__getitem__
    total = len(shown.articles) + len(shown.entities) + len(shown.events)
    tree = TreeWriter(docs_dir)
    links = Links(shown, urls)
    lists = overview(shown, links)  # the home page, sections, timeline and report share them
    with progress("render", total) as tick:
        for path, data in _pages(shown, env, links, changes or Changes(), briefing.events,
                                 lists, tags):
            tree.write(path, data)
            tick()
    extra = {
        **export(briefing, urls),
        "data/changes.json": json_bytes((changes or Changes()).as_json()),
        "feed.xml": atom_feed(site_name, new_items(shown, changes or Changes(), urls),
                              home=urls.url("index.md") or "./"),
        **redirect_pages(briefing.redirects, urls),
        **{f"assets/{asset.name}": asset.read_bytes()
           for asset in sorted((templates_dir / "assets").glob("*"))},
    }
    for path, data in extra.items():
        tree.write(path, data)
    suggested = suggestions(shown)
    tree.write("data/suggestions.json", json_bytes([s.as_json() for s in suggested]))
    # Last: it lists files in content/ that this build did not write.
    foreign = tuple(Problem(f"{docs_dir.name}/{path}", "not written by briefgen; left in place "
                            "(MkDocs publishes it with the site)", "warning")
                    for path in tree.foreign())
    tree.write(*_page(env, "report.md.j2", "report.md", problems=briefing.problems + foreign,
                      suggestions=[suggestion_view(s, links) for s in suggested], **lists))
    return tree.finish()


def _environment(templates_dir: Path) -> Environment:
    """Jinja2 for Markdown pages: nothing escaped by default (each value is escaped by
    the filter for where it goes), an unknown name fails the build."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_text
    env.globals.update(entity_tags=entity_tags, event_tags=event_tags)
    env.filters["html"] = html_text
    # Long listings are raw HTML tables (Markdown leaves them alone, which keeps MkDocs
    # fast); their links, like Markdown's, are relative to the page being written
    # (`page_path`), to the target's file (urls.link).
    env.filters["href"] = pass_context(lambda context, path: link(context["page_path"], path))
    env.filters["title"] = front_matter_title
    return env


def _pages(
    briefing: Briefing,
    env: Environment,
    links: Links,
    changes: Changes,
    all_events: tuple[Event, ...],
    lists: dict[str, object],
    tags: dict[str, list[TaggedPage]],
) -> Iterable[tuple[str, bytes]]:
    pages = PageViews(briefing, links, all_events)
    for parsed in briefing.articles:
        yield _page(env, SOURCE.template, SOURCE.path(parsed.article.source_id),
                    source=pages.source(parsed))
    for entity in briefing.entities:
        kind = ENTITY_KINDS[entity.kind]
        yield _page(
            env, kind.template, kind.path(entity.id), kind=kind, entity=pages.entity(entity),
            graph=ego_graph_svg(entity, pages.related[entity.id], links.entities,
                                links.entity),
        )
    for event in briefing.events:
        yield _page(env, EVENT.template, EVENT.path(event.id), event=pages.event(event))
    for kind in PAGE_KINDS:
        yield _page(env, "section.md.j2", kind.index,
                    section=kind.folder, title=kind.title, **lists)
    yield _page(env, "index.md.j2", "index.md", new=new_items(briefing, changes, links.urls),
                changes=changes, coverage=coverage(briefing), **lists)
    yield _page(env, "contested.md.j2", "contested.md", **lists)
    yield _page(env, "graph.md.j2", "graph.md", graph=corpus_graph_svg(
        briefing.entities, pages.related,
        lambda i: link("graph.md", entity_path(links.entities[i]))))
    yield _page(env, "timeline.md.j2", "timeline.md", **lists)
    slug = cast(Callable[[str], str], env.globals["tag_slug"])
    yield _page(env, "tags.md.j2", "tags/index.md", tags=tags)
    for tag, rows in tags.items():
        yield _page(env, "tag.md.j2", f"tags/{slug(tag)}.md", tag=tag, rows=rows)


def _page(env: Environment, template: str, path: str, **context: object) -> tuple[str, bytes]:
    return path, env.get_template(template).render(page_path=path, **context).encode("utf-8")
