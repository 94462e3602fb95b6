"""What blind pages showed in a dozen publishers' markup: a pull quote set inside the body as a
``<blockquote>`` that says again a passage of the story, with a line naming who said it
(`<blockquote><p>"..."</p><span>Jane Roe, mayor</span></blockquote>`). Neither is a line of
the story: the quote is there already, and the name alone reads as nothing. A quote the
paragraphs do not already hold (a statement, a post) is the story's, with who said it."""

from __future__ import annotations

from newsbot.extract.reader import read_article
from tests.test_reader import PROSE, URL, page, paragraphs

SAID = "The market was built for traders and shoppers, not to be photographed and left empty."


def _story(quote: str, who: str) -> str:
    said = f"“{SAID}” the mayor said on Monday, as the first stalls opened."
    box = (
        f"<div class='quote-detail'><blockquote><p>“{quote}”</p><span>{who}</span>"
        "</blockquote></div>"
    )
    return (
        "<main><article><h1>New market opens</h1><div class='article-body'>"
        f"{paragraphs(PROSE[:2])}<p>{said}</p>{box}{paragraphs(PROSE[2:4])}</div></article></main>"
    )


def test_a_pull_quote_and_its_attribution_leave_the_body():
    body = read_article(page(_story(SAID, "Ratna Dewi, mayor of Sindangraja")), URL).body_blocks
    assert "Ratna Dewi, mayor of Sindangraja" not in body
    assert f"“{SAID}”" not in body
    assert body == [
        *PROSE[:2],
        f"“{SAID}” the mayor said on Monday, as the first stalls opened.",
        *PROSE[2:4],
    ]


def test_a_quote_the_story_does_not_hold_stays_with_who_said_it():
    other = "We will publish the full list of traders and their rents before the new year."
    body = read_article(page(_story(other, "Ratna Dewi, mayor of Sindangraja")), URL).body_blocks
    assert f"“{other}”" in body
    assert "Ratna Dewi, mayor of Sindangraja" in body


def _story_with_credit_outside(quote: str, who: str) -> str:
    """Brightspot's markup (blind site 65): the name in a sibling of the ``<blockquote>``,
    inside the box that holds both (`div.Quote > blockquote.Quote-body +
    div.Quote-attribution`)."""
    said = f"“{SAID}” the mayor said on Monday, as the first stalls opened."
    box = (
        f"<div class='Enhancement'><div class='Quote'><blockquote class='Quote-body'>“{quote}”"
        f"</blockquote><div class='Quote-attribution'>{who}</div></div></div>"
    )
    return (
        "<main><article><h1>New market opens</h1><div class='article-body'>"
        f"{paragraphs(PROSE[:2])}<p>{said}</p>{box}{paragraphs(PROSE[2:4])}</div></article></main>"
    )


def test_a_pull_quote_credit_beside_its_blockquote_leaves_with_it():
    who = "Ratna Dewi, mayor of Sindangraja"
    body = read_article(page(_story_with_credit_outside(SAID, who)), URL).body_blocks
    assert body == [
        *PROSE[:2],
        f"“{SAID}” the mayor said on Monday, as the first stalls opened.",
        *PROSE[2:4],
    ]
    other = "We will publish the full list of traders and their rents before the new year."
    body = read_article(page(_story_with_credit_outside(other, who)), URL).body_blocks
    assert f"“{other}”" in body and who in body  # a quote of its own keeps who said it
