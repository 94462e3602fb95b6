"""What blind set 282 showed, written here in other words.

Glued inside a sentence on arrival: a capitalised donation ask naming its fund ("Donate to the
Harbour Fund today"), a bracketed read-also link in English and Arabic, an Arabic follow-us
note naming the outlet's own accounts (no platform), an Arabic continue-after-the-ad note
after a comma. Kept as lines: a membership renewal reminder, a not-yet-a-member pitch with its
price, a letters page's notes, an if-this-story-helped-you ask, a text-alert sign-up, a
year-of-the-paper price pitch after its hook. Each shape has lines of the story beside it that
share its words and stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        (
            "Twelve volunteers have signed up to fill sandbags, Donate to the Harbour Fund today "
            "working in two-hour shifts.",
            "Twelve volunteers have signed up to fill sandbags, working in two-hour shifts.",
        ),
        (
            "The warden said the barrier [Read more: Council to vote on flood levy] held all "
            "night.",
            "The warden said the barrier held all night.",
        ),
        (
            "وقال إن المضخات [اقرأ أيضاً: البلدية تطلب مضخات إضافية] عملت طوال الليل.",
            "وقال إن المضخات عملت طوال الليل.",
        ),
        (
            "وأضاف أن البلدية ستوزع تابعونا على حساباتنا الرسمية لمعرفة كل جديد أكياس الرمل صباحاً.",
            "وأضاف أن البلدية ستوزع أكياس الرمل صباحاً.",
        ),
        (
            "وقال المهندس إن المياه ارتفعت، يتواصل الخبر بعد الإعلان لأن السد لم يفتح في الوقت.",
            "وقال المهندس إن المياه ارتفعت، لأن السد لم يفتح في الوقت.",
        ),
    ],
)
def test_asks_links_and_notes_glued_inside_a_sentence_are_cut(glued: str, clean: str) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]


@pytest.mark.parametrize(
    "line",
    [
        "Renewal reminder: subscriptions lapse on 31 March. Renew online to keep your river "
        "alerts coming.",
        "Not yet a Friend of the Marsh? Membership starts at £12 a year and includes every "
        "issue of this newsletter.",
        "Letters about the barrier can be left at our Quay Street office. We reserve the right "
        "to edit for length.",
        "Flood news isn't free to make. If this story helped you, chip in what you can.",
        "Get river alerts before the water reaches your door. Text FLOOD to our alert line.",
        "Worried about the levels? A year of Flood Weekly through your letterbox costs less than "
        "one sandbag delivery.",
    ],
)
def test_member_pitches_and_letters_notes_on_their_own_lines_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Renew your passport online before travelling, the Foreign Office advised.",
        "Membership starts at £18 a year for adults and £9 for children.",
        "We reserve the right to remove anyone who refuses to leave, the landlord told tenants.",
        "Letters can be handed in at the council office until Friday.",
        "Local news isn't free, and the grant will cover two reporters, the foundation said.",
        "Text BUS5 to 70085 to donate £5, or drop cash into the hospice's collection tins.",
        "She urged fans to donate to the Harbour Fund today after the storm damaged the quay.",
        "A year of school meals costs less than a week in hospital, the report found.",
        "وقال إن الشركة ستطلق الإعلان الجديد الأسبوع المقبل بعد موافقة الهيئة.",
        "وقالت إن الجمهور تابع على حسابات البلدية أخبار الفيضان طوال الليل.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
