"""The events stage's rules on hand-made parses and entities (tests/records_builder.py):
the triggers, dependency arcs and entities are the ones written here, not the model's
or resolve's, so each test fails only when its rule does.

Each test names the rule it pins and how it was seen failing: the rule was broken by
hand, the test run, the rule restored.
"""

from __future__ import annotations

import pytest
from records_builder import S, article, entities

from briefgen.events import extract_events
from briefgen.records import OTHER

# The names the sentences below use, as resolve would hand them on.
NAMES = {
    "Kataib Rahma": ("actor", "armed group"),
    "Velmor Army": ("actor", "armed forces"),
    "Salim Haddadin": ("actor", "person"),
    "Camp Falcon": ("base", "base"),
    "Camp Taji": ("base", "base"),
    "Rutba": ("place", "place"),
    "Zawiria": ("place", "state"),
    "Qandoria": ("place", "state"),
}
ENTS = {"Kataib Rahma": "ORG", "Velmor Army": "ORG", "Salim Haddadin": "PERSON",
        "Camp Falcon": "FAC", "Camp Taji": "FAC", "Rutba": "GPE", "Zawiria": "GPE",
        "Qandoria": "GPE"}


def _events(*articles):
    """The events of hand-made articles, with the entities of NAMES they name."""
    table = {name: spec for name, spec in NAMES.items()
             if any(name in a.article.text for a in articles)}
    return extract_events(articles, entities(articles, table))


def _one(*sentences, **options):
    """An article of `sentences`, with the entity spans of ENTS it holds."""
    text = " ".join(s if isinstance(s, str) else s.text for s in sentences)
    return article(*sentences, ents={k: v for k, v in ENTS.items() if k in text}, **options)


def _types(events):
    """The listed types among `events` (not OTHER, a statement about no listed event)."""
    return sorted({e.type for e in events} - {OTHER})


@pytest.mark.parametrize(("sentence", "event_type"), [
    (S("The Velmor Army deployed troops to Camp Falcon.",
       deployed="VERB:deploy", Army="PROPN nsubj>deployed", troops="NOUN:troop dobj>deployed"),
     "deployment"),
    (S("The Velmor Army withdrew from Camp Falcon.",
       withdrew="VERB:withdraw", Army="PROPN nsubj>withdrew"), "withdrawal"),
    (S("Drones attacked Camp Falcon.",
       attacked="VERB:attack", Drones="NOUN:drone nsubj>attacked",
       Falcon="PROPN dobj>attacked"), "attack"),
    (S("Salim Haddadin met Velmor Army officers.",
       met="VERB:meet", Haddadin="PROPN nsubj>met"), "meeting"),
    (S("Security forces arrested Salim Haddadin.",
       arrested="VERB:arrest", forces="NOUN:force nsubj>arrested",
       Haddadin="PROPN dobj>arrested"), "killing"),
])
def test_a_lexicon_word_is_its_type_of_event(sentence, event_type):
    """events._type_of: a trigger lemma listed under a type in data/events.yml.
    Seen failing with the `lemma in rule.lemmas` branch of _type_of removed."""
    assert _types(_events(_one(sentence))) == [event_type]


def test_a_companion_word_makes_some_words_events():
    """events._type_of, `lemmas_with`: "set up" is a base established only with a base
    word in its own phrase ("set up a base"), not "set up a checkpoint".
    Seen failing with `if words & wanted` made `if words & wanted or True` (the
    checkpoint became a base) and with it made `if False` (the base was none)."""
    with_base = _one(S("The Velmor Army set up a base near Rutba.",
                       set="VERB:set", Army="PROPN nsubj>set", up="ADP prt>set",
                       base="NOUN dobj>set", a="DET det>base"))
    checkpoint = _one(S("The Velmor Army set up a checkpoint near Rutba.",
                        set="VERB:set", Army="PROPN nsubj>set", up="ADP prt>set",
                        checkpoint="NOUN dobj>set", a="DET det>checkpoint"))
    assert _types(_events(with_base)) == ["base_established"]
    assert _types(_events(checkpoint)) == []


def test_a_trigger_word_used_as_a_preposition_is_no_event():
    """events._trigger_type: "according to" (lemma accord, an agreement word) with the
    dependency `prep` is no agreement. A claim is still read off it (see
    test_stage_claims).
    Seen failing with the `token.dep == "prep"` check of _trigger_type removed."""
    accord = S("According to the Velmor Army, the road is open.",
               According="VERB:accord prep>is", to="ADP prep>According", Army="PROPN pobj>to",
               road="NOUN nsubj>is", **{"is": "AUX:be"})
    assert "agreement" not in _types(_events(_one(accord)))


