"""The machine-readable export in content/data/ (published under data/): entities,
events and sources as JSON, in the contract the README gives ("The export": readers
and the next build's memory depend on its shape), and events as CSV for spreadsheets.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from briefgen.links import Links
from briefgen.pagekinds import SOURCE
from briefgen.records import OTHER, Briefing, Entity, EntityId, Event, ParsedArticle
from briefgen.sanitize import csv_cell
from briefgen.slugs import entity_path, event_path
from briefgen.urls import Urls


def export(briefing: Briefing, urls: Urls) -> dict[str, bytes]:
    """Every file of the export, by its path under content/."""
    links = Links(briefing, urls)
    return {
        "data/entities.json": json_bytes([_entity(e, urls) for e in briefing.entities]),
        "data/events.json": json_bytes([_event(e, urls) for e in briefing.events]),
        "data/sources.json": json_bytes([_source(p, urls) for p in links.sources.values()]),
        "data/events.csv": events_csv(briefing, links),
    }


def _entity(e: Entity, urls: Urls) -> dict:
    return {
        "id": e.id, "name": e.name, "kind": e.kind, "type": e.type,
        "aliases": [a for a, _ in e.aliases] + list(e.short_forms), "roles": list(e.roles),
        "url": urls.url(entity_path(e)),
        "mentions": [{"source": m.source, "sentence": m.sentence, "text": m.text}
                     for m in e.mentions],
    }


def _event(e: Event, urls: Urls) -> dict:
    """Every event, with a page or not ("other": a statement about nothing listed)."""
    return {
        "id": e.id, "title": e.title, "type": e.type, "date": e.date,
        "sort_date": e.sort_date, "quantity": e.quantity,
        "actors": list(e.actors), "targets": list(e.targets), "bases": list(e.bases),
        "places": list(e.places), "url": urls.url(event_path(e.id)) if e.type != OTHER else "",
        "mentions": [{"source": m.source, "sentence": m.sentence} for m in e.mentions],
        "claims": [{"speaker": c.speaker, "speaker_id": c.speaker_id, "stance": c.stance,
                    "cue": c.cue, "source": c.source, "sentence": c.sentence, "text": c.text}
                   for c in e.claims],
    }


def _source(p: ParsedArticle, urls: Urls) -> dict:
    return {
        "id": p.article.source_id, "title": p.article.title, "outlet": p.article.outlet,
        "url": p.article.url, "published": p.article.published, "path": p.article.path,
        "page": urls.url(SOURCE.path(p.article.source_id)),
        "sentences": [{"id": s.id, "text": s.text} for s in p.sentences],
    }


CSV_COLUMNS = (
    "event_id", "event_date", "date_as_stated", "year", "event_type", "title", "actor1",
    "actor2", "base", "location", "quantity", "sources", "source_outlets", "reported_by",
    "denied_by", "notes", "url",
)


def events_csv(briefing: Briefing, links: Links) -> bytes:
    """One row per event, in the spirit of ACLED's export: actors, location, date,
    sources, and who reports and denies it; opens in any spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)

    def names(ids: Iterable[EntityId]) -> str:
        return "; ".join(links.entities[i].name for i in ids)

    def speakers(event: Event, stance: str) -> str:
        return "; ".join(dict.fromkeys(c.speaker for c in event.claims if c.stance == stance))

    paged = (e for e in briefing.events if e.type != OTHER)
    for e in sorted(paged, key=lambda e: (e.sort_date or "~", e.id)):
        sources = sorted({m.source for m in e.mentions}, key=links.order.__getitem__)
        first = e.mentions[0]
        writer.writerow([csv_cell(cell) for cell in [
            e.id, e.sort_date, e.date, e.sort_date[:4], e.type, e.title, names(e.actors),
            names(e.targets), names(e.bases), names(e.places), e.quantity, len(sources),
            "; ".join(dict.fromkeys(links.sources[s].article.outlet or links.sources[s]
                                    .article.title for s in sources)),
            speakers(e, "asserts"), speakers(e, "denies"),
            links.sources[first.source].sentence(first.sentence).text,
            links.urls.url(event_path(e.id)),
        ]])
    return out.getvalue().encode("utf-8")


def json_bytes(rows: list | dict) -> bytes:
    """One record per line: a diff shows which records changed, and dumping each record
    without indentation uses json's C encoder (indenting falls back to pure Python,
    seconds on a large corpus's sentence export)."""
    if isinstance(rows, dict):
        items = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                 for k, v in rows.items()]
        body = "{\n" + ",\n".join(items) + "\n}" if items else "{}"
    else:
        lines = [json.dumps(row, ensure_ascii=False) for row in rows]
        body = "[\n" + ",\n".join(lines) + "\n]" if lines else "[]"
    return (body + "\n").encode("utf-8")
