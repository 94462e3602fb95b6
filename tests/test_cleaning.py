"""The cleaning module on strings: what a reader of the output would check."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbot.cleaning import (
    BoilerplateLearner,
    Removal,
    clean_blocks,
    clean_text,
    clean_title,
    load_noise_rules,
    settings_path,
)
from newsbot.profiles import load_profile, profile_from_dict

RULES = load_noise_rules(load_profile("daily8"))


def kept(blocks, **kw):
    return clean_blocks(blocks, RULES, **kw).kept


def test_example_from_the_contract():
    blocks = [
        "Independent",
        "News",
        "First paragraph...",
        "Photo: Reuters",
        "Second para.advertisementThe third...",
        "Show all 7",
        "Hashtags",
        "Try Our AI Features",
        "Related Articles",
        "Other titleOther title",
        "Other teaser.",
    ]
    result = clean_blocks(blocks, RULES, source="Independent", category="News")
    assert result.kept == ["First paragraph...", "Second para. The third..."]
    rules = {r.rule for r in result.removed}
    assert {
        "list_echo",
        "outlet:photo_credit",
        "outlet:advertisement",
        "gallery_counter",
        "chrome",
    } <= rules


@pytest.mark.parametrize(
    "lang_block",
    [
        [
            "Hashtags",
            "Try Our AI Features",
            "Explore what Daily8 AI can do for you:",
            "Comments",
            "No comments yet...",
            "Related Articles",
        ],
        [
            "هاشتاغز",
            "جرب ميزات الذكاء الاصطناعي لدينا",
            "التعليقات",
            "لا يوجد تعليقات بعد...",
            "أخبار ذات صلة",
        ],
    ],
)
def test_body_ends_where_the_chrome_starts_in_each_language(lang_block):
    tail = ["A related title", "time2 hours ago", "A related teaser that is a whole article."]
    assert kept(["Body text."] + lang_block + tail) == ["Body text."]


def test_chrome_without_its_first_heading_still_ends_the_body():
    assert kept(["Body.", "Try Our AI Features", "Later."]) == ["Body."]
    assert kept(["Body.", "Comments", "No comments yet...", "Related text."]) == ["Body."]


@pytest.mark.parametrize(
    "line",
    [
        "Photo: 123RF",
        "Photo: Reuters",
        "Photo: AFP via Getty Images",
        "Image: Sam Lee/The Herald",
        "(Image: Joe Bloggs/PA Wire)",
        "(Photo: EPA-EFE)",
        "Credit: Instagram/@harbourcafe",
        "— Pixabay",
        "– Getty Images",
        "Picture: Supplied",
        "Photograph: Anna Berg/Reuters",
        "Getty Images",
        "AFP",
        "Jane Doe/Reuters",
        "PHOTO: AP",
        "Photo by Sam Wu on Unsplash",
        "Video: Crowds gather outside the court",
        "01:10 - Source: CNN",
        "02:45 - Source: CNN Business",
        "Learn more about your ad choices. Visit podcastchoices.com/adchoices",
        "Learn more about your ad choices. Visit megaphone.fm/adchoices",
        "READ MORE",
        "READ MORE: Minister quits after row over expenses",
        "Read More about Premier League",
        "Sign up for the Morning Mail newsletter here.",
        "Sign up to our free Business Today newsletter to get the top stories every morning.",
        "To get the latest news from the Gulf, subscribe to our newsletter to stay in the loop.",
        "Get our breaking news newsletter straight to your inbox.",
        "advertisement",
        "ADVERTISEMENT",
        "Advertisement",
        "Sponsored Links",
        "by Taboola",
        "Video Player is loading. Play Video Play Mute Current Time 0:00 / Duration 2:11 Loaded: "
        "0% Progress: 0% Stream Type LIVE Remaining Time -2:11 1x Playback Rate Fullscreen",
        "For the best experience and breaking news coverage, download the 7NEWS app.",
        "Sky News Live: Watch or listen to the latest news free on your devices.",
        "Listen on Apple Podcasts Listen on Spotify",
        "Listen on Spotify",
        "Article content",
        "Full story.",
        "Link copied",
        "Link copied!",
        "Share this article",
        "Have an opinion on this story? Send us a letter of up to 200 words by email.",
        "Do you have an opinion on the issues raised in this article? Email letters@example.com",
        "Your payment has failed. Please update your payment details.",
        "There was a problem with your payment. Update your card to keep reading.",
        "19/05/2025",
        "Mon 19 May Mon 19 May Mon 19 May 2025 at 10:28pm",
        "%3Cp%3EThe%20council%20said%3C%2Fp%3E",
        ".cls-1{clip-path:url(#clip-path);fill:none;}",
        "&w=3840&q=100)",
        "https://example.com/images/photo.jpg?w=800",
        "undefined",
        "logo",
        "Orange background",
        "#",
        "time",
        "Show all 12",
        "Latest news with #Health",
        "آخر الأخبار مع #الرياضة",
        "time3 hours ago",
        "timean hour ago",
        "timea day ago",
        "time09-07-2025",
        "Independent14 hours ago",
        "9 News6 days ago",
        "The National16-05-2025",
        "عكاظمنذ ساعة واحدة",
        "تليكسبريسمنذ يوم واحد",
        "منذ 5 ساعات",
        "a few seconds ago",
        "44 minutes ago",
        "11 hrs ago",
        "about 12 hours ago",
        "71 Hours Ago · Canada",
        "2 days ago News desk",
        "on 2024-06-15 at 00:24",
        "6 March 2025 at 05:55",
        "Invalid date",
        "  • Reuters",
        "- Sky News",
        "• Politics",
        "Entertainment",
        "تصوير: أحمد علي",
    ],
)
def test_noise_lines_are_removed(line):
    assert kept(["Body text stays.", line, "More body."]) == ["Body text stays.", "More body."]


@pytest.mark.parametrize(
    "line",
    [
        "The council's newsletter will carry the new map next month.",
        "She said she would sign up for the course once her exams were over.",
        "The advertisement was pulled after 40 complaints, the regulator said.",
        "Comments made by the minister last week were criticised by unions.",
        "Opponents called the plan ‘uncivilised' and vowed to fight it.",
        "In a statement to , the ministry said the talks would go on.",
        '"We did not see it coming," she said.',
        "The photo showed the mayor at a rally in 1985.",
        "Tickets are available from just £5 at the box office.",
        "Police asked: can you help find the missing dog? Call 101.",
        "Before you go to the polls, check your registration, officials said.",
        "It happened 40 years ago and nobody has forgotten it.",
        "The clip, which lasts 01:10, was shared widely on Monday.",
        "The train left at 10.51am and arrived at 0645 GMT.",
        "Read the full report on the council website, officials said.",
        "Independent experts said the data was reliable.",
        "News of the deal spread quickly on Tuesday.",
        "- Cut taxes for small firms by 2 per cent",
        "وقال الوزير إن الخطة ستبدأ منذ يوم الأحد المقبل في جميع المدن.",
    ],
)
def test_content_is_kept_as_is(line):
    assert kept([line], source="Independent", category="News") == [line]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plan.advertisementThe mayor", "plan. The mayor"),
        ("the report, opens new tab said", "the report said"),
        ("the regime.advertisement", "the regime."),
        ("advertisementThe mayor spoke.", "The mayor spoke."),
        ("Reuters reported, opens new tab.", "Reuters reported."),
        (
            "It rained. Sign up for the Weather newsletter here. Then it stopped.",
            "It rained. Then it stopped.",
        ),
        (
            "A podcast about towns. Learn more about your ad choices. Visit megaphone.fm/adchoices",
            "A podcast about towns.",
        ),
        ("Fans cheered. Photo: Reuters The match ended 2-1.", "Fans cheered. The match ended 2-1."),
        (
            "Fans cheered (Image: Sam Lee/PA Wire) as the match ended.",
            "Fans cheered as the match ended.",
        ),
        ("Article contentThe minister said no.", "The minister said no."),
        ("&w=3840&q=100)The minister said no.", "The minister said no."),
        ("He spoke.Sponsored Linksby Taboola", "He spoke."),
    ],
)
def test_glued_noise_is_cut_out_of_the_sentence(raw, clean):
    assert clean_text(raw, RULES) == clean
    assert kept([raw]) == [clean]


def test_teaser_loses_a_leading_title_and_glued_noise():
    title = "Storm hits the coast"
    teaser = f"{title}{title} Waves reached the road.advertisementResidents left, opens new tab."
    assert clean_text(teaser, RULES, title=title) == "Waves reached the road. Residents left."


def test_descriptive_caption_moves_out_of_the_body():
    result = clean_blocks(
        [
            "Body.",
            "Firefighters at the scene on Monday. Photo: Reuters",
            "A nurse on the ward (Image: Jane Doe/PA Wire)",
        ],
        RULES,
    )
    assert result.kept == ["Body."]
    assert result.captions == ["Firefighters at the scene on Monday.", "A nurse on the ward"]
    assert Removal("Photo: Reuters", "outlet:photo_credit") in result.removed


def test_multiline_blocks_are_handled_line_by_line():
    result = clean_blocks(["First line.\nPhoto: AFP\n  Second   line.  "], RULES)
    assert result.kept == ["First line.", "Second line."]


def test_rails_and_appeals():
    body = [
        "Body one.",
        "Most read in Sport",
        "Club signs new striker",
        "19/05/2025",
        "Coach leaves after ten years",
        "Body two continues here.",
    ]
    assert kept(body) == ["Body one.", "Body two continues here."]
    appeal = [
        "Body.",
        "Before you move on, please consider supporting our journalism today.",
        "We have no shareholders.",
        "Continue",
        "Remind me in May",
    ]
    assert kept(appeal) == ["Body."]


def test_title_echo_and_list_echo():
    blocks = [
        "My titleMy title",
        "My title My title",
        "My title",
        "Reuters",
        "- Reuters",
        "  • News",
        "Body.",
    ]
    assert kept(blocks, title="My title", source="Reuters", category="News") == ["Body."]


def test_a_headline_right_before_its_glued_source_and_age_is_the_title_shown_again():
    """Daily8's header: the title, then the source with the age glued to it. A title the
    item does not know (cut short, reworded) is still the header's."""
    blocks = [
        "River ferry resumes after an eight-month halt",
        "Juba Lantern5 hours ago",
        "Passenger boats returned to the river route on Monday.",
        "A subheading of the story",
        "The cooperative said two boats would run each day.",
    ]
    assert kept(blocks, title="Ferry resumes", source="Juba Lantern") == [
        blocks[2],
        blocks[3],
        blocks[4],
    ]


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Foo bar", "Foo bar"),
        ("Foo barFoo bar", "Foo bar"),
        ("Foo bar Foo bar", "Foo bar"),
        ("Foo barFoo barFoo bar", "Foo bar"),
        ("  Foo bar (cloned) ", "Foo bar"),
        ("Foo bar (cloned)Foo bar (cloned)", "Foo bar"),
        ("‘Uncivilised' plan", "‘Uncivilised' plan"),
    ],
)
def test_clean_title(raw, title):
    assert clean_title(raw, RULES) == title


