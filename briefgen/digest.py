"""The briefing's front matter: coverage, corroboration, contested events, what's new,
and the same "new" list as an Atom feed.

Corroboration counts independent outlets, not sentences: two articles of one outlet, or
one story saved twice, count once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, timezone
from xml.sax.saxutils import escape, quoteattr

from briefgen.changes import Changes
from briefgen.pagekinds import SOURCE
from briefgen.records import Briefing, Entity, Event, ParsedArticle, SourceId
from briefgen.slugs import entity_path, event_path
from briefgen.urls import Urls


def outlet_of(parsed: ParsedArticle) -> str:
    """The outlet, or the article itself when no outlet is known (it counts as one)."""
    return parsed.article.outlet or f"({parsed.article.title})"


def independent_outlets(event: Event, sources: Mapping[SourceId, ParsedArticle]) -> int:
    return len({outlet_of(sources[m.source]) for m in event.mentions})


def is_contested(event: Event) -> bool:
    stances = {c.stance for c in event.claims}
    return {"asserts", "denies"} <= stances


def coverage(briefing: Briefing) -> dict:
    outlets: dict[str, int] = {}
    for parsed in briefing.articles:
        if parsed.article.outlet:
            outlets[parsed.article.outlet] = outlets.get(parsed.article.outlet, 0) + 1
    published = sorted(p.article.published for p in briefing.articles if p.article.published)
    stated = sorted(e.sort_date for e in briefing.events if e.sort_date)
    return {
        "outlets": sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])),
        "published_from": published[0] if published else "",
        "published_to": published[-1] if published else "",
        "events_from": stated[0] if stated else "",
        "events_to": stated[-1] if stated else "",
    }


def new_items(briefing: Briefing, changes: Changes, urls: Urls) -> dict[str, list[dict]]:
    """The new sources, entities and events, with their page paths (content-relative)
    and URLs (from the site's root)."""
    # keyed by plain strings: the "new" lists hold the ids as read back from JSON
    sources: dict[str, ParsedArticle] = {p.article.source_id: p for p in briefing.articles}
    entities: dict[str, Entity] = {e.id: e for e in briefing.entities}
    events = {e.id: e for e in briefing.events}
    return {
        "sources": [{"title": sources[s].article.title, "path": SOURCE.path(s),
                     "url": urls.url(SOURCE.path(s)), "id": f"source:{s}",
                     "published": sources[s].article.published}
                    for s in changes.sources if s in sources],
        "entities": [{"title": entities[e].name, "path": entity_path(entities[e]),
                      "url": urls.url(entity_path(entities[e])), "id": f"entity:{e}",
                      "published": "",
                      "kind": entities[e].kind}
                     for e in changes.entities if e in entities],
        "events": [{"title": events[e].title, "path": event_path(e), "url": urls.url(event_path(e)),
                    "id": f"event:{e}", "published": events[e].sort_date}
                   for e in changes.events if e in events],
    }


def atom_feed(title: str, items: dict[str, list[dict]], home: str = "./") -> bytes:
    """An Atom feed of what is new; links are relative to the feed, as Atom allows.
    An article's entry is dated by its publication; an event or entity is new with the
    articles that brought it, so its entry takes the newest of their dates (not the
    event's own date, years back, which a feed reader would file under the past). With
    no dated article, SOURCE_DATE_EPOCH. The same inputs give the same feed, so a
    rebuild never shows an entry as new twice."""
    built = _epoch()
    news = max((_timestamp(i["published"]) for i in items["sources"]), default="") or built
    entries = []
    for kind, label in (("sources", "New article"), ("events", "New event"),
                        ("entities", "New entity")):
        for item in items[kind]:
            updated = (_timestamp(item["published"]) if kind == "sources" else "") or news
            entries.append(
                f"  <entry>\n    <title>{escape(label + ': ' + item['title'])}</title>\n"
                f"    <link href={quoteattr(item['url'])}/>\n"
                f"    <id>urn:briefgen:{escape(item['id'])}</id>\n"
                f"    <updated>{updated}</updated>\n  </entry>\n"
            )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{escape(title)}: what is new</title>\n"
        f"  <link href={quoteattr(home)}/>\n  <link rel=\"self\" href=\"feed.xml\"/>\n"
        "  <id>urn:briefgen:feed</id>\n"
        f"  <updated>{news}</updated>\n" + "".join(entries) + "</feed>\n"
    )
    return feed.encode("utf-8")


def _epoch() -> str:
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _timestamp(iso_date: str) -> str:
    if len(iso_date) == 10 and iso_date[4] == "-":
        return f"{iso_date}T00:00:00Z"
    return ""
