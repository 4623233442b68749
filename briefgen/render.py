"""render: Briefing → Markdown pages and JSON export in content/ (MkDocs' docs_dir).

Templates in templates/ get small view objects built here; all article text passes
through `md_text`, so whatever an article contains is shown as text, never run as HTML
or Markdown. Pages go to content/ through writer.TreeWriter as they are rendered.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import cast

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context

from briefgen.changes import Changes
from briefgen.digest import atom_feed, coverage, independent_outlets, is_contested, new_items
from briefgen.escape import front_matter_title, html_text, md_text
from briefgen.export import export, json_bytes
from briefgen.graphs import corpus_graph_svg, ego_graph_svg
from briefgen.links import Links
from briefgen.pagekinds import ENTITY_KINDS, EVENT, PAGE_KINDS, SOURCE
from briefgen.progress import Progress, quiet_progress
from briefgen.records import (
    OTHER,
    Briefing,
    Entity,
    EntityId,
    Event,
    ParsedArticle,
    Problem,
    Sentence,
    SourceId,
    sentence_number,
)
from briefgen.redirects import redirect_pages
from briefgen.slugs import entity_path, event_path
from briefgen.suggest import Suggestion, suggestions
from briefgen.tags import entity_tags, event_tags, tag_index, tag_slugs
from briefgen.urls import DIRECTORY_URLS, Urls
from briefgen.writer import TreeWriter, WriteResult

TOP_N = 15
RELATED_N = 12


def render(
    briefing: Briefing,
    templates_dir: Path,
    docs_dir: Path,
    progress: Progress = quiet_progress,
    changes: Changes | None = None,
    site_name: str = "Briefing",
    urls: Urls = DIRECTORY_URLS,
) -> WriteResult:
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
    # fast); their links are final URLs from the page being written (`page_path`).
    env.filters["href"] = pass_context(
        lambda context, path: urls.href(context["page_path"], path))
    env.filters["title"] = front_matter_title
    # Statements about nothing of a listed type ("other") are exported but get no page.
    shown = replace(briefing, events=tuple(e for e in briefing.events if e.type != OTHER))
    tags = tag_index(shown)
    env.globals["tag_slug"] = tag_slugs(tags).__getitem__
    total = len(shown.articles) + len(shown.entities) + len(shown.events)
    tree = TreeWriter(docs_dir)
    links = Links(shown, urls)
    views = _overview(shown, links)  # the home page, sections, timeline and report share it
    with progress("render", total) as tick:
        for path, data in _pages(shown, env, links, changes or Changes(), briefing.events,
                                 views, tags):
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
                      suggestions=[_suggestion_view(s, links) for s in suggested], **views))
    return tree.finish()


def _suggestion_view(suggestion: Suggestion, links: Links) -> dict:
    """A suggestion for the report page (at the top level of the site)."""
    return {
        "action": suggestion.action, "score": suggestion.score, "why": suggestion.why,
        "line": suggestion.curation_line(),
        "entities": [{"name": links.entities[i].name, "url": links.entity(i, depth=0)}
                     for i in suggestion.ids],
        "evidence": [links.sentence(source, sentence, depth=0)
                     for source, sentence in suggestion.evidence],
    }


def _pages(
    briefing: Briefing,
    env: Environment,
    links: Links,
    changes: Changes,
    all_events: tuple[Event, ...],
    views: dict,
    tags: dict[str, list[dict]],
) -> Iterable[tuple[str, bytes]]:
    entity_index = _mention_index(briefing.entities)
    related = _co_mentions(briefing)
    events_of = _events_by_entity(briefing.events)
    statements = _statements_by_speaker(all_events, links)
    for parsed in briefing.articles:
        yield _page(env, SOURCE.template, SOURCE.path(parsed.article.source_id),
                    source=_source_view(parsed, entity_index, links))
    for entity in briefing.entities:
        kind = ENTITY_KINDS[entity.kind]
        yield _page(
            env, kind.template, kind.path(entity.id), kind=kind,
            entity=_entity_view(entity, links, related[entity.id], events_of[entity.id],
                                statements.get(entity.id, [])),
            graph=ego_graph_svg(entity, related[entity.id], links.entities, links.entity_href),
        )
    for event in briefing.events:
        yield _page(env, EVENT.template, EVENT.path(event.id),
                    event=_event_view(event, links))
    for kind in PAGE_KINDS:
        yield _page(env, "section.md.j2", kind.index,
                    section=kind.folder, title=kind.title, **views)
    yield _page(env, "index.md.j2", "index.md", new=new_items(briefing, changes),
                changes=changes, coverage=coverage(briefing), **views)
    yield _page(env, "contested.md.j2", "contested.md", **views)
    yield _page(env, "graph.md.j2", "graph.md", graph=corpus_graph_svg(
        briefing.entities, related,
        lambda i: links.urls.href("graph.md", entity_path(links.entities[i]))))
    yield _page(env, "timeline.md.j2", "timeline.md", **views)
    slug = cast(Callable[[str], str], env.globals["tag_slug"])
    yield _page(env, "tags.md.j2", "tags/index.md", tags=tags)
    for tag, rows in tags.items():
        yield _page(env, "tag.md.j2", f"tags/{slug(tag)}.md", tag=tag, rows=rows)


def _page(env: Environment, template: str, path: str, **context: object) -> tuple[str, bytes]:
    return path, env.get_template(template).render(page_path=path, **context).encode("utf-8")


def _mention_index(entities: Iterable[Entity]) -> dict[SourceId, dict[int, tuple[int, Entity]]]:
    index: dict[SourceId, dict[int, tuple[int, Entity]]] = defaultdict(dict)
    for entity in entities:
        for ref in entity.mentions:
            index[ref.source][ref.start] = (ref.end, entity)
    return index


def _linked_sentence(
    sentence: Sentence, mentions: dict[int, tuple[int, Entity]], links: Links
) -> str:
    """The sentence as HTML, each resolved mention linked to its entity page."""
    out, cursor = [], sentence.start
    for start in sorted(m for m in mentions if sentence.start <= m < sentence.end):
        end, entity = mentions[start]
        if start < cursor:
            continue
        end = min(end, sentence.end)
        out.append(html_text(sentence.text[cursor - sentence.start : start - sentence.start]))
        label = html_text(sentence.text[start - sentence.start : end - sentence.start])
        out.append(f'<a href="{links.entity_href(entity.id)}" title="{html_text(entity.name)}">'
                   f"{label}</a>")
        cursor = end
    out.append(html_text(sentence.text[cursor - sentence.start :]))
    return "".join(out)


def _source_view(parsed: ParsedArticle, index: dict, links: Links) -> dict:
    mentions = index.get(parsed.article.source_id, {})
    paragraphs: dict[int, list[dict]] = defaultdict(list)
    for sentence in parsed.sentences:
        paragraphs[sentence.paragraph].append(
            {"id": sentence.id, "html": _linked_sentence(sentence, mentions, links)}
        )
    return {"article": parsed.article, "paragraphs": [paragraphs[k] for k in sorted(paragraphs)],
            "sentences": len(parsed.sentences)}


def _quote(parsed: ParsedArticle, sentence_id: str, spans: list[tuple[int, int]]) -> str:
    """A sentence quoted for a backlink, as HTML, with the mentioned words in bold."""
    sentence = parsed.sentence(sentence_id)  # type: ignore[arg-type]
    out, cursor = [], sentence.start
    for start, end in sorted(spans):
        if start < cursor:
            continue
        out.append(html_text(parsed.article.text[cursor:start]))
        out.append(f"<strong>{html_text(parsed.article.text[start:end])}</strong>")
        cursor = end
    out.append(html_text(parsed.article.text[cursor : sentence.end]))
    return "".join(out)


def _entity_view(
    entity: Entity, links: Links, related: Counter, events: list[Event], statements: list[dict]
) -> dict:
    by_source: dict[SourceId, dict[str, list[tuple[int, int]]]] = defaultdict(dict)
    for ref in entity.mentions:
        by_source[ref.source].setdefault(ref.sentence, []).append((ref.start, ref.end))
    groups = []
    for source in sorted(by_source, key=links.order.__getitem__):
        parsed = links.sources[source]
        quotes = [
            {"url": links.sentence_href(source, sid), "sentence": sid,
             "html": _quote(parsed, sid, spans)}
            for sid, spans in sorted(by_source[source].items(),
                                     key=lambda kv: sentence_number(kv[0]))
        ]
        groups.append({"title": parsed.article.title, "url": links.source_href(source),
                       "page": f"../{SOURCE.path(source)}",
                       "outlet": parsed.article.outlet, "quotes": quotes})
    return {
        "entity": entity,
        "groups": groups,
        "sources": len(by_source),
        "related": [
            {"name": links.entities[other].name, "url": links.entity(other), "count": n,
             "kind": links.entities[other].kind}
            for other, n in sorted(related.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED_N]
        ],
        "events": [{"title": e.title, "url": links.event_href(e.id), "date": e.date}
                   for e in events],
        "statements": statements,
    }


def _statements_by_speaker(events: Iterable[Event], links: Links) -> dict[EntityId, list[dict]]:
    """Each actor's claims, once per sentence, with the event they are about."""
    out: dict[EntityId, dict[tuple, dict]] = defaultdict(dict)
    for event in events:
        for c in event.claims:
            if c.speaker_id is None:
                continue
            place = (links.order[c.source], sentence_number(c.sentence), c.cue)
            out[c.speaker_id].setdefault(place, {
                "stance": c.stance, "cue": html_text(c.cue),
                "url": links.sentence_href(c.source, c.sentence),
                "html": html_text(c.text), "event": html_text(event.title),
                "event_url": links.event_href(event.id) if event.type != OTHER else "",
                "source": html_text(links.sources[c.source].article.title),
            })
    return {k: [v[key] for key in sorted(v)] for k, v in out.items()}