def test_learner_needs_distinct_articles_and_a_threshold():
    learner = BoilerplateLearner(threshold=3)
    promo = "Puzzles, crosswords and the weekend quiz"  # no rule knows it: only learning does
    for n in range(2):
        learner.observe("Metro", f"a{n}", [promo, promo, f"Unique text {n}."])
    learner.observe("Metro", "a1", [promo])  # same article again: not a new one
    assert not learner.is_learned("Metro", promo)
    learner.observe("Metro", "a9", [promo])
    assert learner.is_learned("Metro", promo)
    assert not learner.is_learned("Yahoo", promo)
    assert learner.learned() == {"Metro": [promo]}
    result = clean_blocks(["Body.", promo], RULES, source="Metro", learner=learner)
    assert result.kept == ["Body."] and result.removed == [Removal(promo, "learned")]


def test_learner_ignores_long_lines_and_can_be_disabled():
    long_quote = "x" * 201
    learner = BoilerplateLearner(threshold=1)
    learner.observe("S", "a", [long_quote])
    assert not learner.is_learned("S", long_quote)
    off = BoilerplateLearner(threshold=0)
    off.observe("S", "a", ["short"])
    assert not off.is_learned("S", "short") and off.learned() == {}


def test_a_rule_can_be_added_without_code(tmp_path: Path):
    noise = tmp_path / "noise.toml"
    noise.write_text(
        settings_path("noise.toml").read_text(encoding="utf-8")
        + '\n[[rule]]\nid = "gazette_promo"\noutlet = "The Gazette"\nkind = "phrase"\n'
        'patterns = ["Get the Gazette delivered"]\n'
        '\n[[rule]]\nid = "gazette_glued"\noutlet = "The Gazette"\nkind = "inline"\n'
        "patterns = ['\\s*\\[Gazette\\]']\n",
        encoding="utf-8",
    )
    rules = load_noise_rules(load_profile("daily8"), noise)
    result = clean_blocks(["Body [Gazette] here.", "get the gazette  delivered"], rules)
    assert result.kept == ["Body here."]
    assert [r.rule for r in result.removed] == ["outlet:gazette_glued", "outlet:gazette_promo"]


def test_profile_chrome_drives_the_site_layer():
    raw = dict(load_profile("daily8").raw)
    raw["chrome"] = {**raw["chrome"], "fr": {"block": ["Mots-clés", "Articles liés"]}}
    rules = load_noise_rules(profile_from_dict(raw))
    assert clean_blocks(["Texte.", "Mots-clés", "Autre."], rules).kept == ["Texte."]


def test_bad_input_never_raises():
    weird = ["", " ", "\x00", "\u2028", "{", "%3C" * 50, "(" * 500, "advertisement" * 20]
    clean_blocks(weird, RULES, title="", source="", category="")  # type: ignore[arg-type]
    assert clean_text("", RULES) == ""
    assert clean_title("", RULES) == ""
