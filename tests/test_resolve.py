"""resolve on invented names, parsed by the real spaCy model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import entity_of, parse_texts

from briefgen.names import load_rules, name_key
from briefgen.records import Mention
from briefgen.resolve import resolve


def _entities(articles):
    return resolve(articles).entities


def test_transliteration_variants_land_on_one_entity():
    entities = _entities(parse_texts(
        "Interior Minister Mohamed Kareem al-Jabouri met reporters in Baghdad on Monday.",
        "Iraqi officials said Mohammed Kareem al-Jabouri would travel to Cairo.",
    ))
    a = entity_of(entities, "Mohamed Kareem al-Jabouri")
    assert a is entity_of(entities, "Mohammed Kareem al-Jabouri")
    assert a.kind == "actor" and a.type == "person"
    assert "Interior Minister" in a.roles


def test_surname_joins_the_full_name_of_the_same_article():
    entities = _entities(parse_texts(
        "Defence Minister Karim Haddadin visited the border on Sunday. "
        "Haddadin said the visit went well."
    ))
    assert entity_of(entities, "Haddadin") is entity_of(entities, "Karim Haddadin")


def test_a_full_name_ner_calls_a_body_is_the_person_its_surname_names_in_the_article():
    """NER tags "Jane Velmor" an organisation in an appositive and "Velmor" a person two
    sentences on: one person, not a body and a man."""
    (article,) = parse_texts(
        "The US ambassador to the United Nations, Jane Velmor, chastised Russia. "
        "'It is a violation,' Velmor told reporters.")
    article = _with_labels(article, [("Jane Velmor", "ORG"), ("Velmor", "PERSON")])
    entities = _entities([article])
    person = entity_of(entities, "Jane Velmor")
    assert person is entity_of(entities, "Velmor")
    assert person.type == "person"
    # not a group's name, nor a company beside another person of that surname
    (article,) = parse_texts(
        "Prime Minister Jack Zawir met envoys on Monday. Zawir said the militia Saraya "
        "al-Zawir had no role. The jets were made by Lockheed Zawir.")
    article = _with_labels(article, [("Jack Zawir", "PERSON"), ("Zawir", "PERSON"),
                                     ("Saraya al-Zawir", "ORG"), ("Lockheed Zawir", "ORG")])
    entities = _entities([article])
    assert entity_of(entities, "Saraya al-Zawir").type == "armed group"
    assert entity_of(entities, "Lockheed Zawir").type == "organisation"


def test_declared_acronym_is_an_alias_across_articles():
    entities = _entities(parse_texts(
        "The National Liberation Front (NLF) said it would hold talks in Cairo.",
        "The NLF denied the report on Tuesday.",
    ))
    assert entity_of(entities, "NLF") is entity_of(entities, "National Liberation Front")


def test_an_acronym_clipped_from_the_written_words_after_a_country_word_is_an_alias():
    """"The US Air Velmor Central (AVCENT)": the acronym clips the name's words after
    "US" as written ("Air", which spelling folds key as "eir"), NER left it untagged."""
    first, second = parse_texts(
        "The US Air Velmor Central (AVCENT) said a drone was hit on Sunday.",
        "AVCENT said the drone returned to base.")
    first = _with_labels(first, [("The US Air Velmor Central", "ORG")])
    second = _with_labels(second, [("AVCENT", "ORG")])
    entities = _entities([first, second])
    assert entity_of(entities, "AVCENT") is entity_of(entities, "US Air Velmor Central")


def test_a_name_followed_by_base_is_a_base():
    entities = _entities(parse_texts(
        "Troops arrived at Tell Harun air base on Monday.",
        "Officials in Tell Harun said more troops would come.",
        "Drones struck the Tell Harun military airbase on Tuesday.",
    ))
    base = entity_of(entities, "Tell Harun")
    assert base.kind == "base"
    assert entity_of(entities, "Tell Harun military airbase") is base


def test_generic_role_words_do_not_become_entities():
    entities = _entities(parse_texts("The Spokesperson said the Ministry would respond in Cairo."))
    names = {e.name.casefold() for e in entities}
    assert "spokesperson" not in names and "ministry" not in names


def test_better_known_as_and_formerly_join_two_names():
    entities = _entities(parse_texts(
        "A strike killed Karim Talal al-Haddadi, better known as Abu Nour, in the city.",
        "Fighters gathered in Tel Amra (formerly Tel Sakhra) in northern Velmor province.",
        'Troops killed Saleh Kamal al-Fahdawi, also known as "Abu Rami," on Monday.',
    ))
    aliases = {a for a, _ in entity_of(entities, "Abu Nour").aliases}
    assert any(a.endswith("Talal al-Haddadi") for a in aliases), aliases
    assert entity_of(entities, "Abu Rami") is entity_of(entities, "Saleh Kamal al-Fahdawi")
    assert entity_of(entities, "Tel Sakhra") is entity_of(entities, "Tel Amra")


def test_an_old_name_claimed_by_two_places_joins_neither():
    entities = _entities(parse_texts(
        "Fighters gathered in Tel Amra (formerly Tel Sakhra) in northern Velmor province.",
        "Aid arrived in Tel Nour (formerly Tel Sakhra) in southern Velmor province.",
        "Shelling hit Tel Sakhra on Monday, residents of Velmor province said.",
    ))
    sakhra = entity_of(entities, "Tel Sakhra")
    assert sakhra is not entity_of(entities, "Tel Amra")
    assert sakhra is not entity_of(entities, "Tel Nour")


def test_same_words_in_another_order_and_spelling_are_one_body():
    entities = _entities(parse_texts(
        "Oliver Grant, head of the Trade and Defence Committee, spoke on Monday.",
        "A member of the Committee on Defense and Trade said the bill would pass.",
    ))
    assert entity_of(entities, "Committee on Defense and Trade") is entity_of(
        entities, "Trade and Defence Committee")


def test_dotted_and_undotted_initialisms_join_the_spelled_out_name():
    entities = _entities(parse_texts(
        "The United Kingdom sent envoys to Cairo on Monday.",
        "U.K. officials said the UK would send more envoys to Cairo.",
    ))
    uk = entity_of(entities, "UK")
    assert uk is entity_of(entities, "U.K.") is entity_of(entities, "United Kingdom")


def test_similar_names_of_different_groups_stay_apart():
    entities = _entities(parse_texts(
        "The militia Saraya al-Nour attacked the convoy, and Ansar al-Nour denied it.",
        "Saraya al-Nour and Ansar al-Nour are rivals in Velmor.",
    ))
    assert entity_of(entities, "Saraya al-Nour") is not entity_of(entities, "Ansar al-Nour")


def test_secretary_of_department_is_a_title_not_part_of_the_name():
    entities = _entities(parse_texts(
        "US Secretary of Defense Martin Kessler met Iraqi officials in Baghdad on Monday.",
        "“Secretary Kessler reaffirmed the partnership,” a statement said.",
    ))
    kessler = entity_of(entities, "Martin Kessler")
    assert kessler.type == "person"
    assert "Secretary Kessler" in {a for a, _ in kessler.aliases}
    assert not [e for e in entities if e.name.startswith("Defense")]


def test_person_glued_to_the_end_of_an_organisation_is_split_off():
    entities = _entities(parse_texts(
        "Transport Minister Sami al-Rawiyeh visited Basra last week. On Monday, the "
        "Security and Transport Committee al-Rawiyeh and members of the delegation met."
    ))
    sami = entity_of(entities, "Sami al-Rawiyeh")
    assert "al-Rawiyeh" in {a for a, _ in sami.aliases}
    assert not [e for e in entities if e.name.endswith("Committee al-Rawiyeh")]


def test_skipped_names_are_found_by_their_head_noun_or_appositive():
    entities = _entities(parse_texts(
        "Major General Omar Dulaimi, the head of Iraq’s Border Liaison Cell, denied it.",
        "“There are no new troops,” Hadi Zubeidawi, the spokesperson of the Saraya "
        "al-Zahra group, told reporters.",
        "Operation Inherent Harbor said in a statement that it was aware of the attack. "
        "The forces of Operation Desert Harbor said so.",
    ))
    for operation in ("Operation Inherent Harbor", "Operation Desert Harbor"):
        assert entity_of(entities, operation).kind == "actor", operation
    cell = entity_of(entities, "Border Liaison Cell")
    assert (cell.kind, cell.type) == ("actor", "government body")
    assert entity_of(entities, "Hadi Zubeidawi").type == "person"


def test_short_forms_are_given_only_when_they_mean_one_entity():
    entities = _entities(parse_texts(
        "Prime Minister Karim Nouri al-Fadhili met Ali Hamza al-Tamimi and Saad al-Tamimi "
        "in Baghdad. Harakat al-Mushtaq fighters were seen in Mosul.",
    ))
    fadhili = entity_of(entities, "Karim Nouri al-Fadhili")
    assert {"al-Fadhili", "Fadhili"} <= set(fadhili.short_forms)
    tamimis = [e for e in entities if "Tamimi" in e.name]
    assert len(tamimis) == 2 and not any(e.short_forms for e in tamimis)
    assert "al-Mushtaq" in entity_of(entities, "Harakat al-Mushtaq").short_forms


def test_district_and_province_names_are_places():
    entities = _entities(parse_texts(
        "Drones flew over al-Hadidah District and Wasit Province on Monday, officials said."
    ))
    assert entity_of(entities, "al-Hadidah District").kind == "place"


# --- classes of failure seen on real news (dev corpus) ------------------------------


def test_vowel_and_letter_variants_of_one_arabic_name_are_one_entity():
    entities = _entities(parse_texts(
        "The militia Kataib Hezbollah said on Monday it fired drones at the base.",
        "Ketaib Hezbollah, an Iraqi militia, denied the report on Tuesday.",
        "The US blamed Kaitab Hezbollah for the strike, officials said.",
        "Commander Abu Hussein al-Hamidawi spoke in Baghdad on Friday.",
        "Abu Hussein Himeydavi said the group would stop its attacks.",
    ))
    group = entity_of(entities, "Kataib Hezbollah")
    assert group is entity_of(entities, "Ketaib Hezbollah")
    assert group is entity_of(entities, "Kaitab Hezbollah")
    assert entity_of(entities, "Abu Hussein al-Hamidawi") is entity_of(
        entities, "Abu Hussein Himeydavi")


def test_different_names_with_the_same_consonants_stay_apart():
    entities = _entities(parse_texts(
        "Mohammed Karim Haddad met the governor in Basra on Monday.",
        "Mahmoud Karim Haddad, a lawmaker, criticised the governor in Basra on Tuesday.",
    ))
    assert entity_of(entities, "Mohammed Karim Haddad") is not entity_of(
        entities, "Mahmoud Karim Haddad")


def test_two_given_names_with_one_skeleton_stay_two_people():
    """Hassan and Hussein (or Omar and Amer) share their consonants but are two names:
    brothers of one family name are two people."""
    entities = _entities(parse_texts(
        "Hassan Talib Marzouki met the governor in Basra on Monday.",
        "Hussein Talib Marzouki, a lawmaker, criticised the governor in Basra on Tuesday.",
        "Omar Fadel Zubeidi spoke to reporters in Najaf on Monday.",
        "Amer Fadel Zubeidi, a tribal leader, spoke to reporters in Najaf on Friday.",
        "Ziad al-Karbouli, a lawmaker from Anbar, said the vote would go ahead.",
        "Zaid al-Karbouli, a tribal sheikh from Qaim, was killed on Friday.",
    ))
    assert entity_of(entities, "Hassan Talib Marzouki") is not entity_of(
        entities, "Hussein Talib Marzouki")
    assert entity_of(entities, "Omar Fadel Zubeidi") is not entity_of(
        entities, "Amer Fadel Zubeidi")
    assert entity_of(entities, "Ziad al-Karbouli") is not entity_of(
        entities, "Zaid al-Karbouli")


def test_one_person_spelt_two_ways_across_articles_is_one_person():
    """A French "ch" for "sh" ("Hochiar"/"Hoshyar"), a short given name's other spelling
    ("Adel"/"Adil") where the rest of the name is written alike; a surname as written
    still finds its full name when another spelling gave the key."""
    entities = _entities(parse_texts(
        "The airport's director, Dilan Rashwani, said the runway was not damaged.",
        "Airport director Dilan Rachwani told reporters there was no damage.",
        "Prime Minister Adel Abdul-Karim Zubeidi condemned the attack on Monday.",
        "Adil Abdul-Karim Zubeidi, the prime minister, called the strike a violation.",
        "Lawmaker Nabil Qassem Rashwani called for an emergency session of parliament. "
        "Rashwani said the visit was a violation.",
        "Nabil Qassem Rachwani, the leader of the Islah bloc, called for a session. "
        "Nabil Qassem Rachwani said the bloc would vote.",
    ))
    assert entity_of(entities, "Dilan Rashwani") is entity_of(entities, "Dilan Rachwani")
    assert entity_of(entities, "Adel Abdul-Karim Zubeidi") is entity_of(
        entities, "Adil Abdul-Karim Zubeidi")
    nabil = entity_of(entities, "Nabil Qassem Rachwani")
    assert entity_of(entities, "Nabil Qassem Rashwani") is nabil
    assert "Rashwani" in {alias for alias, _ in nabil.aliases}  # his surname, as written


def test_a_group_named_without_its_country_joins_the_one_full_form():
    entities = _entities(parse_texts(
        "US Central Command said its forces struck two sites in Syria on Friday.",
        "Central Command said no US troops were hurt in the attack on Saturday.",
    ))
    assert entity_of(entities, "US Central Command") is entity_of(entities, "Central Command")


def test_a_clipped_acronym_is_read_from_its_words():
    from briefgen.resolve import _clipped_from

    assert _clipped_from("centcom", ["central", "command"])
    assert _clipped_from("socom", ["special", "operations", "command"])
    assert not _clipped_from("cc", ["central", "command"])  # plain initials: another rule
    assert not _clipped_from("centcom", ["central", "bank"])


def test_equipment_and_platforms_are_not_entities():
    entities = _entities(parse_texts(
        "Two Katyusha rockets hit the base on Monday, and the group posted a video on "
        "Telegram and on Twitter, officials in Baghdad said.",
        "Rockets damaged a Sky Falcon 350 aircraft belonging to the army, officials in "
        "Baghdad said.",
        "Police found a truck with a Zelzal rocket launcher platform near Basra.",
        "Hezbollah rocket attacks on the north continued on Monday.",
    ))
    assert entity_of(entities, "Hezbollah").kind == "actor"  # a weapon saying how
    names = {a for e in entities for a, _ in e.aliases}
    assert not names & {"Katyusha", "Telegram", "Twitter", "Sky Falcon 350", "Zelzal"}, names
    assert "Baghdad" in names


def test_a_name_cut_by_the_end_of_a_truncated_text_is_not_an_entity():
    entities = _entities(parse_texts(
        "Officials met in Baghdad on Monday, and the spokesperson told Rudaw's Diyar Kur"
    ))
    names = {a for e in entities for a, _ in e.aliases}
    assert "Diyar Kur" not in names and "Baghdad" in names


def test_a_place_name_with_a_generic_word_is_the_same_place():
    entities = _entities(parse_texts(
        "Rockets were fired from the Gaza Strip on Monday, officials in Cairo said.",
        "Aid trucks entered Gaza on Tuesday, the ministry in Cairo said.",
    ))
    assert entity_of(entities, "Gaza Strip") is entity_of(entities, "Gaza")


def test_a_base_named_after_its_town_gets_a_page_apart_from_the_town():
    town = [f"Officials in Mosul said on day {n} that the market in Mosul reopened."
            for n in range(1, 6)]
    entities = _entities(parse_texts(*town, "Rockets hit the Mosul base on Friday."))
    base = entity_of(entities, "Mosul base")
    assert base.kind == "base"
    assert base is not entity_of(entities, "Mosul")


def test_a_group_named_with_another_collective_noun_is_one_group():
    entities = _entities(parse_texts(
        "The Popular Defence Forces said on Monday that they had taken the hill.",
        "Fighters of the Popular Defence Units were seen near the river on Tuesday.",
    ))
    assert entity_of(entities, "Popular Defence Forces") is entity_of(
        entities, "Popular Defence Units")


def test_a_group_named_with_and_without_its_country_and_corps_is_one_group():
    entities = _entities(parse_texts(
        "The Islamic Coastal Guard Corps seized a tanker in the Gulf on Monday.",
        "The Iranian Coastal Guard said the tanker had left Bandar Abbas on Sunday.",
    ))
    assert entity_of(entities, "Islamic Coastal Guard Corps") is entity_of(
        entities, "Iranian Coastal Guard")


def test_two_countries_bodies_with_the_same_core_name_stay_apart():
    entities = _entities(parse_texts(
        "The Iraqi Special Operations Forces raided a house in Mosul on Monday.",
        "The Jordanian Special Operations Forces trained near Amman on Tuesday.",
    ))
    assert entity_of(entities, "Iraqi Special Operations Forces") is not entity_of(
        entities, "Jordanian Special Operations Forces")


def test_a_ministry_named_in_full_and_short_with_doubled_letters_is_one_body():
    # "Affairs" and "Iraqi" are compared in key form ("afairs", "iraki")
    entities = _entities(parse_texts(
        "The Iraqi Ministry of Foreign Affairs summoned the envoy on Monday.",
        "The Iraqi Foreign Ministry said on Tuesday that the envoy had left.",
    ))
    assert entity_of(entities, "Iraqi Ministry of Foreign Affairs") is entity_of(
        entities, "Iraqi Foreign Ministry")


def test_an_acronym_of_a_bodys_name_without_its_countries_joins_it():
    entities = _entities(parse_texts(
        "The meeting of the U.S.-Iraq Joint Water Commission was held in Baghdad on Monday. "
        "The JWC said the talks would go on.",
    ))
    assert entity_of(entities, "JWC") is entity_of(entities, "U.S.-Iraq Joint Water Commission")


def test_everyday_country_names_join_the_country():
    entities = _entities(parse_texts(
        "The United States sent two envoys to Baghdad on Monday.",
        "Protesters chanted against America outside the embassy on Tuesday.",
    ))
    assert entity_of(entities, "America") is entity_of(entities, "United States")


def test_outlets_ner_missed_are_found_where_the_article_cites_them():
    entities = _entities(parse_texts(
        "A defence official told Nahrain 12 that the drones were shot down on Monday. "
        "The state news agency QANA reported two blasts. "
        "The spokesman said so on Monday, speaking to al-Barqawi television. "
        "An Arabic-language television network showed the site.",
    ))
    for outlet in ("Nahrain 12", "QANA", "al-Barqawi"):
        assert entity_of(entities, outlet).type == "media outlet", outlet
    assert not [e for e in entities if e.name.startswith("Arabic")]


def test_a_name_before_a_lower_case_base_or_place_noun_is_a_base_or_place():
    entities = _entities(parse_texts(
        "Two drones struck the Victory base near the airport on Monday. "
        "Jets also hit a depot in the Qaim district and near Syria's al-Khazra village. "
        "Rockets landed in the countryside of al-Hasakah Governorate on Tuesday. "
        "Militants fired rockets at a US base at the Koniko gas field.",
    ))
    assert entity_of(entities, "Victory base").kind == "base"
    for place in ("Qaim", "al-Khazra", "al-Hasakah Governorate"):
        assert entity_of(entities, place).kind == "place", place
    assert entity_of(entities, "Koniko gas field").kind in {"place", "base"}
    assert not [e for e in entities if e.name in {"US", "United States"} and e.kind == "base"]
    # nor is "US base" a way of writing the United States (it was an alias of its page)
    us = entity_of(entities, "US")
    assert [ref.text for ref in us.mentions] == ["US"]


def test_names_run_together_in_a_title_case_headline_are_cut_to_a_known_name():
    entities = _entities(parse_texts(
        "Drone Strike in Kirkuk Kills High-Ranking Militia Commander\n\n"
        "A drone hit a car in Kirkuk on Monday, police said.",
        "Shiite Militia Saraya Hezbollah Suspends Military Operations Against U.S. Forces\n\n"
        "A spokesman for Saraya Hezbollah said on Monday that it would halt its attacks.",
    ))
    assert len(entity_of(entities, "Kirkuk").mentions) == 2
    assert len(entity_of(entities, "Saraya Hezbollah").mentions) == 2
    names = {e.name for e in entities}
    assert not [n for n in names if "Kills" in n or "Suspends" in n or n == "Drone Strike"]


def test_a_job_title_is_not_an_entity_and_a_support_site_is_a_base():
    entities = _entities(parse_texts(
        "Jane Roe, National Security Correspondent for the Daily Planet, said two soldiers "
        "were wounded. Troops at Mission Support Site Orchard were put on alert.",
    ))
    assert not [e for e in entities if "Correspondent" in e.name]
    assert entity_of(entities, "Mission Support Site Orchard").kind == "base"


def test_two_titles_of_one_person_with_the_same_last_word_are_both_kept():
    entities = _entities(parse_texts(
        "Foreign Minister Karim Haddadin met the envoy in Amman on Monday.",
        "Iraqi Prime Minister Karim Haddadin said on Tuesday that talks would go on.",
        "Iraq's Prime Minister Karim Haddadin spoke to reporters on Wednesday.",
    ))
    roles = entity_of(entities, "Karim Haddadin").roles
    assert len(roles) == 2, roles
    assert {r.split()[-2] for r in roles} == {"Foreign", "Prime"}


def test_a_body_named_after_an_office_holder_is_still_an_entity():
    entities = _entities(parse_texts(
        "The Office of the President said on Monday that the envoy had left Baghdad.",
    ))
    assert entity_of(entities, "Office of the President").kind == "actor"


def test_country_words_are_known_as_written_whatever_their_key():
    # the list is kept in key form ("iraki", "katari", "rusian"); words come as written
    from briefgen.names import is_qualifier, load_rules

    rules = load_rules()
    assert all(is_qualifier(w, rules) for w in ("Iraqi", "Iraq", "Qatari", "Russian", "US"))
    assert not any(is_qualifier(w, rules) for w in ("Oil", "Ministry", "Harir"))


def test_a_two_word_surname_joins_the_one_full_name_it_ends():
    entities = _entities(parse_texts(
        "Earlier, Prime Minister Jawad Abdul Rahim asked parliament to end the presence of "
        "foreign troops. Abdel Rahim resigned in November amid protests, but remains in a "
        "caretaker position."
    ))
    assert entity_of(entities, "Abdel Rahim") is entity_of(entities, "Jawad Abdul Rahim")


def test_a_group_tagged_as_a_person_lends_its_last_word_no_surname():
    """NER calls "Kataeb Hezbollah" a person; "Hezbollah" alone is another group."""
    entities = _entities(parse_texts(
        "The official said the strikes against the Kataeb Hezbollah militia, or Hezbollah "
        "Brigades, hit an area along the border. The U.S. has targeted facilities belonging "
        "to Kataeb Hezbollah, which is separate from the Lebanese Hezbollah movement.",
        "Hezbollah leader Hassan Nasrallah spoke in Beirut on Friday.",
    ))
    assert entity_of(entities, "Hezbollah") is not entity_of(entities, "Kataeb Hezbollah")


def test_a_surname_tagged_as_a_group_beside_the_person_is_the_person():
    entities = _entities(parse_texts(
        "President Tom Harlan ordered the strikes on Thursday.",
        "The strikes were ordered by President Harlan. Harlan’s decision to attack in Syria "
        "did not signal a wider war.",
    ))
    (harlan,) = [e for e in entities if "Harlan" in e.name]
    assert harlan.type == "person" and harlan.name == "Tom Harlan"


def test_the_town_of_x_and_the_second_of_a_pair_are_places():
    entities = _entities(parse_texts(
        "Fighters conducted operations to liberate the towns of Mahbal and Al-Sarifa on the "
        "eastern bank of the Euphrates River. Rockets hit the city of Kalbar in the north on "
        "Monday, and residents east of the Kalbar fled."
    ))
    for name in ("Mahbal", "Al-Sarifa", "Kalbar"):
        assert entity_of(entities, name).kind == "place", name


def test_a_groups_name_without_its_middle_words_and_its_last_word_alone_join_it():
    entities = _entities(parse_texts(
        "Harakat Ansar al-Fajr said it attacked the base. Harakat al-Fajr has threatened US "
        "troops before.",
        "A spokesman for al-Fajr said the group would fight on.",
        "Harakat Ansar al-Fajr fired rockets. A spokesman for Fajr said the group would "
        "fight on.",
        "Fighters of Saraya al-Salam paraded in Baghdad.",
        "Prime Minister Nawaf Salam met the envoy on Monday. Salam said talks went well.",
        "Kataib Hezbollah said on Monday that it had attacked the base.",
        "Hezbollah fired rockets into Israel on Tuesday.",
    ))
    full = entity_of(entities, "Harakat Ansar al-Fajr")
    assert full is entity_of(entities, "Harakat al-Fajr") is entity_of(entities, "al-Fajr")
    assert entity_of(entities, "Fajr") is full  # without its article, beside its full name
    assert full.kind == "actor"
    assert entity_of(entities, "Salam") is entity_of(entities, "Nawaf Salam")  # a person
    # a last word that is a name of its own is no short form
    assert entity_of(entities, "Hezbollah") is not entity_of(entities, "Kataib Hezbollah")


def test_a_groups_arabic_name_and_its_english_translation_are_one_group():
    entities = _entities(parse_texts(
        "Fighters of Kataib Nasr al-Din attacked the base on Monday.",
        "A spokesman for the Nasr al-Din Brigades denied the report.",
    ))
    group = entity_of(entities, "Kataib Nasr al-Din")
    assert group is entity_of(entities, "Nasr al-Din Brigades")
    assert group.kind == "actor"


def test_a_river_named_with_and_without_river_is_one_place_but_not_the_country():
    entities = _entities(parse_texts(
        "Tribal leaders called on Syrians living east of the Khabur to rise up. Jordan "
        "closed its border on Monday.",
        "Forces crossed the Khabur River on Tuesday. Settlers crossed the Jordan River.",
    ))
    river = entity_of(entities, "Khabur")
    assert river is entity_of(entities, "Khabur River") and river.kind == "place"
    assert entity_of(entities, "Jordan") is not entity_of(entities, "Jordan River")


def test_a_place_spelt_with_another_opening_vowel_or_article_is_one_place():
    entities = _entities(parse_texts(
        "Three rockets hit the city of Erbil on Monday. Fighters shelled Deir ez-Zur.",
        "Drones were shot down near Irbil on Sunday. Clashes broke out in Deir al-Zour.",
        "Protesters gathered in Basra on Friday.",
        "Fighting raged in Bosra, a town in southern Syria, on Saturday.",
    ))
    erbil = entity_of(entities, "Erbil")
    assert erbil is entity_of(entities, "Irbil") and erbil.kind == "place"
    assert entity_of(entities, "Deir ez-Zur") is entity_of(entities, "Deir al-Zour")
    assert entity_of(entities, "Basra") is not entity_of(entities, "Bosra")


def _with_labels(article, labelled):
    """The article with NER's spans replaced by `labelled` ((surface, label), in order):
    the misreads the model makes on real news, pinned so the rule is tested, not the model."""
    text, spans, at = article.article.text, [], 0
    for surface, label in labelled:
        start = text.index(surface, at)
        at = start + len(surface)
        sentence = next(s for s in article.sentences if s.start <= start < s.end)
        spans.append(Mention(sentence.id, start, at, surface, label))
    return replace(article, mentions=tuple(spans))


def test_a_word_ner_reads_as_a_nationality_or_a_person_is_named_by_what_follows():
    # On real news the model tags "Kata’ib" NORP beside "Hezbollah" ORG, "Harir" NORP
    # before "base", and "K1" PERSON before "airbase".
    first, second = parse_texts(
        "Officials looked into the Shia militia, Kata’ib Rahma. "
        "Troops left Zawir base in the north on Tuesday. "
        "Two rockets landed at the K7 airbase on Friday. "
        "Kata’ib Sayyid al-Rahman said so.",
        "Kataib Rahma fired drones at the Zawir Air Base on Monday. "
        "Kataib Sayyid al-Rahman denied it.",
    )
    first = _with_labels(first, [("Shia", "NORP"), ("Kata’ib", "NORP"), ("Rahma", "ORG"),
                                 ("Zawir", "NORP"), ("K7", "PERSON"),
                                 ("Sayyid al-Rahman", "PERSON")])
    second = _with_labels(second, [("Kataib Rahma", "ORG"), ("Zawir Air Base", "FAC"),
                                   ("Kataib Sayyid al-Rahman", "ORG")])
    entities = _entities([first, second])
    assert entity_of(entities, "Kata’ib Rahma") is entity_of(entities, "Kataib Rahma")
    assert entity_of(entities, "Kata’ib Sayyid al-Rahman") is entity_of(
        entities, "Kataib Sayyid al-Rahman")
    assert entity_of(entities, "Zawir base") is entity_of(entities, "Zawir Air Base")
    assert entity_of(entities, "Zawir base").kind == "base"
    assert entity_of(entities, "K7 airbase").kind == "base"
    assert not [e for e in entities if e.name in {"Kata’ib", "Rahma", "Shia Kata’ib Rahma"}]
    assert not _entities(parse_texts("No names here at all, it said."))
    # nationality words, peoples and plurals are no words of a name
    entities = _entities(parse_texts(
        "Spanish Defence Minister Margarita Robles spoke on Monday. "
        "Israelis Hamas fighters seized were freed. An Assyrian village was shelled."))
    assert not [e for e in entities if e.name in {"Spanish Defence", "Israelis Hamas",
                                                  "Assyrian"}]


def test_descriptions_of_one_coalition_are_one_body_and_another_leader_s_stays_apart():
    entities = _entities(parse_texts(
        "The US-led coalition said two drones were shot down on Monday. "
        "Officials of the international anti-ISIS coalition met in Baghdad.",
        "The U.S.-led international coalition withdrew from the town on Tuesday. "
        "A spokesman for the Global Coalition said on Tuesday that it had left.",
        "The Saudi-led coalition struck a port in Yemen on Monday.",
    ))
    coalition = entity_of(entities, "US-led coalition")
    led = _entities(parse_texts("Iraqi forces, working with US-led coalition forces, left."))
    assert entity_of(led, "US-led coalition").kind == "actor"
    for other in ("international anti-ISIS coalition", "U.S.-led international coalition",
                  "Global Coalition"):
        assert entity_of(entities, other) is coalition, other
    assert entity_of(entities, "Saudi-led coalition") is not coalition
    assert coalition.kind == "actor"
    assert coalition.name == "Global Coalition"  # a name titles the page, not a description
    # where the corpus names two leaders, a story that names none joins neither
    apart = _entities(parse_texts(
        "The Saudi-led coalition struck a port in Yemen on Monday.",
        "The US-led coalition said on Monday that it had left.",
        "The international coalition against ISIS said on Monday that it had left. "
        "The Coordination Framework, a broader coalition of Shia parties, met on Tuesday.",
    ))
    assert entity_of(apart, "international coalition") is not entity_of(
        apart, "US-led coalition")
    assert entity_of(apart, "international coalition") is not entity_of(
        apart, "Saudi-led coalition")
    assert not [e for e in apart if "broader coalition" in {a for a, _ in e.aliases}]
    alone = _entities(parse_texts("Officials of the international coalition met in Baghdad."))
    assert entity_of(alone, "international coalition").name == "International coalition"


def test_a_place_s_short_word_spelt_with_other_vowels_is_the_same_place():
    entities = _entities(parse_texts(
        "Rockets hit the town of Kafr al-Zor on Monday.",
        "Drones struck a depot in the town of Kafr al-Zour on Tuesday.",
        "Militants left the town of Kafr Ezzor on Wednesday.",
        "Jets struck the town of Dayr Hawr on Monday. Rockets hit the town of Deir Hor.",
        "Troops left the town of Tal Hamrah on Monday. Drones struck the town of Tal Hamreh.",
        "Omar al-Dulaimi, a lawmaker, met reporters. Sheikh Amer al-Dulaimi said no.",
        "Clashes hit Ma'an Governorate on Monday. Protests spread in Amman Governorate.",
        "Hassan Ali met reporters in Baghdad. Hassan Ala met them in Basra.",
    ))
    town = entity_of(entities, "Kafr al-Zor")
    assert entity_of(entities, "Kafr al-Zour") is town
    assert entity_of(entities, "Kafr Ezzor") is town
    assert entity_of(entities, "Dayr Hawr") is entity_of(entities, "Deir Hor")  # diphthongs
    assert entity_of(entities, "Tal Hamrah") is entity_of(entities, "Tal Hamreh")  # -ah, -eh
    # people's names, and places that share only a generic word, stay apart
    assert entity_of(entities, "Omar al-Dulaimi") is not entity_of(entities, "Amer al-Dulaimi")
    assert entity_of(entities, "Ma'an Governorate") is not entity_of(
        entities, "Amman Governorate")
    assert entity_of(entities, "Hassan Ali") is not entity_of(entities, "Hassan Ala")


def test_a_country_s_adjective_and_its_name_in_front_of_a_body_are_one_body():
    entities = _entities(parse_texts(
        "The American Embassy in Baghdad said on Monday that it was safe. "
        "The United States Army sent two brigades.",
        "Rockets fell near the US Embassy on Tuesday. The U.S. Army said it was aware.",
        "The Iraqi News Agency reported strikes in Iraq on Monday.",
    ))
    assert entity_of(entities, "Iraqi News Agency") is not entity_of(entities, "Iraq")
    assert entity_of(entities, "American Embassy") is entity_of(entities, "US Embassy")
    assert entity_of(entities, "United States Army") is entity_of(entities, "U.S. Army")


def test_a_name_opened_by_the_initials_of_another_s_first_words_is_that_name():
    entities = _entities(parse_texts(
        "Rockets struck Mission Support Site Falcon Ridge on Monday.",
        "Officials at MSS Falcon Ridge said two drones were shot down on Tuesday.",
        "Officials at MSS Harbor Point said nothing on Tuesday.",
    ))
    site = entity_of(entities, "Mission Support Site Falcon Ridge")
    assert entity_of(entities, "MSS Falcon Ridge") is site
    assert entity_of(entities, "MSS Harbor Point") is not site


def test_a_town_s_airport_in_lower_case_is_the_airport_not_the_town():
    entities = _entities(parse_texts(
        "A drone crashed near Kirkuk International Airport on Monday.",
        "Rockets fell near the Kirkuk airport on Tuesday, officials in Kirkuk said.",
    ))
    airport = entity_of(entities, "Kirkuk International Airport")
    assert entity_of(entities, "Kirkuk airport") is airport
    assert entity_of(entities, "Kirkuk") is not airport


def test_a_body_s_names_that_reference_works_list_are_one_body():
    """resolve.yml's known_aliases: names no text explains ("Daesh" is ISIS)."""
    entities = _entities(parse_texts(
        "Officials blamed Daesh for the attack on Monday, the Pentagon said.",
        "ISIS claimed the attack on Tuesday, according to the US Department of Defense.",
        "Australia's Department of Defence said its aircraft were safe.",
    ))
    assert entity_of(entities, "Daesh") is entity_of(entities, "ISIS")
    assert entity_of(entities, "Pentagon") is entity_of(entities, "US Department of Defense")
    assert entity_of(entities, "Department of Defence") is not entity_of(entities, "Pentagon")


