"""What is new since the previous build: the first thing a returning reader needs.

The previous build is remembered by its own export in `content/data/` (sources,
entities, events and the last "new" list). A rebuild with the same articles keeps the
last list, so rebuilding never empties "what's new" and an unchanged build writes
nothing; a build with different articles lists what appeared since.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.records import Briefing
from briefgen.slugs import Previous

CHANGES_FILE = Path("data") / "changes.json"


@dataclass(frozen=True)
class Changes:
    first_build: bool = True
    sources: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    previous_counts: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"first_build": self.first_build, "sources": list(self.sources),
                "entities": list(self.entities), "events": list(self.events),
                "previous_counts": self.previous_counts}


@dataclass(frozen=True)
class PreviousBuild:
    sources: frozenset[str]
    entities: frozenset[str]
    events: frozenset[str]
    changes: Changes | None


def load_previous_build(docs_dir: Path, previous: Previous) -> PreviousBuild | None:
    """The ids the last build exported; None when there was no (readable) last build.
    Source, entity and event ids come from the URL memory, which has read that export
    already; only the last "what's new" list is read here."""
    if previous.source_ids is None or previous.events is None:
        return None
    try:
        raw = json.loads((docs_dir / CHANGES_FILE).read_text(encoding="utf-8"))
        changes = Changes(bool(raw["first_build"]), tuple(raw["sources"]),
                          tuple(raw["entities"]), tuple(raw["events"]),
                          dict(raw.get("previous_counts", {})))
    except (OSError, ValueError, TypeError, KeyError):
        changes = None
    return PreviousBuild(previous.source_ids, frozenset(e.id for e in previous.entities),
                         frozenset(e.id for e in previous.events), changes)


def changes_since(previous: PreviousBuild | None, briefing: Briefing) -> Changes:
    sources = [p.article.source_id for p in briefing.articles]
    entities = [e.id for e in briefing.entities]
    events = [e.id for e in briefing.events]
    if previous is None:
        return Changes()
    if previous.sources == frozenset(sources) and previous.changes is not None:
        kept = previous.changes  # same articles: keep what was new, minus what is gone
        entity_ids, event_ids = set(entities), set(events)
        return Changes(
            kept.first_build,
            tuple(s for s in kept.sources if s in previous.sources),
            tuple(e for e in kept.entities if e in entity_ids),
            tuple(e for e in kept.events if e in event_ids),
            kept.previous_counts,
        )
    return Changes(
        first_build=False,
        sources=tuple(s for s in sources if s not in previous.sources),
        entities=tuple(e for e in entities if e not in previous.entities),
        events=tuple(e for e in events if e not in previous.events),
        previous_counts={"sources": len(previous.sources), "entities": len(previous.entities),
                         "events": len(previous.events)},
    )
