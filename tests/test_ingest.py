"""ingest on tiny invented inputs: formats, furniture, bad files."""

from __future__ import annotations

from pathlib import Path

from briefgen.ingest import ingest


def _ingest(folder: Path):
    return ingest(folder, folder.parent, max_chars=10_000)


def test_short_first_line_is_the_title_and_text_is_kept(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Talks resume in Qandor\n\nThe council met on Monday.\n")
    result = _ingest(seeds)
    (article,) = result.articles
    assert article.title == "Talks resume in Qandor"
    assert "The council met on Monday." in article.text
    assert article.path == "seeds/a.txt"


def test_markdown_front_matter_fills_the_metadata(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "b.md").write_text(
        "---\ntitle: A visit\noutlet: The Daily Example\npublished: 2024-03-02\n"
        "url: https://example.org/a\n---\nThe envoy arrived in Velmor.\n"
    )
    (article,) = _ingest(seeds).articles
    assert (article.title, article.outlet, article.published, article.url) == (
        "A visit", "The Daily Example", "2024-03-02", "https://example.org/a")
    assert article.text == "The envoy arrived in Velmor."


def test_page_furniture_is_dropped_and_reported_and_outlet_inferred(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "c.txt").write_text(
        "Home / World\n\nBorder crossing reopens\n\nThe crossing reopened on Friday.\n\n"
        "The crossing reopened on Friday.\n\nSource : Example Wire\n\nSHARE THIS ARTICLE\n"
    )
    result = _ingest(seeds)
    (article,) = result.articles
    assert article.outlet == "Example Wire"
    assert article.text.count("The crossing reopened on Friday.") == 1
    assert "Source : Example Wire" in article.dropped and "Home / World" in article.dropped
    assert any(p.severity == "dropped" and p.path == "seeds/c.txt" for p in result.problems)


def test_bad_files_are_named_with_a_reason_and_the_rest_goes_on(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text("A good headline\n\nA sentence about Velmor.\n")
    (seeds / "empty.txt").write_text("  \n\n")
    (seeds / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (seeds / "report.docx").write_bytes(b"PK\x03\x04")
    (seeds / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    (seeds / "huge.txt").write_text("word " * 5000)
    result = _ingest(seeds)
    assert [a.path for a in result.articles] == ["seeds/good.txt"]
    reasons = {p.path: p.reason for p in result.problems}
    assert "empty" in reasons["seeds/empty.txt"]
    assert "binary" in reasons["seeds/image.txt"]
    assert "unsupported format" in reasons["seeds/report.docx"]
    assert "front matter" in reasons["seeds/broken.md"]
    assert "too long" in reasons["seeds/huge.txt"]


def test_legacy_encoding_and_mojibake_are_repaired(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    latin = "Café talks\n\nThe café in Zürich reopened.\n"
    (seeds / "latin.txt").write_bytes(latin.encode("cp1252"))
    (seeds / "moji.txt").write_text("Title\n\nThe envoyâ€™s visit ended.\n")
    texts = {a.path: a.text for a in _ingest(seeds).articles}
    assert "Zürich" in texts["seeds/latin.txt"]
    assert "envoy’s" in texts["seeds/moji.txt"]


def test_bylines_and_photo_credits_are_page_furniture():
    from briefgen.ingest import _clean_paragraphs

    kept, dropped, _, _ = _clean_paragraphs(
        "By Jane Roe, John Doe and Ali Hassan\n"
        "Rockets hit the base on Monday, officials said. (REUTERS/Jane Roe)\n"
        "By Monday the troops had left Baghdad.\n"
        "Reporting by Jane Roe in Baghdad; Editing by Chris Reese\n"
        "By Jane Roe | February 14, 2018 | 4:33am EST\n"
    )
    assert kept == ["Rockets hit the base on Monday, officials said.",
                    "By Monday the troops had left Baghdad."]
    assert "By Jane Roe, John Doe and Ali Hassan" in dropped
    assert "By Jane Roe | February 14, 2018 | 4:33am EST" in dropped
    assert "(REUTERS/Jane Roe)" in dropped
    # a credit line deep in the story, where no byline rule looks
    story = [f"Paragraph {n} of the story ends here." for n in range(5)]
    kept, dropped, _, _ = _clean_paragraphs("\n".join(
        [*story, "Contributor Velmor Press", "Contributors to the fund met on Monday.",
         "(Velmor Press)", "Troops ate at the base, Dec. 26, 2018. (Velmor Press)",
         "The group (Saraya Velmor) said so."]))
    assert kept == [*story, "Contributors to the fund met on Monday.",
                    "Troops ate at the base, Dec. 26, 2018.", "The group (Saraya Velmor) said so."]
    assert {"Contributor Velmor Press", "(Velmor Press)"} <= set(dropped)
    # an agency's dateline after a long page head
    kept, dropped, _, _ = _clean_paragraphs("\n".join(
        [*story, "TEHRAN, Mar. 24 (VNA) – A base came under attack."]))
    assert kept == [*story, "TEHRAN", "A base came under attack."]


def test_a_dateline_crediting_several_agencies_and_a_trailing_via_credit_are_dropped():
    from briefgen.ingest import _clean_paragraphs

    kept, dropped, _, dateline = _clean_paragraphs(
        "Militia halts attacks on US forces\n"
        "Fighters of the militia in Iraq, via NEWSWIRE\n"
        "A subtitle that runs on without a full stop\n"
        "BAGHDAD (REUTERS, BLOOMBERG, AFP) - Rockets hit the base on Monday.\n"
        "Supplies reached the base via Kuwait.\n"
    )
    # where the story was filed is a paragraph of its own; the agencies' credit is not
    assert kept == ["Militia halts attacks on US forces", "Fighters of the militia in Iraq",
                    "A subtitle that runs on without a full stop", "BAGHDAD",
                    "Rockets hit the base on Monday.", "Supplies reached the base via Kuwait."]
    assert dateline == "BAGHDAD" and "(REUTERS, BLOOMBERG, AFP) -" in dropped
    kept, dropped, _, dateline = _clean_paragraphs(
        "Base attacked\nTEHRAN, Mar. 24 (VNA) – A military base came under attack.\n")
    assert kept == ["Base attacked", "TEHRAN", "A military base came under attack."]
    assert dateline == "TEHRAN" and "Mar. 24 (VNA) –" in dropped
    _, _, _, dateline = _clean_paragraphs(
        "VELMOR, Zawir Region – Rockets hit the base on Monday.\n")
    assert dateline == "VELMOR, Zawir Region"


def test_a_lone_byline_name_navigation_links_and_credits_in_brackets_are_dropped():
    from briefgen.ingest import _clean_paragraphs

    kept, dropped, _, _ = _clean_paragraphs(
        "Two soldiers killed in northern Iraq\n"
        "Jane Roe\n"
        "1. Skip to content\n"
        "TT\n"
        "Two soldiers were killed on Sunday, officials said. (File photo by AFP)\n"
        "Ali Hassan Said It Was Over\n"
        "ConflictsSyria\n"
        "YouTube\n"
        "US strikes Iran-backed militias in Iraq / Syria\n"
        "A jet flies a patrol over Syria, Feb. 18, 2023. U.S. Air Force / Tech. Sgt. Jane Roe\n"
        "Officials said troops moved between Iraq / Syria bases on Monday, and more left.\n"
    )
    assert kept == ["Two soldiers killed in northern Iraq",
                    "Two soldiers were killed on Sunday, officials said.",
                    "Ali Hassan Said It Was Over",
                    "YouTube",
                    "US strikes Iran-backed militias in Iraq / Syria",
                    "A jet flies a patrol over Syria, Feb. 18, 2023.",
                    "Officials said troops moved between Iraq / Syria bases on Monday, "
                    "and more left."]
    assert {"Jane Roe", "1. Skip to content", "TT", "(File photo by AFP)",
            "ConflictsSyria", "U.S. Air Force / Tech. Sgt. Jane Roe"} <= set(dropped)


def test_section_labels_and_sidebar_widgets_are_dropped():
    from briefgen.ingest import _clean_paragraphs

    kept, dropped, _, _ = _clean_paragraphs(
        "World News\n"
        "Drones attacked the base on Monday, officials said.\n"
        "Most Visited in World\n"
        "Militia Leader Visits Tehran\n"
        "Top Stories\n"
    )
    assert kept == ["Drones attacked the base on Monday, officials said."]
    assert {"World News", "Most Visited in World", "Militia Leader Visits Tehran"} <= set(dropped)


def test_a_date_in_the_article_url_dates_the_article(tmp_path):
    """No date in the file, but the URL has one (/2024/01/28/): "on Sunday" is read
    against it."""
    from briefgen.ingest import read_article

    path = tmp_path / "a.md"
    raw = (b"---\ntitle: Drone attack\nurl: https://news.example.org/world/2024/01/29/drone/\n"
           b"---\nA drone attacked the outpost on Sunday, officials said.\n")
    assert read_article(path, raw, "seeds/a.md", 200_000).published == "2024-01-29"
    raw = raw.replace(b"2024/01/29/", b"world-news/")
    assert read_article(path, raw, "seeds/a.md", 200_000).published == ""


def test_the_outlet_s_own_masthead_and_tag_and_a_home_breadcrumb_are_furniture(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "m.md").write_text(
        '---\noutlet: "The Velmor Daily Herald (Reuters)"\ntitle: Rockets hit base\n---\n'
        "Velmor Daily Herald\n\nHome World\n\nRockets hit the base on Monday.\n\nVDH\n\n"
        "The Velmor Daily Herald reported that two rockets fell.\n\n"
        "Velmor Daily Herald: Officials denied it on Tuesday.\n\n"
        "Home Office officials said nothing.\n\nHome Secretary Jane Roe\n\n"
        "Velmor Daily Herald — the city's paper — reported it first.\n", encoding="utf-8")
    (article,) = _ingest(seeds).articles
    assert article.text.split("\n\n") == [
        "Rockets hit the base on Monday.",
        "The Velmor Daily Herald reported that two rockets fell.",
        "Officials denied it on Tuesday.",
        "Home Office officials said nothing.", "Home Secretary Jane Roe",
        "Velmor Daily Herald — the city's paper — reported it first."]
    assert {"Velmor Daily Herald", "Home World", "VDH"} <= set(article.dropped)


def test_a_hostile_outlet_is_read_no_further_than_the_page_shows_it():
    """The masthead check reads the outlet as the page does (120 characters), so an
    outlet of 20,000 brackets costs no more than a short one."""
    from briefgen.ingest import _mastheads

    assert max(map(len, _mastheads("(" * 20000 + "x"))) <= 120
    # "VH": a word? The agency in brackets is the copy's source, its tag too
    assert _mastheads("The Velmor Herald (Reuters)") == {"velmor herald", "reuters"}
    assert _mastheads("Velmor Daily Herald") == {"velmor daily herald", "vdh"}


def test_an_outlet_s_standards_link_is_furniture():
    from briefgen.ingest import _clean_paragraphs

    kept, dropped, _, _ = _clean_paragraphs(
        "Rockets hit the base on Monday, officials said.\n"
        "Our Standards:The principles of Velmor Trust.\n"
        "Our standards of living fell in the war, he said.\n"
    )
    assert kept == ["Rockets hit the base on Monday, officials said.",
                    "Our standards of living fell in the war, he said."]
    assert "Our Standards:The principles of Velmor Trust." in dropped


def test_a_byline_with_an_arabic_article_and_a_place_s_news_section_are_furniture():
    from briefgen.ingest import _clean_paragraphs

    kept, dropped, _, _ = _clean_paragraphs(
        "Iraq News\nBy Faris al-Velmor and AFP\n"
        "Iraq detained 14 fighters on Friday, officials said.\n"
        "The Iraq News Agency said so.\n")
    assert kept == ["Iraq detained 14 fighters on Friday, officials said.",
                    "The Iraq News Agency said so."]
    assert {"Iraq News", "By Faris al-Velmor and AFP"} <= set(dropped)


def test_a_caption_s_photo_credit_after_its_last_sentence_is_dropped():
    from briefgen.ingest import _clean_paragraphs

    kept, dropped, _, _ = _clean_paragraphs(
        "Rockets hit the base on Monday, officials said.\n"
        "Bodies are carried out of a building in Velmor. The toll could not be confirmed."
        " PHOTO: VELMOR HERALD\n"
        "Troops patrol the old city. Photos: Jane Roe/Velmor Times\n"
        "The photo: a soldier at the gate, officials said.\n"
    )
    assert kept == ["Rockets hit the base on Monday, officials said.",
                    "Bodies are carried out of a building in Velmor. The toll could not be "
                    "confirmed.", "Troops patrol the old city.",
                    "The photo: a soldier at the gate, officials said."]
    assert "PHOTO: VELMOR HERALD" in dropped


def test_wire_photo_credits_a_gallery_s_counter_and_a_read_more_line_are_furniture():
    """A caption's "AGENCY/Photographer" credit after its last sentence, a credit that
    opens a caption ("Jane Roe / Reuters Fighters …"), a gallery's "1 of 14 | … |
    License Photo" copy of the caption, and "Read more … news from <outlet>" are not
    the story: their names are photographers and the site itself."""
    from briefgen.ingest import _clean_paragraphs

    caption = "Children shelter in a church in Velmor, August 9, 2014."
    kept, dropped, _, _ = _clean_paragraphs(
        "Rockets hit the base on Monday, officials said.\n"
        "Troops patrol the old city. Picture taken July 30, 2018. REUTERS/Jane Roe\n"
        f"{caption} UPI/Jane al Roe\n"
        f"1 of 14 | {caption} UPI/Jane al Roe | License Photo\n"
        "Jane de Roe / Reuters Fighters of the Velmor Forces cheer in the square.\n"
        "Officials said troops moved between Iraq / Syria bases on Monday.\n"
        "Read more exclusive news from Velmor Daily.\n"
        "Soldiers fire a howitzer at the site. (Jane Roe/U.S. Army)\n"
        "The strike killed two men, officials said. U.S./Coalition forces had no losses.\n"
        "Kurdish/Arab fighters held the ridge.\n"
        "AFP/Getty Images\n"
        "Jane Roe/AFP via Getty Images\n"
    )
    assert kept == ["Rockets hit the base on Monday, officials said.",
                    "Troops patrol the old city. Picture taken July 30, 2018.", caption,
                    "Fighters of the Velmor Forces cheer in the square.",
                    "Officials said troops moved between Iraq / Syria bases on Monday.",
                    "Soldiers fire a howitzer at the site.",
                    "The strike killed two men, officials said. U.S./Coalition forces had "
                    "no losses.", "Kurdish/Arab fighters held the ridge."]
    assert {"REUTERS/Jane Roe", "UPI/Jane al Roe", "Jane de Roe / Reuters", "AFP/Getty Images",
            "Jane Roe/AFP via Getty Images",
            "(Jane Roe/U.S. Army)",
            "Read more exclusive news from Velmor Daily."} <= set(dropped)


def test_a_site_s_menus_above_the_headline_an_editor_line_and_a_sign_up_box_are_furniture(
        tmp_path):
    """On real pages: "Search AOL Mail", "AOL Favorites", "Next Up:" above the story's
    headline; "Edited by X"; a reprint's credit; an author's box ("... Editor-In-Chief
    of Atlas News."); a newsletter box ending "By signing up
    you agree to our Terms of Service". Short lines above a headline whose first line
    is a sentence stay the story."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text(
        "---\ntitle: Rockets hit Zawir base\n---\nSearch Velmor Mail\n\nVelmor Mail\n\n"
        "Next Up:\n\nVelmor Favorites\n\nRockets hit Zawir base\n\n"
        "Two rockets fell on Monday.\n\nEdited by Jane Roe\n\n"
        "This article was originally published by Velmor Radio and is reprinted with "
        "permission.\n\n"
        "Unbiased reporting for 12+ years. Covering wartime events and vital Breaking News "
        "from around the world. Editor-In-Chief of Velmor News.\n\n"
        "Sign up for Velmor Today. Email address Sign Up Thank you! By signing up you "
        "agree to our Terms of Service and Privacy Policy.\n", encoding="utf-8")
    (seeds / "b.md").write_text(
        "---\ntitle: Talks in Qandor\n---\nThe envoy arrived on Friday.\n\n"
        "Latest updates\n\nTalks in Qandor\n\nThe talks ended.\n", encoding="utf-8")
    first, second = _ingest(seeds).articles
    assert first.text.split("\n\n") == ["Rockets hit Zawir base", "Two rockets fell on Monday."]
    assert {"Search Velmor Mail", "Next Up:", "Velmor Favorites", "Edited by Jane Roe"} <= set(
        first.dropped)
    assert second.text.split("\n\n") == [
        "The envoy arrived on Friday.", "Latest updates", "Talks in Qandor", "The talks ended."]


def test_a_news_flash_label_opening_a_line_is_furniture(tmp_path):
    """An embedded post's "BREAKING - Hundreds of supporters …" (the label was a place's
    page on real news); "Breaking ranks, the militia …" is the story."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text(
        "---\ntitle: Crowds at the embassy\n---\nThe embassy was closed on Tuesday.\n\n"
        "BREAKING - Hundreds of supporters are swarming the gate.\n\n"
        "Breaking ranks, the militia left the square.\n", encoding="utf-8")
    (article,) = _ingest(seeds).articles
    assert article.text.split("\n\n") == [
        "The embassy was closed on Tuesday.", "Hundreds of supporters are swarming the gate.",
        "Breaking ranks, the militia left the square."]
    assert "BREAKING -" in article.dropped


def test_a_name_under_the_headline_a_pic_credit_and_the_outlet_after_the_headline_are_furniture(
        tmp_path):
    """On real pages: a reporter's name alone on the line under the headline, however
    many menu lines come above it, also under a second copy of the headline; a
    caption's "Pic: Jane Roe" and "(Courtesy, via X)"; the outlet glued to a headline
    ("… bombardment-Velmor"); a headline a scraper wrote twice over is read once.
    A name alone on a line further down is the story's."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text(
        "---\ntitle: The day after the siege of Qarmour\n---\n"
        "Media in cooperation and transition, a nonprofit\n\nOur other projects\n\n"
        "qandor: briefings from inside and across the region\n\nSubscribe\n\n"
        "Inside Qarmour\n\nThe day after the siege of Qarmour\n\nDana Zurabi\n\n"
        "Children in Qarmour celebrate the end of the siege. Pic: Dana Zurabi\n\n"
        "The people of Qarmour defended their town.\n\nLawk Ghafuri\n", encoding="utf-8")
    (seeds / "b.md").write_text(
        "---\ntitle: Raid kills a leader\noutlet: Velmor\n---\n"
        "Raid kills a leader-Velmor\n\nSyria\n\nRaid kills a leaderRaid kills a leader\n\n"
        "Jane Roe\n\n"
        "04/17/2023\n\nA raid killed a leader on Monday.\n\n"
        "The base is seen a day after the raid. (Courtesy, via Qandor Intel)\n",
        encoding="utf-8")
    first, second = _ingest(seeds).articles
    assert "Dana Zurabi" not in first.text.split("\n\n")
    assert "Children in Qarmour celebrate the end of the siege." in first.text.split("\n\n")
    assert "Lawk Ghafuri" in first.text.split("\n\n")
    assert "Jane Roe" not in second.text and "Velmor" not in second.text
    assert "Raid kills a leader" in second.text.split("\n\n")
    assert "leaderRaid" not in second.text
    assert "The base is seen a day after the raid." in second.text.split("\n\n")


def test_an_outlets_slash_tag_a_reprints_source_a_long_credit_and_a_mail_box_are_furniture(
        tmp_path):
    """Real pages: "Velmor News/ On Wednesday, …" (the outlet's tag), a reprint's tag
    "(Qandor Today | Iraq News Now)- Velmor News / The command said …" where the outlet is
    "Qandor Today (Velmor News)", "Breaking News Emails", a long photo credit in
    square brackets, a wire's "[AFP]" ending a line, "Photo by X/AFP via Getty Images";
    the outlet glued to a section's name ("Velmor PressMiddle East: …"); a reporter's
    name and the place they file from ("Jane Roe, Qandor"): the place stays; "Reuters ,
    Thursday 8 Jun 2017", "avatar by Reuters and Velmor Staff", "(AP) – " before a
    story."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text(
        "---\ntitle: Strike in Babil\noutlet: Velmor News\n---\n"
        "Velmor News/ On Wednesday, the group said drones struck Babil.\n\n"
        "Breaking News Emails\n\n"
        "A jet on patrol [US Air Force photo/ Master Sgt. Jane Q. Roebuckson/Wikipedia]\n\n"
        "The SDF said they had retaken the hospital from IS [AFP]\n\n"
        "Soldiers stand near a vehicle on March 27, 2023. Photo by JANE ROE/AFP via Getty "
        "Images\n",
        encoding="utf-8")
    (seeds / "b.md").write_text(
        "---\ntitle: Raid in Baghdad\noutlet: Qandor Today (Velmor News)\n---\n"
        "(Qandor Today | Iraq News Now)- Velmor News / The command issued a statement on "
        "Friday.\n", encoding="utf-8")
    (seeds / "c.md").write_text(
        "---\ntitle: Drones over Riyadh\noutlet: Velmor Press\n---\n"
        "Velmor PressMiddle East: A group said the attack was revenge.\n\n"
        "Jane Roe, Qandor\n\nDrones flew over the capital on Saturday.\n\n"
        "Reuters , Thursday 8 Jun 2017\n\navatar by Reuters and Velmor Staff\n\n"
        "(AP) – Kurdish forces say they took the dam.\n", encoding="utf-8")
    first, second, third = _ingest(seeds).articles
    assert third.text.split("\n\n") == [
        "A group said the attack was revenge.", "Qandor",
        "Drones flew over the capital on Saturday.", "Kurdish forces say they took the dam."]
    assert first.text.split("\n\n") == [
        "On Wednesday, the group said drones struck Babil.", "A jet on patrol",
        "The SDF said they had retaken the hospital from IS",
        "Soldiers stand near a vehicle on March 27, 2023."]
    assert second.text == "The command issued a statement on Friday."


def test_a_name_signing_off_before_a_footer_and_the_footers_link_titles_are_furniture(tmp_path):
    """Real pages: "Jane Roe" alone on the last line of the story before "Check Also",
    and the related stories' titles under it (no sentence ends them); the story going on
    after them stays, a caption ending in a credit too; "Based on reporting by AP and
    AFP", "Image Credit: AFP" and a toolbar's "Font Size: | Print" are furniture."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text(
        "---\ntitle: Velmor condemns the incursion\n---\n"
        "Velmor condemns the incursion\n\n"
        "Damascus, an official said that tanks crossed the border on Wednesday.\n\n"
        "The source said the incursion breached the country's sovereignty.\n\n"
        "The ministry asked the council to act.\n\nJane Roe\n\nCheck Also\n\n"
        "Velmor takes part in the World Festival of Youth in Qandor , Zawiria\n\n"
        "Officials said the talks would resume in March.\n\n"
        "Smoke rises over Tal Qandor, Velmor. Photo / AP\n\nBased on reporting by AP and "
        "AFP\n\nImage Credit: AFP\n\n Font Size:     |        Print\n\n"
        "Print media said the talks would resume.\n", encoding="utf-8")
    (article,) = _ingest(seeds).articles
    assert article.text.split("\n\n") == [
        "Velmor condemns the incursion",
        "Damascus, an official said that tanks crossed the border on Wednesday.",
        "The source said the incursion breached the country's sovereignty.",
        "The ministry asked the council to act.",
        "Officials said the talks would resume in March.",
        "Smoke rises over Tal Qandor, Velmor.",
        "Print media said the talks would resume."]


def test_reporters_named_together_under_the_headline_and_wire_stamps_are_furniture():
    """A byline of two lines ("Jane Roe", then "Ali Hassan and Joe Velmor"), a wire
    page's stamp line and a caption's agency after a spaced slash are no part of the
    story."""
    from briefgen.ingest import _clean_paragraphs

    kept, dropped, _, _ = _clean_paragraphs(
        "Kurdish forces retake a dam\n"
        "Jane Roe\n"
        "Ali Hassan and Joe Velmor\n"
        "Reuters | Updated: 04-03-2021 00:25 IST | Created: 04-03-2021 00:25 IST\n"
        "Smoke rises over Kirkuk, Iraq, Friday, Oct. 21 / AP\n"
        "Fighters retook the dam on Monday, officials said.\n"
        "Officials named Ali Hassan and Joe Velmor as the commanders.\n"
    )
    assert kept == ["Kurdish forces retake a dam",
                    "Smoke rises over Kirkuk, Iraq, Friday, Oct. 21",
                    "Fighters retook the dam on Monday, officials said.",
                    "Officials named Ali Hassan and Joe Velmor as the commanders."]
    assert "Ali Hassan and Joe Velmor" in dropped