def test_a_titled_surname_is_the_one_of_its_namesakes_with_that_title():
    entities = _entities(parse_texts(
        "President Jonah Velmar landed in Baghdad with Mira Velmar on Monday. "
        "President Velmar met troops at the base.",
    ))
    assert entity_of(entities, "President Velmar") is entity_of(entities, "Jonah Velmar")


def test_an_outlet_named_with_its_edition_is_the_outlet_but_not_a_country():
    entities = _entities(parse_texts(
        "A reporter for Velmor World said the base was hit, Velmor reported.",
        "Iran International reported the strike, officials in Iran said.",
    ))
    assert entity_of(entities, "Velmor") is entity_of(entities, "Velmor World")
    assert entity_of(entities, "Iran International") is not entity_of(entities, "Iran")


def test_a_coalition_led_backed_or_named_by_its_leader_s_country_is_one_body():
    """"The United States-led coalition", "the US-backed coalition", "the US coalition"
    and "the American-led coalition" name one body; "the Saudi-led coalition" another;
    "the Global Coalition" names no leader, and a town before "Coalition base" is none."""
    entities = _entities(parse_texts(
        "A jet was shot down by the United States-led coalition on Monday.",
        "A spokesperson for the US-backed coalition said on Monday that it was hit.",
        "The US coalition claimed in its statement that it had responded.",
        "The American-led coalition said on Tuesday that it had left the town.",
        "The Saudi-led coalition struck a port in Yemen on Monday.",
        "Rockets hit the Zawir Coalition base on Tuesday.",
    ))
    coalition = entity_of(entities, "United States-led coalition")
    for other in ("US-backed coalition", "US coalition", "American-led coalition"):
        assert entity_of(entities, other) is coalition, other
    assert entity_of(entities, "Saudi-led coalition") is not coalition
    assert not any(name == "United States" for e in entities for name, _ in e.aliases)
    assert entity_of(entities, "Zawir Coalition") is not coalition