def test_roles_come_from_the_dependency_arcs():
    """events._found: the actor is the trigger's subject, the target its object, in the
    active and in the passive ("by X" the actor, the passive subject the target); the
    object of "at" is a target, the object of any other preposition ("in revenge for
    X") is neither; the base is where. Seen failing with AGENT_DEPS without "nsubj" or
    "agent" (no actor), TARGET_DEPS without "dobj" or "nsubjpass" (no target),
    TARGET_PREPOSITIONS without "at" (no target) and with "in" (Salim Haddadin a
    target)."""
    active = _one(S("Kataib Rahma attacked the Velmor Army at Camp Falcon.",
                    attacked="VERB:attack", Rahma="PROPN nsubj>attacked",
                    Army="PROPN dobj>attacked", at="ADP prep>attacked", Falcon="PROPN pobj>at"))
    passive = _one(S("The Velmor Army was attacked by Kataib Rahma at Camp Falcon.",
                     attacked="VERB:attack", Army="PROPN nsubjpass>attacked",
                     was="AUX:be auxpass>attacked", by="ADP agent>attacked",
                     Rahma="PROPN pobj>by", at="ADP prep>attacked", Falcon="PROPN pobj>at"),
                   source="a1")
    aside = _one(S("Kataib Rahma struck at the Velmor Army in revenge for Salim Haddadin.",
                   struck="VERB:strike", Rahma="PROPN nsubj>struck", at="ADP prep>struck",
                   Army="PROPN pobj>at", **{"in": "ADP prep>struck"},
                   revenge="NOUN pobj>in", **{"for": "ADP prep>revenge"},
                   Haddadin="PROPN pobj>for"), source="a2")
    for parsed in (active, passive, aside):
        (event,) = _events(parsed)
        assert (event.actors, event.targets) == (("kataib-rahma",), ("velmor-army",)), (
            parsed.article.text)
    (event,) = _events(active)
    assert event.bases == ("camp-falcon",)
    assert event.title == "Kataib Rahma attack on Velmor Army at Camp Falcon"


def test_a_verb_that_says_the_event_was_done_tells_who_did_it_to_whom_and_where():
    """events._doing_verb: "Zawiria carried out airstrikes in Rutba against Kataib Rahma"
    is Zawiria's attack on Kataib Rahma in Rutba, and "strikes carried out by Kataib
    Rahma" Kataib Rahma's; a country is a doer as the subject's own word, not as whose
    forces did it ("Zawiria forces"). Seen failing with doing_verbs empty (no actor,
    no target, no place), with _role_heads holding every word (Zawiria the
    actor of the third) and with "compound" among COUNTRY_ROLE_DEPS (of the fourth)."""
    carried = _one(S("Zawiria carried out airstrikes in Rutba against Kataib Rahma.",
                     carried="VERB:carry", Zawiria="PROPN nsubj>carried",
                     out="ADP prt>carried", airstrikes="NOUN:airstrike dobj>carried",
                     **{"in": "ADP prep>carried"}, Rutba="PROPN pobj>in",
                     against="ADP prep>carried", Rahma="PROPN pobj>against"))
    (event,) = _events(carried)
    assert (event.actors, event.targets) == (("zawiria",), ("kataib-rahma",))
    assert event.title == "Zawiria attack on Kataib Rahma in Rutba"
    country = _one(S("Zawiria carried out strikes on Qandoria.", carried="VERB:carry",
                     Zawiria="PROPN nsubj>carried", out="ADP prt>carried",
                     strikes="NOUN:strike dobj>carried", on="ADP prep>carried",
                     Qandoria="PROPN pobj>on"), source="a4")
    (event,) = _events(country)
    assert event.title == "Zawiria attack on Qandoria"  # not "… in Qandoria" too
    by = _one(S("Strikes carried out by Kataib Rahma hit Camp Falcon.",
                Strikes="NOUN:strike nsubj>hit", carried="VERB:carry acl>Strikes",
                out="ADP prt>carried", by="ADP agent>carried", Rahma="PROPN pobj>by",
                hit="VERB:hit", Falcon="PROPN dobj>hit"), source="a1")
    (event,) = _events(by)
    assert event.actors == ("kataib-rahma",)
    assert event.title == "Kataib Rahma attack on Camp Falcon"
    whose = _one(S("Zawiria forces launched an attack on Camp Falcon.",
                   Zawiria="PROPN compound>forces", forces="NOUN:force nsubj>launched",
                   launched="VERB:launch", attack="NOUN:attack dobj>launched",
                   on="ADP prep>attack", Falcon="PROPN pobj>on"), source="a2")
    before = _one(S("The Zawiria drone strike hit Camp Falcon.",
                    Zawiria="PROPN compound>strike", drone="NOUN:drone compound>strike",
                    strike="NOUN:strike nsubj>hit", hit="VERB:hit",
                    Falcon="PROPN dobj>hit"), source="a3")
    for parsed in (whose, before):  # whose forces, or where ("a Jordan drone strike")
        (event,) = _events(parsed)
        assert event.actors == (), parsed.article.text
        assert event.title == "Attack on Camp Falcon"


