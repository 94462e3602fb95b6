"""What motoring, fashion and finance desks leave in the copy (noise sets 332 and 333, pages
round 77): a shop's question and its ask, a price tool for the reader's city, an affiliate
`cut`, a price-check note, a `Carry on reading:` list, a shoot's credits, `SHOP IT:`, an
e-mail box to pop an address in, a sponsor break, a sample disclosure, Arabic exclusive-content
and download-the-issue lines, an Arabic archive caption, a Portuguese quote-delay note; and a
story sentence with a tips address glued on, which stays. The story's own shoppers, prices,
photography and samples stay. Made-up wording, written apart from the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from newsbot.cleaning.clean import trace

RULES = load_noise_rules(None)
STORY = {
    "en": "The carmaker said deliveries of the new hatchback would begin in March.",
    "ar": "أعلنت الشركة عن طراز جديد من سياراتها الكهربائية يطرح في الأسواق الشهر المقبل.",
    "pt": "O Banco Central cortou a taxa básica de juros nesta quarta-feira, para 9,75%.",
}


def _out(lines: list[str], language: str):
    return trace([STORY[language], *lines], RULES, language=language)[1:]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Looking for a new city bike? Compare prices and offers on Pedal Mart.", "en"),
        ("Check the Vireo 125 on-road price in your city ▸", "en"),
        ("Heads-up: we earn a small cut when you book a test drive through our dealers.", "en"),
        ("Prices checked Mar. 9; they may change without notice.", "en"),
        ("Pop your email in the box below and we'll do the rest.", "en"),
        ("SHOP IT: Linen shirt dress, £89, at harrowandhem.co.uk", "en"),
        ("— The briefing resumes after a word from our sponsor —", "en"),
        ("Photography: Noor Haddad for Silk Review. Hair and make-up: Ana Pires.", "en"),
        ("Full disclosure: Brightloom sent us a sample coat, which we returned.", "en"),
        ("محتوى حصري لمشتركي المجلة", "ar"),
        ("حمّلوا العدد الرقمي من مجلة الواحة مجاناً على هواتفكم", "ar"),
        ("مصنع الإسمنت في المنطقة الصناعية - أرشيفية", "ar"),
        ("Cotações com atraso de 15 minutos", "pt"),
    ],
)
def test_a_desks_promo_credit_or_note_leaves_the_story(line: str, language: str) -> None:
    assert _out([line], language)[0].kept in (None, "")


def test_a_share_ask_goes_with_its_closing_quip() -> None:
    line = (
        "If this post was useful, the best thing you can do is send it to one friend who"
        " still shops fast fashion. No judgment."
    )
    assert _out([line], "en")[0].kept in (None, "")
    story = "The union said there would be no strike. No commitment was made on pay."
    assert _out([story], "en")[0].kept == story


def test_a_read_on_list_goes_with_its_heading() -> None:
    out = _out(
        ["Carry on reading:", "• Five family cars that hold their value", "• Our winter tyre test"],
        "en",
    )
    assert [o.kept for o in out] == [None, None, None]


def test_a_story_sentence_with_a_tips_address_glued_on_stays() -> None:
    line = (
        "Shares fell 4% in early trading in Frankfurt.Tips, line sheets and memos:"
        " tips@loomledger.news (we protect sources)"
    )
    assert _out([line], "en")[0].kept == "Shares fell 4% in early trading in Frankfurt."


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Looking for a bargain? Shoppers queued from 5am, the mall said.", "en"),
        ("Photography: the exhibition runs until March at the city gallery.", "en"),
        ("The brand sent us a statement on Friday, a spokesperson said.", "en"),
        ("Owners can check the recall status of their car online, officials said.", "en"),
        ("Shoppers can sign up for the loyalty scheme from Friday, the retailer said.", "en"),
        ("وقالت الوزارة إن المحتوى الحصري للمعرض سيعرض على منصتها الرسمية.", "ar"),
        ("O dólar fechou em alta de 0,31%, cotado a R$ 5,41, segundo operadores.", "pt"),
    ],
)
def test_the_storys_own_shoppers_prices_and_pictures_stay(line: str, language: str) -> None:
    assert _out([line], language)[0].kept == line