def test_an_outlet_s_edition_is_the_outlet_however_short_its_name():
    # "CNN" folds to a two-letter key ("cn"); its edition is still the outlet
    first, second = parse_texts("ZNN International reported the strike on Monday.",
                                "RAQQA, Syria (ZNN) — A warplane was shot down.")
    first = _with_labels(first, [("ZNN International", "ORG")])
    second = _with_labels(second, [("RAQQA", "GPE"), ("Syria", "GPE"), ("ZNN", "ORG")])
    entities = _entities([first, second])
    assert entity_of(entities, "ZNN") is entity_of(entities, "ZNN International")


def test_a_group_s_name_without_its_country_and_its_collective_noun_is_the_group():
    """"The Tribal Mobilisation" is the "Iraqi Tribal Mobilization Forces": the
    country in front and "Forces" at the end are left out by writers, together."""
    first, second = parse_texts(
        "The Iraqi Tribal Mobilization Forces said a drone struck its depot on Monday.",
        "The deputy head of the Tribal Mobilisation, which is dominated by militias, "
        "alleged that the US was behind the blast.",
    )
    entities = _entities([
        _with_labels(first, [("Iraqi Tribal Mobilization Forces", "ORG")]),
        _with_labels(second, [("the Tribal Mobilisation", "ORG"), ("US", "GPE")])])
    assert entity_of(entities, "Tribal Mobilisation") is entity_of(
        entities, "Iraqi Tribal Mobilization Forces")


def test_a_place_told_as_the_area_of_it_is_a_place_and_its_spellings_meet():
    entities = _entities(parse_texts(
        "The jet crashed over the area of al-Rumana in the southern countryside of Raqqa.",
        "Forces attacked SDF fighters near the Rumena village on Sunday.",
    ))
    place = entity_of(entities, "Rumena")
    assert entity_of(entities, "al-Rumana") is place
    assert place.kind == "place"


def test_two_acronyms_joined_by_a_dash_are_the_body_each_spells():
    """"CJTF-OIR" is the "Combined Joint Task Force – Operation Inherent Resolve": one
    body with the "Combined Joint Task Force" and "Operation Inherent Resolve", which
    the tagger may call a work of art."""
    first, second, third = parse_texts(
        '"The bombs fell near Tabqa," Operation Velvet Shield said in a statement.',
        "The jet was shot down, the Joint Allied Task Force said on Monday.",
        '"The mission of JATF-OVS in Iraq is to enable our partners," it said.',
    )
    entities = _entities([
        _with_labels(first, [("Tabqa", "GPE"), ("Operation Velvet Shield", "WORK_OF_ART")]),
        _with_labels(second, [("the Joint Allied Task Force", "ORG")]),
        _with_labels(third, [("JATF-OVS", "ORG"), ("Iraq", "GPE")]),
    ])
    body = entity_of(entities, "JATF-OVS")
    assert entity_of(entities, "Joint Allied Task Force") is body
    assert entity_of(entities, "Operation Velvet Shield") is body


def test_an_aircraft_by_its_code_and_name_and_a_time_zone_are_no_entities():
    article, = parse_texts(
        "At 6:43pm (16:43 BST) the jet was shot down by a US F/A-28E Storm Falcon, "
        "the ministry said at 1743 GMT.")
    entities = _entities([_with_labels(article, [
        ("BST", "ORG"), ("US", "GPE"), ("F/A-28E Storm Falcon", "ORG"), ("GMT", "ORG")])])
    names = {name for e in entities for name, _ in e.aliases}
    assert names == {"US"}


def test_a_person_with_a_middle_initial_or_a_short_first_name_is_one_person():
    """"Patrick Velmont" and "Brig. Gen. Patrick S. Velmont" are one man (and "Brig" of
    the title is no one), and "Pat Velmont" beside him in one article; across articles
    a short first name may be another man ("Jack Rennet" and "John Rennet"); two
    different middle initials are two men."""
    first, second, third = parse_texts(
        "Press secretary Pat Velmont said the drone was shot down. Velmont said so. "
        "Patrick Velmont told reporters. Senator Jack Rennet spoke.",
        "Spokesman Brig. Gen. Patrick S. Velmont said on Thursday the drone was a threat.",
        "John Rennet, an aid worker, was freed. John H. W. Dorran and John W. Dorran met.",
    )
    entities = _entities([
        _with_labels(first, [("Pat Velmont", "PERSON"), ("Velmont", "PERSON"),
                             ("Patrick Velmont", "PERSON"), ("Jack Rennet", "PERSON")]),
        _with_labels(second, [("Brig", "PERSON"), ("Patrick S. Velmont", "PERSON")]),
        _with_labels(third, [("John Rennet", "PERSON"), ("John H. W. Dorran", "PERSON"),
                             ("John W. Dorran", "PERSON")]),
    ])
    man = entity_of(entities, "Patrick S. Velmont")
    for other in ("Pat Velmont", "Patrick Velmont", "Velmont"):
        assert entity_of(entities, other) is man, other
    assert entity_of(entities, "Jack Rennet") is not entity_of(entities, "John Rennet")
    assert entity_of(entities, "John H. W. Dorran") is not entity_of(entities, "John W. Dorran")
    assert not any(name == "Brig" for e in entities for name, _ in e.aliases)


def test_a_body_without_its_country_joins_the_full_form_known_by_another_name():
    """"The Defense Department" shortens "the US Defense Department", which the known
    aliases already made the Pentagon's: it is the Pentagon too."""
    entities = _entities(parse_texts(
        "The US Defense Department said on Monday that two drones were shot down.",
        "The Pentagon said the drones came from Iraq.",
        "The Defense Department said on Tuesday that no one was hurt.",
    ))
    assert entity_of(entities, "Defense Department") is entity_of(entities, "Pentagon")


def test_a_base_s_name_alone_that_ner_calls_a_group_is_the_base():
    """"The attack on Al Zawir" after "Al Zawir air base" in one article is the base
    (named "Ain al-Zawir air base" elsewhere), whatever label NER gives the bare name."""
    first, second = parse_texts(
        "The incident occurred at Al Zawir air base, officials said on Monday. "
        "Al Zawir has been a frequent target for militants. "
        "The attack on Al Zawir was first reported by Velmor News.",
        "Rockets hit Ain al-Zawir air base on Monday.")
    entities = _entities([
        _with_labels(first, [("Al Zawir", "ORG"), ("Al Zawir", "ORG"), ("Al Zawir", "ORG"),
                             ("Velmor News", "ORG")]),
        _with_labels(second, [("Ain al-Zawir", "PERSON")])])
    base = entity_of(entities, "Ain al-Zawir air base")
    assert entity_of(entities, "Al Zawir") is base
    assert base.kind == "base"


def test_a_name_cut_after_a_joining_word_takes_the_rest_and_a_capitalised_head_stays():
    """NER stops at "in" ("The Velmoran Resistance in | Iraq"): the capitalised words after
    it finish the name; "the Velmoran Resistance" ends in its own word, not a descriptor
    to cut, while "Kataib Velmor Shia" ends in one."""
    first, second = parse_texts(
        "The Velmoran Resistance in Iraq published footage of the launch on Monday.",
        "The Velmoran Resistance said last week that it struck a target. "
        "Kataib Velmor Shia fighters fired rockets.",
    )
    entities = _entities([
        _with_labels(first, [("The Velmoran Resistance in", "ORG"), ("Iraq", "GPE")]),
        _with_labels(second, [("The Velmoran Resistance", "ORG"),
                              ("Kataib Velmor Shia", "ORG")])])
    group = entity_of(entities, "The Velmoran Resistance in Iraq")
    assert entity_of(entities, "The Velmoran Resistance") is group
    assert entity_of(entities, "Kataib Velmor").name == "Kataib Velmor"


def test_a_capitalised_coalition_alone_is_the_coalition_its_article_names():
    entities = _entities(parse_texts(
        "The US-led coalition said a jet was shot down on Monday in self-defence of "
        "Coalition partnered forces.",
        "Coalition forces left the town. The coalition of parties met in Baghdad.",
    ))
    coalition = entity_of(entities, "US-led coalition")
    assert entity_of(entities, "Coalition") is coalition
    assert [name for name, _ in coalition.aliases].count("Coalition") == 1


def test_a_capitalised_coalition_opening_a_sentence_or_after_and_is_the_one_described():
    entities = _entities(parse_texts(
        "The US-led coalition struck the town on Monday. Coalition warplanes flew "
        "overhead. Rockets were fired at U.S. and Coalition forces at the base.",
        "Coalition partners met in Baghdad on Tuesday.",
    ))
    coalition = entity_of(entities, "US-led coalition")
    told = {(m.source, m.sentence) for m in coalition.mentions}
    assert told == {("a0", "s-1"), ("a0", "s-2"), ("a0", "s-3")}, told


def test_two_bodies_joined_by_a_dash_stay_two():
    """"KDP-PUK" names two parties: neither is joined to the other, nor is the pair
    either one (only a body and its operation make one, as "CJTF-OIR")."""
    first, second = parse_texts(
        "The Velmor Democratic Party won 39 seats on Monday. "
        "The Patriotic Union of Zawir won 23 seats.",
        "Officials of VDP-PUZ said on Tuesday that talks had begun.",
    )
    entities = _entities([
        _with_labels(first, [("The Velmor Democratic Party", "ORG"),
                             ("The Patriotic Union of Zawir", "ORG")]),
        _with_labels(second, [("VDP-PUZ", "ORG")])])
    parties = {entity_of(entities, n) for n in (
        "Velmor Democratic Party", "Patriotic Union of Zawir", "VDP-PUZ")}
    assert len(parties) == 3


def test_someone_s_coalition_is_not_the_coalition_an_article_describes():
    first, second = parse_texts(
        "Prime Minister Karim Velmar's Coalition won 46 seats on Monday. "
        "The vote left the ruling Coalition short of a majority.",
        "The US-led coalition said a jet was shot down on Monday.",
    )
    entities = _entities([first, second])
    coalition = entity_of(entities, "US-led coalition")
    assert coalition.name == "US-led coalition"
    assert "Coalition" not in {name for name, _ in coalition.aliases}


def test_the_words_taken_after_a_cut_name_stop_at_the_line_and_spare_other_names():
    article, = parse_texts(
        "The attack was claimed on Monday by the Islamic Velmor in\n"
        "Iraq Kataib Zawir Harakat Zawir al-Rumana said nothing.")
    entities = _entities([_with_labels(article, [
        ("the Islamic Velmor in", "ORG"), ("Iraq", "GPE"), ("Kataib Zawir", "ORG"),
        ("Harakat Zawir al-Rumana", "ORG")])])
    names = {name for e in entities for name, _ in e.aliases}
    assert "Harakat Zawir al-Rumana" in names and "Kataib Zawir" in names
    assert not any("\n" in name or "Kataib" in name and "Velmor" in name for name in names)


def test_a_compound_written_whole_or_in_parts_is_one_name():
    first, second = parse_texts(
        "The Iraqi Counter-Velmor Service said on Monday that it raided a depot.",
        "The Countervelmor Service arrested 14 men on Tuesday.",
    )
    entities = _entities([
        _with_labels(first, [("The Iraqi Counter-Velmor Service", "ORG")]),
        _with_labels(second, [("The Countervelmor Service", "ORG")])])
    assert entity_of(entities, "Countervelmor Service") is entity_of(
        entities, "Iraqi Counter-Velmor Service")


def test_a_body_named_again_by_the_end_of_its_name_in_one_article_is_that_body():
    """"The Operations Command" after "the 47th Brigade of the Al-Zawir Operations
    Command" and "the Al-Zawir Operations Command" is the command (the shortest of the
    nested names); in another article it is no one's in particular."""
    first, second = parse_texts(
        "The strike hit the 47th Brigade of the Al-Zawir Operations Command on Tuesday. "
        "The Al-Zawir Operations Command said two were hurt. "
        "The Operations Command said it would investigate.",
        "The Operations Command said on Friday that the roads were open.",
    )
    entities = _entities([
        _with_labels(first, [("the 47th Brigade of the Al-Zawir Operations Command", "ORG"),
                             ("The Al-Zawir Operations Command", "ORG"),
                             ("The Operations Command", "ORG")]),
        _with_labels(second, [("The Operations Command", "ORG")])])
    command = entity_of(entities, "Al-Zawir Operations Command")
    mentions = {m.source for m in command.mentions if m.text == "The Operations Command"}
    assert mentions == {"a0"}