def test_on_whose_request_or_order_is_neither_who_did_it_nor_to_whom():
    """events._at_whose_request, _found: "conducted the airstrike at the request of the
    Velmor Army" is no attack on the Velmor Army (data `request_nouns`); "Zawiria asked
    Kataib Rahma to carry out airstrikes" is Kataib Rahma's, not Zawiria's. Both found by
    an adversarial review; seen failing with request_nouns empty (the army the target)
    and with the asking verb's subject taken as the doer (Zawiria the actor)."""
    request = _one(S("Kataib Rahma conducted the airstrike at the request of the Velmor Army.",
                     conducted="VERB:conduct", Rahma="PROPN nsubj>conducted",
                     airstrike="NOUN:airstrike dobj>conducted", at="ADP prep>conducted",
                     request="NOUN:request pobj>at", of="ADP prep>request",
                     Army="PROPN pobj>of"))
    (event,) = _events(request)
    assert (event.actors, event.targets) == (("kataib-rahma",), ())
    asked = _one(S("Zawiria asked Kataib Rahma to carry out airstrikes near Rutba.",
                   asked="VERB:ask", Zawiria="PROPN nsubj>asked", Rahma="PROPN dobj>asked",
                   to="PART aux>carry", carry="VERB:carry xcomp>asked", out="ADP prt>carry",
                   airstrikes="NOUN:airstrike dobj>carry", near="ADP prep>carry",
                   Rutba="PROPN pobj>near"), source="a1")
    (event,) = [e for e in _events(asked) if e.type == "attack"]
    assert event.actors == ("kataib-rahma",)


def test_a_place_taken_is_the_word_taken_not_one_inside_it():
    """events._held_place_starts: "liberated Rutba" is the liberation of Rutba;
    "liberated four hostages held in Rutba" liberates no place and is no capture of
    one. Found by an adversarial review; seen failing with the whole object's subtree
    taken (a "Liberation of Rutba")."""
    town = _one(S("Velmor Army soldiers liberated Rutba on Monday.",
                  liberated="VERB:liberate", soldiers="NOUN:soldier nsubj>liberated",
                  Rutba="PROPN dobj>liberated"))
    assert [e.title for e in _events(town)] == ["Liberation of Rutba"]
    hostages = _one(S("Soldiers liberated four hostages held in Rutba.",
                      liberated="VERB:liberate", Soldiers="NOUN:soldier nsubj>liberated",
                      hostages="NOUN:hostage dobj>liberated", held="VERB:hold acl>hostages",
                      **{"in": "ADP prep>held"}, Rutba="PROPN pobj>in"), source="a1")
    assert _types(_events(hostages)) == []


