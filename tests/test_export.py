"""The export in data/ against its contract (the README's "The export"): readers' scripts
and the next build's memory read these files, so their shape is checked field by field
on the five seed articles, and every id and sentence reference must lead somewhere."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

# The contract's fields and their JSON types; a list holds items of the one schema in it.
# Records may carry more fields than these (roles, sort_date, speaker_id, page …).
MENTION = {"source": str, "sentence": str}
CONTRACT = {
    "entities": {"id": str, "name": str, "kind": str, "type": str, "aliases": [str],
                 "url": str, "mentions": [{**MENTION, "text": str}]},
    "events": {"id": str, "title": str, "type": str, "date": str, "actors": [str],
               "targets": [str], "bases": [str], "places": [str], "mentions": [MENTION],
               "claims": [{"speaker": str, "stance": str, **MENTION, "text": str}]},
    "sources": {"id": str, "title": str, "outlet": str, "url": str, "published": str,
                "path": str, "sentences": [{"id": str, "text": str}]},
}
KINDS = {"actor", "base", "place"}
STANCES = {"asserts", "denies"}


def _mismatches(value: object, schema: object, where: str) -> list[str]:
    """Where `value` departs from `schema`: a missing field or a wrong JSON type."""
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {type(value).__name__}"]
        missing = [f"{where}: no {key!r}" for key in schema if key not in value]
        return missing + [m for key, sub in schema.items() if key in value
                          for m in _mismatches(value[key], sub, f"{where}.{key}")]
    if isinstance(schema, list):
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {type(value).__name__}"]
        return [m for n, item in enumerate(value)
                for m in _mismatches(item, schema[0], f"{where}[{n}]")]
    assert isinstance(schema, type)
    if isinstance(value, schema) and not isinstance(value, bool):
        return []
    return [f"{where}: expected {schema.__name__}, got {type(value).__name__}"]


def _read(built: Path, name: str) -> list[dict]:
    return json.loads((built / "site" / "data" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def export(built) -> dict[str, list[dict]]:
    """The published export of the five seed articles, by file name."""
    return {name: _read(built, name) for name in CONTRACT}


def _sentences(export: dict[str, list[dict]]) -> dict[tuple[str, str], str]:
    return {(s["id"], sentence["id"]): sentence["text"]
            for s in export["sources"] for sentence in s["sentences"]}


def test_the_schema_check_finds_what_is_wrong():
    schema = CONTRACT["events"]["claims"]
    assert _mismatches([{"speaker": "X", "stance": True, "source": "a", "sentence": "s-1"}],
                       schema, "claims") == ["claims[0]: no 'text'",
                                             "claims[0].stance: expected str, got bool"]


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_every_record_has_the_fields_and_types_of_the_contract(export, name):
    records = export[name]
    assert isinstance(records, list) and records, f"data/{name}.json: no records"
    wrong = [m for n, record in enumerate(records)
             for m in _mismatches(record, CONTRACT[name], f"{name}[{n}]")]
    assert not wrong, "\n".join(wrong[:20])
    ids = [record["id"] for record in records]
    assert len(ids) == len(set(ids)), f"data/{name}.json: an id is used twice"


def test_kinds_and_stances_are_the_contract_values(export):
    assert {e["kind"] for e in export["entities"]} <= KINDS
    assert {c["stance"] for ev in export["events"] for c in ev["claims"]} <= STANCES


def test_every_id_resolves(export, built):
    kind_of = {e["id"]: e["kind"] for e in export["entities"]}
    for event in export["events"]:
        for role, kind in (("actors", None), ("targets", None), ("bases", "base"),
                           ("places", "place")):
            for entity_id in event[role]:
                assert entity_id in kind_of, (event["id"], role, entity_id)
                assert kind in (None, kind_of[entity_id]), (event["id"], role, entity_id)
        for claim in event["claims"]:
            assert claim.get("speaker_id") in (None, *kind_of), (event["id"], claim)
    for entity in export["entities"]:  # the entity's own page, named by its id
        assert entity["url"].rstrip("/").rsplit("/", 1)[-1] == entity["id"], entity["url"]
        assert (built / "site" / entity["url"] / "index.html").is_file(), entity["url"]
    for source in export["sources"]:  # the input file, relative to the project's root
        assert (built / source["path"]).is_file(), source["path"]


def test_every_sentence_reference_points_at_an_existing_sentence(export):
    sentences = _sentences(export)
    for source in export["sources"]:
        ids = [s["id"] for s in source["sentences"]]
        assert ids == [f"s-{n}" for n in range(1, len(ids) + 1)], source["id"]
    quoted = [(f"entity {e['id']}", m) for e in export["entities"] for m in e["mentions"]]
    quoted += [(f"claim in event {ev['id']}", c) for ev in export["events"] for c in ev["claims"]]
    for where, ref in quoted:
        text = sentences.get((ref["source"], ref["sentence"]))
        assert text is not None, (where, ref)
        assert ref["text"] in text, (where, ref, text)
    for event in export["events"]:
        assert event["mentions"], event["id"]
        for ref in event["mentions"]:
            assert (ref["source"], ref["sentence"]) in sentences, (event["id"], ref)


def test_aliases_hold_every_surface_form_of_the_mentions(export):
    for entity in export["entities"]:
        assert entity["mentions"], entity["id"]
        missing = {m["text"] for m in entity["mentions"]} - set(entity["aliases"])
        assert not missing, (entity["id"], missing)


def test_events_csv_rows_are_the_events_with_a_page(export, built):
    with (built / "site" / "data" / "events.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    paged = {e["id"] for e in export["events"] if e["url"]}
    assert rows and sorted(r["event_id"] for r in rows) == sorted(paged)


def test_the_readme_documents_every_field_of_the_contract():
    """The contract readers rely on is written in the repository: every field this test
    checks is named in the README's "The export" section."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### The export (`data/`)", 1)[1].split("\n## ", 1)[0]

    def fields(schema: dict) -> set[str]:
        return {name for key, sub in schema.items() for name in (
            {key} | (fields(sub) if isinstance(sub, dict) else fields(sub[0])
                     if isinstance(sub, list) and isinstance(sub[0], dict) else set()))}

    for name, schema in CONTRACT.items():
        assert f"`data/{name}.json`" in section
        missing = {f for f in fields(schema) if not re.search(rf"\b{f}\b", section)}
        assert not missing, (name, missing)