def _co_mentions(briefing: Briefing) -> dict[EntityId, Counter]:
    """Entities named in the same sentence, counted once per sentence."""
    in_sentence: dict[tuple[SourceId, str], set[EntityId]] = defaultdict(set)
    for entity in briefing.entities:
        for ref in entity.mentions:
            in_sentence[(ref.source, ref.sentence)].add(entity.id)
    related: dict[EntityId, Counter] = defaultdict(Counter)
    for ids in in_sentence.values():
        for a in ids:
            related[a].update(b for b in ids if b != a)
    return related


def _events_by_entity(events: Iterable[Event]) -> dict[EntityId, list[Event]]:
    out: dict[EntityId, list[Event]] = defaultdict(list)
    for event in events:
        for entity_id in dict.fromkeys(event.actors + event.targets + event.bases + event.places):
            out[entity_id].append(event)
    return out


def _event_view(event: Event, links: Links) -> dict:
    def named(ids: Iterable[EntityId]) -> list[dict]:
        return [{"name": links.entities[i].name, "url": links.entity(i)} for i in ids]

    def claims(stance: str) -> list[dict]:
        return [
            {"speaker": c.speaker, "speaker_url": links.entity(c.speaker_id) if c.speaker_id
             else "", "cue": c.cue, "url": links.sentence(c.source, c.sentence),
             "markdown": md_text(c.text), "source": links.sources[c.source].article.title}
            for c in event.claims if c.stance == stance
        ]

    quotes = [
        {"url": links.sentence_href(m.source, m.sentence),
         "html": _quote(links.sources[m.source], m.sentence, []),
         "source": html_text(links.sources[m.source].article.title)}
        for m in event.mentions
    ]
    return {"event": event, "actors": named(event.actors), "targets": named(event.targets),
            "bases": named(event.bases), "places": named(event.places),
            "asserts": claims("asserts"), "denies": claims("denies"), "quotes": quotes}