@pytest.mark.parametrize(("happened", "not_happened", "broken_by"), [
    pytest.param(
        S("Camp Falcon was attacked.", attacked="VERB:attack",
          Falcon="PROPN nsubjpass>attacked"),
        S("Camp Falcon was not attacked.", attacked="VERB:attack",
          Falcon="PROPN nsubjpass>attacked", **{"not": "PART neg>attacked"}),
        "the `neg` check of _happened_once removed", id="negated"),
    pytest.param(
        S("Kataib Rahma attacked Camp Falcon.", attacked="VERB:attack",
          Rahma="PROPN nsubj>attacked", Falcon="PROPN dobj>attacked"),
        S("Kataib Rahma would attack Camp Falcon.", attack="VERB:attack",
          Rahma="PROPN nsubj>attack", would="AUX aux>attack", Falcon="PROPN dobj>attack"),
        "the modal check of _happened_once removed", id="modal"),
    pytest.param(
        S("The Velmor Army withdrew from Camp Falcon.", withdrew="VERB:withdraw",
          Army="PROPN nsubj>withdrew", **{"from": "ADP prep>withdrew"},
          Falcon="PROPN pobj>from"),
        S("Kataib Rahma demanded that the Velmor Army withdraw from Camp Falcon.",
          demanded="VERB:demand", Rahma="PROPN nsubj>demanded",
          withdraw="VERB:withdraw ccomp>demanded", that="SCONJ mark>withdraw",
          Army="PROPN nsubj>withdraw", **{"from": "ADP prep>withdraw"},
          Falcon="PROPN pobj>from"),
        "the xcomp/ccomp `wanted_by` check of _happened_once removed", id="demanded"),
    pytest.param(
        S("Kataib Rahma used drones to attack Camp Falcon.", used="VERB:use",
          Rahma="PROPN nsubj>used", drones="NOUN:drone dobj>used",
          attack="VERB:attack advcl>used", to="PART aux>attack", Falcon="PROPN dobj>attack"),
        S("Kataib Rahma announced a plan to attack Camp Falcon.", announced="VERB:announce",
          Rahma="PROPN nsubj>announced", plan="NOUN dobj>announced",
          attack="VERB:attack acl>plan", to="PART aux>attack", Falcon="PROPN dobj>attack"),
        "the infinitive check of _happened_once removed", id="planned"),
    pytest.param(
        S("Kataib Rahma carried out an attack on Camp Falcon.", carried="VERB:carry",
          Rahma="PROPN nsubj>carried", attack="NOUN:attack dobj>carried",
          an="DET det>attack", on="ADP prep>attack", Falcon="PROPN pobj>on"),
        S("Kataib Rahma carried out 27 attacks on Camp Falcon.", carried="VERB:carry",
          Rahma="PROPN nsubj>carried", attacks="NOUN:attack dobj>carried",
          **{"27": "NUM nummod>attacks"}, on="ADP prep>attacks", Falcon="PROPN pobj>on"),
        "_happened_once's last line made `return True` (the count not read)", id="counted"),
])
def test_what_did_not_happen_is_no_event(happened, not_happened, broken_by):
    """events._happened_once: a negated, modal, demanded, planned or counted trigger is
    no event; the same sentence without that word is one. Each case was seen failing
    with the break its `broken_by` names."""
    assert len(_types(_events(_one(happened)))) == 1
    assert _types(_events(_one(not_happened))) == [], f"rule: {broken_by}"


FILLER = "The ministry gave no details."


def _attack(text, subject, obj):
    """A sentence whose verb `attacked`/`struck` has a subject and an object."""
    verb = "attacked" if "attacked" in text else "struck"
    return S(text, {verb: "VERB:" + ("attack" if verb == "attacked" else "strike"),
                    subject: f"NOUN nsubj>{verb}", obj: f"NOUN dobj>{verb}"})


def _told_in(event):
    return [m.sentence for m in event.mentions]


def test_mentions_of_one_type_a_sentence_or_two_apart_are_one_event():
    """events.cluster: within an article a mention joins one of its type up to two
    sentences back (FOLLOW_WITHIN_SENTENCES) though they share no name; one further on
    with nothing in common is another event. Past the lead, so the headline rule
    (HEADLINE_SENTENCES) does not join them instead.
    Seen failing with FOLLOW_WITHIN_SENTENCES = 0."""
    parsed = _one(FILLER, FILLER, FILLER,
                  _attack("Drones attacked Camp Falcon.", "Drones", "Falcon"),
                  FILLER,
                  _attack("Rockets struck a checkpoint.", "Rockets", "checkpoint"),
                  FILLER, FILLER, FILLER,
                  _attack("Gunmen attacked a convoy.", "Gunmen", "convoy"))
    assert sorted(_told_in(e) for e in _events(parsed)) == [["s-10"], ["s-4", "s-6"]]


