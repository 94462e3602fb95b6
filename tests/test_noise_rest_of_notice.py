"""A paragraph that was a notice or a promo goes whole: once a sentence of it is recognised
as noise, the sentences left go with it when each speaks to the reader or for the outlet
(kind ``rest_of_notice``). A story's paragraph that only had a promo glued to it keeps its
sentences. Made-up wording, written apart from the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import clean_in_story

RULES = load_noise_rules(None)
BODY = [
    "The harbour board approved a new ferry terminal on Tuesday after a two-year review.",
    "Construction is due to start in the spring and take about eighteen months.",
]
BODY_AR = [
    "وافق مجلس الميناء على إنشاء محطة عبارات جديدة يوم الثلاثاء بعد مراجعة استمرت عامين.",
    "ومن المقرر أن تبدأ أعمال البناء في الربيع وتستمر نحو ثمانية عشر شهرا.",
]


def clean(line: str):
    return clean_in_story(line, RULES, BODY, BODY_AR, at=1)


@pytest.mark.parametrize(
    "line",
    [
        # a commission notice and what it says after it
        "This post contains affiliate links. Harbour Living may earn a small fee if you buy "
        "through them, at no extra cost to you.",
        # a comments box and its house rule
        "Comments are moderated. Please keep the discussion civil and on topic.",
        # a consent placeholder and its instruction
        "This map is hidden because you declined optional cookies. Please update your "
        "settings to view it.",
        # an app promo and what the outlet promises
        "Get the Tideline app for breaking news. We send only the alerts that matter.",
        # Arabic: a newsletter box, then what it promises the reader
        "اشترك في نشرتنا البريدية. نرسل إليك أهم الأخبار كل صباح.",
        # a commission notice, then the link that explains it
        "When you buy through links on our site, we may earn a small fee. Here's how it works.",
        # a membership pitch and its small print
        "Sign up for the Harbour Weekender newsletter. It only takes a minute. Plans start at "
        "£2 a week.",
        # a writer's note and the rest of it
        "Sana Rafiq is the Harbour Post's transport editor. She previously reported on "
        "courts for the Evening Lantern.",
        # a donation appeal and its reassurance (blind site 64)
        "Our reporting stays free to read because readers fund it. Please consider a monthly "
        "contribution today. It takes less than a minute.",
    ],
)
def test_the_rest_of_a_notice_goes_with_it(line: str) -> None:
    result, body = clean(line)
    assert result.kept == body
    assert [r.rule for r in result.removed] == ["kind:rest_of_notice"]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # a story's sentences with a promo glued in: the promo goes, the story stays
        (
            "Ferry fares will rise by 4% in January. Sign up for our newsletter. The operator "
            "said fuel costs had doubled since 2023.",
            "Ferry fares will rise by 4% in January. The operator said fuel costs had doubled "
            "since 2023.",
        ),
        # a quote that speaks to "you" is the story's, not the outlet's
        (
            "Sign up for our newsletter. “You will not recognise the waterfront,” the mayor "
            "told residents.",
            "“You will not recognise the waterfront,” the mayor told residents.",
        ),
        # a story's sentence led by a noun that is also an imperative (`Trade`), reported
        # with `say` (noise set 316)
        (
            "Trade analysts say the film has surprised the industry, since it was released "
            "without a tour. Click here to download the StarGlint app for live updates.",
            "Trade analysts say the film has surprised the industry, since it was released "
            "without a tour.",
        ),
        # the US is not "us"
        (
            "Follow us on Instagram. Exports to the US fell by a third last year.",
            "Exports to the US fell by a third last year.",
        ),
        # a reported sentence with "our" stays
        (
            "Sign up for our newsletter. Our port will be busier than ever, the harbour master "
            "said on Monday.",
            "Our port will be busier than ever, the harbour master said on Monday.",
        ),
        # a first-person story's long sentence whose `we` comes late (a weather team's blog),
        # with the station's promo glued after it (noise set 318)
        (
            "The band should finally lift north and weaken Friday morning, and we're tracking "
            "a quieter weekend with highs near 30. Stay with Sky Watch 11 on air and online "
            "for updates all day.",
            "The band should finally lift north and weaken Friday morning, and we're tracking "
            "a quieter weekend with highs near 30.",
        ),
        # Arabic: a story's sentence after a follow prompt
        (
            "تابعونا على إكس. وقال رئيس المجلس إن المحطة ستخدم مليون مسافر سنويا.",
            "وقال رئيس المجلس إن المحطة ستخدم مليون مسافر سنويا.",
        ),
    ],
)
def test_a_story_sentence_next_to_a_promo_stays(line: str, kept: str) -> None:
    result, body = clean(line)
    assert result.kept == [body[0], kept, body[1]]
    assert all(r.rule != "kind:rest_of_notice" for r in result.removed)


def test_only_a_paragraph_that_lost_a_sentence_is_asked() -> None:
    """A story's paragraph that speaks to the reader, with nothing removed, stays whole."""
    line = "If you live near the terminal, you can comment on the plans until March 3."
    result, body = clean(line)
    assert result.kept == [body[0], line, body[1]]


def test_a_show_named_for_a_call_to_action_is_the_story_s():
    """Noise set 316: a comedy series called «اشترك وفعّل الجرس» (subscribe and ring the
    bell) named in a story's sentence; the same words outside quotation marks are an ask."""
    named = (
        "يبدأ الفنان الشاب عمر الجندي الشهر المقبل تصوير مسلسله الكوميدي الجديد «اشترك وفعّل "
        "الجرس»، المقرر عرضه على إحدى المنصات الرقمية في الخريف."
    )
    result, body = clean(named)
    assert named in result.kept
    result, body = clean("لا تنسوا الاشتراك في القناة وفعّلوا الجرس.")
    assert result.kept == body
