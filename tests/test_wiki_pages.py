"""A news site run on a wiki engine (blind site 76, MediaWiki): the wiki's own spellings of an
article's address are the article and its edit form, history and talk pages are not; a link to
a page by its number is read at the page name its `title` gives; the skin's tagline, skip links
and infobox table between the title and the header line are passed over; a sentence ending in
a citation marker still ends a sentence, and a credit glued to the story's first word goes."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from parsel import Selector

from newsbot.cleaning import load_noise_rules
from newsbot.cleaning.clean import trace
from newsbot.extract.ages import age_reader
from newsbot.extract.article import parse_article
from newsbot.extract.entries import UNRESOLVED
from newsbot.profiles import load_profile

ANCHOR = datetime(2026, 12, 7, 11, 0, tzinfo=timezone.utc)
PROFILE = load_profile("daily8")
READ_AGE = age_reader(PROFILE, ANCHOR)
RULES = load_noise_rules(None)
ID, OTHER = "a" * 32, "b" * 32
SITE = "https://www.daily8.com"
PLAIN = f"{SITE}/en/article/{ID}"


@pytest.mark.parametrize(
    "link",
    [
        f"{SITE}/index.php?title=En/article/{ID}",
        f"{SITE}/index.php?title=En/article/{ID}&oldid=58211",
        f"{SITE}/index.php?title=En/article/{ID}&printable=yes",
        f"{SITE}/en/article/{ID}?mobileaction=toggle_view_mobile",
    ],
)
def test_a_wikis_spellings_of_an_article_are_the_article(link):
    assert PROFILE.article_id(link) == (ID, "en")
    assert PROFILE.article_url(link) == PLAIN


@pytest.mark.parametrize(
    "link",
    [
        f"{SITE}/index.php?title=En/article/{ID}&action=history",
        f"{SITE}/index.php?title=En/article/{ID}&action=edit&section=1",
        f"{SITE}/index.php?title=En/article/{ID}&diff=58212&oldid=58211",
        f"{SITE}/en/article/{ID}?veaction=edit",
        f"{SITE}/index.php?title=Talk:En/article/{ID}&action=edit&redlink=1",
        f"{SITE}/wiki/Special:WhatLinksHere/En/article/{ID}",
        f"{SITE}/search?title=En/article/{ID}",  # a title parameter off the front controller
    ],
)
def test_a_wikis_pages_about_an_article_are_not_the_article(link):
    assert PROFILE.article_id(link) is None


WIKI_PAGE = f"""<html><head><title>Harbour council approves barrier - Daily8</title></head><body>
<h1 id="firstHeading" class="firstHeading"><span class="mw-page-title-main">Harbour council
approves barrier</span></h1>
<div id="bodyContent"><div id="siteSub" class="noprint">From Daily8</div>
<a class="mw-jump-link" href="#mw-head">Jump to navigation</a>
<a class="mw-jump-link" href="#searchInput">Jump to search</a>
<div class="mw-parser-output">
<table class="infobox vevent"><caption>Harbour council approves barrier</caption>
<tr><th>Source</th><td>RTÉ News</td></tr><tr><th>Published</th><td>3 hours ago</td></tr>
<tr><th>Section</th><td>News</td></tr></table>
{{header}}
<p class="d8-category"><span>News</span></p>
<p>The harbour council voted on Tuesday to build a floating barrier across the river mouth.</p>
<h2><span class="mw-headline">Reaction</span><span class="mw-editsection">[<a
 href="/index.php?title=En/article/{ID}&amp;action=edit&amp;section=1">edit</a>]</span></h2>
<p>Two councillors said the budget was unrealistic.<sup class="reference"><a
 href="#cite_note-1">[1]</a></sup></p>
<h2><span class="mw-headline">Related Articles</span></h2>
<div class="d8-related-entry"><p><b><a href="/index.php?curid=1082"
 title="En/article/{OTHER}">Tram line extension approved</a></b></p>