def _overview(briefing: Briefing, links: Links) -> dict:
    """Lists shared by the home page, the section indexes and the timeline."""
    def rows(kind: str) -> list[dict]:
        chosen = [e for e in briefing.entities if e.kind == kind]
        chosen.sort(key=lambda e: (-len(e.mentions), e.name))
        return [{"name": e.name, "type": e.type, "mentions": len(e.mentions),
                 "sources": len(e.sources), "path": entity_path(e)}
                for e in chosen]

    outlets = {e.id: independent_outlets(e, links.sources) for e in briefing.events}
    events = sorted(briefing.events, key=lambda e: (-outlets[e.id], -len(e.mentions), e.title))
    return {
        "sources": [
            {"title": p.article.title, "outlet": p.article.outlet,
             "published": p.article.published, "sentences": len(p.sentences),
             "path": SOURCE.path(p.article.source_id), "file": p.article.path}
            for p in briefing.articles
        ],
        "entity_rows": {kind.folder: rows(name) for name, kind in ENTITY_KINDS.items()},
        "event_rows": [
            {"title": e.title, "type": e.type, "date": e.date, "sort_date": e.sort_date,
             "quantity": e.quantity, "mentions": len(e.mentions),
             "sources": len({m.source for m in e.mentions}),
             "asserts": sum(c.stance == "asserts" for c in e.claims),
             "denies": sum(c.stance == "denies" for c in e.claims),
             "outlets": outlets[e.id], "contested": is_contested(e),
             "actors": [links.entities[a].name for a in e.actors[:3]],
             "where": [links.entities[w].name for w in (e.bases + e.places)[:2]],
             "reported_by": sorted({c.speaker for c in e.claims if c.stance == "asserts"}),
             "denied_by": sorted({c.speaker for c in e.claims if c.stance == "denies"}),
             "path": event_path(e.id)}
            for e in events
        ],
        "top_n": TOP_N,
        "problem_count": len(briefing.problems),
    }
