"""Stable entity URLs: an entity keeps the URL it had in the previous build unless its
canonical name truly changed, and an URL that went away redirects to where its entity
went. Readers bookmark and cite these pages, so a rebuild must not break the links.

The memory is the previous build's own export in `content/data/`, which only briefgen
writes; deleting `content/` forgets old URLs, and nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from slugify import slugify

from briefgen.records import Entity, EntityId

SECTION_OF_KIND = {"actor": "actors", "base": "bases", "place": "places"}


@dataclass(frozen=True)
class PreviousEntity:
    id: str
    url: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Previous:
    entities: tuple[PreviousEntity, ...] = ()
    redirects: tuple[tuple[str, str], ...] = ()  # old url -> url it pointed at


def load_previous(docs_dir: Path) -> Previous:
    """The last build's export; anything unreadable there is simply not remembered."""
    try:
        rows = json.loads((docs_dir / "data" / "entities.json").read_text(encoding="utf-8"))
        entities = tuple(
            PreviousEntity(str(r["id"]), str(r["url"]), str(r["name"]),
                           tuple(str(a) for a in r.get("aliases", [])))
            for r in rows
        )
    except (OSError, ValueError, TypeError, KeyError):
        entities = ()
    try:
        raw = json.loads((docs_dir / "data" / "redirects.json").read_text(encoding="utf-8"))
        redirects = tuple((str(k), str(v)) for k, v in sorted(raw.items()))
    except (OSError, ValueError, AttributeError):
        redirects = ()
    return Previous(entities, redirects)


def entity_url(entity: Entity) -> str:
    return f"{SECTION_OF_KIND[entity.kind]}/{entity.id}/"


def assign_ids(
    entities: Sequence[Entity], previous: Previous, key_of: Callable[[str], str]
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """Unique slugs, reusing last build's slug when the name is the same up to spelling;
    returns the entities and the redirects (old url → new url) for URLs that went away."""
    old_by_name_key = {key_of(p.name): p for p in previous.entities}
    used: set[str] = set()
    out: list[Entity] = []
    # The most mentioned entity gets the plain slug when two names slugify alike.
    ordered = sorted(entities, key=lambda e: (-len(e.mentions), e.name))
    kept = {}
    for entity in ordered:
        old = old_by_name_key.get(key_of(entity.name))
        if old is not None and old.id not in kept.values():
            kept[id(entity)] = old.id
    used.update(kept.values())
    for entity in ordered:
        slug = kept.get(id(entity))
        if slug is None:
            base = slugify(entity.name) or "entity"
            slug, n = base, 2
            while slug in used:
                slug, n = f"{base}-{n}", n + 1
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
    for old_url, target in previous.redirects:
        if old_url in live or old_url in moved:
            continue
        target = moved.get(target, target)
        if target in live:
            moved[old_url] = target
    return dict(sorted(moved.items()))