def test_a_known_name_the_tagger_missed_or_cut_is_found_as_written():
    """The known-alias lists are looked for in the text: "Islamic State militants" (NER
    keeps "Islamic"), "IS fighters" (untagged), "Shiite Hashd al-Shaabi" (a creed glued
    on); a line in capitals or a subject before it, where "IS" is a verb, and a longer
    name written on with the Arabic article ("Hashd al-Watani") are left alone."""
    entities = _entities(parse_texts(
        "Fighting between Iraqi security forces and Islamic State militants went on in "
        "the old city on Saturday.",
        "The strike had been requested by Iraqi forces to target IS fighters and equipment.",
        "Iraqi forces, including the Iranian-backed mainly Shiite Hashd al-Shaabi, began "
        "an attack on the town.",
        "THE WAR IS NOT OVER\nOfficials in Baghdad said the Popular Mobilization Forces "
        "would stay.",
        "Rockets hit the city of Erbil in the Iraqi Kurdistan on Monday.",
        "Officials of the Kurdistan Region condemned the attack.",
        "He wrote that the situation at the embassy IS under control.",
        "Fighters of the Hashd al-Watani, a Sunni force, entered the town.",
    ))
    group = entity_of(entities, "Islamic State")
    aliases = {alias for alias, _ in group.aliases}
    assert aliases == {"Islamic State", "IS"}, aliases
    assert len(group.mentions) == 2  # not the headline's "IS", nor the verb after a noun
    pmf = entity_of(entities, "Popular Mobilization Forces")
    assert "a7" not in {m.source for m in pmf.mentions}  # "Hashd al-Watani" is another
    assert entity_of(entities, "Hashd al-Shaabi") is entity_of(
        entities, "Popular Mobilization Forces")
    assert entity_of(entities, "Iraqi Kurdistan") is entity_of(entities, "Kurdistan Region")


def test_an_airport_with_troops_at_it_is_one_page_not_a_town_and_a_base():
    """A town's name is split from a base of that name ("Ain al-Asad" the town, the
    base); an airport's name says what it is, so US forces at it make no second page."""
    articles = parse_texts(
        "A drone attack hit near US forces stationed at Velmor International Airport.",
        "Velmor International Airport was closed to flights on Sunday.",
        "Flights from Velmor International Airport resumed on Monday.",
        "The director of Velmor International Airport said the runway was not damaged.",
        "Velmor International Airport lies near the consulate.",
    )
    airport = [("Velmor International Airport", "FAC")]
    entities = _entities([_with_labels(articles[0], [("US", "GPE"), *airport])] + [
        _with_labels(a, airport) for a in articles[1:]])
    pages = [e for e in entities if e.name == "Velmor International Airport"]
    assert len(pages) == 1, [(e.id, e.kind) for e in pages]


def test_a_code_in_parentheses_made_of_the_name_s_letters_is_its_alias():
    """An airport's code ("Velmor International Airport (VLM)") is made of its name's
    letters, not its initials, and NER may call the two different kinds of thing; a
    dateline's agency ("Sanara (SANA)") is no alias."""
    first, second, third = parse_texts(
        "Drones attacked Velmor International Airport (VLM) on Saturday night.",
        "Flights at VLM resumed on Sunday, the airport said.",
        "SANARA (SANA) - Officials in Sanara said the talks would resume.",
    )
    entities = _entities([
        _with_labels(first, [("Velmor International Airport", "FAC"), ("VLM", "ORG")]),
        _with_labels(second, [("VLM", "ORG")]),
        _with_labels(third, [("SANARA", "GPE"), ("SANA", "ORG"), ("Sanara", "GPE")]),
    ])
    assert entity_of(entities, "VLM") is entity_of(entities, "Velmor International Airport")
    assert entity_of(entities, "SANA") is not entity_of(entities, "Sanara")


def test_a_place_named_with_its_province_keeps_that_form_as_an_alias():
    entities = _entities(parse_texts(
        "A drone attack killed two fighters in Velmor province on Sunday.",
        "Officials in Velmor said the roads were closed.",
    ))
    velmor = entity_of(entities, "Velmor")
    assert {alias for alias, _ in velmor.aliases} >= {"Velmor", "Velmor province"}
    assert velmor.name == "Velmor" and velmor.kind == "place"
    # not a body's name before a noun that would name a place after a place
    entities = _entities([_with_labels(a, [("Velmor News", "ORG")]) for a in parse_texts(
        "Velmor News town hall meetings drew crowds on Sunday.")])
    assert "Velmor News town" not in {alias for e in entities for alias, _ in e.aliases}


def test_a_surname_two_people_of_an_article_share_is_the_one_the_news_names_most():
    entities = _entities(parse_texts(
        "President Karim Velmar and his wife Leila Velmar visited troops on Wednesday. "
        "Velmar said the visit was a surprise.",
        "President Karim Velmar spoke in Baghdad. Karim Velmar left on Thursday.",
        "Karim Velmar met the prime minister on Friday.",
    ))
    assert entity_of(entities, "Velmar") is entity_of(entities, "Karim Velmar")
    assert entity_of(entities, "Leila Velmar") is not entity_of(entities, "Karim Velmar")


def test_capitals_after_a_person_s_name_are_not_his_code_nor_take_a_group_s_acronym():
    entities = _entities(parse_texts(
        "The list was headed by Abdul Rahman al-Hamdani (AAH), who won 12,000 votes.",
        "Asaib Ahl al-Haq (AAH) denied any role in the attack.",
        "AAH fighters were deployed to the border on Sunday.",
    ))
    person = entity_of(entities, "Abdul Rahman al-Hamdani")
    assert "AAH" not in {alias for alias, _ in person.aliases}
    assert entity_of(entities, "AAH") is entity_of(entities, "Asaib Ahl al-Haq")


def test_a_president_s_administration_is_a_body_of_its_own_not_the_man():
    """"the Velmor administration" is the government of President Velmor: an actor of its
    own, never folded into the man (what it says is not what he said)."""
    article, other = parse_texts(
        "President Jack Velmor spoke on Monday. Officials of the Velmor administration "
        "said the strike was lawful. Velmor said nothing more.",
        "The first strike of the Velmor administration came in May. "
        "Velmor’s decision surprised no one.")
    article = _with_labels(article, [("Jack Velmor", "PERSON"), ("Velmor", "PERSON"),
                                     ("Velmor", "PERSON")])
    other = _with_labels(other, [("Velmor", "PERSON"), ("Velmor", "ORG")])
    entities = _entities([article, other])
    body = entity_of(entities, "Velmor administration")
    assert body.kind == "actor" and body is not entity_of(entities, "Jack Velmor")
    # "Velmor’s decision" is the man's, whatever NER called him
    assert {ref.source for ref in entity_of(entities, "Jack Velmor").mentions} == {"a0", "a1"}


def test_a_mountain_written_mount_x_x_mountain_or_the_x_mountains_is_one_place_not_its_town():
    first, second, third = parse_texts(
        "Thousands were trapped on Mount Velmor on Friday. Fighters entered Velmor town.",
        "Planes dropped water on Velmor Mountain, officials said.",
        "Families fled to the Velmor mountains on Sunday.")
    first = _with_labels(first, [("Mount Velmor", "LOC"), ("Velmor", "GPE")])
    second = _with_labels(second, [("Velmor Mountain", "ORG")])
    third = _with_labels(third, [("Velmor", "ORG")])
    entities = _entities([first, second, third])
    mountain = entity_of(entities, "Mount Velmor")
    assert mountain.kind == "place"
    assert mountain is entity_of(entities, "Velmor Mountain")
    assert mountain is entity_of(entities, "Velmor mountains")
    assert entity_of(entities, "Velmor") is not mountain
    # "range" after a name is a verb as often as a mountain range
    (article,) = parse_texts("Estimates of deaths in Velmor range from 900 to 1,100.")
    entities = _entities([_with_labels(article, [("Velmor", "GPE")])])
    assert [e.name for e in entities] == ["Velmor"]


def test_an_acronym_with_its_nationality_word_is_the_acronym_unless_two_nations_share_it():
    first, second = parse_texts(
        "The Kurdish VPG took the town on Monday. The VPG said so.",
        "The Iraqi QTS raided a house. The Syrian QTS denied it. The QTS said nothing.")
    entities = _entities([
        _with_labels(first, [("The Kurdish VPG", "ORG"), ("VPG", "ORG")]),
        _with_labels(second, [("Iraqi QTS", "ORG"), ("Syrian QTS", "ORG"), ("QTS", "ORG")])])
    assert entity_of(entities, "Kurdish VPG") is entity_of(entities, "VPG")
    assert entity_of(entities, "Iraqi QTS") is not entity_of(entities, "Syrian QTS")
    assert entity_of(entities, "QTS") not in {entity_of(entities, "Iraqi QTS"),
                                              entity_of(entities, "Syrian QTS")}


def test_a_possessive_inside_a_body_s_name_is_part_of_it():
    """"The Velmor Children’s Fund (VCF)": the possessive is in the name; a page "Fund"
    is no body. "Iraq’s Velmor Brigade" is still Iraq's brigade."""
    (article,) = parse_texts(
        "The Velmor Children’s Fund (VCF) raised the toll on Monday. "
        "Iraq’s Velmor Brigade said so.")
    article = _with_labels(article, [("The Velmor Children’s Fund", "ORG"),
                                     ("Iraq’s Velmor Brigade", "ORG")])
    entities = _entities([article])
    assert entity_of(entities, "The Velmor Children’s Fund") is entity_of(entities, "VCF")
    assert entity_of(entities, "Velmor Brigade")
    assert not [e for e in entities if e.name in {"Fund", "Iraq’s Velmor Brigade"}]


def test_a_base_named_with_its_base_words_after_or_before_is_one_base_with_its_acronym():
    """"Velmor Mission Support Site" and "Mission Support Site Velmor" are one base, as are
    "the Zawir Base Complex (ZBC)" and "ZBC"; a code before "Base" ("K9 Base") is a base,
    not a weapon's code."""
    entities = _entities(parse_texts(
        "These include Velmor Mission Support Site, K9 Base, and the Zawir Base Complex "
        "(ZBC), officials said.",
        "Troops left Mission Support Site Velmor in May. Rockets hit ZBC on Monday."))
    velmor = entity_of(entities, "Velmor Mission Support Site")
    assert velmor is entity_of(entities, "Mission Support Site Velmor")
    assert velmor.kind == "base"
    assert entity_of(entities, "Zawir Base Complex") is entity_of(entities, "ZBC")
    assert entity_of(entities, "ZBC").kind == "base"
    assert entity_of(entities, "K9 Base").kind == "base"
    # the base words NER left out before the name are how the text names it
    (article,) = parse_texts("Drones hit Mission Support Site Zawir Village on Monday.")
    entities = _entities([_with_labels(article, [("Zawir Village", "GPE")])])
    assert entity_of(entities, "Mission Support Site Zawir Village").kind == "base"


def test_a_city_written_with_its_article_glued_and_doubled_is_the_same_city():
    """"Deir Ezzor" is "Deir ez-Zor": the article's "e" and the doubled letter it
    assimilates to, written as one word."""
    first, second = parse_texts(
        "The Deir ez-Zawr Military Council met on Monday.",
        "Fighters of the Deir Ezzawr Military Council left on Tuesday.")
    entities = _entities([
        _with_labels(first, [("Deir ez-Zawr Military Council", "ORG")]),
        _with_labels(second, [("Deir Ezzawr Military Council", "ORG")])])
    assert entity_of(entities, "Deir ez-Zawr Military Council") is entity_of(
        entities, "Deir Ezzawr Military Council")
    # a doubled "s" too: "Bab Essalam" is "Bab es-Salam"
    assert name_key("Bab Essalam", load_rules()) == name_key("Bab es-Salam", load_rules())


def test_a_plural_noun_opening_a_sentence_is_no_word_of_the_name_after_it():
    """"Fighters of Velmor Forces cheer …": the sentence's first word is capitalised for
    its place, and the people it names are of the body, not part of its name."""
    first, second = parse_texts(
        "Fighters of Velmor Democratic Forces cheer in the square.",
        "The Velmor Democratic Forces said so. Ministry of Velmor Affairs officials met.")
    entities = _entities([
        _with_labels(first, [("Fighters of Velmor Democratic Forces", "ORG")]),
        _with_labels(second, [("The Velmor Democratic Forces", "ORG"),
                              ("Ministry of Velmor Affairs", "ORG")])])
    assert entity_of(entities, "Velmor Democratic Forces").mentions[0].source == "a0"
    assert len(entity_of(entities, "Velmor Democratic Forces").mentions) == 2
    assert entity_of(entities, "Ministry of Velmor Affairs")
    # other nouns before "of" may be the name's own ("Sons of Iraq", "Friends of Syria")
    (third,) = parse_texts("Sons of Velmor fighters manned the checkpoints on Monday.")
    entities = _entities([_with_labels(third, [("Sons of Velmor", "ORG")])])
    assert entity_of(entities, "Sons of Velmor")


def test_a_surname_ner_calls_a_body_is_the_one_person_of_that_name():
    """"Velmor said on Monday" opens a sentence, and NER calls a lone surname a body
    there; the corpus names one person so, and no body."""
    first, second = parse_texts(
        "President Jack Velmor spoke in Washington on Sunday. Omar Zawir was there.",
        "Velmor said on Monday that Iran was delaying talks. The Zawir Group said so. "
        "Zawir denied it.")
    entities = _entities([
        _with_labels(first, [("Jack Velmor", "PERSON"), ("Omar Zawir", "PERSON")]),
        _with_labels(second, [("Velmor", "ORG"), ("The Zawir Group", "ORG"),
                              ("Zawir", "ORG")])])
    assert entity_of(entities, "Velmor") is entity_of(entities, "Jack Velmor")
    # a body's name is also what "Zawir" may stand for: not the man
    assert entity_of(entities, "Zawir") is not entity_of(entities, "Omar Zawir")


def test_a_dateline_names_the_place_the_story_was_filed_from():
    """"VELMOR, Zawir Region (Reuters) – …": the city and its region are places of the
    story, on their own line (the source page shows it); the agency is not."""
    from briefgen.ingest import read_article

    raw = ("---\ntitle: Rockets hit base\n---\nRockets hit base\n"
           "VELMOR, Zawir Region (Reuters) – Rockets hit the base on Monday.\n"
           "Officials in Velmor said two rockets fell.\n").encode()
    article = read_article(Path("a.md"), raw, "seeds/a.md", 200_000)
    assert article.dateline == "VELMOR, Zawir Region"
    assert "VELMOR, Zawir Region" in article.text.split("\n\n")
    (parsed,) = parse_texts(article.text)
    parsed = replace(parsed, article=replace(parsed.article, dateline=article.dateline))
    entities = _entities([parsed])
    city = entity_of(entities, "Velmor")
    assert city is entity_of(entities, "VELMOR") and city.name == "Velmor"
    assert city.kind == "place" and entity_of(entities, "Zawir Region").kind == "place"
    assert not [e for e in entities if e.name.casefold() == "reuters"]


def test_a_base_s_name_is_never_cut_before_a_surname_the_tagger_gave_a_person():
    """NER calls "Ain al-Zawir" a person in one sentence and "the Ain al-Zawir" a
    facility in another: the facility is not "the Ain" and a man al-Zawir."""
    (article,) = parse_texts(
        "Rockets hit Ain al-Zawir on Monday. The attack on the Ain al-Zawir airbase came "
        "after threats.")
    for label in ("FAC", "ORG"):
        tagged = _with_labels(article, [("Ain al-Zawir", "PERSON"), ("the Ain al-Zawir", label)])
        entities = _entities([tagged])
        assert not [e for e in entities if e.name == "Ain"], [e.name for e in entities]


def test_a_name_the_text_calls_a_base_is_a_base_whatever_ner_tagged_it():
    # On real news the model tags "Tower 22" EVENT in every sentence that names it:
    # "a military base known as Tower 22", "Tower 22, a small US base".
    (article,) = parse_texts(
        "Satellite photos show a military base known as Pylon 31 in northeastern Jordan. "
        "Three soldiers were killed in the attack on Pylon 31, a small US base, on Sunday. "
        "The drone that struck Pylon 31 flew low. "
        "The Zawir Offensive, a costly campaign, ended in May.")
    article = _with_labels(article, [("Pylon 31", "EVENT"), ("Jordan", "GPE"),
                                     ("Pylon 31", "EVENT"), ("Pylon 31", "EVENT"),
                                     ("Zawir Offensive", "EVENT")])
    entities = _entities([article])
    pylon = entity_of(entities, "Pylon 31")
    assert pylon.kind == "base"
    assert len(pylon.mentions) == 3  # the one without a description too
    assert not [e for e in entities if "Zawir" in e.name]  # an operation stays none


def test_a_town_ner_reads_as_a_person_is_a_place_by_what_the_text_says_of_it():
    # On real news the model tags "Tal Afar" PERSON or ORG in half its sentences and GPE
    # in the rest; the words around it say it is a place: "the liberation of X", "the
    # recapture of X", "X, north of Raqqa", "X, situated about 150 km west of Mosul".
    (article,) = parse_texts(
        "Iraqi forces won a victory in Qal Zawir on Monday. "
        "The liberation of Qal Zawir took eight days. "
        "The recapture of Qal Zawir was welcomed. "
        "Qal Zawir has been freed, officials said. "
        "Qal Zawir, situated about 150 km west of Mosul, had 200,000 people. "
        "Jets bombed Ain Velmor, north of Raqqa, on Tuesday. "
        "Ain Velmor was quiet.")
    article = _with_labels(article, [
        ("Qal Zawir", "GPE"), ("Qal Zawir", "PERSON"), ("Qal Zawir", "PERSON"),
        ("Qal Zawir", "PERSON"), ("Qal Zawir", "PERSON"), ("Mosul", "GPE"),
        ("Ain Velmor", "PERSON"), ("Raqqa", "GPE"), ("Ain Velmor", "PERSON")])
    entities = _entities([article])
    for town in ("Qal Zawir", "Ain Velmor"):
        assert entity_of(entities, town).kind == "place", town


