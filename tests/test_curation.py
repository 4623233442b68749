"""The curation file: every section applied last, bad entries named by line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import entity_of, make_project, parse_texts, run_build

from briefgen.curation import load_curation
from briefgen.resolve import resolve

ARTICLES = (
    "Officials blamed Daesh for the attack on a checkpoint near Kirkuk on Monday.",
    "ISIS claimed responsibility for the attack, officials said.",
    "The Popular Mobilisation Forces said on Monday that its units had deployed in Diyala.",
    "Hamid Saleh al-Kubaisi, the spokesperson of Kataib Rahma, said the Ministry of Health "
    "in Kirkuk had been shelled. Kubaisi said the checkpoint had reopened.",
)


def _curate(tmp_path: Path, text: str):
    path = tmp_path / "curation.yml"
    path.write_text(text, encoding="utf-8")
    curation = load_curation(path, "seeds/curation.yml")
    return resolve(parse_texts(*ARTICLES), curation)


def test_merge_rename_kind_type_and_aliases_apply(tmp_path):
    resolved = _curate(tmp_path, """\
merge:
  - [Islamic State, ISIS, Daesh]
rename:
  Kataib Rahma: Kataib al-Rahma
kind:
  Diyala: place
type:
  Kataib Rahma: armed group
aliases:
  Hamid Saleh al-Kubaisi: [Abu Saleh]
""")
    assert not resolved.problems
    entities = resolved.entities
    isis = entity_of(entities, "Daesh")
    assert isis is entity_of(entities, "ISIS") and isis.name == "Islamic State"
    rahma = entity_of(entities, "Kataib Rahma")
    assert (rahma.name, rahma.type, rahma.id) == ("Kataib al-Rahma", "armed group",
                                                  "kataib-al-rahma")
    assert "Abu Saleh" in entity_of(entities, "Hamid Saleh al-Kubaisi").short_forms


def test_ignore_and_split(tmp_path):
    resolved = _curate(tmp_path, """\
ignore: [Ministry of Health]
split: [Kubaisi]
""")
    names = {e.name for e in resolved.entities}
    assert "Ministry of Health" not in names
    assert {"Hamid Saleh al-Kubaisi", "Kubaisi"} <= names
    assert "Kubaisi" not in {e.name for e in _curate(tmp_path, "").entities}


def test_bad_entries_are_reported_by_line_and_the_rest_applies(tmp_path):
    resolved = _curate(tmp_path, """\
merge:
  - [ISIS, Daesh]
  - [Lonely Name]
kind:
  Kirkuk: city
rename:
  Nobody Of That Name: Someone
