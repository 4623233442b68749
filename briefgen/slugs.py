"""Stable URLs: an entity keeps the URL it had in the previous build unless its
canonical name truly changed; an event keeps its URL while it goes on being reported by
the sentences it was found in, however it grows; an URL that went away redirects to
where its entity or event went. Readers bookmark and cite these pages, so a rebuild
must not break the links (nor rewrite every page that links to one).

The memory is the previous build's own export in `content/data/`, which only briefgen
writes; deleting `content/` forgets old URLs, and nothing else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from slugify import slugify

from briefgen.pagekinds import ENTITY_KINDS, EVENT
from briefgen.records import OTHER, Entity, EntityId, Event
from briefgen.sanitize import FIELD_MAX_CHARS, RESERVED_SLUGS, first_free, is_safe_slug
from briefgen.urls import canonical_url, content_path

# An entity kind's section folder (what resolve checks a cached kind against).
SECTION_OF_KIND = {name: kind.folder for name, kind in ENTITY_KINDS.items()}


@dataclass(frozen=True)
class PreviousEntity:
    id: str
    url: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class PreviousEvent:
    id: str
    type: str
    sentences: frozenset[tuple[str, str]]  # (source, sentence) that reported it


@dataclass(frozen=True)
class Previous:
    entities: tuple[PreviousEntity, ...] = ()
    redirects: tuple[tuple[str, str], ...] = ()  # old url -> url it pointed at
    events: tuple[PreviousEvent, ...] | None = None  # None: no readable event export
    sources: tuple[tuple[str, str], ...] = ()  # (input path, source id), safe ids only
    # Every source id of the export, or None when there is no readable sources.json:
    # what "what's new" compares with.
    source_ids: frozenset[str] | None = None


def load_previous(docs_dir: Path) -> Previous:
    """The last build's export; anything unreadable there is simply not remembered."""
    try:
        rows = json.loads((docs_dir / "data" / "entities.json").read_text(encoding="utf-8"))
        entities = tuple(
            PreviousEntity(str(r["id"]), _canonical(str(r["url"])), str(r["name"]),
                           tuple(str(a) for a in r.get("aliases", [])))
            for r in rows
        )
    except (OSError, ValueError, TypeError, KeyError):
        entities = ()
    try:
        rows = json.loads((docs_dir / "data" / "events.json").read_text(encoding="utf-8"))
        events: tuple[PreviousEvent, ...] | None = tuple(
            PreviousEvent(str(r["id"]), str(r["type"]), frozenset(
                (str(m["source"]), str(m["sentence"])) for m in r["mentions"]))
            for r in rows
        )
    except (OSError, ValueError, TypeError, KeyError):
        events = None
    try:
        raw = json.loads((docs_dir / "data" / "redirects.json").read_text(encoding="utf-8"))
        redirects = tuple((_canonical(str(k)), _canonical(str(v))) for k, v in sorted(raw.items()))
    except (OSError, ValueError, AttributeError):
        redirects = ()
    try:
        rows = json.loads((docs_dir / "data" / "sources.json").read_text(encoding="utf-8"))
        sources = tuple((str(r["path"]), str(r["id"])) for r in rows)
        source_ids: frozenset[str] | None = frozenset(sid for _, sid in sources)
    except (OSError, ValueError, TypeError, KeyError):
        sources, source_ids = (), None
    # Ids and URLs become file names: only the shapes briefgen itself writes are kept.
    return Previous(
        tuple(e for e in entities if is_safe_slug(e.id) and e.url == _url_of(e.url, e.id)),
        tuple((old, new) for old, new in redirects if SAFE_URL.match(old) and SAFE_URL.match(new)),
        None if events is None else tuple(e for e in events if is_safe_slug(e.id)),
        tuple((path, sid) for path, sid in sources if is_safe_slug(sid)),
        source_ids,
    )


# The canonical URL of an entity or event page: what ids and redirects may hold.
SAFE_URL = re.compile(
    rf"(?:{'|'.join((*SECTION_OF_KIND.values(), EVENT.folder))})/[a-z0-9]+(?:-[a-z0-9]+)*/\Z")


def _canonical(url: str) -> str:
    """An exported URL in the canonical (directory) form, whichever form the site used."""
    return canonical_url(content_path(url)) or url


def _url_of(url: str, slug: str) -> str:
    return url if SAFE_URL.match(url) and url.rsplit("/", 2)[-2] == slug else ""


def slug_of(name: str, fallback: str) -> str:
    """A file and URL name for a page: short, and never a section's own page name."""
    slug = slugify(name, max_length=FIELD_MAX_CHARS["id"], word_boundary=True) or fallback
    return f"{slug}-{fallback}" if slug in RESERVED_SLUGS else slug


def entity_path(entity: Entity) -> str:
    """The entity's page under content/."""
    return ENTITY_KINDS[entity.kind].path(entity.id)


def entity_url(entity: Entity) -> str:
    """The entity page's canonical URL (see urls.py), as ids are kept between builds."""
    return f"{ENTITY_KINDS[entity.kind].folder}/{entity.id}/"