def test_a_full_name_with_a_middle_initial_takes_its_surname():
    # "Master Sgt. Jonathan J. Dunbar … Dunbar, 36, of Austin": the initial made the full
    # name look like no person's, and the soldier's page was split from his surname's.
    (article,) = parse_texts(
        "The soldier was named as Master Sgt. Jonathan J. Velmor by the Pentagon. "
        "Velmor, 36, of Austin, Texas, died in Manbij. "
        "Velmor was assigned to a special operations unit.")
    article = _with_labels(article, [("Jonathan J. Velmor", "PERSON"), ("Velmor", "GPE"),
                                     ("Austin", "GPE"), ("Texas", "GPE"), ("Manbij", "GPE"),
                                     ("Velmor", "PERSON")])
    entities = _entities([article])
    velmor = entity_of(entities, "Jonathan J. Velmor")
    assert velmor is entity_of(entities, "Velmor")
    assert velmor.type == "person"


def test_a_word_ner_reads_as_a_nationality_is_a_place_after_in():
    # "south Manbij city in Aleppo eastern countryside": the model tagged "Aleppo" NORP,
    # and a one-word NORP names nothing, so Aleppo had no page; "in Shia areas" stays
    # a creed.
    (article,) = parse_texts(
        "The bomb went off in Qandor eastern countryside on Monday. "
        "Clashes broke out in Shia areas.")
    article = _with_labels(article, [("Qandor", "NORP"), ("Shia", "NORP")])
    entities = _entities([article])
    assert entity_of(entities, "Qandor").kind == "place"
    assert not [e for e in entities if e.name == "Shia"]


def test_a_date_ner_takes_for_a_name_is_no_entity():
    # "Jun 18, 2017" tagged PERSON in a photo caption made a person's page.
    (article,) = parse_texts("Fighters gather near Raqqa, Syria Jun 18, 2017. Zawir spoke.")
    article = _with_labels(article, [("Raqqa", "GPE"), ("Jun 18, 2017", "PERSON"),
                                     ("Zawir", "PERSON")])
    assert [e.name for e in _entities([article]) if e.type == "person"] == ["Zawir"]


def test_what_the_text_says_of_a_person_or_a_group_makes_neither_a_base_nor_a_place():
    # Found by an adversarial review of the base and place cues: "X, the commander of
    # the base" is a person; "X, located in the Qandil mountains" and "X, southwest of
    # Baghdad" are where a group is; "the liberation of X's hometown" is whose town.
    (article,) = parse_texts(
        "Col. Ryan Velmor, the commander of the base, said the rockets caused no harm. "
        "Drones struck the Zawir Workers' Party, located in the Qandil mountains. "
        "Kataib Rahma, southwest of Baghdad, has its headquarters there. "
        "Troops marked the liberation of Salim Haddadin's hometown of Qandor.")
    article = _with_labels(article, [
        ("Ryan Velmor", "PERSON"), ("Zawir Workers' Party", "ORG"), ("Qandil", "LOC"),
        ("Kataib Rahma", "ORG"), ("Baghdad", "GPE"), ("Salim Haddadin", "PERSON"),
        ("Qandor", "GPE")])
    entities = _entities([article])
    for actor in ("Ryan Velmor", "Zawir Workers' Party", "Kataib Rahma", "Salim Haddadin"):
        assert entity_of(entities, actor).kind == "actor", actor


def test_a_town_ner_guesses_is_a_person_or_a_group_joins_its_other_spelling_as_a_place():
    """Real news: "Falluja" tagged a person beside "Fallujah" a place, "Ninevah" a group
    beside "Nineveh"; a man's surname spelt like a town stays the man."""
    first, second, third = parse_texts(
        "Militants took Qarmulah, Dalakah and the province of Zanavah on Monday.",
        "The army retook Qarmula, and Zanaveh held, said Zurek Dalakeh.",
        "Dalakeh said the roads were closed.",
    )
    entities = _entities([
        _with_labels(first, [("Qarmulah", "GPE"), ("Dalakah", "GPE"), ("Zanavah", "GPE")]),
        _with_labels(second, [("Qarmula", "PERSON"), ("Zanaveh", "ORG"),
                              ("Zurek Dalakeh", "PERSON")]),
        _with_labels(third, [("Dalakeh", "PERSON")]),
    ])
    town = entity_of(entities, "Qarmulah")
    assert entity_of(entities, "Qarmula") is town
    assert town.kind == "place"
    assert entity_of(entities, "Zanaveh") is entity_of(entities, "Zanavah")
    assert entity_of(entities, "Zanaveh").kind == "place"
    assert entity_of(entities, "Dalakeh") is entity_of(entities, "Zurek Dalakeh")
    assert entity_of(entities, "Dalakeh") is not entity_of(entities, "Dalakah")


def test_two_names_a_scraper_ran_together_are_the_names_written_apart():
    """"GreenZone" (a hashtag or a lost space) is the Green Zone, "Hashd AlShaabi" the
    Hashd al-Shaabi; a name written with an inner capital ("McTavish") stays one word."""
    first, second = parse_texts(
        "Crowds marched into Baghdad's BlueGarden after Jaish AlFurqan called them.",
        "Police sealed the Blue Garden. Jaish al-Furqan and Hamid McTavish denied it.",
    )
    entities = _entities([
        _with_labels(first, [("BlueGarden", "ORG"), ("Jaish AlFurqan", "ORG")]),
        _with_labels(second, [("the Blue Garden", "FAC"), ("Jaish al-Furqan", "ORG"),
                              ("Hamid McTavish", "PERSON")]),
    ])
    assert entity_of(entities, "BlueGarden") is entity_of(entities, "Blue Garden")
    assert entity_of(entities, "Jaish AlFurqan") is entity_of(entities, "Jaish al-Furqan")
    rules = load_rules()
    assert name_key("McTavish", rules) == name_key("Mctavish", rules)


def test_a_body_named_again_by_its_last_word_in_the_same_article_is_that_body():
    """"told the Examiner" after "the Washington Examiner"; where two bodies of the
    article end in the word, the word alone is neither."""
    first, second = parse_texts(
        "An official told the Boston Courier on Monday. Another told the Courier later.",
        "The Velmor Forces and the Tarsi Forces met. The Forces said nothing.",
    )
    entities = _entities([
        _with_labels(first, [("the Boston Courier", "ORG"), ("the Courier", "ORG")]),
        _with_labels(second, [("The Velmor Forces", "ORG"), ("the Tarsi Forces", "ORG"),
                              ("The Forces", "ORG")]),
    ])
    assert entity_of(entities, "Courier") is entity_of(entities, "Boston Courier")
    for body in ("Velmor Forces", "Tarsi Forces"):
        assert "The Forces" not in dict(entity_of(entities, body).aliases)


def test_an_outlets_language_edition_is_the_outlet_whatever_ner_calls_it():
    """"Rudaw English", tagged a person, is Rudaw."""
    first, second = parse_texts(
        "The general told Zawra English that troops would stay.",
        "Zawra reported that fighters crossed the river.",
    )
    entities = _entities([
        _with_labels(first, [("Zawra English", "PERSON")]),
        _with_labels(second, [("Zawra", "PERSON")]),
    ])
    assert entity_of(entities, "Zawra English") is entity_of(entities, "Zawra")


def test_whose_weapon_it_is_is_no_weapon():
    """"[Secretary Rex Tillerson's] radar" and "U.S. Air Force planes" name an owner and
    an operator, not a radar or a plane (both were dropped as equipment); "Katyusha
    rockets" still names a rocket."""
    first, second = parse_texts(
        # as written on real news, where the parse hangs the name on "radar"
        "Turkey’s assault of Afrin “is at the top of [Secretary Rex Tillerson’s] radar right "
        "now, in addition to many other people,” she said.",
        "Velmor Air Force planes, including multiple B-52s, struck the camps with Zarqa rockets.",
    )
    entities = _entities([
        _with_labels(first, [("Rex Tillerson", "PERSON")]),
        _with_labels(second, [("Velmor Air Force", "ORG"), ("Zarqa", "ORG")]),
    ])
    names = {name for e in entities for name, _ in e.aliases}
    assert {"Rex Tillerson", "Velmor Air Force"} <= names
    assert "Zarqa" not in names


def test_a_body_a_title_and_a_person_run_together_are_a_body_and_a_person():
    """NER tags neither in "State Department Spokesperson Heather Nauert" nor the IRGC in
    "IRGC General Qassam Soleimani": the words before the title are the body, the words
    after it the person, with the title as their role."""
    first, second = parse_texts(
        "In Velmor, Interior Office Spokesperson Dana Kestrel called for calm on Monday.",
        "It ended with the killing of VRGC General Qassar Tulemani in January.",
    )
    entities = _entities([
        _with_labels(first, [("Velmor", "GPE"), ("Interior Office", "ORG")]),
        _with_labels(second, [("Qassar Tulemani", "PERSON")]),
    ])
    assert entity_of(entities, "Dana Kestrel").type == "person"
    assert entity_of(entities, "VRGC").kind == "actor"
    assert entity_of(entities, "VRGC") is not entity_of(entities, "Qassar Tulemani")


def test_a_broadcast_s_reporter_and_a_term_s_acronym_are_no_pages():
    """"Steve Harrigan reports from Erbil", "(Vivian Salama (sah-LAH'-mah), AP
    correspondent)", "a restricted operating zone (ROZ)" and "the ROZ" after it, a word
    in capitals for emphasis ("was NEGATIVE"): no actor of the story; a reporter quoted
    as a source is one."""
    article, = parse_texts(
        "Jets struck inside a restricted operating zone (ROZ) near Tarsi. A drone re-entered "
        "the ROZ at noon. The first test was POSITIVE, but a second test was NEGATIVE. "
        "Dana Kestrel "
        "reports from Velmor. (Rami Varrow (rah-MEE), AP correspondent) Omar Zayani, "
        "the governor, said the Velmor Liberation Front (VLF) fled. Lina Orkan, a reporter "
        "from Velmor TV, tweeted: “roads are closed”.")
    entities = _entities([_with_labels(article, [
        ("ROZ", "ORG"), ("Tarsi", "GPE"), ("ROZ", "ORG"), ("NEGATIVE", "ORG"),
        ("Dana Kestrel", "PERSON"), ("Velmor", "GPE"),
        ("Rami Varrow", "PERSON"), ("Omar Zayani", "PERSON"),
        ("the Velmor Liberation Front", "ORG"), ("VLF", "ORG"), ("Lina Orkan", "PERSON"),
        ("Velmor TV", "ORG")])])
    names = {name for e in entities for name, _ in e.aliases}
    assert not names & {"ROZ", "NEGATIVE", "Dana Kestrel", "Rami Varrow"}
    assert {"Omar Zayani", "VLF", "Tarsi", "Lina Orkan"} <= names  # a reporter quoted


def test_a_name_as_often_a_town_as_a_person_only_by_ners_label_is_a_town():
    """"Makhmour" tagged a place once and "Makhmur" a person once is a town; a full name
    ("Lawk Ghafuri", with "Ghafuri" once tagged a place) stays a person."""
    first, second = parse_texts(
        "A soldier died in rocket fire on the base in Qarmour in March.",
        "Fighting reached Qarmur at dawn. Dana Zurabi said Zurabi was calm.",
    )
    entities = _entities([
        _with_labels(first, [("Qarmour", "GPE")]),
        _with_labels(second, [("Qarmur", "PERSON"), ("Dana Zurabi", "PERSON"),
                              ("Zurabi", "GPE")]),
    ])
    assert entity_of(entities, "Qarmur") is entity_of(entities, "Qarmour")
    assert entity_of(entities, "Qarmur").kind == "place"
    assert entity_of(entities, "Dana Zurabi").kind == "actor"


def test_a_peoples_word_before_a_groups_one_word_name_is_that_group():
    """"the Kurdish Peshmerga" is the Peshmerga (NER tagged the bare word a place); a
    country's word before one word may be another body ("Iraqi Hezbollah")."""
    first, second = parse_texts(
        "Officers of the Kurdish Zerevani and the Iraqi Rahmaniya met in Erbil.",
        "Zerevani units held the ridge while Rahmaniya fighters waited.",
    )
    entities = _entities([
        _with_labels(first, [("the Kurdish Zerevani", "ORG"), ("the Iraqi Rahmaniya", "ORG"),
                             ("Erbil", "GPE")]),
        _with_labels(second, [("Zerevani", "GPE"), ("Rahmaniya", "ORG")]),
    ])
    assert entity_of(entities, "Zerevani") is entity_of(entities, "Kurdish Zerevani")
    assert entity_of(entities, "Zerevani").kind == "actor"
    assert entity_of(entities, "Rahmaniya") is not entity_of(entities, "Iraqi Rahmaniya")


def test_a_place_written_with_its_province_is_also_written_bare():
    """"the energy-rich Homs province" is where readers look for "Homs"; "Green Village"
    and "the Jordan River"-like names keep their word."""
    article, = parse_texts(
        "Rockets hit the base in the Zarqa province and the Green Hollow village on Monday.")
    entities = _entities([_with_labels(article, [("the Zarqa province", "GPE"),
                                                 ("the Green Hollow village", "LOC")])])
    names = {name for e in entities for name, _ in e.aliases}
    assert "Zarqa" in names and entity_of(entities, "Zarqa") is entity_of(
        entities, "Zarqa province")
    assert "Green Hollow" not in names


def test_a_president_named_before_his_administration_is_named():
    """"Joe Biden's administration reached a deal": the man is named (his full name was
    a body's and missing from his page); "the Velmor administration" stays the body."""
    article, = parse_texts(
        "Last week, Dana Velmor's administration reached a deal with Zawiria. "
        "Officials of the Velmor administration said so.")
    entities = _entities([_with_labels(article, [("Dana Velmor's", "PERSON"),
                                                 ("Zawiria", "GPE"), ("Velmor", "PERSON")])])
    assert entity_of(entities, "Dana Velmor").type == "person"
    assert entity_of(entities, "Velmor administration").kind == "actor"


def test_a_surname_under_an_honorific_is_written_so_and_the_honorific_is_no_role():
    """British papers write "Mr Rowan" without a full stop: the form is one of the
    page's names as "Mr. Dalen" is; neither "Mr" nor "Mr." is a role of the man."""
    entities = _entities(parse_texts(
        "Secretary of State Ann Rowan met Tomas Dalen in Velmor on Monday.",
        "The strikes sent a message, Ms Rowan said. Mr. Dalen did not answer.",
    ))
    rowan, dalen = entity_of(entities, "Ann Rowan"), entity_of(entities, "Tomas Dalen")
    assert entity_of(entities, "Ms Rowan") is rowan
    assert entity_of(entities, "Mr. Dalen") is dalen
    assert not {r.rstrip(".") for r in rowan.roles + dalen.roles} & {"Mr", "Ms"}


def test_a_name_ner_reads_as_a_person_that_the_text_calls_a_town_is_a_town():
    """"Dahlan Bek, a town north of Qarmour", tagged a person there and twice more: what
    the text says of it outweighs the tagger's guesses; a man so named stays a man."""
    first, second = parse_texts(
        "Fighters retook Dahlan Bek, a town north of Qarmour, on Monday. "
        "Dahlan Bek is under control, an official said. Troops held Dahlan Bek.",
        "Lawk Ghafuri spoke in Qarmour. Lawk Ghafuri said the road was open.",
    )
    entities = _entities([
        _with_labels(first, [("Dahlan Bek", "PERSON"), ("Qarmour", "GPE"),
                             ("Dahlan Bek", "PERSON"), ("Dahlan Bek", "PERSON")]),
        _with_labels(second, [("Lawk Ghafuri", "PERSON"), ("Qarmour", "GPE"),
                              ("Lawk Ghafuri", "PERSON")]),
    ])
    assert entity_of(entities, "Dahlan Bek").kind == "place"
    assert entity_of(entities, "Lawk Ghafuri").kind == "actor"


def test_a_group_written_with_group_after_its_name_is_written_so():
    """"the Velmor State group" is how the text names the Velmor State: one of its names,
    on its page, as readers search for it."""
    first, second = parse_texts(
        "Jets struck the Velmor State group near Qarmour on Monday.",
        "The Velmor State claimed the attack on Tuesday.",
    )
    entities = _entities([
        _with_labels(first, [("Velmor State", "ORG"), ("Qarmour", "GPE")]),
        _with_labels(second, [("The Velmor State", "ORG")]),
    ])
    assert entity_of(entities, "Velmor State group") is entity_of(entities, "Velmor State")