colour: blue
""")
    reasons = [p.reason for p in resolved.problems]
    assert any(r.startswith("line 3:") and "two or more" in r for r in reasons), reasons
    assert any(r.startswith("line 5:") and "'city'" in r for r in reasons), reasons
    assert any(r.startswith("line 7:") and "Nobody Of That Name" in r for r in reasons), reasons
    assert any(r.startswith("line 8:") and "colour" in r for r in reasons), reasons
    assert all(p.path == "seeds/curation.yml" for p in resolved.problems)
    assert entity_of(resolved.entities, "Daesh").name == "ISIS"


def test_broken_yaml_is_reported_and_ignored(tmp_path):
    resolved = _curate(tmp_path, "merge:\n  - [ISIS, Daesh\n")
    assert len(resolved.problems) == 1 and "not valid YAML" in resolved.problems[0].reason
    assert entity_of(resolved.entities, "Daesh").name == "Daesh"


def test_renamed_entity_keeps_working_links_across_rebuilds(tmp_path):
    seeds = tmp_path / "in"
    seeds.mkdir()
    for n, text in enumerate(ARTICLES):
        (seeds / f"{n}.txt").write_text(f"Report {n}\n\n{text}\n", encoding="utf-8")
    project = make_project(tmp_path / "p", seeds)
    assert run_build(project) == 0
    site = project / "site"
    assert (site / "actors" / "daesh" / "index.html").is_file()
    (project / "seeds" / "curation.yml").write_text(
        "merge:\n  - [ISIS, Daesh]\nrename:\n  Kirkuk: Kirkuk City\n", encoding="utf-8"
    )
    before = {p: p.read_bytes() for p in (project / "seeds").rglob("*") if p.is_file()}
    assert run_build(project) == 0
    redirect = (site / "actors" / "daesh" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in redirect and "../../actors/isis/" in redirect
    assert (site / "actors" / "isis" / "index.html").is_file()
    assert "../../places/kirkuk-city/" in (site / "places" / "kirkuk" / "index.html").read_text()
    assert before == {p: p.read_bytes() for p in (project / "seeds").rglob("*") if p.is_file()}
    # The redirect survives a third build that no longer renames anything new.
    assert run_build(project) == 0
    assert "actors/isis/" in (site / "actors" / "daesh" / "index.html").read_text()
    shutil.rmtree(project / "content")
    assert run_build(project) == 0  # content/ deleted: old URLs forgotten, build still fine


def test_suggested_merges_are_listed_and_a_pasted_line_merges_them(tmp_path, capsys):
    """The user's loop: build, read `briefgen suggest`, paste a line, build again."""
    import yaml

    from briefgen.cli import main

    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Advisers sent\nThe Kurdistan Regional Government said on Monday that it had "
        "sent advisers to Damascus, officials in Erbil said. The US-led coalition "
        "said it was aware of the reports.\n", encoding="utf-8")
    (seeds / "b.txt").write_text(
        "Advisers denied\nThe Kurdistan Region Government denied on Tuesday that it had "
        "sent fighters to Aleppo, a spokesman in Erbil said.\n", encoding="utf-8")
    project = make_project(tmp_path / "p", seeds)
    assert run_build(project) == 0
    capsys.readouterr()
    assert main(["suggest", "-f", str(project / "mkdocs.yml")]) == 0
    printed = capsys.readouterr().out
    merges = yaml.safe_load(printed)["merge"]
    assert "US-led coalition" not in (yaml.safe_load(printed).get("ignore") or [])
    pair = next(m for m in merges if "Kurdistan Region Government" in m)
    assert "Kurdistan Regional Government" in pair
    report = (project / "site" / "report" / "index.html").read_text(encoding="utf-8")
    assert "Suggested merges" in report and "Kurdistan Region Government" in report
    (project / "seeds" / "curation.yml").write_text(yaml.safe_dump({"merge": [pair]}))
    assert run_build(project) == 0
    entities = json.loads((project / "site/data/entities.json").read_text(encoding="utf-8"))
    merged = [e for e in entities if "Kurdistan Region Government" in e["aliases"]]
    assert len(merged) == 1 and "Kurdistan Regional Government" in merged[0]["aliases"]


def test_a_renamed_entity_redirects_without_directory_urls(tmp_path):
    """With `use_directory_urls: false` the old page is `actors/daesh.html`, and it sends
    the reader to `actors/isis.html`."""
    seeds = tmp_path / "in"
    seeds.mkdir()
    for n, text in enumerate(ARTICLES):
        (seeds / f"{n}.txt").write_text(f"Report {n}\n\n{text}\n", encoding="utf-8")
    project = make_project(tmp_path / "p", seeds)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "use_directory_urls: true", "use_directory_urls: false"), encoding="utf-8")
    assert run_build(project) == 0
    site = project / "site"
    assert (site / "actors" / "daesh.html").is_file()
    (project / "seeds" / "curation.yml").write_text("merge:\n  - [ISIS, Daesh]\n",
                                                   encoding="utf-8")
    assert run_build(project) == 0
    redirect = (site / "actors" / "daesh.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in redirect and 'url=../actors/isis.html"' in redirect
    assert (site / "actors" / "isis.html").is_file()
