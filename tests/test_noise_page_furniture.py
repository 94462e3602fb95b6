"""A page's own furniture left in the copy: feedback asks with their buttons, review stamps,
a press release's end mark and notes to editors, rating widgets, trailers and audio
versions with a running time, live pages' controls, review-copy disclosures, forward-it-on
asks, zoom instructions, a read-also link glued after an Arabic paragraph: shapes blind sets
230-231 showed missed, written in other words here; and the story's sentences that share
their words, a critic's stars and a table of the copy's figures, which stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import (
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
    clean_in_flood_story,
    in_story,
)

RULES = load_noise_rules(None, pitch=False)


def clean(line: str):
    return clean_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Did you find this guide useful? Yes / No",
        "Is this information helpful?",
        "- ENDS -",
        "###",
        "Note to editors: photographs of the new depot are available from the press team on "
        "request.",
        "Page last checked: 14 March 2026",
        "This page was last updated on 3 April 2026. Next review due: April 2027.",
        "Rate this album: ☆☆☆☆☆",
        "☆ ☆ ☆ ☆ ☆",
        "Official trailer: Harbour Lights (1:58)",
        "Watch: the lifeboat launch in full 03:41",
        "Narrated version: listen to this feature (12 min)",
        "Live updates are paused. Refresh the page to see new posts.",
        "Skip to the most recent update ↓",
        "Continue scrolling to see more from the red carpet",
        "£249.99Buy at Hollis Electrical",
        "$1,299 View at Kettering Tech",
        "We check over 120 million prices every day to find you the best deal",
        "New posts appear at the top of the page.",
        "Our reviewer was sent a retail copy by the studio.",
        "The manufacturer provided a review unit for this test; it had no say over our verdict.",
        "Liked this briefing? Forward it on to a colleague – they can join for free.",
        "The turnout map fills in as each polling district declares: scroll to zoom and explore.",
        "هل كان هذا المقال مفيدا؟ نعم / لا",
        "الأخبار تصلك أولا بأول.. تابعونا على قناتنا في تلغرام",
    ],
)
def test_the_pages_furniture_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Rating: ★★★★☆",
        "The talks ends a decade of dispute over the shoreline, the council said.",
        "Editors at the paper were told the page had been reviewed twice before printing.",
        "The trailer park's residents were given a week to comment on the plan.",
        "The museum was given a copy of the charter by the family in 1962.",
        "Councillors voted to pass it on to the planning committee for a final decision.",
        "Residents can zoom in on the flood map at the library, the council said.",
        "The refresh of the town's bus fleet is on schedule, the operator said.",
        "Investors should keep scrolling for more than headlines, the analyst said.",
        "$5 buys a hot meal at the shelter, the charity said.",
        "We check every product recall notice that the regulator publishes, the group said.",
        "وقال المدير إن المعلومات كانت مفيدة للمزارعين في الموسم الماضي.",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_a_table_of_the_copys_figures_stays_under_its_heading() -> None:
    """`Label | +14.2%` is a row of the copy's table, not a ticker strip."""
    lead = "Regional lenders outperformed the wider market this year, the exchange said."
    rows = ["Five-year fixed | +0.4%", "Two-year tracker | −0.2%", "Easy-access saver | +1.1%"]
    more = "The lenders said the gap would narrow as the central bank cut its rate in spring."
    result = clean_blocks([lead, "Change since January", *rows, more], RULES)
    assert [line for line in rows if line in result.kept] == rows


def test_a_read_also_link_glued_after_an_arabic_paragraph_is_cut() -> None:
    sentence = "وارتفعت مبيعات الأسمدة بنسبة 6 في المئة خلال الربع الأول."
    result, body = clean(sentence + "اقرأ أيضًا: أسعار القمح تتراجع")
    assert result.kept == in_story(body, sentence), result.removed


def test_a_markdown_attribute_list_left_as_text_is_cut_not_taken_for_css():
    """Blind site 71: kramdown's `{:.highlight}` after a paragraph leaked as text, and the
    line was dropped as a CSS rule; the list goes and the sentence stays."""
    line = "The barrier will be raised twice a month during the spring tides. {:.highlight}"
    result, body = clean(line)
    assert result.kept == in_story(body, line[: -len(" {:.highlight}")])
    # a style rule is still one
    css = ".promo{display:none;color:red}"
    result, body = clean(css)
    assert result.kept == body


def test_prose_before_a_brace_is_no_css_selector():
    """Session 47's note: `The code uses {:.class} syntax` lost `The code uses`, read as a
    chain of descendant selectors, and a line of prose before `{...:...}` went whole. A
    selector is classes, ids, attributes and HTML's element names, never prose."""
    for line in (
        "The code uses {:.class} syntax to mark a paragraph for the designers.",
        'The flood API returns {"level": "amber"} when the river rises above two metres.',
    ):
        result, body = clean(line)
        assert result.kept == in_story(body, line)
    # a leaked rule inside a sentence goes, the words before it stay
    result, body = clean("Developers write body {color: red} in the stylesheet, she said.")
    assert result.kept == in_story(body, "Developers write in the stylesheet, she said.")
    for css in (
        'div.ad-slot > span:first-child, #top [data-x="1"]{display:none}',
        "html,body{margin:0;padding:0}",
        ":root{--brand:#c00}",
    ):
        result, body = clean(css)
        assert result.kept == body, css


@pytest.mark.parametrize(
    "line",
    [
        # a blog engine's entry footer and TrackBack block (Movable Type: blind site 73)
        "Posted by Newsdesk at 2:00 AM | Permalink | Comments (0) | TrackBacks (0)",
        "Posted by Ruth Calder on March 3, 2026 | Permalink | Comments (12)",
        "TrackBacks",
        "TrackBack URL for this entry: https://www.example.org/mt/mt-tb.cgi/1234",
        "Listed below are links to weblogs that reference Harbour ferry fares frozen:",
        "Continue reading “Women’s league confirms expansion to twelve clubs” »",
        "تابع القراءة “فريق الشباب يتأهل إلى نهائي الكأس” »",
        "<$mt:EntryTrackbackLink$>",
        "{{ entry.permalink }}",
    ],
)
def test_a_blog_engines_entry_furniture_goes(line):
    result, body = clean(line)
    assert result.kept == body, line


def test_a_story_about_posts_and_reading_stays():
    for line in (
        "The notice was posted by the harbour master at 6am and read by hundreds of commuters.",
        "Read more “about the barrier” on the council website, the engineer told residents.",
    ):
        result, body = clean(line)
        assert result.kept == in_story(body, line)
