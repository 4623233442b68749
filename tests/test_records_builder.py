"""The stage tests' builder of hand-made parses (tests/records_builder.py) gives what its
docstring promises, and refuses what it cannot give rather than guess."""

from __future__ import annotations

import pytest
from records_builder import S, article, entities


def test_sentences_tokens_and_spans_are_where_the_text_says():
    parsed = article(
        S("Kataib Rahma attacked Camp Falcon.", attacked="VERB:attack",
          Rahma="PROPN nsubj>attacked", Falcon="PROPN dobj>attacked"),
        S("The camp at Falcon and the road to the river were shut.",
          **{"the#2": "DET det>river"}),
        ents={"Kataib Rahma": "ORG", "Camp Falcon": "FAC", "Falcon": "FAC"},
        source="x1", published="2024-03-06",
    )
    text = parsed.article.text
    assert text == ("Kataib Rahma attacked Camp Falcon. "
                    "The camp at Falcon and the road to the river were shut.")
    assert (parsed.article.source_id, parsed.article.published) == ("x1", "2024-03-06")
    assert [(s.id, s.text, s.paragraph) for s in parsed.sentences] == [
        ("s-1", "Kataib Rahma attacked Camp Falcon.", 0),
        ("s-2", "The camp at Falcon and the road to the river were shut.", 0)]
    for sentence in parsed.sentences:
        for token in sentence.tokens:
            assert text[token.start : token.start + len(token.text)] == token.text
    # the longer span wins over "Falcon" inside it
    assert [(m.sentence, m.text, m.label) for m in parsed.mentions] == [
        ("s-1", "Kataib Rahma", "ORG"), ("s-1", "Camp Falcon", "FAC"), ("s-2", "Falcon", "FAC")]
    first = {t.text: t for t in parsed.sentences[0].tokens}
    assert first["attacked"][2:6] == ("attack", "VERB", "ROOT", 2)
    assert first["Rahma"][3:6] == ("PROPN", "nsubj", 2)
    assert first["Kataib"][3:6] == ("PROPN", "compound", 1)  # a name hangs from its end
    assert first["."][3:6] == ("PUNCT", "", 5)  # not annotated: no arc
    second = parsed.sentences[1].tokens
    assert [(t.i, t.text, t.dep, t.head) for t in second if t.dep] == [(8, "the", "det", 9)]


def test_what_is_not_in_the_text_is_an_error_not_a_guess():
    with pytest.raises(ValueError, match="Ain al-Asad"):
        article("Rockets hit the base.", ents={"Ain al-Asad": "FAC"})
    with pytest.raises(ValueError, match="'Falcon'"):  # only ever inside "Camp Falcon"
        article("Rockets hit Camp Falcon.", ents={"Camp Falcon": "FAC", "Falcon": "FAC"})
    with pytest.raises(KeyError, match="attacks"):
        article(S("Drones attacked the base.", attacks="VERB:attack"))
    with pytest.raises(KeyError, match="Drone"):
        article(S("Drones attacked the base.", attacked="VERB:attack nsubj>Drone"))


def test_entities_are_mentioned_at_every_surface_of_theirs():
    first = article("Kataib Rahma struck.", "KR denied it.", source="a0")
    second = article("Kataib Rahma left.", source="a1")
    (group,) = entities([first, second], {"Kataib Rahma": ("actor", "armed group", ("KR",))})
    assert (group.id, group.kind, group.type) == ("kataib-rahma", "actor", "armed group")
    assert [(m.source, m.sentence, m.text) for m in group.mentions] == [
        ("a0", "s-1", "Kataib Rahma"), ("a0", "s-2", "KR"), ("a1", "s-1", "Kataib Rahma")]
    assert dict(group.aliases) == {"Kataib Rahma": 2, "KR": 1}