def test_a_place_name_before_tv_is_an_outlets_name():
    """"the local Nahrania TV reported", with NER tagging "Nahrania" a place: the
    channel is the outlet; "Iraqi TV" names no outlet of its own."""
    (article,) = parse_texts(
        "Soon after, the local Nahrania TV reported that fighters left the city. "
        "State-run Iraqi TV showed the site.")
    entities = _entities([_with_labels(article, [("Nahrania", "GPE"), ("Iraqi", "NORP")])])
    assert entity_of(entities, "Nahrania TV").type == "media outlet"
    assert not [e for e in entities if e.name == "Nahrania"]
    assert not [e for e in entities if "Iraqi TV" in {a for a, _ in e.aliases}]


def test_a_bases_name_alone_in_its_article_is_no_persons_surname_from_another():
    """"the attack on al-Zawir" after "al-Zawir air base" is the base, even where NER
    calls it a group and another article names a President Kamal Zawir: no page of
    the man may hold the base's attack."""
    first, second = parse_texts(
        "Militants attacked al-Zawir air base on Friday. The attack on al-Zawir failed.",
        "Rebels fought the government of President Kamal Zawir in the south.",
    )
    entities = _entities([
        _with_labels(first, [("al-Zawir", "ORG"), ("al-Zawir", "ORG")]),
        _with_labels(second, [("Kamal Zawir", "PERSON")]),
    ])
    man = entity_of(entities, "Kamal Zawir")
    assert man.kind == "actor" and {m.source for m in man.mentions} == {"a1"}
    assert entity_of(entities, "al-Zawir air base").kind == "base"


def test_a_first_names_short_form_is_the_same_man():
    """"Col. Steve Warren" in one article and "Col. Steven Warren" in another are one
    man: the first name cut short; "Jack Rowan" and "John Rowan" in two articles may be
    two men."""
    entities = _entities(parse_texts(
        "Army Col. Steve Warren said the strikes hit 116 trucks. Jack Rowan agreed.",
        "Col. Steven Warren, a spokesman, said so on Monday. John Rowan left Velmor.",
    ))
    assert entity_of(entities, "Steve Warren") is entity_of(entities, "Steven Warren")
    assert entity_of(entities, "Jack Rowan") is not entity_of(entities, "John Rowan")


def test_a_surname_alone_spelt_another_way_is_the_man_its_article_names():
    """"Khameini," under "Ayatollah Ali Khamenei" in the same article is his name
    misspelt: the same consonants, as many vowels; not a town the article names
    ("Sulaimani" beside a man named Soleimani)."""
    (article,) = parse_texts(
        "Ali Akbar Velayati met Ayatollah Ali Khamenei in Tehran on Monday. "
        "Khameini said the attack would not go unanswered. Ali Kamal Soleimani flew to "
        "Sulaimani, where the governor of Sulaimani met him.")
    entities = _entities([_with_labels(article, [
        ("Ali Akbar Velayati", "PERSON"), ("Ali Khamenei", "PERSON"), ("Tehran", "GPE"),
        ("Khameini", "PERSON"), ("Ali Kamal Soleimani", "PERSON"), ("Sulaimani", "GPE"),
        ("Sulaimani", "GPE")])])
    assert entity_of(entities, "Khameini") is entity_of(entities, "Ali Khamenei")
    assert entity_of(entities, "Sulaimani") is not entity_of(entities, "Ali Kamal Soleimani")


def test_an_honorific_says_a_name_ner_calls_a_body_is_a_person_written_so():
    """"said Mr Velayati", "Velayati" tagged a body: the form is one of the man's."""
    (article,) = parse_texts(
        "Ali Akbar Velayati arrived in Damascus on Monday. The attack will not go "
        "unanswered, said Mr Velayati.")
    entities = _entities([_with_labels(article, [
        ("Ali Akbar Velayati", "PERSON"), ("Damascus", "GPE"), ("Velayati", "ORG")])])
    assert entity_of(entities, "Mr Velayati") is entity_of(entities, "Ali Akbar Velayati")


def test_a_nationality_before_an_outlets_name_is_no_part_of_it():
    """"the Iranian Tasnim news agency reported", NER gluing the nationality on: the
    outlet is "Tasnim"."""
    (article,) = parse_texts(
        "Seven advisers were killed in the strike, the Iranian Qanat news agency reported "
        "on Tuesday, according to the Syrian Arab News Agency.")
    entities = _entities([_with_labels(article, [
        ("Iranian Qanat", "ORG"), ("Syrian Arab News Agency", "ORG")])])
    assert entity_of(entities, "Qanat").type == "media outlet"
    assert entity_of(entities, "Syrian Arab News Agency").type == "media outlet"


def test_the_towns_of_a_list_are_places():
    """"the towns of Tadef, Bazaa and Qabaseen": each a town, whatever NER read."""
    (article,) = parse_texts(
        "Fighters withdrew to the towns of Tadef, Bazaa and Qabaseen on Thursday.")
    entities = _entities([_with_labels(article, [
        ("Tadef", "GPE"), ("Bazaa", "PERSON"), ("Qabaseen", "PERSON")])])
    assert entity_of(entities, "Qabaseen").kind == "place"
    assert entity_of(entities, "Bazaa").kind == "place"


def test_a_name_before_faction_is_a_group_whatever_ner_read():
    """"a militant with the Fastaqim faction", "Fastaqim" tagged a place: a group."""
    (article,) = parse_texts(
        "Zakaria Malahi, a militant with the Fastaqim faction, said the city had fallen.")
    entities = _entities([_with_labels(article, [
        ("Zakaria Malahi", "PERSON"), ("Fastaqim", "GPE")])])
    assert entity_of(entities, "Fastaqim").kind == "actor"
    assert entity_of(entities, "Fastaqim").type == "armed group"


def test_a_possessive_inside_a_span_ends_the_name():
    """"the Islamic Revolutionary Guard Corps’ Quds special force" tagged as one span:
    the Corps is named whole."""
    (article,) = parse_texts(
        "A spokesman said the Velmor Guard Corps’ Quds special force fired a rocket. "
        "The Qandor Nations’ Security Council met.")
    entities = _entities([_with_labels(article, [
        ("Velmor Guard Corps’ Quds", "ORG"), ("Qandor Nations’ Security Council", "ORG")])])
    assert entity_of(entities, "Velmor Guard Corps")
    assert entity_of(entities, "Qandor Nations’ Security Council")


def test_a_places_clock_and_a_generic_acronyms_plural_are_no_pages():
    """"10 a.m. (Velmor Time)" and "UAVs used by militias", whatever NER read."""
    (article,) = parse_texts(
        "At about 10 a.m. (Velmor Time), a patrol met a convoy near Qarmour. Officials "
        "said the drones used the same parts as UAVs used by militias in Velmor.")
    entities = _entities([_with_labels(article, [
        ("Velmor Time", "ORG"), ("Qarmour", "GPE"), ("UAVs", "ORG"), ("Velmor", "GPE")])])
    assert {e.name for e in entities} == {"Qarmour", "Velmor"}


def test_names_reference_works_list_for_a_state_a_region_and_a_wire_are_theirs():
    """resolve.yml's lists: "the Zionist regime" is Israel in Iranian media, "the Iraqi
    Kurdistan Region" the Kurdistan Region, "AP" the Associated Press, "peshmerga" (in
    lower case, as many papers write it) the Peshmerga."""
    entities = _entities(parse_texts(
        "Israel struck a depot near Damascus on Monday, the Associated Press reported.",
        "The Zionist regime's attack will not go unanswered, the AP quoted an adviser as "
        "saying. Missiles hit the Iraqi Kurdistan Region.",
        "Officials in the Kurdistan Region condemned the attack. Kurdish peshmerga "
        "fighters and Shiite militiamen retook the town.",
        "Militants attacked Iraqi forces, the Peshmerga, and the police on Monday.",
    ))
    assert entity_of(entities, "peshmerga") is entity_of(entities, "Peshmerga")
    assert entity_of(entities, "Zionist regime") is entity_of(entities, "Israel")
    assert entity_of(entities, "AP") is entity_of(entities, "Associated Press")
    assert entity_of(entities, "Iraqi Kurdistan Region") is entity_of(entities, "Kurdistan Region")


def test_a_countrys_embassy_or_consulate_is_named_however_written():
    """"the US embassy in Qandor", "the U.S. Embassy in Qandor", "the US embassy": one
    mission, each form one of its names; "the US consulate" is another; "the embassy"
    alone names none."""
    entities = _entities(parse_texts(
        "Protesters stormed the US embassy in Qandor on Tuesday.",
        "Rockets landed near the U.S. Embassy in Qandor, and the US embassy sounded its "
        "alarm.",
        "Drones hit near the US consulate in Velmor. Staff left the embassy.",
    ))
    embassy = entity_of(entities, "US embassy in Qandor")
    assert entity_of(entities, "the U.S. Embassy in Qandor") is embassy
    assert entity_of(entities, "US embassy") is embassy
    assert embassy.kind == "actor"
    assert entity_of(entities, "US consulate in Velmor") is not embassy
    assert not [e for e in entities if e.name.casefold() == "embassy"]


def test_a_hyphened_surname_alone_is_the_person_its_article_names():
    """"Hennis-Plasschaert said", NER calling it a body, after "UN envoy Jeanine
    Hennis-Plasschaert" in the same article."""
    (article,) = parse_texts(
        "UN envoy Jeanine Rowan-Dalemans met officials in Qandor on Monday. "
        "Rowan-Dalemans said the agreement was a first step.")
    entities = _entities([_with_labels(article, [
        ("Jeanine Rowan-Dalemans", "PERSON"), ("Qandor", "GPE"), ("Rowan-Dalemans", "ORG")])])
    assert entity_of(entities, "Rowan-Dalemans") is entity_of(entities, "Jeanine Rowan-Dalemans")


def test_abd_and_its_article_however_written_is_one_name():
    """"Rami Abdel Rahman" and "Rami Abdurrahman", "Adel Abdul Mahdi" and "Adil Abd
    al-Mahdi": "Abd" and the article joined, apart or assimilated."""
    entities = _entities(parse_texts(
        "Rami Abdel Rahman, who heads the monitor, said so. Adel Abdul Mahdi agreed.",
        "Rami Abdurrahman told reporters on Monday. Adil Abd al-Mahdi left Baghdad.",
    ))
    assert entity_of(entities, "Rami Abdel Rahman") is entity_of(entities, "Rami Abdurrahman")
    rules = load_rules()
    assert name_key("Adel Abdul Mahdi", rules).split()[1:] == name_key(
        "Adil Abd al-Mahdi", rules).split()[1:] == name_key("Abdelmahdi", rules).split()


def test_a_name_used_mostly_for_its_base_is_the_town_where_the_text_says_so():
    """"Rockets hit Zawir air base", "the Zawir base" ... and "a military base in Zawir,
    Iraq": the base's page, and the town's."""
    first, second = parse_texts(
        "Four rockets fell in Zawir air base on Thursday. Zawir air base hosts jets. "
        "The Zawir base was hit before.",
        "Jets land at a military base in Zawir, Iraq, in 2017. Rockets hit Zawir Air Base. "
        "The commander of Zawir Operations, Lt. Gen. Ali Hassan, spoke.",
    )
    entities = _entities([
        _with_labels(first, [("Zawir", "GPE"), ("Zawir", "GPE"), ("Zawir", "GPE")]),
        _with_labels(second, [("Zawir", "GPE"), ("Iraq", "GPE"), ("Zawir", "FAC"),
                              ("Zawir Operations", "ORG"), ("Ali Hassan", "PERSON")]),
    ])
    base = entity_of(entities, "Zawir air base")
    assert base.kind == "base"
    town = [e for e in entities if e is not base and e.name == "Zawir"]
    assert len(town) == 1 and town[0].kind == "place"
    assert entity_of(entities, "Zawir Operations").kind == "actor"  # ", Lt." is no country


def test_a_ministry_or_department_named_either_way_round_is_one_body():
    """"Velmoria's Foreign Ministry", "the Velmorian Ministry of Foreign Affairs" and
    "the Velmorian Foreign Ministry"; "the Department of State" and "the State
    Department"; "Turkey's" is Turkish though ISO now writes "Türkiye"."""
    rules = load_rules()
    assert name_key("Turkey’s Foreign Ministry", rules) == name_key(
        "Turkish Ministry of Foreign Affairs", rules) == name_key("Turkish Foreign Ministry", rules)
    assert name_key("US Department of State", rules) == name_key("US State Department", rules)
    assert name_key("Ministry of Higher Education", rules) == name_key(
        "Higher Education Ministry", rules)
    assert name_key("People's Protection Units", rules) == name_key(
        "Peoples Protection Units", rules)
    entities = _entities(parse_texts(
        "The Velmorian Foreign Ministry said it took care to avoid civilian casualties.",
        "The Velmorian Ministry of Foreign Affairs rejected the claim on Wednesday.",
    ))
    assert entity_of(entities, "Velmorian Foreign Ministry") is entity_of(
        entities, "Velmorian Ministry of Foreign Affairs")


def test_a_groups_first_word_alone_is_the_one_group_its_article_opens_so():
    """"Asaib" after "Asaib Ahl al-Rahma" in the same article; not where the article
    names two groups opened by that word."""
    first, second = parse_texts(
        "Asaib Ahl al-Rahma denied the attack on Monday. Asaib said its men were home.",
        "Kataib Rahma and Kataib Sayyid al-Zawir met. Kataib said nothing.",
    )
    entities = _entities([
        _with_labels(first, [("Asaib Ahl al-Rahma", "PERSON"), ("Asaib", "ORG")]),
        _with_labels(second, [("Kataib Rahma", "ORG"), ("Kataib Sayyid al-Zawir", "ORG"),
                              ("Kataib", "ORG")]),
    ])
    assert entity_of(entities, "Asaib") is entity_of(entities, "Asaib Ahl al-Rahma")
    assert entity_of(entities, "Kataib") is not entity_of(entities, "Kataib Rahma")


def test_the_last_of_a_list_after_in_a_bridge_and_a_palace_are_places():
    """"positions in Metina, Zap, and Avashin-Basyan", "the Jumhuriya Bridge", "the
    Republican Palace", whatever NER read; "Muqtada al-Sadr" with "Sayyed" before him."""
    (article,) = parse_texts(
        "Jets struck positions in Metina, Zap, and Qandor-Basyan on Monday. Protesters "
        "crossed the Zawir Bridge into the Republican Palace. Sayyed Muqtada al-Sadr "
        "spoke; Muqtada al-Sadr left.")
    entities = _entities([_with_labels(article, [
        ("Metina", "GPE"), ("Zap", "GPE"), ("Qandor-Basyan", "ORG"), ("Zawir Bridge", "ORG"),
        ("Republican Palace", "ORG"), ("Sayyed Muqtada al-Sadr", "PERSON"),
        ("Muqtada al-Sadr", "PERSON")])])
    for place in ("Qandor-Basyan", "Zawir Bridge", "Republican Palace"):
        assert entity_of(entities, place).kind == "place", place
    sadr = entity_of(entities, "Muqtada al-Sadr")
    assert entity_of(entities, "Sayyed Muqtada al-Sadr") is sadr and not sadr.roles


def test_ners_label_in_a_title_case_headline_does_not_outvote_the_body():
    """"Syrian Army Says Qarmour Retaken", NER reading "Qarmour" as a person there and in
    a second headline; the body says it is a town."""
    (article,) = parse_texts(
        "Syrian Army Says Qarmour Retaken\n\nArmy Declares Qarmour Victory\n\n"
        "The army said on Thursday it had retaken all of Qarmour.")
    entities = _entities([_with_labels(article, [
        ("Qarmour", "PERSON"), ("Qarmour", "PERSON"), ("Qarmour", "GPE")])])
    assert entity_of(entities, "Qarmour").kind == "place"


def test_a_full_name_without_its_first_name_is_the_man_with_the_same_title():
    """"Turkish President Tayyip Velmoglu" and "President Recep Tayyip Velmoglu", in two
    articles: one man, and "Velmoglu" alone in the second article is his too; without a
    title they share, a longer name ending so may be another man's."""
    first, second = parse_texts(
        "President Recep Tayyip Velmoglu spoke in Ankara on Monday. Karim Sami Rowan "
        "Dalen was there.",
        "Turkish President Tayyip Velmoglu met envoys. Velmoglu said so. Sami Rowan Dalen "
        "left.",
    )
    entities = _entities([
        _with_labels(first, [("Recep Tayyip Velmoglu", "PERSON"), ("Ankara", "GPE"),
                             ("Karim Sami Rowan Dalen", "PERSON")]),
        _with_labels(second, [("Tayyip Velmoglu", "PERSON"), ("Velmoglu", "PERSON"),
                              ("Sami Rowan Dalen", "PERSON")]),
    ])
    man = entity_of(entities, "Recep Tayyip Velmoglu")
    assert entity_of(entities, "Tayyip Velmoglu") is man
    assert entity_of(entities, "Velmoglu") is man
    # no title they share: may be a son
    assert entity_of(entities, "Sami Rowan Dalen") is not entity_of(
        entities, "Karim Sami Rowan Dalen")