def test_another_attack_past_the_lead_is_an_event_of_its_own():
    """events.cluster: "another attack", "a fresh strike" past the lead is not the event
    told of just before (data `another_words`); in the lead, or without the word, it is.
    Seen failing with another_words empty (one event of three sentences). "Rockets hit
    another hangar" is one attack on two hangars: the word is the trigger's own."""
    def told(word, lead=(FILLER, FILLER, FILLER)):
        fresh = S(f"{word.capitalize()} attack followed.", followed="VERB:follow",
                  attack="NOUN:attack nsubj>followed",
                  **({word.capitalize(): "DET:another det>attack"} if word != "a" else {}))
        return _one(*lead, _attack("Drones attacked Camp Falcon.", "Drones", "Falcon"), fresh)

    assert sorted(_told_in(e) for e in _events(told("another"))) == [["s-4"], ["s-5"]]
    assert [_told_in(e) for e in _events(told("a"))] == [["s-4", "s-5"]]
    assert [_told_in(e) for e in _events(told("another", lead=()))] == [["s-1", "s-2"]]


def test_mentions_at_two_different_bases_stay_apart():
    """events._joinable: two mentions that name only different bases are two events,
    however near. Seen failing with the bases check of _joinable removed."""
    parsed = _one(FILLER, FILLER, FILLER,
                  _attack("Drones attacked Camp Falcon.", "Drones", "Falcon"),
                  _attack("Rockets struck Camp Taji.", "Rockets", "Taji"))
    events = _events(parsed)
    assert sorted(_told_in(e) for e in events) == [["s-4"], ["s-5"]]
    assert sorted(e.title for e in events) == ["Attack on Camp Falcon", "Attack on Camp Taji"]


def test_two_articles_join_on_the_base_where_it_happened():
    """events.cluster, the anchor ("across", base): two articles' mentions of one type
    at one base, where the base is the trigger's own object, are one event; at two
    bases, two. Undated articles, so neither the lead anchor nor the similar wording
    of similar_reports joins them. Seen failing with the ("across", base) anchors
    left out of cluster."""
    def report(source, base):
        return _one(_attack(f"Drones attacked Camp {base}.", "Drones", base), source=source)

    same = _events(report("a0", "Falcon"), report("a1", "Falcon"))
    assert [[(m.source, m.sentence) for m in e.mentions] for e in same] == [
        [("a0", "s-1"), ("a1", "s-1")]]
    assert len(_events(report("a0", "Falcon"), report("a1", "Taji"))) == 2


def test_a_role_two_articles_report_titles_the_event_however_long_it_is():
    """events._title: where a third of a long event's sentences name no one role, a
    base two articles name where it happened still titles it ("Attack on Camp
    Falcon", not "Attack"); one sentence's base does not. Seen failing with
    ROLE_ARTICLES = 3 (the title was "Attack")."""
    def long_report(source, base):
        told = [_attack("Drones attacked the checkpoint.", "Drones", "checkpoint")] * 6
        told[0] = _attack(f"Drones attacked Camp {base}.", "Drones", base)
        return _one(*told, source=source)

    (event,) = _events(long_report("a0", "Falcon"), _one(
        _attack("Drones attacked Camp Falcon.", "Drones", "Falcon"), source="a1"))
    assert len(event.mentions) == 7
    assert event.title == "Attack on Camp Falcon"
    (alone,) = _events(long_report("a0", "Falcon"))
    assert alone.title == "Attack"


def test_the_date_is_the_triggers_own_resolved_against_publication():
    """events._stated_date: the event's date is a DATE span of its sentence resolved
    against the article's `published` (a weekday is the latest such day up to it), but
    only one on the trigger's clause: a date under another verb ("which opened in
    2019") is not when it happened.
    Seen failing with _stated_date returning None (no date), and with _dates_trigger
    returning True (dated 2019)."""
    parsed = article(S("Drones attacked Camp Falcon on Monday.", attacked="VERB:attack",
                       Drones="NOUN nsubj>attacked", Falcon="PROPN dobj>attacked",
                       on="ADP prep>attacked", Monday="PROPN pobj>on"),
                     ents={"Camp Falcon": "FAC", "Monday": "DATE"}, published="2024-03-06")
    (event,) = _events(parsed)
    assert (event.date, event.sort_date) == ("2024-03-04", "2024-03-04")
    parsed = article(S("Drones attacked Camp Falcon, which opened in 2019.",
                       attacked="VERB:attack", Drones="NOUN nsubj>attacked",
                       Falcon="PROPN dobj>attacked", opened="VERB:open relcl>Falcon",
                       which="PRON nsubj>opened", **{"in": "ADP prep>opened"},
                       **{"2019": "NUM pobj>in"}),
                     ents={"Camp Falcon": "FAC", "2019": "DATE"}, published="2024-03-06")
    (event,) = _events(parsed)
    assert (event.type, event.date) == ("attack", "")