<p><span>Irish Times</span> <span>4 hours ago</span></p></div>
</div></div></body></html>"""


def test_the_header_line_under_a_wikis_chrome_is_read_and_a_page_number_link_is_followed():
    html = WIKI_PAGE.replace(
        "{header}", '<p class="d8-header"><span>RTÉ News</span><span>3 hours ago</span></p>'
    )
    page = parse_article(Selector(text=html), PLAIN, PROFILE, READ_AGE)
    assert (page.source, page.age, page.category) == ("RTÉ News", "3 hours ago", "News")
    assert page.body_blocks[0].startswith("The harbour council voted")
    assert "Reaction" in page.body_blocks  # the heading, without its `[edit]` link
    assert "From Daily8" not in page.body_blocks and "Source" not in page.body_blocks
    assert [(e.article_id, e.url, e.source) for e in page.related] == [
        (OTHER, f"{SITE}/en/article/{OTHER}", "Irish Times")
    ]


def test_without_a_header_line_the_category_under_a_wikis_chrome_is_read():
    page = parse_article(Selector(text=WIKI_PAGE.replace("{header}", "")), PLAIN, PROFILE, READ_AGE)
    assert (page.source, page.age, page.category) == (None, None, "News")


def test_a_page_number_link_without_a_page_name_is_asked_where_it_leads():
    """A related entry is a story's whatever its address (blind site 86): its page-number
    link with no page name in it is asked where it leads, not read as any article."""
    html = WIKI_PAGE.replace(f'title="En/article/{OTHER}"', 'title="Tram line extension"')
    page = parse_article(Selector(text=html.replace("{header}", "")), PLAIN, PROFILE, READ_AGE)
    assert [(e.article_id, e.url) for e in page.related] == [
        (UNRESOLVED + f"{SITE}/index.php?curid=1082", f"{SITE}/index.php?curid=1082")
    ]


def test_a_sentence_with_its_citation_marker_ends_a_read_more_box():
    lines = [
        "Surgeons involved in the trial said they had been sceptical at first.",
        "READ MORE",
        "The health authority will decide in October whether to expand it.[2]",
    ]
    out = trace(lines, RULES, language="en")
    assert [o.kept for o in out] == [lines[0], None, lines[2]]


def test_a_credit_glued_to_the_storys_first_word_goes_and_the_sentence_stays():
    line = (
        "Photo: SuppliedA start-up based in the Marina district has launched earbuds that "
        "translate conversations between nurses and patients in 14 languages."
    )
    out = trace(["The clinic opened on Monday after two years of work.", line], RULES)
    assert out[1].kept == line.removeprefix("Photo: Supplied")
    assert trace(["Photo: Jane DeLuca"], RULES)[0].kept is None


def test_an_index_letter_or_a_pager_after_an_entry_is_no_source():
    """A wiki's category page puts a letter heading between its entries, and its pager after
    the last: neither is the source of the entry before it."""
    from newsbot.extract.listing import parse_listing

    html = f"""<html><body><div id="mw-pages"><div class="mw-category-group"><h3>L</h3><ul>
    <li><a href="/index.php?curid=1055" title="En/article/{ID}">Library volunteers restore
    sea charts</a><br><span>Volunteers have restored 46 hand-drawn charts.</span></li></ul>
    </div><div class="mw-category-group"><h3>P</h3><ul><li><a
    href="/index.php?title=En/article/{OTHER}">Parliament questions tariffs</a> –
    <span>The Hill</span> <span>16-05-2025</span><br><span>Members asked why.</span></li>
    </ul></div>(previous page) (next page)</div></body></html>"""
    entries = parse_listing(Selector(text=html), f"{SITE}/en", PROFILE, READ_AGE).entries
    assert [e.article_id for e in entries] == [ID, OTHER]
    assert entries[0].source is None
    assert entries[1].source != "(previous page) (next page)"
