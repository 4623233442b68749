"""Claims on hand-made parses and entities (tests/records_builder.py): who says what,
asserting or denying, as the events stage hands it on (each event's claims).

Each test names the rule it pins and how it was seen failing: the rule was broken by
hand, the test run, the rule restored.
"""

from __future__ import annotations

from records_builder import S, article, entities

from briefgen.events import extract_events

NAMES = {
    "Kataib Rahma": ("actor", "armed group"),
    "Velmor Ministry": ("actor", "government body"),
    "Karim Haddadin": ("actor", "person"),
    "Camp Falcon": ("base", "base"),
}
ENTS = {"Kataib Rahma": "ORG", "Velmor Ministry": "ORG", "Karim Haddadin": "PERSON",
        "Camp Falcon": "FAC"}


def _events(*sentences):
    """The events of a one-article corpus of `sentences`, with the entities of NAMES."""
    text = " ".join(s if isinstance(s, str) else s.text for s in sentences)
    parsed = article(*sentences, ents={k: v for k, v in ENTS.items() if k in text})
    return extract_events([parsed], entities([parsed], {
        k: v for k, v in NAMES.items() if k in text}))


def _claims(*sentences):
    """Every claim of a one-article corpus of `sentences`, with the type of the event it
    is told of: (type, speaker, speaker id, cue, stance, sentence)."""
    return sorted((e.type, c.speaker, c.speaker_id, c.cue, c.stance, c.sentence)
                  for e in _events(*sentences) for c in e.claims)


def _attack_said(text, speaker, cue="said", lemma="say"):
    """"<speaker> <cue> drones attacked Camp Falcon.": the attack the cue's complement."""
    return S(text, {cue: f"VERB:{lemma}", speaker: f"PROPN nsubj>{cue}",
                    "attacked": f"VERB:attack ccomp>{cue}", "drones": "NOUN:drone nsubj>attacked",
                    "Falcon": "PROPN dobj>attacked"})


def test_the_named_subject_of_said_is_the_speaker_and_asserts():
    """claims._claim_at and _speaker: the subject of a cue verb of the lexicon ("said")
    is the speaker, the named entity it is; "said" asserts. The claim belongs to the
    event its sentence tells.
    Seen failing with "say" left out of the lexicon's stance table (no claim)."""
    said = _attack_said("The Velmor Ministry said drones attacked Camp Falcon.", "Ministry")
    assert _claims(said) == [
        ("attack", "Velmor Ministry", "velmor-ministry", "said", "asserts", "s-1")]


def test_a_denial_verb_denies_and_a_later_denial_joins_the_event():
    """claims._claim_at: a cue listed under `denies` ("denied") is a denial; told in the
    sentence after an event and about no listed event itself, it joins that event
    (events._said_about_neighbours), so the event shows who reports and who denies.
    Seen failing with every cue's stance read as "asserts"."""
    claims = _claims(
        _attack_said("Kataib Rahma said drones attacked Camp Falcon.", "Rahma"),
        S("The Velmor Ministry denied the report.", denied="VERB:deny",
          Ministry="PROPN nsubj>denied", report="NOUN dobj>denied"),
    )
    assert claims == [
        ("attack", "Kataib Rahma", "kataib-rahma", "said", "asserts", "s-1"),
        ("attack", "Velmor Ministry", "velmor-ministry", "denied", "denies", "s-2"),
    ]


def test_a_neutral_cue_with_negated_content_denies():
    """claims._negated_content: "said the camp was not hit" is a denial, though "said"
    asserts: its reported clause is negated.
    Seen failing with _negated_content returning False."""
    claims = _claims(
        S("Drones attacked Camp Falcon.", attacked="VERB:attack",
          Drones="NOUN:drone nsubj>attacked", Falcon="PROPN dobj>attacked"),
        S("The Velmor Ministry said the camp was not hit.", said="VERB:say",
          Ministry="PROPN nsubj>said", hit="VERB:hit ccomp>said",
          camp="NOUN nsubjpass>hit", was="AUX:be auxpass>hit", **{"not": "PART neg>hit"}),
    )
    assert claims == [("attack", "Velmor Ministry", "velmor-ministry", "said", "denies", "s-2")]


def test_he_said_is_the_last_named_person_who_spoke():
    """claims.SpeakerMemory: "He said" is the last named person who spoke in the article.
    Seen failing with `memory.last` never set in sentence_claims (no speaker: no claim)."""
    claims = _claims(
        _attack_said("Karim Haddadin said drones attacked Camp Falcon.", "Haddadin"),
        S("He said nobody was hurt.", said="VERB:say", He="PRON nsubj>said",
          hurt="VERB:hurt ccomp>said", nobody="PRON nsubjpass>hurt"),
    )
    assert [(speaker, speaker_id, where) for _, speaker, speaker_id, _, _, where in claims] == [
        ("Karim Haddadin", "karim-haddadin", "s-1"), ("Karim Haddadin", "karim-haddadin", "s-2")]


def test_an_unnamed_source_is_its_own_words():
    """claims._speaker: a speaker that names no entity is the phrase itself ("A security
    source"), with no entity id.
    Seen failing with _speaker's last line returning ("", None)."""
    claims = _claims(S("A security source said drones attacked Camp Falcon.",
                       said="VERB:say", source="NOUN nsubj>said", A="DET det>source",
                       security="NOUN compound>source", attacked="VERB:attack ccomp>said",
                       drones="NOUN:drone nsubj>attacked", Falcon="PROPN dobj>attacked"))
    assert claims == [("attack", "A security source", None, "said", "asserts", "s-1")]


def test_according_to_names_the_speaker():
    """claims._claim_at: "according to X" asserts, X the speaker (the object of "to").
    Seen failing with the `rules.according` branch of _claim_at removed."""
    claims = _claims(S("According to Kataib Rahma, drones attacked Camp Falcon.",
                       According="VERB:accord prep>attacked", to="ADP prep>According",
                       Rahma="PROPN pobj>to", attacked="VERB:attack",
                       drones="NOUN:drone nsubj>attacked", Falcon="PROPN dobj>attacked"))
    assert claims == [("attack", "Kataib Rahma", "kataib-rahma", "According", "asserts", "s-1")]
