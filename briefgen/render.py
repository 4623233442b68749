"""render: Briefing → Markdown pages and the data/ export in content/ (MkDocs' docs_dir).

Each page is a Jinja2 template of templates/ given view records (views.py, listings.py);
all article text reaches a page through escape.py's filters, so whatever an article
contains is shown as text, never run as HTML or Markdown. Pages go to content/ through
writer.TreeWriter as they are rendered, so a large corpus's pages are never all in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
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
from briefgen.pagekeys import PageSpec, RenderedPages, page_key, render_stamp
from briefgen.pagekinds import ENTITY_KINDS, EVENT, PAGE_KINDS, SOURCE, PageKind
from briefgen.progress import Progress, quiet_progress
from briefgen.records import OTHER, Briefing, Entity, Event, ParsedArticle, Problem
from briefgen.redirects import redirect_pages
from briefgen.renderparts import PagePlan, render_in_parts
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
    rendered: Path | None = None,
    processes: int | None = None,
) -> WriteResult:
    """Every page and data file of the briefing, written into docs_dir. `rendered` is
    where each page's inputs are recorded (pagekeys), for the next build to skip pages
    whose inputs did not change. The pages are shared between `processes` processes
    (renderparts)."""
    env = _environment(templates_dir)
    # Statements about nothing of a listed type ("other") are exported but get no page.
    shown = replace(briefing, events=tuple(e for e in briefing.events if e.type != OTHER))
    tags = tag_index(shown)
    env.globals["tag_slug"] = tag_slugs(tags).__getitem__
    total = len(shown.articles) + len(shown.entities) + len(shown.events)
    tree = TreeWriter(docs_dir, RenderedPages(rendered))
    links = Links(shown, urls)
    lists = overview(shown, links)  # the home page, sections, timeline and report share them
    # Pages whose records are those they were last rendered from are not rendered again.
    stamp = render_stamp(templates_dir, tag_slugs(tags))
    plans = list(_pages(shown, links, changes or Changes(), briefing.events, lists, tags, env))

    def one(plan: PagePlan) -> None:
        page = PageSpec(plan.path, plan.template, plan.context())
        key = page_key(stamp, page)
        if not tree.keep_if_current(page.path, key):
            tree.write(page.path, _rendered(env, page), key)

    with progress("render", total) as tick:
        render_in_parts(plans, one, tree, processes or 1, tick)
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
    links: Links,
    changes: Changes,
    all_events: tuple[Event, ...],
    lists: dict[str, object],
    tags: dict[str, list[TaggedPage]],
    env: Environment,
) -> Iterable[PagePlan]:
    """Every page, its records built only when asked for (a part renders its own)."""
    pages = PageViews(briefing, links, all_events)

    def source(parsed: ParsedArticle) -> dict[str, object]:
        return {"source": pages.source(parsed)}

    def entity(entity: Entity) -> dict[str, object]:
        return {"kind": ENTITY_KINDS[entity.kind], "entity": pages.entity(entity),
                "graph": ego_graph_svg(entity, pages.related[entity.id], links.entities,
                                       links.entity)}

    def event(event: Event) -> dict[str, object]:
        return {"event": pages.event(event)}

    for parsed in briefing.articles:
        yield PagePlan(SOURCE.path(parsed.article.source_id), SOURCE.template,
                       partial(source, parsed))
    for one in briefing.entities:
        kind = ENTITY_KINDS[one.kind]
        yield PagePlan(kind.path(one.id), kind.template, partial(entity, one))
    for one_event in briefing.events:
        yield PagePlan(EVENT.path(one_event.id), EVENT.template, partial(event, one_event))
    for kind in PAGE_KINDS:
        yield PagePlan(kind.index, "section.md.j2", partial(_section, kind, lists))
    yield PagePlan("index.md", "index.md.j2", lambda: {
        "new": new_items(briefing, changes, links.urls), "changes": changes,
        "coverage": coverage(briefing), **lists})
    yield PagePlan("contested.md", "contested.md.j2", partial(dict, lists))
    yield PagePlan("graph.md", "graph.md.j2", lambda: {"graph": corpus_graph_svg(
        briefing.entities, pages.related,
        lambda i: link("graph.md", entity_path(links.entities[i])))})
    yield PagePlan("timeline.md", "timeline.md.j2", partial(dict, lists))
    slug = cast(Callable[[str], str], env.globals["tag_slug"])
    yield PagePlan("tags/index.md", "tags.md.j2", partial(dict, tags=tags))
    for tag, rows in tags.items():
        yield PagePlan(f"tags/{slug(tag)}.md", "tag.md.j2", partial(dict, tag=tag, rows=rows))


def _section(kind: PageKind, lists: dict[str, object]) -> dict[str, object]:
    return {"section": kind.folder, "title": kind.title, **lists}


def _rendered(env: Environment, page: PageSpec) -> bytes:
    return env.get_template(page.template).render(page_path=page.path,
                                                  **page.context).encode("utf-8")


def _page(env: Environment, template: str, path: str, **context: object) -> tuple[str, bytes]:
    return path, _rendered(env, PageSpec(path, template, context))
