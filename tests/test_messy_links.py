"""Links as old hand-written sites print them are read as a browser reads them (blind site 55,
`php_messy_links`: on arrival 22 of 30 articles, most related lists cut after their first
entry): a `<base href>`, hrefs over two lines or with a backslash, a host in capitals, a card
whose link is only in `data-href`, an entry's title printed twice, a next page asked for by a
form."""

from __future__ import annotations

from datetime import datetime, timezone

from parsel import Selector

from newsbot.extract.ages import age_reader
from newsbot.extract.article import parse_article
from newsbot.extract.listing import parse_listing
from newsbot.extract.text import safe_urljoin
from newsbot.profiles import load_profile

ANCHOR = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
PROFILE = load_profile("daily8")
READ_AGE = age_reader(PROFILE, ANCHOR)
A, B, C = "a" * 32, "b" * 32, "c" * 32
PAGE = f"https://www.daily8.com/en/article/{A}"


def test_an_href_is_read_as_a_browser_reads_it():
    base = "https://www.daily8.com/news/"
    assert safe_urljoin(base, f"  ../en/article/{B}\n ") == f"https://www.daily8.com/en/article/{B}"
    assert safe_urljoin(base, f"../en/arti\ncle/{B}") == f"https://www.daily8.com/en/article/{B}"
    assert safe_urljoin(base, f"..\\en\\article\\{B}") == f"https://www.daily8.com/en/article/{B}"
    assert safe_urljoin(base, f"HTTPS://WWW.DAILY8.COM/en/article/{B}") == (
        f"https://www.daily8.com/en/article/{B}"
    )
    assert safe_urljoin(base, "javascript:void(0)") == ""


def test_a_popup_link_is_the_page_it_opens():
    """Site 75: old sites print `javascript:openWin('/en/article/<id>')` popup links beside
    (or instead of) plain ones; a click opens that page. A call that opens no address, and a
    path after `javascript:` that is no call, lead nowhere."""
    base = "https://www.daily8.com/en/"
    want = f"https://www.daily8.com/en/article/{B}"
    assert safe_urljoin(base, f"javascript:openWin('/en/article/{B}')") == want
    assert safe_urljoin(base, f'JavaScript:void(window.open("./article/{B}", "w"))') == want
    assert safe_urljoin(base, f"javascript:popUp('https://www.daily8.com/en/article/{B}')") == want
    assert safe_urljoin(base, "javascript:window.print()") == ""
    assert safe_urljoin(base, f"javascript:/en/article/{B}") == ""
    assert safe_urljoin(base, "javascript:share('mailto:desk@daily8.com')") == ""


def test_a_related_entry_linked_through_a_click_through_and_a_popup_is_read():
    html = f"""<HTML><BODY><H1>Harbour ferry fares frozen</H1><P>Irish Times 2 hours ago</P>
    <P>Commuters on the northern harbour routes will pay the same fares this winter.</P>
    <P><B>Related Articles</B></P>
    <TABLE><TR><TD><A HREF=/go.asp?u=%2Fstory%2F{B}><B>Tram line extension approved</B></A>
    <A HREF="javascript:openWin('/en/article/{B}')"><IMG SRC=/p.gif ALT=popup></A><BR>
    RTÉ News<BR>4 hours ago</TD></TR></TABLE>
    <TABLE><TR><TD><A HREF=/go.asp?u=%2Fen%2Farticle%2F{C}><B>Bridge closes for repairs</B></A>
    <BR>BBC News<BR>an hour ago</TD></TR></TABLE></BODY></HTML>"""
    page = parse_article(Selector(text=html), PAGE, PROFILE, READ_AGE)
    assert [(e.article_id, e.url, e.source) for e in page.related] == [
        (B, f"https://www.daily8.com/en/article/{B}", "RTÉ News"),
        (C, f"https://www.daily8.com/en/article/{C}", "BBC News"),
    ]


