"""Record shapes: boilerplate that looks like prose line by line and gives itself away only
next to the record's other lines (pull quotes, embedded posts, name-only bylines, the links
under a bare "Read more" label). Made-up copy; the layer's rules are named ``record:*``."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules

RULES = load_noise_rules(None)  # no site: the outlets' rules, kinds and record shapes

P1 = "The harbour authority approved the new ferry terminal on Tuesday after a long debate."
P2 = (
    "Engineers said the old pier had been sinking for years. “We could not keep patching "
    "a structure that the tide was slowly taking back,” the chief engineer said on Tuesday."
)
P3 = "Construction is due to start in the spring and to last about eighteen months."
P4 = "Fares will stay the same until the terminal opens, the operator said."
P5 = "Local traders welcomed the decision but asked for a plan to keep the quay open."


def removed(result, rule: str) -> list[str]:
    return [r.text for r in result.removed if r.rule == rule]


def test_a_pull_quote_repeating_the_copy_is_removed_and_the_paragraph_stays():
    quote = "“We could not keep patching a structure that the tide was slowly taking back.”"
    result = clean_blocks([P1, P2, P3, P4, quote, P5], RULES)
    assert result.kept == [P1, P2, P3, P4, P5]
    assert removed(result, "record:pull_quote") == [quote]


def test_the_line_naming_who_said_a_pull_quote_goes_with_it():
    """Blind site 65 (Brightspot): `div.Quote` printed the quote, then `Quote-attribution`."""
    said = (
        "“We will not prop up a system that gave one party half the seats with a third of "
        "the votes,” said Greens leader Matthias Orrell."
    )
    quote = (
        "“We will not prop up a system that gave one party half the seats with a third of "
        "the votes.”"
    )
    credit = "Matthias Orrell, Greens leader"
    result = clean_blocks([P1, said, quote, credit, P3, P4], RULES)
    assert result.kept == [P1, said, P3, P4]
    assert removed(result, "record:pull_quote") == [quote, credit]
    # a short line after it that names nobody the passage names is the story's
    after = "Talks resume on Monday"
    result = clean_blocks([P1, said, quote, after, P3, P4], RULES)
    assert after in result.kept


def test_a_summary_above_the_copy_repeating_its_first_sentence_stays():
    summary = "Engineers said the old pier had been sinking for years."
    lead = "The harbour authority approved the new ferry terminal on Tuesday."
    result = clean_blocks([summary, lead, P2, P3, P4], RULES)
    assert result.kept == [summary, lead, P2, P3, P4]


def test_a_sentence_the_article_says_twice_far_apart_stays():
    again = "Engineers said the old pier had been sinking for years and needed a decision."
    filler = [
        f"Paragraph {n} of the long report goes on about the budget in detail." for n in range(10)
    ]
    result = clean_blocks([P1, P2, P3, *filler, again], RULES)
    assert again in result.kept


def test_an_embedded_post_and_its_signature_are_removed_the_article_around_it_stays():
    post = "The pier is finally getting replaced!! Best news all week https://t.co/AbC123xyz"
    signature = "— Harbour Watch (@harbourwatch) March 4, 2025"
    result = clean_blocks([P1, P2, post, signature, P3], RULES)
    assert result.kept == [P1, P2, P3]
    assert removed(result, "record:embed") == [post, signature]


def test_an_instagram_footer_is_removed_with_the_caption_above_it():
    caption = "Sunset over the old quay, one last time"
    footer = "A post shared by Mara Quill (@maraquill)"
    result = clean_blocks([P1, P2, caption, footer, P3], RULES)
    assert result.kept == [P1, P2, P3]


def test_the_line_before_a_post_that_introduces_it_stays():
    intro = "The harbour authority replied on social media:"
    signature = "— Harbour Authority (@harbourauth) 4 March 2025"
    result = clean_blocks([P1, P2, intro, signature, P3], RULES)
    assert intro in result.kept
    assert signature not in result.kept


def test_a_line_of_names_at_the_top_or_bottom_is_a_byline():
    top = "Daniel Okafor, Priya Raman"
    bottom = "Lena de Vries and Tom O’Hara"
    result = clean_blocks([top, P1, P2, P3, P4, bottom], RULES)
    assert result.kept == [P1, P2, P3, P4]
    assert removed(result, "record:byline") == [top, bottom]


def test_a_list_of_entries_ending_on_names_keeps_its_last_entries():
    """A list of winners or albums whose last entries happen to be names only: they close
    the list under an entry of its shape (`Artist, Album`), not a paragraph of prose."""
    entries = ["Best Group", "The Lantern Keepers, Slow Tide", "Maya Orr, Second Light"]
    names = ["Halden Brook, Open Water", "Corin Vale"]
    result = clean_blocks([P1, P2, P3, *entries, *names], RULES)
    assert result.kept == [P1, P2, P3, *entries, *names]
    # the same name under the last paragraph is the byline
    result = clean_blocks([P1, P2, P3, P4, "Corin Vale"], RULES)
    assert removed(result, "record:byline") == ["Corin Vale"]


def test_a_letters_pages_signatures_stay_down_to_the_last():
    """Blind pages round 70: each letter ends with its writer's name and town; the last
    letter's signature, at the bottom of the copy, was removed as a byline. Name lines that
    run through the copy are its own; a byline is one line at an end."""
    letters = [
        P1, "Harold Vance, Dunmore",
        P2, "Marlene Ostrowski, Dunmore",
        P3, P4, "Ed Lindqvist, Harlan Township",
        P5, "Bev Sundstrom, Kettle Falls",
    ]  # fmt: skip
    assert clean_blocks(letters, RULES).kept == letters
    # one name line in the middle (a list's closing entry, a speaker) is no such run
    result = clean_blocks([P1, P2, "Daniel Okafor", P3, P4, P5, "Lena de Vries"], RULES)
    assert removed(result, "record:byline") == ["Lena de Vries"]


def test_title_case_subheadings_and_a_short_record_stay():
    result = clean_blocks([P1, P2, "What Happens Next", P3, P4], RULES)
    assert "What Happens Next" in result.kept
    # a heading above the copy's list keeps its list, and the list keeps the heading
    listed = ["Key Findings", "• Two new berths", "• A covered bus stop", P1, P2, P3, P4]
    assert clean_blocks(listed, RULES).kept == listed
    # a record of a name and a sentence: the name may be all there is to say who
    assert clean_blocks(["Maria Lopez", P1], RULES).kept == ["Maria Lopez", P1]


def test_headlines_under_a_bare_read_more_label_are_removed_until_the_copy_resumes():
    links = [
        "Ferry operator warns of delays as harbour works begin",
        "Quay traders ask council for compensation over closures",
    ]
    result = clean_blocks([P1, P2, "READ MORE", *links, P3, P4], RULES)
    assert result.kept == [P1, P2, P3, P4]
    assert set(removed(result, "outlet:link_list_label")) == {"READ MORE", *links}


def test_arabic_related_label_and_its_headlines_are_removed():
    body = ["وافقت هيئة الميناء على إنشاء محطة العبارات الجديدة يوم الثلاثاء.",
            "وقال المهندسون إن الرصيف القديم كان يغرق منذ سنوات."]  # fmt: skip
    links = ["تأجيل أعمال الصيانة في الميناء الشمالي", "التجار يطالبون بتعويضات عن الإغلاق"]
    more = "ومن المتوقع أن تبدأ أعمال البناء في الربيع."
    result = clean_blocks([*body, "اقرأ أيضاً:", *links, more], RULES)
    assert result.kept == [*body, more]


def test_a_sentence_after_read_more_is_prose_and_stays():
    line = "Read more about the plans in the council's report, published on Friday."
    result = clean_blocks([P1, line, P2], RULES)
    assert line in result.kept


def test_a_pull_quote_of_a_passage_the_article_cuts_to_name_the_speaker_is_removed():
    quote = "“We could not keep patching it. The tide was slowly taking it back.”"
    said = (
        '"We could not keep patching it," the chief engineer said on Tuesday. "The tide was '
        'slowly taking it back, and the ferries kept coming."'
    )
    result = clean_blocks([quote, P1, said, P3], RULES)
    assert result.kept == [P1, said, P3]


def test_a_listing_line_that_repeats_in_a_longer_one_stays():
    practical = "Easter trail open daily from 23 March to 7 April. harbour-trust.org.uk"
    longer = (
        "Circus-themed Easter trail open daily from 23 March to 7 April; crafts and stories "
        "on Sundays. harbour-trust.org.uk"
    )
    result = clean_blocks([P1, P2, P3, practical, longer, P4], RULES)
    assert practical in result.kept


def test_a_paragraph_set_apart_as_a_pull_quote_is_removed_and_its_twin_in_the_copy_stays():
    pulled = "The tide had been taking the old pier back for years, one plank at a time"
    said = "The tide had been taking the old pier back for years, one plank at a time."
    result = clean_blocks([P1, P2, pulled, P3, said, P4], RULES)
    assert result.kept == [P1, P2, P3, said, P4]
    # a paragraph printed twice the same way: the second copy goes
    result = clean_blocks([P1, P2, P3, P4, P5, P4], RULES)
    assert result.kept == [P1, P2, P3, P4, P5]
    # key points above the copy, each said again in it, all stay
    result = clean_blocks([P4, P5, P1, P2, P3, P4, P5], RULES)
    assert result.kept == [P4, P5, P1, P2, P3, P4, P5]


def test_two_sentences_said_again_in_other_company_are_the_article_s_prose():
    """An unquoted line of several sentences, each also in a nearby paragraph: the article
    repeating itself (the replica's made-up bodies do), not a pull quote."""
    first = "The council will publish a full report in the spring. Officials met last week."
    later = (
        "Residents have until the end of the month to respond. Officials met last week. "
        "The council will publish a full report in the spring, the mayor said again."
    )
    result = clean_blocks([P1, P2, P3, first, P4, later], RULES)
    assert first in result.kept


def test_a_bio_naming_the_outlet_s_desk_is_a_note_about_the_writer():
    bio = "Sana Rafiq is the Harbour Post's transport editor, covering ferries and ports."
    result = clean_blocks([P1, P2, P3, P4, bio], RULES)
    assert result.kept == [P1, P2, P3, P4]


def test_short_lines_that_frame_the_copy_are_removed():
    """Above the first paragraph and below the last: a desk byline, a date line, a related
    headline without a label. Made-up lines in shapes no kind lists."""
    top = ["Harbour Desk, Porthmadog", "Filed 4 March · 3 min"]
    bottom = ["Ferry fares frozen for a second winter"]
    result = clean_blocks([*top, P1, P2, P3, P4, *bottom], RULES)
    assert result.kept == [P1, P2, P3, P4]
    assert removed(result, "record:before_copy") == top
    assert removed(result, "record:after_copy") == bottom


@pytest.mark.parametrize(
    "lines",
    [
        # a list of the copy's own: more than three short lines in a row
        [P1, P2, P3, P4, "Terminal building", "Two new berths", "A covered bus stop", "Parking"],
        # a list under its heading, and bullet points
        [P1, P2, P3, P4, "What changes:", "• Two new berths", "• Parking"],
        # a short line next to a sentence below the copy: the run is the copy's
        [P1, P2, P3, P4, "Ferry fares frozen", "Tickets go on sale on Monday."],
        # a record too short to tell
        ["Harbour Desk, Porthmadog", P1, P2],
        # who else reported it, under the last paragraph (marked bodies keep these)
        [P1, P2, P3, P4, "Contributing: Erin Duval, The Cantwell Courier"],
        [P1, P2, P3, P4, "With files from The Canadian Press"],
        [P1, P2, P3, P4, "Avec les informations de La Presse canadienne"],
        [P1, P2, P3, P4, "Con información de EFE"],
        # a short heading, then items that read as sentences without their stops
        [
            P1,
            P2,
            P3,
            P4,
            "Still to decide",
            "Whether the old pier is kept as a walkway",
            "How the quay stays open during the works",
        ],
    ],
)
def test_short_lines_that_belong_to_the_copy_stay(lines):
    assert clean_blocks(lines, RULES).kept == lines


def test_a_section_label_in_capitals_above_the_copy_goes():
    result = clean_blocks(["HARBOUR & COAST", P1, P2, P3, P4], RULES)
    assert result.kept == [P1, P2, P3, P4]
    assert removed(result, "record:before_copy") == ["HARBOUR & COAST"]


def test_a_section_name_in_title_case_alone_above_the_copy_goes():
    """A story's subheadings sit between its paragraphs; a title-case line alone above the
    first one is the page's section (the blind sets' `Ports & Terminals`, `Library News`)."""
    result = clean_blocks(
        ["Harbours & Ferries", "By Jane Roe, Ports Correspondent", P1, P2, P3, P4], RULES
    )
    assert result.kept == [P1, P2, P3, P4]
    assert removed(result, "record:before_copy") == ["Harbours & Ferries"]


def test_a_note_about_the_writer_right_under_the_byline_goes():
    box = ["Ada Fung", "Ada Fung joined the Standard in 2019 and covers housing and planning."]
    result = clean_blocks([*box, P1, P2, P3, P4], RULES)
    assert result.kept == [P1, P2, P3, P4]
    assert removed(result, "record:author_bio") == [box[1]]


def test_a_lede_about_a_journalist_without_a_byline_above_stays():
    lede = (
        "Maya Ortiz is a senior reporter who was detained at the border on Monday, her paper said."
    )
    lines = [lede, P1, P2, P3, P4]
    assert clean_blocks(lines, RULES).kept == lines


@pytest.mark.parametrize(
    "promo",
    [
        "📢 Our monthly photo contest is open: win a weekend on the coast. Details here",
        "🎁 A weekend on the coast for two to be won this month",
        # (`👉 أرسلوا صوركم ...` is an ask to send photos, its own kind's since session 42)
        "👉 مسابقة الصور الشهرية مفتوحة: عطلة نهاية أسبوع على الساحل",
    ],
)
def test_a_line_led_by_a_pictograph_among_plain_lines_goes(promo):
    result = clean_blocks([P1, P2, promo, P3, P4], RULES)
    assert result.kept == [P1, P2, P3, P4]
    assert removed(result, "record:emoji_line") == [promo]


def test_a_numbered_list_at_the_end_of_the_copy_stays():
    steps = ["How to apply", "1. Log in with your digital ID", "2. Fill in the form and pay"]
    lines = [P1, P2, P3, P4, *steps]
    assert clean_blocks(lines, RULES).kept == lines


def test_a_match_report_s_goal_line_stays():
    goal = "⚽ 23' Dana Holt heads in from a corner to put the hosts ahead"
    lines = [P1, P2, goal, P3, P4]
    assert clean_blocks(lines, RULES).kept == lines


def test_a_run_of_lines_led_by_pictographs_is_the_copy_s_list():
    points = ["⚓ Two new berths for larger ferries", "🚌 A covered bus stop at the quay"]
    ticked = ["✅ Fares frozen until the terminal opens"]
    lines = [P1, P2, *points, P3, *ticked, P4]
    assert clean_blocks(lines, RULES).kept == lines


def test_a_standfirst_without_its_full_stop_above_the_copy_stays():
    standfirst = "Engineers say the new barrier could hold back a once-a-century flood"
    lines = [standfirst, P1, P2, P3, P4]
    assert clean_blocks(lines, RULES).kept == lines


def test_a_name_right_above_a_removed_date_stamp_is_a_byline_wherever_it_sits():
    """A page's standfirst, then the byline and its stamp, then the copy: the name is the
    byline although it is neither the first nor the last line."""
    standfirst = "A ferry terminal ten years in the planning gets the go-ahead at last."
    lines = [P1, P2, standfirst, "Morwenna Tregear", "Sat 2 Mar 2024 17.07 CET", P3, P4, P5]
    result = clean_blocks(lines, RULES)
    assert "Morwenna Tregear" not in result.kept
    assert removed(result, "record:byline") == ["Morwenna Tregear"]
    assert result.kept[:3] == [P1, P2, standfirst]


def test_a_name_in_the_copy_s_list_without_a_stamp_stays():
    lines = [P1, P2, "Shortlisted architects:", "Morwenna Tregear", "Idris Vaughan", P3, P4]
    assert clean_blocks(lines, RULES).kept == lines


def test_names_under_the_copys_heading_below_its_last_paragraph_stay():
    lines = [P1, P2, P3, P4, "Among the firms on the shortlist", "Tregear Marine", "Vaughan Civil"]
    assert clean_blocks(lines, RULES).kept == lines


def test_a_heading_in_title_case_at_the_top_is_not_a_byline():
    lines = [P1, "Second-Quarter Highlights", P2, P3, P4, P5]
    assert clean_blocks(lines, RULES).kept == lines


def test_the_last_entry_of_a_box_of_facts_below_the_copy_stays():
    """An entry that reads as copy (eight words, a closing bracket) splits the box: what
    follows it is still the box's, not the page's frame."""
    box = [
        "Deal at a glance",
        "Buyer: Harbour Holdings",
        "Target: Quay Post (12,000 subscribers, 61% average open rate)",
        "Price: undisclosed; paid in cash and shares",
    ]
    lines = [P1, P2, P3, P4, *box]
    assert clean_blocks(lines, RULES).kept == lines


def test_a_standfirst_in_title_case_alone_above_the_copy_stays():
    """A section's name is short (``Ports & Terminals``); a dek in title case is not."""
    dek = "The Story Behind the Harbour Board's Secret Flood Plan"
    lines = [dek, P1, P2, P3, P4, P5]
    assert clean_blocks(lines, RULES).kept == lines