def test_the_houthis_written_as_an_adjective_and_a_groups_ner_guess_against_a_place_cue():
    """"Houthi rebels", "the Houthis" (NER guessing a person): one group; "Duhok" tagged a
    body twice and once "in Duhok": a place."""
    first, second = parse_texts(
        "Houthi rebels fired drones at Riyadh. The Houthis denied it on Sunday.",
        "Qarduk officials met on Monday. Qarduk said so. Troops waited in Qarduk.",
    )
    entities = _entities([
        _with_labels(first, [("Houthi", "ORG"), ("Riyadh", "GPE"), ("Houthis", "PERSON")]),
        _with_labels(second, [("Qarduk", "ORG"), ("Qarduk", "ORG"), ("Qarduk", "ORG")]),
    ])
    assert entity_of(entities, "Houthis") is entity_of(entities, "Houthi rebels")
    assert entity_of(entities, "Qarduk").kind == "place"


def test_two_names_across_a_slash_are_each_their_own():
    """"Islamic State (IS, formerly ISIS/ISIL)", NER taking "ISIS/ISIL" for one name."""
    (article,) = parse_texts(
        "Troops attacked a bastion held by Islamic State (IS, formerly ISIS/ISIL) on Friday.")
    entities = _entities([_with_labels(article, [
        ("Islamic State", "ORG"), ("IS", "ORG"), ("ISIS/ISIL", "ORG")])])
    assert entity_of(entities, "ISIL") is entity_of(entities, "Islamic State")
    assert not [e for e in entities if "ISIS/ISIL" in {a for a, _ in e.aliases}]


def test_a_bodys_name_cut_before_for_is_the_one_body_so_named():
    """"the Velmor Observatory said" after "the Velmor Observatory for Human Rights" in
    another article; "the Qandor Council" stays apart where two councils begin so."""
    entities = _entities(parse_texts(
        "The Velmor Observatory for Human Rights said 20 were killed. The Qandor Council "
        "for Peace and the Qandor Council of Elders met.",
        "The Velmor Observatory said on Monday that the town fell. The Qandor Council met.",
    ))
    assert entity_of(entities, "Velmor Observatory") is entity_of(
        entities, "Velmor Observatory for Human Rights")
    assert entity_of(entities, "Qandor Council") is not entity_of(
        entities, "Qandor Council for Peace")



def test_a_body_named_in_a_place_once_and_a_unit_of_a_body_keep_their_pages():
    """"in the United Velmor Nations" once is no place for a body of two words, nor "in
    the QBX" for an acronym; "the
    Zawir Brigade of the Qandor Operations Command" names what the brigade is part of,
    so "the Zawir Brigade" alone is not it by the cut ("of" is no "for")."""
    first, second = parse_texts(
        "The United Velmor Nations met. Envoys spoke in the United Velmor Nations. The "
        "United Velmor Nations voted. The Zawir Brigade of the Qandor Operations Command "
        "moved north.",
        "The Zawir Brigade held the road on Monday. The QBX met. Envoys spoke in the QBX. "
        "The QBX voted.",
    )
    entities = _entities([
        _with_labels(first, [("United Velmor Nations", "ORG"), ("United Velmor Nations", "ORG"),
                             ("United Velmor Nations", "ORG"),
                             ("Zawir Brigade of the Qandor Operations Command", "ORG")]),
        _with_labels(second, [("Zawir Brigade", "ORG"), ("QBX", "ORG"), ("QBX", "ORG"),
                              ("QBX", "ORG")]),
    ])
    assert entity_of(entities, "United Velmor Nations").kind == "actor"
    assert entity_of(entities, "QBX").kind == "actor"
    assert entity_of(entities, "Zawir Brigade") is not entity_of(
        entities, "Zawir Brigade of the Qandor Operations Command")


def test_a_surname_alone_follows_its_name_to_the_longer_name_it_ends_and_a_list_is_no_town():
    """"Kuntar" beside "Samir Kuntar", where "Samir Kuntar" joins "Mujahid Samir Qantar"
    of another article: one man; "backed by Qandor, Iran, and Russia" says nothing of
    Qandor being a town."""
    first, second = parse_texts(
        "Samir Kuntar was killed in an air strike. Kuntar had been freed in 2008. The "
        "fighters were backed by Qandor, Iran, and Russia. Qandor said so.",
        "Mujahid Samir Qantar was martyred on Saturday, the statement said.",
    )
    entities = _entities([
        _with_labels(first, [("Samir Kuntar", "PERSON"), ("Kuntar", "GPE"),
                             ("Qandor", "ORG"), ("Iran", "GPE"), ("Russia", "GPE"),
                             ("Qandor", "ORG")]),
        _with_labels(second, [("Mujahid Samir Qantar", "PERSON")]),
    ])
    man = entity_of(entities, "Mujahid Samir Qantar")
    assert entity_of(entities, "Samir Kuntar") is man and entity_of(entities, "Kuntar") is man
    assert entity_of(entities, "Qandor").kind == "actor"


def test_military_ranks_and_a_prime_ministers_abbreviation_are_roles_not_names():
    """US news writes ranks short ("Master Sgt.", "Capt.", "Adm.") and British and Kurdish
    news "PM": the tagger took "Sgt" for a name of its own, and "Iraqi PM Zarbawi" for
    the man's whole name."""
    first, second = parse_texts(
        "Master Sgt. Joshua Pellworth was killed in the raid. Capt. Lisa Brandmeier said "
        "the troops were safe.",
        "The fighters had been ordered by Iraqi PM Zarbawi to stop at the border, "
        "Adm. Craig Follard said.",
    )
    entities = _entities([
        _with_labels(first, [("Sgt", "ORG"), ("Joshua Pellworth", "PERSON"),
                             ("Capt. Lisa Brandmeier", "PERSON")]),
        _with_labels(second, [("Iraqi PM Zarbawi", "PERSON"), ("Adm. Craig Follard", "PERSON")]),
    ])
    assert not [e for e in entities if e.name.rstrip(".") in {"Sgt", "Capt", "Adm"}]
    assert "Capt." in entity_of(entities, "Lisa Brandmeier").roles
    assert "Adm." in entity_of(entities, "Craig Follard").roles
    zarbawi = entity_of(entities, "Zarbawi")
    assert [r for r in zarbawi.roles if r.endswith("PM")] and zarbawi.name == "Zarbawi"


def test_a_creed_before_a_groups_arabic_name_is_no_word_of_it():
    """"Iraq's Shi'ite Al-Muntazar Army militia": the group is "Al-Muntazar Army" (also
    written "Al-Muntazar" alone), a group, whatever creed the writer puts before it."""
    first, second = parse_texts(
        "Wathiq al-Bazzaz, the commander of Iraq's Shi'ite Al-Muntazar Army militia, "
        "claimed responsibility for the attack.",
        "The Al-Muntazar Army fired the rockets, its leader said.",
    )
    entities = _entities([
        _with_labels(first, [("Wathiq al-Bazzaz", "PERSON"), ("Iraq", "GPE"),
                             ("Shi'ite Al-Muntazar Army", "ORG")]),
        _with_labels(second, [("Al-Muntazar Army", "ORG")]),
    ])
    group = entity_of(entities, "Al-Muntazar Army")
    assert group.kind == "actor" and group.name == "Al-Muntazar Army"
    assert not [e for e in entities if "Shi" in e.name]


def test_a_body_named_with_its_peoples_word_or_its_lands_name_is_one_body():
    """"the Kurdish Regional Government" is the Kurdistan Regional Government, as the
    "Iraqi Defence Ministry" is Iraq's; a "Syriac" council is no "Syrian" one."""
    first, second = parse_texts(
        "The Kurdish Regional Government condemned the attack. The Syriac Military Velmor "
        "met on Monday.",
        "Officials of the Kurdistan Regional Government said the camp was safe. The Syrian "
        "Military Velmor denied it.",
    )
    entities = _entities([
        _with_labels(first, [("Kurdish Regional Government", "ORG"),
                             ("Syriac Military Velmor", "ORG")]),
        _with_labels(second, [("Kurdistan Regional Government", "ORG"),
                              ("Syrian Military Velmor", "ORG")]),
    ])
    krg = entity_of(entities, "Kurdistan Regional Government")
    assert entity_of(entities, "Kurdish Regional Government") is krg and krg.kind == "actor"
    assert entity_of(entities, "Syriac Military Velmor") is not entity_of(
        entities, "Syrian Military Velmor")


def test_a_place_is_no_short_form_of_a_name_it_ends_after_a_hyphen():
    """"to stop at the Kirkuk-Velmor border", NER's body, then "to enter the city of
    Velmor": the city, not the end of a body's name (it had two pages, one of them
    holding "Kirkuk-Velmor")."""
    first, second = parse_texts(
        "Their objective was to enter the city of Velmor, the council said. They denied "
        "that they intended to enter Velmor, but stopped at the Kirkuk-Velmor border.",
        "Velmor was calm on Saturday.",
    )
    entities = _entities([
        _with_labels(first, [("Velmor", "ORG"), ("Velmor", "ORG"), ("Kirkuk-Velmor", "ORG")]),
        _with_labels(second, [("Velmor", "GPE")]),
    ])
    city = entity_of(entities, "Velmor")
    assert city.kind == "place" and city is not entity_of(entities, "Kirkuk-Velmor")


def test_a_name_the_text_describes_as_a_village_is_a_place_whatever_ner_says():
    """"the old women of Qarmelo, a village several kilometres away": NER called the
    village a group there and once more, a place once; the text says what it is. "Velmor,
    a city official said" says nothing of Velmor."""
    first, second = parse_texts(
        "They belong to the old women of Qarmelo, a village several kilometres away. A man "
        "from Qarmelo said so. Velmor, a city official said, was calm.",
        "Older women from the village of Qarmelo were killed. Velmor spoke on Monday.",
    )
    entities = _entities([
        _with_labels(first, [("Qarmelo", "ORG"), ("Qarmelo", "ORG"), ("Velmor", "ORG")]),
        _with_labels(second, [("Qarmelo", "LOC"), ("Velmor", "ORG")]),
    ])
    assert entity_of(entities, "Qarmelo").kind == "place"
    assert entity_of(entities, "Velmor").kind == "actor"


def test_a_short_place_name_spelt_with_like_vowels_is_one_place_and_kurdish_x_is_kh():
    """Villages of five letters ("Aydor"/"Aydour", "Salug"/"Salugh") are one place where
    their vowels are written alike (o/ou, e/i, a/aa); "Tamra" and "Tumra" stay two, and so
    do names whose vowels stand elsewhere ("Iran"/"IRNA"), a "y" that is a consonant
    ("Yemen"/"Amman") and countries. A Kurdish spelling writes "kh" as "x": "Mahmo
    Xelil" is "Mahmo Khalil"."""
    fifth, = parse_texts("Jets flew over Yemen on Monday. Officials in Amman and in Iran "
                         "said so, IRNA reported.")
    first, second, third, fourth = parse_texts(
        "Jets struck the village of Aydor on Monday. Troops entered the village of Salug.",
        "Shelling hit the village of Aydour on Tuesday. A grave was found near the village "
        "of Salugh.",
        "Clashes broke out in the town of Tamra on Friday. Mahmo Xelil, the mayor, said so.",
        "Protests spread in the town of Tumra on Saturday. Mayor Mahmo Khalil spoke.",
    )
    entities = _entities([
        _with_labels(first, [("Aydor", "GPE"), ("Salug", "GPE")]),
        _with_labels(second, [("Aydour", "GPE"), ("Salugh", "GPE")]),
        _with_labels(third, [("Tamra", "GPE"), ("Mahmo Xelil", "PERSON")]),
        _with_labels(fourth, [("Tumra", "GPE"), ("Mahmo Khalil", "PERSON")]),
        _with_labels(fifth, [("Yemen", "GPE"), ("Amman", "GPE"), ("Iran", "GPE"),
                             ("IRNA", "GPE")]),
    ])
    assert entity_of(entities, "Yemen") is not entity_of(entities, "Amman")
    assert entity_of(entities, "Iran") is not entity_of(entities, "IRNA")
    assert entity_of(entities, "Aydor") is entity_of(entities, "Aydour")
    assert entity_of(entities, "Salug") is entity_of(entities, "Salugh")
    assert entity_of(entities, "Tamra") is not entity_of(entities, "Tumra")
    assert entity_of(entities, "Mahmo Xelil") is entity_of(entities, "Mahmo Khalil")


def test_an_outlets_journalist_named_by_its_possessive_is_no_actor():
    """"told Velmor TV's Jane Corrow" (she heard it), a caption "the Qarmel Times's Tom
    Hadley explains …" (the article's own outlet): who reports is no actor of the story.
    "Qarmel Times's Sara Lund said …" quotes her as a source, and "Velmor's Ali Zawir"
    is a country's man: both actors."""
    first, second = parse_texts(
        "A senior official told Velmor TV's Jane Corrow that the strike had no purpose. "
        "Velmor's envoy Ali Zawir said so.",
        "Qarmel Times's Sara Lund said the road was closed.\n\n"
        "Qarmel Times's Tom Hadley explains the status of the camp",
    )
    second = replace(second, article=replace(second.article, outlet="Qarmel Times"))
    entities = _entities([
        _with_labels(first, [("Velmor TV", "ORG"), ("Jane Corrow", "PERSON"),
                             ("Velmor", "GPE"), ("Ali Zawir", "PERSON")]),
        _with_labels(second, [("Qarmel Times", "ORG"), ("Sara Lund", "PERSON"),
                              ("Qarmel Times", "ORG"), ("Tom Hadley", "PERSON")]),
    ])
    names = {e.name for e in entities}
    assert not names & {"Jane Corrow", "Tom Hadley"}
    assert {"Ali Zawir", "Sara Lund"} <= names


def test_a_photo_captions_file_mark_and_a_phrase_hashtag_are_no_names():
    """AP's "FILE - Members of …" and a tweet's "#QarmelGenocide" name nothing; a tag of
    one name ("#Qarmel") is that name."""
    (article,) = parse_texts(
        "FILE - Members of the group inside the camp. Another grave was found east of "
        "#Qarmel #QarmelGenocide",
    )
    entities = _entities([_with_labels(article, [("FILE", "ORG"), ("Qarmel", "GPE"),
                                                  ("QarmelGenocide", "ORG")])])
    assert [[a for a, _ in e.aliases] for e in entities] == [["Qarmel"]]


def test_a_surname_joins_a_full_name_with_a_lower_case_particle():
    """"Abdullah bin Yahya Al-Mazrawi" and then "Al-Mazrawi said" (NER: a body): one
    man, as "Jan van der Velmor" and "Van der Velmor" would be; "bin" is no break in a
    name."""
    (article,) = parse_texts(
        "Abdullah bin Yahya Al-Mazrawi, the envoy to the UN, criticised the strikes. "
        "Al-Mazrawi said the Kingdom would respond. Al-Mazrawi lambasted Velmor.",
    )
    entities = _entities([_with_labels(article, [
        ("Abdullah bin Yahya Al-Mazrawi", "PERSON"), ("UN", "ORG"), ("Al-Mazrawi", "ORG"),
        ("Al-Mazrawi", "ORG"), ("Velmor", "GPE")])])
    envoy = entity_of(entities, "Abdullah bin Yahya Al-Mazrawi")
    assert entity_of(entities, "Al-Mazrawi") is envoy and envoy.type == "person"


def test_names_inside_a_list_of_places_and_on_a_road_between_two_are_places():
    """"air strikes against dens in al-Qarmi, Talzawa, al-Velmar and the area around" and
    "killed on the main road between Khanzor and Athrawa": NER called the middle names
    and the road's ends persons and groups. "in Baghdad, Hassan Dawi and Ali Karim said"
    names two men."""
    (article,) = parse_texts(
        "Jets carried out strikes against dens in al-Qarmi, Talzawa, al-Velmar, Aydor and "
        "the area surrounding it. He was killed on the main road between Khanzor and "
        "Athrawa by rebels. In Baghdad, Hassan Dawi and Ali Karim said so.",
    )
    entities = _entities([_with_labels(article, [
        ("al-Qarmi", "GPE"), ("Talzawa", "PERSON"), ("al-Velmar", "ORG"), ("Aydor", "PERSON"),
        ("Khanzor", "PERSON"), ("Athrawa", "ORG"), ("Baghdad", "GPE"),
        ("Hassan Dawi", "PERSON"), ("Ali Karim", "PERSON")])])
    for place in ("Talzawa", "al-Velmar", "Aydor", "Khanzor", "Athrawa"):
        assert entity_of(entities, place).kind == "place", place
    assert entity_of(entities, "Hassan Dawi").kind == "actor"