def test_related_entries_resolve_against_the_base_and_a_repeated_title_ends_nothing():
    html = f"""<html><head><base href="/news/"><title>T</title></head><body>
    <h1>Harbour ferry fares frozen</h1><p>Irish Times 2 hours ago</p>
    <p>Commuters on the northern harbour routes will pay the same fares this winter.</p>
    <h3>Related Articles</h3>
    <div class="item"><h3><a href="../en/article/{B}">Tram line extension approved</a></h3>
      <h3 class="again">Tram line extension approved</h3><p>Work starts in spring.</p></div>
    <div class="item" onclick="go(this)" data-href="  ../en/article/{C} ">
      <h3>Bridge closes for repairs</h3><p>The bridge shuts for a month.</p></div>
    </body></html>"""
    page = parse_article(Selector(text=html), PAGE, PROFILE, READ_AGE)
    assert [e.article_id for e in page.related] == [B, C]
    assert page.related[0].url == f"https://www.daily8.com/en/article/{B}"


def test_a_next_page_asked_for_by_a_form_is_followed():
    html = f"""<html><head><base href="/news/"></head><body>
    <div><h2><a href="/en/article/{B}">Tram line extension approved</a></h2><p>Irish Times</p></div>
    <form method="get" action="../en"><input type="hidden" name="page" value="2">
      <button type="submit">Load more</button></form>
    <form method="get" action="/search"><input type="text" name="q">
      <button type="submit">Search</button></form>
    </body></html>"""
    listing = parse_listing(Selector(text=html), "https://www.daily8.com/en", PROFILE, READ_AGE)
    assert listing.next_pages == ["https://www.daily8.com/en?page=2"]
    assert [e.article_id for e in listing.entries] == [B]


def test_a_next_page_label_with_a_count_is_followed():
    """Plone batches a collection with `Next 10 items »` (blind site 74)."""
    html = f"""<html><body>
    <div><h2><a href="/en/article/{B}">Tram line extension approved</a></h2><p>Irish Times</p></div>
    <nav><a href="/en?b_start:int=10">2</a> <a href="/en?b_start:int=10">Next 10 items »</a></nav>
    </body></html>"""
    listing = parse_listing(Selector(text=html), "https://www.daily8.com/en", PROFILE, READ_AGE)
    assert listing.next_pages == ["https://www.daily8.com/en?b_start:int=10"]


def test_a_share_button_with_a_data_href_lends_no_link_to_the_story():
    html = f"""<html><body><h1>Harbour ferry fares frozen</h1><p>Irish Times 2 hours ago</p>
    <div class="fb-share-button" data-href="{PAGE}"></div>
    <p>Commuters on the northern harbour routes will pay the same fares this winter, the
    operator said on Monday after a review of its fuel costs.</p></body></html>"""
    page = parse_article(Selector(text=html), PAGE, PROFILE, READ_AGE)
    assert page.body_blocks and page.body_blocks[-1].startswith("Commuters on the northern")


def test_a_frames_own_document_is_read_where_the_frame_shows_it():
    """pages round 52: a story's timeline in an `<iframe srcdoc>` was not read."""
    from newsbot.extract.page import page_selector

    inner = (
        "&lt;html&gt;&lt;body&gt;&lt;p&gt;In 1946 the dunes were sixty metres wide along the "
        "whole northern beach, the first aerial photographs show."
        "&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;"
    )
    html = f"""<html><body><h1>Harbour ferry fares frozen</h1>
    <p>Commuters on the northern harbour routes will pay the same fares this winter, the
    operator said on Monday after a review of its fuel costs.</p>
    <iframe srcdoc="{inner}"></iframe>
    <p>The council said it would review the fares again in the spring, when the new boats
    arrive from the yard in the south.</p></body></html>"""
    page = parse_article(page_selector(html, PAGE), PAGE, PROFILE, READ_AGE)
    assert any(b.startswith("In 1946 the dunes") for b in page.body_blocks)
    assert page.body_blocks[-1].startswith("The council said")


def test_a_copy_follows_next_pages_linked_by_the_sites_full_address():
    """A copy (staging, a snapshot on loopback) whose pages link their next page by the
    site's own address (WordPress's ``siteurl``): the next page is the copy's, as its article
    links are; a link to another site labelled Next is not."""
    html = f"""<html><head><link rel="next" href="https://www.daily8.com/en/page/2/"></head>
    <body><div><h2><a href="https://www.daily8.com/en/article/{B}">Tram line</a></h2></div>
    <a class="next page-numbers" href="https://www.daily8.com/en/page/2/">Next</a>
    <a href="https://partner.example.org/page/2/">Next</a></body></html>"""
    listing = parse_listing(Selector(text=html), "http://127.0.0.1:8080/en", PROFILE, READ_AGE)
    assert listing.next_pages == ["https://www.daily8.com/en/page/2/"]
