"""Property tests: the cleaner never raises and cleaning clean text changes nothing."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsbot.cleaning import clean_blocks, clean_text, clean_title, load_noise_rules
from newsbot.profiles import load_profile

RULES = load_noise_rules(load_profile("daily8"))

FRAGMENTS = [
    "The council met on Tuesday.",
    "He called it ‘uncivilised' and left.",
    "said in a statement to .",
    "advertisement",
    "regime.advertisementThe",
    ", opens new tab",
    "Photo: Reuters",
    "(Image: Jane Doe/PA Wire)",
    "Sign up for the Daily newsletter here.",
    "Learn more about your ad choices. Visit podcastchoices.com/adchoices",
    "Video Player is loading. Play Video Unmute",
    "Hashtags",
    "Comments",
    "Related Articles",
    "هاشتاغز",
    "أخبار ذات صلة",
    "time3 hours ago",
    "Independent14 hours ago",
    "• Independent",
    "- News",
    "#",
    "Show all 7",
    "%3Cp%3E%3C%2Fp%3E",
    ".cls-1{clip-path:url(#a);}",
    "&w=3840&q=100)",
    "READ MORE",
    "Further Reading",
    "Before you move on, please consider supporting our journalism.",
    "Continue",
    "(cloned)",
    "منذ ساعة واحدة",
    "وقال الوزير إن الخطة ستبدأ.",
    "\n",
    "  ",
    ". ",
    "?",
]

text_piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
line = st.lists(text_piece, max_size=6).map("".join)
blocks = st.lists(line, max_size=12)
names = st.one_of(st.none(), st.sampled_from(["Independent", "News", "9 News", "عكاظ", ""]))

# CI draws the same examples every run (a check that passed does not fail at random on the
# next clean clone); a local run draws new ones, which is how this test finds new cases
FAST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("CI") == "true",
)


@FAST
@given(blocks, names, names, st.one_of(st.none(), line))
# found by this test: the record's shapes change once the model or the entry slots have taken
# a line (a fragment the model left, a frame of three lines once a fourth has gone)
@example(
    [
        "The council met on Tuesday.",
        "The council met on Tuesday." * 5,
        "The council met on Tuesday.Photo: Reutersأخبار ذات صلةregime.advertisementThe",
        "regime.advertisementThe",
    ],
    None,
    None,
    None,
)
@example(
    [
        "The council met on Tuesday.",
        "The council met on Tuesday." * 5,
        "The council met on Tuesday.Hashtags",
        "The council met on Tuesday.• Independent",
        "The council met on Tuesday.Related Articles\x85time3 hours ago",
        "regime.advertisementThe",
    ],
    None,
    None,
    None,
)
# (session 51: two lines with a `|` are a table's rows, kept whole; the pull-quote check took
# the second, and cleaning again cut the first's credit)
@example(
    [
        "The council met on Tuesday.",
        "The council met on Tuesday.",
        "The council met on Tuesday.(Image: Jane Doe/PA Wire)0:0|0",
        "(Image: Jane Doe/PA Wire)0:0|0",
    ],
    None,
    None,
    None,
)
def test_clean_blocks_never_raises_and_is_idempotent(blocks, source, category, title):
    first = clean_blocks(blocks, RULES, title=title, source=source, category=category)
    assert all(isinstance(p, str) and p and p == " ".join(p.split()) for p in first.kept)
    again = clean_blocks(first.kept, RULES, title=title, source=source, category=category)
    assert again.kept == first.kept


@FAST
@given(line, st.sampled_from(["en", "ar"]))
@example("Photo: Reutersأخبار ذات صلة!\r0", "en")  # what the model left is read again
def test_clean_text_never_raises_and_is_idempotent(text, language):
    once = clean_text(text, RULES, language=language)
    assert clean_text(once, RULES, language=language) == once


@FAST
@given(line)
def test_clean_title_is_idempotent(title):
    once = clean_title(title, RULES)
    assert clean_title(once, RULES) == once