def test_a_group_named_again_without_its_head_noun_in_its_article_is_the_group():
    """"Al-Muntazar Army" (NER: a place) and then "Al-Muntazar had warned", "the Qods
    Force" and then "the Qods": one group each; "US forces" and then "the US" are not
    one, nor "Velmor Brigades" and "Velmor" (Kataib Hezbollah is "Hezbollah Brigades")."""
    (article,) = parse_texts(
        "Wathiq al-Bazzaz of the Al-Muntazar Army claimed the attack. He said Al-Muntazar "
        "had warned the camp. The group suspected the Qods Force. The Qods denied it. US "
        "forces were not hit, the US said. The Velmor Brigades and Velmor were blamed.",
    )
    entities = _entities([_with_labels(article, [
        ("Wathiq al-Bazzaz", "PERSON"), ("Al-Muntazar Army", "GPE"), ("Al-Muntazar", "PERSON"),
        ("Qods Force", "ORG"), ("Qods", "ORG"), ("US", "GPE"), ("US", "GPE"),
        ("Velmor Brigades", "ORG"), ("Velmor", "ORG")])])
    assert entity_of(entities, "Al-Muntazar") is entity_of(entities, "Al-Muntazar Army")
    assert entity_of(entities, "Qods") is entity_of(entities, "Qods Force")
    assert entity_of(entities, "Velmor") is not entity_of(entities, "Velmor Brigades")
    assert entity_of(entities, "US").kind != "actor" or "US forces" not in {
        a for a, _ in entity_of(entities, "US").aliases}


def test_a_city_a_body_is_based_in_is_no_base():
    """"The group, whose leadership is based in Velmorville" names a city (NER: a
    GPE); "troops stationed at Zawir" (NER: a body) still names a base."""
    (article,) = parse_texts(
        "The group, whose leadership is based in Velmorville, said six died. US troops "
        "stationed at Zawir were safe. Velmorville is calm.",
    )
    entities = _entities([_with_labels(article, [
        ("Velmorville", "GPE"), ("US", "GPE"), ("Zawir", "ORG"), ("Velmorville", "GPE")])])
    assert entity_of(entities, "Velmorville").kind == "place"
    assert entity_of(entities, "Zawir").kind == "base"


def test_a_bodys_last_word_joins_it_where_a_reference_list_keyed_its_name():
    """"Iranian Revolutionary Guards" (keyed as the IRGC by the reference list) and then
    "the Guards said": the Guards are the IRGC, as "the Examiner" is the Washington
    Examiner."""
    (article,) = parse_texts(
        "A senior Iranian Revolutionary Guards general has been killed near Aleppo, the "
        "Guards said in a statement on Friday. The IRGC named him.",
    )
    entities = _entities([_with_labels(article, [
        ("Iranian Revolutionary Guards", "ORG"), ("Aleppo", "GPE"), ("Guards", "ORG"),
        ("IRGC", "ORG")])])
    assert entity_of(entities, "Guards") is entity_of(entities, "Iranian Revolutionary Guards")


def test_a_town_of_the_region_ner_calls_a_group_is_a_place_unless_a_longer_name_has_it():
    """GeoNames knows "Idlib" and "Duhok" (also as "Dihok"): tagged a group or a person
    with nothing else said of them, they are towns. "Badr" is a town too, and the word
    of the Badr Organization named in the corpus: it stays the group's; and "Al Mayadeen"
    is a town and the outlet an article came from."""
    first, second = parse_texts(
        "Fighting spread to Idlib on Monday. Idlib was shelled again. Duhok said so.",
        "The Badr Organization denied it. Badr said its fighters had left. Al Mayadeen "
        "aired the video.",
    )
    second = replace(second, article=replace(second.article, outlet="Al Mayadeen"))
    entities = _entities([
        _with_labels(first, [("Idlib", "ORG"), ("Idlib", "ORG"), ("Duhok", "PERSON")]),
        _with_labels(second, [("Badr Organization", "ORG"), ("Badr", "ORG"),
                              ("Al Mayadeen", "ORG")]),
    ])
    assert entity_of(entities, "Idlib").kind == "place"
    assert entity_of(entities, "Duhok").kind == "place"
    assert entity_of(entities, "Badr").kind == "actor"
    assert entity_of(entities, "Al Mayadeen").kind == "actor"


def test_a_town_of_the_region_named_for_a_base_is_left_to_what_the_text_says():
    """"the Al-Qaim base" once and "Al-Qaim" (NER: a group) four times: the gazetteer
    does not make those four a town apart from the base; the text never calls them one."""
    first, second = parse_texts(
        "Coalition troops handed over the Al-Qaim base on Thursday. Al-Qaim was quiet.",
        "Al-Qaim said the handover went well. Al-Qaim thanked the troops. Al-Qaim grew.",
    )
    entities = _entities([
        _with_labels(first, [("Al-Qaim", "ORG"), ("Al-Qaim", "ORG")]),
        _with_labels(second, [("Al-Qaim", "ORG"), ("Al-Qaim", "ORG"), ("Al-Qaim", "ORG")]),
    ])
    assert len([e for e in entities if "Qaim" in e.name]) == 1, [
        (e.name, e.kind, e.aliases) for e in entities]


def test_a_group_word_written_with_its_ayn_mark_still_keeps_its_last_word_its_own():
    """"Kata'ib Zaydun" (NER: a person) is a group, written with the apostrophe or not:
    "Zaydun" alone, in another article, is not its short form."""
    first, second = parse_texts(
        "Kata'ib Zaydun fired rockets at the base on Monday.",
        "Zaydun, the Lebanese movement, praised the attack on Tuesday.",
    )
    entities = _entities([_with_labels(first, [("Kata'ib Zaydun", "PERSON")]),
                          _with_labels(second, [("Zaydun", "ORG")])])
    assert entity_of(entities, "Zaydun") is not entity_of(entities, "Kata'ib Zaydun")


def test_a_name_made_from_a_place_with_its_nisba_ending_is_not_the_place():
    """"the Al-Velmoradi area" (a town named from Velmorad, or a man's surname) is not
    the city of Velmorad, however close the spelling."""
    first, second = parse_texts(
        "Rockets hit Velmorad on Monday.",
        "The base, in the Al-Velmoradi area of Anbar, came under fire.",
    )
    entities = _entities([_with_labels(first, [("Velmorad", "GPE")]),
                          _with_labels(second, [("Al-Velmoradi", "GPE"), ("Anbar", "GPE")])])
    assert entity_of(entities, "Velmorad") is not entity_of(entities, "Al-Velmoradi")


def test_a_generational_suffix_and_a_middle_initial_leave_one_person():
    first, second, third = parse_texts(
        "Col. Joel R. Zaydman III, the coalition spokesman, confirmed the handover.",
        "Joel Zaydman said the troops had left. Zaydman added that more would follow.",
        "Senator Mark Velmorson Jr. said the troops were safe. Mark Velmorson spoke again.",
    )
    entities = _entities([first, second, _with_labels(third, [
        ("Mark Velmorson Jr.", "PERSON"), ("Mark Velmorson", "PERSON")])])
    assert entity_of(entities, "Joel Zaydman") is entity_of(entities, "Joel R. Zaydman III")
    assert entity_of(entities, "Mark Velmorson") is entity_of(entities, "Mark Velmorson Jr.")


def test_a_rank_written_without_its_full_stop_is_still_a_rank():
    """British style drops the stop: "Col Zaydman", "Lt Col Zaydman" are Steve Zaydman."""
    first, second = parse_texts(
        "Army Col. Steve Zaydman told reporters the strike worked.",
        "Col Zaydman said the target was dead. Lt Col Zaydman said more.",
    )
    entities = _entities([first, _with_labels(second, [("Col Zaydman", "PERSON"),
                                                       ("Lt Col Zaydman", "PERSON")])])
    steve = entity_of(entities, "Steve Zaydman")
    assert entity_of(entities, "Col Zaydman") is steve
    assert not any(e.name.startswith(("Col", "Lt")) for e in entities), [
        e.name for e in entities]


def test_a_river_named_with_or_without_its_word_is_one_place():
    """NER calls "River Zabir" and "Zabir" bodies now and then: "River" before or after
    a name says it is a river, and the bare name is the same river."""
    first, second = parse_texts(
        "The dam holds back the River Zabir north of the city.",
        "Fighters crossed the Zabir at night. The Zabir River was high.",
    )
    entities = _entities([
        _with_labels(first, [("River Zabir", "ORG")]),
        _with_labels(second, [("Zabir", "ORG"), ("Zabir River", "LOC")])])
    river = entity_of(entities, "Zabir")
    assert entity_of(entities, "River Zabir") is river is entity_of(entities, "Zabir River")
    assert river.kind == "place"


def test_a_group_named_in_the_plural_is_the_group():
    first, second = parse_texts(
        "The Zeravani took the ridge on Monday. The Zeravani held it.",
        "Hundreds of Zeravanis crossed the river.",
    )
    entities = _entities([_with_labels(first, [("Zeravani", "ORG"), ("Zeravani", "ORG")]),
                          _with_labels(second, [("Zeravanis", "PERSON")])])
    assert entity_of(entities, "Zeravanis") is entity_of(entities, "Zeravani")


def test_a_nickname_given_with_known_as_is_the_same_person():
    first, second = parse_texts(
        "The photo shows Mohammed Velmawi, known as 'Desert Falcon', in 2014.",
        "Desert Falcon was killed in a drone strike, officials said.",
    )
    entities = _entities([
        _with_labels(first, [("Mohammed Velmawi", "PERSON"), ("Desert Falcon", "PERSON")]),
        _with_labels(second, [("Desert Falcon", "PERSON")])])
    assert entity_of(entities, "Desert Falcon") is entity_of(entities, "Mohammed Velmawi")


def test_an_aircraft_or_weapon_named_by_its_model_is_no_page():
    """"Chinooks and Black Hawks" (NER: bodies) are helicopters, however the sentence
    puts them."""
    (article,) = parse_texts(
        "Commandos flew in on Chinooks and Black Hawks, backed by a Reaper overhead.")
    entities = _entities([_with_labels(article, [("Chinooks", "ORG"), ("Black Hawks", "ORG"),
                                                 ("Reaper", "PERSON")])])
    assert not entities, [e.name for e in entities]


def test_a_kunya_alone_is_the_one_man_of_its_article_whose_name_opens_with_it():
    """In another article "Abu Zaydun" may be anyone so addressed (a shopkeeper)."""
    first, second = parse_texts(
        "Abu Zaydun al-Velmari, the deputy leader, was killed with the general. Abu Zaydun "
        "was also the head of the brigades.",
        "A shopkeeper in Mosul, Abu Zaydun, said the market was shelled.",
    )
    entities = _entities([
        _with_labels(first, [("Abu Zaydun al-Velmari", "PERSON"), ("Abu Zaydun", "PERSON")]),
        _with_labels(second, [("Mosul", "GPE"), ("Abu Zaydun", "PERSON")])])
    leader = entity_of(entities, "Abu Zaydun al-Velmari")
    assert {m.source for m in leader.mentions} == {"a0"}, leader.mentions
    assert len(leader.mentions) == 2


def test_names_listed_after_bases_are_bases():
    first, second = parse_texts(
        "Rockets have targeted US forces at bases such as Zawir and Ayn al-Velmor.",
        "The coalition has now left three bases in Iraq: Qorvan, Q-Velmor and Zabaran.",
    )
    entities = _entities([
        _with_labels(first, [("Zawir", "PERSON"), ("Ayn al-Velmor", "ORG")]),
        _with_labels(second, [("Iraq", "GPE"), ("Qorvan", "PERSON"), ("Q-Velmor", "ORG"),
                              ("Zabaran", "PERSON")])])
    kinds = {name: entity_of(entities, name).kind
             for name in ("Zawir", "Ayn al-Velmor", "Qorvan", "Q-Velmor", "Zabaran")}
    assert set(kinds.values()) == {"base"}, kinds
    assert entity_of(entities, "Iraq").kind == "place"



def test_a_name_ner_skipped_after_the_town_of_is_a_place_and_a_police_chief_a_person():
    (article,) = parse_texts(
        "They were expelled from their last stronghold, the town of Zabaghuz, in 2019. "
        "Velmor Police Chief Sarhad Qadiri confirmed that dozens were killed.")
    entities = _entities([_with_labels(article, [("Velmor Police", "ORG")])])
    assert entity_of(entities, "Zabaghuz").kind == "place"
    assert entity_of(entities, "Sarhad Qadiri").type == "person"


def test_heights_and_a_hashd_spelling_join_their_known_names():
    """Not "Defense Department" for the Pentagon: "Australia's Department of Defence" is
    no Pentagon (test_a_body_s_names_that_reference_works_list_are_one_body)."""
    first, second = parse_texts(
        "Rockets were fired from the Zarvan Heights on Monday. Officials said two rockets "
        "fell short.",
        "Israel struck targets in Zarvan on Tuesday, the Pentagon said. The Hashed "
        "denied any role. The Popular Mobilization Forces said so.",
    )
    entities = _entities([
        _with_labels(first, [("Zarvan Heights", "LOC")]),
        _with_labels(second, [("Israel", "GPE"), ("Zarvan", "GPE"), ("Pentagon", "ORG"),
                              ("Hashed", "ORG"), ("Popular Mobilization Forces", "ORG")])])
    assert entity_of(entities, "Zarvan") is entity_of(entities, "Zarvan Heights")
    assert entity_of(entities, "Hashed") is entity_of(entities, "Popular Mobilization Forces")


def test_a_known_group_s_name_with_group_capitalised_after_it_is_the_group():
    (article,) = parse_texts(
        "The coalition fighting Islamic State Group said the drone was armed. Islamic "
        "State fighters fled.")
    entities = _entities([_with_labels(article, [("Islamic State Group", "ORG"),
                                                 ("Islamic State", "ORG")])])
    assert entity_of(entities, "Islamic State Group") is entity_of(entities, "Islamic State")


def test_a_person_or_company_that_shares_a_weapon_s_name_keeps_its_page():
    (article,) = parse_texts(
        "Abrams said on Monday that sanctions on Iran would stay. Apache said it would "
        "sell its fields.")
    entities = _entities([_with_labels(article, [("Abrams", "PERSON"), ("Iran", "GPE"),
                                                 ("Apache", "ORG")])])
    assert entity_of(entities, "Abrams").type == "person"
    assert entity_of(entities, "Apache").kind == "actor"


def test_a_group_that_opens_a_clause_after_a_list_of_bases_is_no_base():
    first, second = parse_texts(
        "The coalition withdrew from bases such as Zawir and Qorvan, and Kataib Rahma "
        "claimed victory on Monday.",
        "Rocket attacks on US bases: Kataib Rahma claims responsibility",
    )
    entities = _entities([
        _with_labels(first, [("Zawir", "PERSON"), ("Qorvan", "PERSON"), ("Kataib Rahma", "ORG")]),
        _with_labels(second, [("US", "GPE"), ("Kataib Rahma", "ORG")])])
    assert entity_of(entities, "Kataib Rahma").kind == "actor"
    assert entity_of(entities, "Zawir").kind == "base"


def test_a_nickname_that_is_someone_else_s_possessive_names_no_one():
    first, second = parse_texts(
        "The strike killed Ali Velmari, known as Zaydani's right-hand man, near Baghdad.",
        "Qassem Zaydani was killed in January. Zaydani had led the force.",
    )
    entities = _entities([
        _with_labels(first, [("Ali Velmari", "PERSON"), ("Zaydani", "PERSON"), ("Baghdad", "GPE")]),
        second])
    assert entity_of(entities, "Ali Velmari") is not entity_of(entities, "Qassem Zaydani")


def test_a_title_is_a_whole_word_before_the_name():
    """"lt" ends "assault" and "mp" ends "camp": no rank or title of the name after."""
    (article,) = parse_texts("After the assault Zaydman resigned. In the camp Velmor spoke.")
    entities = _entities([_with_labels(article, [("Zaydman", "PERSON"), ("Velmor", "PERSON")])])
    assert {a for e in entities for a, _ in e.aliases} == {"Zaydman", "Velmor"}


def test_a_lake_does_not_swallow_the_town_of_its_name():
    (article,) = parse_texts("Talks opened in Zarvan on Monday. Fishermen on Lake Zarvan "
                             "saw the drones.")
    entities = _entities([_with_labels(article, [("Zarvan", "GPE"), ("Lake Zarvan", "LOC")])])
    assert entity_of(entities, "Zarvan") is not entity_of(entities, "Lake Zarvan")