def assign_ids(
    entities: Sequence[Entity], previous: Previous, key_of: Callable[[str], str]
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """Unique slugs, reusing last build's slug when the name is the same up to spelling;
    returns the entities and the redirects (old url → new url) for URLs that went away."""
    old_by_name_key = {key_of(p.name): p for p in previous.entities}
    used: set[str] = set(RESERVED_SLUGS)
    out: list[Entity] = []
    # The most mentioned entity gets the plain slug when two names slugify alike.
    ordered = sorted(entities, key=lambda e: (-len(e.mentions), e.name))
    kept: dict[int, str] = {}
    taken: set[str] = set()  # the kept ids, as a set: one lookup per entity
    for entity in ordered:
        old = old_by_name_key.get(key_of(entity.name))
        if old is not None and old.id not in taken:
            kept[id(entity)] = old.id
            taken.add(old.id)
    used.update(taken)
    for entity in ordered:
        slug = kept.get(id(entity))
        if slug is None:
            slug = first_free(slug_of(entity.name, "entity"), used)
            used.add(slug)
        out.append(replace(entity, id=EntityId(slug)))
    out.sort(key=lambda e: e.id)
    return tuple(out), _redirects(out, previous, key_of)


def _redirects(
    entities: Sequence[Entity], previous: Previous, key_of: Callable[[str], str]
) -> dict[str, str]:
    live = {entity_url(e) for e in entities}
    by_alias: dict[str, set[str]] = {}
    for e in entities:
        for alias in {a for a, _ in e.aliases} | set(e.short_forms) | {e.name}:
            by_alias.setdefault(key_of(alias), set()).add(entity_url(e))
    moved: dict[str, str] = {}
    for old in previous.entities:
        if old.url in live:
            continue
        targets = [by_alias.get(key_of(a), set()) for a in (old.name, *old.aliases)]
        found = set().union(*targets) if targets else set()
        if len(found) == 1:
            moved[old.url] = next(iter(found))
    return _with_earlier(moved, previous.redirects, live)


def _with_earlier(
    moved: dict[str, str], earlier: Sequence[tuple[str, str]], live: set[str]
) -> dict[str, str]:
    """This build's moves plus the earlier redirects that still land on a live page
    (following a page that moved again), sorted by old URL."""
    for old_url, target in earlier:
        if old_url in live or old_url in moved:
            continue
        target = moved.get(target, target)
        if target in live:
            moved[old_url] = target
    return dict(sorted(moved.items()))


def event_path(event_id: str) -> str:
    """The event's page under content/."""
    return EVENT.path(event_id)


def event_url(event_id: str) -> str:
    """The event page's canonical URL (see urls.py)."""
    return f"{EVENT.folder}/{event_id}/"


def keep_event_ids(
    events: Sequence[Event], previous: Previous
) -> tuple[tuple[Event, ...], dict[str, str]]:
    """Give each event the id of the previous event of its type it shares the most
    sentences with (each old id once, best overlap first), so adding an article does not
    move the events it adds to. An old event that is now part of another one redirects
    there. Returns the events and the event redirects (old url → new url)."""
    old_events = previous.events or ()
    old_of: dict[tuple[str, str, str], list[PreviousEvent]] = {}
    for old in old_events:
        for source, sentence in old.sentences:
            old_of.setdefault((old.type, source, sentence), []).append(old)
    pairs: list[tuple[int, str, str]] = []  # (-shared sentences, new id, old id)
    for event in events:
        shared: dict[str, int] = {}
        for m in event.mentions:
            for old in old_of.get((event.type, m.source, m.sentence), ()):
                shared[old.id] = shared.get(old.id, 0) + 1
        pairs.extend((-n, event.id, old_id) for old_id, n in shared.items())
    kept: dict[str, str] = {}  # new id -> old id
    taken: set[str] = set()
    for _, new_id, old_id in sorted(pairs):
        if new_id not in kept and old_id not in taken:
            kept[new_id] = old_id
            taken.add(old_id)
    renamed: list[Event] = []
    for event in events:
        event_id = kept.get(event.id)
        if event_id is None:
            event_id = first_free(event.id, taken)
            taken.add(event_id)
        renamed.append(replace(event, id=event_id) if event_id != event.id else event)
    renamed.sort(key=lambda e: e.id)
    return tuple(renamed), _event_redirects(renamed, old_events, previous.redirects)


def _event_redirects(
    events: Sequence[Event], old_events: Sequence[PreviousEvent],
    old_redirects: Sequence[tuple[str, str]],
) -> dict[str, str]:
    paged = [e for e in events if e.type != OTHER]
    live = {event_url(e.id) for e in paged}
    holder: dict[tuple[str, str, str], str] = {
        (e.type, m.source, m.sentence): event_url(e.id) for e in paged for m in e.mentions}
    moved: dict[str, str] = {}
    for old in old_events:
        if event_url(old.id) in live or old.type == OTHER:
            continue
        now = [holder[(old.type, *s)] for s in sorted(old.sentences) if (old.type, *s) in holder]
        if now:
            moved[event_url(old.id)] = max(sorted(set(now)), key=now.count)
    return _with_earlier(moved, old_redirects, live)
