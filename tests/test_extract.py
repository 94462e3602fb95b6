"""Extraction keys on what a reader sees: the same page in two markups reads the same."""

from datetime import datetime, timezone
from pathlib import Path

import pytest
from parsel import Selector

from newsbot.extract.ages import age_reader
from newsbot.extract.article import parse_article
from newsbot.extract.blocks import page_blocks
from newsbot.extract.listing import parse_listing
from newsbot.profiles import load_profile

FIXTURES = Path(__file__).parent / "fixtures"
ANCHOR = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
PROFILE = load_profile("daily8")
READ_AGE = age_reader(PROFILE, ANCHOR)
URL = "https://www.daily8.com/en/article/0123456789abcdef0123456789abcdef"


def _article(name: str):
    html = (FIXTURES / name).read_text(encoding="utf-8")
    return parse_article(Selector(text=html), URL, PROFILE, READ_AGE)


@pytest.mark.parametrize("fixture", ["article_cards.html", "article_table.html"])
def test_article_reads_the_same_in_any_markup(fixture):
    page = _article(fixture)
    assert page.title == "Harbour ferry fares frozen for winter"
    assert page.source == "9 News"
    assert page.age == "6 days ago"
    assert page.category == "News"
    assert page.body_blocks[0].startswith("Commuters on the northern harbour routes")
    assert "Related Articles" not in page.body_blocks
    assert [e.article_id for e in page.related] == ["a" * 32, "b" * 32]
    first, second = page.related
    assert (first.title, first.source, first.age) == (
        "Tram line extension approved",
        "Sky News AU",
        "3 hours ago",
    )
    assert first.teaser.startswith("The council approved the tram extension")
    assert (second.source, second.age) == ("RNZ News", "09-07-2025")
    assert second.url.startswith("https://test.daily8.com/")


def test_hashtags_come_from_the_hashtags_section():
    assert _article("article_cards.html").hashtags == ["Transport"]


def test_glued_header_is_split_from_the_right():
    html = (
        "<h1>Markets rally</h1><div><span>Independent</span><span>14 hours ago</span></div>"
        "<p>Shares rose on Monday as investors returned.</p>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert (page.source, page.age) == ("Independent", "14 hours ago")
    assert page.body_blocks == ["Shares rose on Monday as investors returned."]


def test_a_themes_hidden_last_modified_time_is_not_read_into_the_header_line():
    """WordPress themes print the modified time after the published one and hide it with
    ``.updated:not(.published) { display: none }`` (blind site 62, Newspack): the header
    line reads `The Guardian38 minutes ago`, not `...ago09-07-2025`. A modified time
    shown on its own (no published time before it) stays."""
    html = (
        "<h1>Boundary review</h1><div class='entry-meta'><span class='byline'>The Guardian</span>"
        "<span class='posted-on'><time class='entry-date published' datetime='2025-07-09'>"
        "38 minutes ago</time><time class='updated' datetime='2025-07-09'>09-07-2025</time>"
        "</span></div><p>Three cabinet ministers will have to compete for new seats.</p>"
        "<p>Updated: <time class='updated'>10-07-2025</time></p>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert (page.source, page.age) == ("The Guardian", "38 minutes ago")
    assert page.body_blocks == [
        "Three cabinet ministers will have to compete for new seats.",
        "Updated: 10-07-2025",
    ]


def test_the_headers_buttons_and_reading_time_do_not_hide_the_category():
    """A blogging platform prints a `Follow` button and `1 min read` between the header line
    and the category (blind site 63); its sign-up wall is named only by a React test hook."""
    html = (
        "<h1 data-testid='storyTitle'>Kelp forest returns</h1>"
        "<p class='ot m'><a data-testid='authorName'>RNZ News</a>"
        "<span data-testid='storyPublishDate'>11 hours ago</span></p>"
        "<p><button class='pu pv'>Follow</button></p><div class='qd'>1 min read</div>"
        "<div class='bb qj'><span class='n ql'>News</span></div>"
        "<p class='pw-post-body-paragraph'>Divers replanting kelp report early gains.</p>"
        "<div class='be bf' data-testid='paywall-overlay'><h2>Sign up to discover human "
        "stories.</h2><p>Distraction-free reading. No ads.</p></div>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert (page.source, page.age, page.category) == ("RNZ News", "11 hours ago", "News")
    assert page.body_blocks == ["Divers replanting kelp report early gains."]


def test_a_cms_byline_between_the_header_line_and_the_category_does_not_hide_it():
    """Plone prints its `documentByLine` between Daily8's header line and the category
    (blind site 74); a body that opens with `By the end of ...` is still the story's."""
    html = (
        "<h1 class='documentFirstHeading'>Opposition leader calls for inquiry</h1>"
        "<div class='d8-header'><span>The Guardian</span><span>7 hours ago</span></div>"
        "<div class='documentByLine'>by Newsdesk — last modified Dec 06, 2026 09:15 AM</div>"
        "<div class='d8-category'><span class='label'>Politics</span></div>"
        "<p>The opposition leader called for an inquiry into the housing grant scheme.</p>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert (page.source, page.category) == ("The Guardian", "Politics")
    assert page.body_blocks == [
        "The opposition leader called for an inquiry into the housing grant scheme."
    ]
    opening = "By the end of the year, the council said, the scheme will have closed."
    plain = html.replace("<div class='d8-category'><span class='label'>Politics</span></div>", "")
    plain = plain.replace("by Newsdesk — last modified Dec 06, 2026 09:15 AM", opening).replace(
        "class='documentByLine'", ""
    )
    page = parse_article(Selector(text=plain), URL, PROFILE, READ_AGE)
    assert page.category is None and page.body_blocks[0] == opening
    # without a header line, the byline and its date are no source and age
    bare = html.replace("<span>The Guardian</span><span>7 hours ago</span>", "")
    page = parse_article(Selector(text=bare), URL, PROFILE, READ_AGE)
    assert page.source is None and page.category == "Politics"


def test_an_author_list_between_the_header_line_and_the_category_is_no_category():
    """Ibexa prints its author field as a list between the header line and the category
    (blind site 88): the author's name is not the category; a tag printed beside a linked one
    (`#Climate #Energy`, one a link) is a tag too."""
    html = (
        "<h1>Harbour Town Approves Floating Solar Farm</h1>"
        "<div class='article-meta'><span>Independent</span><time>14 hours ago</time></div>"
        "<div class='ez-field ez-field--ezauthor'><ul class='ezauthor-list'>"
        "<li><span class='ezauthor-name'>Mara Quill</span></li></ul></div>"
        "<div class='ez-field ez-field--ezselection article-category'><span>News</span></div>"
        "<p>Councillors voted 7-2 to let a cooperative build solar panels on the basin.</p>"
        "<div class='hashtags'><h2>Hashtags</h2><div class='tags-list'>"
        "<a class='tag' href='/tags/view/Climate'>#Climate</a> <span class='tag'>#Energy</span>"
        "</div></div>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert (page.source, page.category) == ("Independent", "News")
    assert page.hashtags == ["Climate", "Energy"]
    assert page.body_blocks[0] == (
        "Councillors voted 7-2 to let a cooperative build solar panels on the basin."
    )


def test_page_without_header_line_keeps_first_paragraph_in_body():
    html = "<h1>Quiet day</h1><p>The talks ended 40 years ago, officials recalled last week.</p>"
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert page.source is None and page.age is None
    assert page.body_blocks == ["The talks ended 40 years ago, officials recalled last week."]


def test_unreadable_age_is_still_an_age_slot():
    html = "<h1>Odd</h1><div><span>Independent</span><span>Invalid date</span></div><p>Body.</p>"
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert (page.source, page.age) == ("Independent", "Invalid date")
    assert page.body_blocks == ["Body."]


def test_jsonld_and_meta_times_are_read():
    html = (
        '<html><head><script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","headline":"H","datePublished":"2026-11-25T08:15:00+04:00"}</script>'
        '<meta property="article:published_time" content="2026-11-25T04:15:00Z"></head>'
        "<body><h1>H</h1><p>Body.</p></body></html>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert page.metadata.published == [
        ("jsonld", "2026-11-25T08:15:00+04:00"),
        ("meta", "2026-11-25T04:15:00Z"),
    ]


def test_listing_entries_and_load_more():
    html = (FIXTURES / "listing.html").read_text(encoding="utf-8")
    url = "https://www.daily8.com/en/hashtag/Transport"
    listing = parse_listing(Selector(text=html), url, PROFILE, READ_AGE)
    assert [e.article_id for e in listing.entries] == ["c" * 32, "d" * 32]
    first, second = listing.entries
    assert (first.title, first.source, first.age, first.category) == (
        "Night trains return",
        "Irish Times",
        "an hour ago",
        "Politics",
    )
    assert first.teaser.startswith("Overnight services")
    assert (second.source, second.age, second.category) == ("The National", "16-05-2025", "General")
    assert listing.next_pages == ["https://www.daily8.com/en/hashtag/Transport?page=2"]


def test_deep_nesting_is_read_and_hostile_nesting_does_not_blow_the_stack():
    html = "<div>" * 200 + "deep" + "</div>" * 200
    assert [b.text for b in page_blocks(Selector(text=html).root)] == ["deep"]
    hostile = "<div>" * 50_000 + "deep" + "</div>" * 50_000
    page_blocks(Selector(text=hostile).root)  # libxml2 caps the depth; no RecursionError


def test_hidden_and_script_text_is_not_visible():
    html = (
        "<p>seen</p><script>var x='unseen'</script><p hidden>unseen</p>"
        "<p style='display: none'>no</p>"
    )
    assert [b.text for b in page_blocks(Selector(text=html).root)] == ["seen"]


def test_a_web_components_declarative_shadow_root_is_shown_other_templates_are_not():
    # Lit's server render: the component's own markup in <template shadowrootmode>, which the
    # browser shows; a plain <template> is inert
    html = (
        "<story-body><template shadowrootmode='open'><p>shown in the shadow root</p>"
        "<slot></slot></template><p>slotted</p></story-body>"
        "<template><p>inert</p></template>"
    )
    texts = [b.text for b in page_blocks(Selector(text=html).root)]
    assert texts == ["shown in the shadow root", "slotted"]


def test_numbered_pagination_without_a_label():
    html = (
        '<a href="/en/article/' + "c" * 32 + '"><h2>T</h2></a><p>Irish Times</p>'
        '<nav><a href="?page=1">1</a><a href="?page=2">2</a><a href="?page=3">3</a></nav>'
    )
    url = "https://www.daily8.com/en"
    listing = parse_listing(Selector(text=html), url, PROFILE, READ_AGE)
    assert listing.next_pages == ["https://www.daily8.com/en?page=2"]


@pytest.mark.parametrize(
    ("nav", "expected"),
    [
        # WordPress's Query Loop: the label's arrow in a span of its own
        (
            '<a class="wp-block-query-pagination-next" href="/en?query-1-page=2">Next Page'
            '<span aria-hidden="true">→</span></a>',
            "https://www.daily8.com/en?query-1-page=2",
        ),
        # numbered pages in a parameter named for its list (Query Loop, Webflow)
        (
            '<a href="/en?query-1-page=1">1</a><a href="/en?query-1-page=2">2</a>',
            "https://www.daily8.com/en?query-1-page=2",
        ),
        ('<a href="/en?9f2c1a_page=2">2</a>', "https://www.daily8.com/en?9f2c1a_page=2"),
    ],
)
def test_next_pages_of_block_themes_and_list_parameters(nav: str, expected: str):
    html = '<a href="/en/article/' + "c" * 32 + '"><h2>T</h2></a><p>Irish Times</p>' + nav
    listing = parse_listing(Selector(text=html), "https://www.daily8.com/en", PROFILE, READ_AGE)
    assert listing.next_pages == [expected]


def test_title_is_the_heading_matching_the_metadata_when_several_h1():
    html = (
        '<head><meta property="og:title" content="Harbour ferry fares frozen"></head>'
        "<body><h1>Daily8</h1><h1>Harbour ferry fares frozen</h1><p>Body text here.</p></body>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert page.title == "Harbour ferry fares frozen"
    assert page.body_blocks == ["Body text here."]


@pytest.mark.parametrize("name", ["India Today", "News Now", "Yahoo Yesterday"])
def test_source_names_ending_in_a_time_word_are_not_ages(name):
    assert READ_AGE(name) is None
    assert READ_AGE(name + "3 hours ago") == (name, "3 hours ago")


def test_an_entry_linked_only_through_its_image_is_still_an_entry():
    html = (
        '<div><a href="/en/article/' + "c" * 32 + '"><img alt="Night trains return"></a></div>'
        "<h3>Night trains return</h3><p>Irish Times</p><p>an hour ago</p>"
        "<p>Overnight services between the two cities resume next month.</p>"
    )
    listing = parse_listing(Selector(text=html), "https://www.daily8.com/en", PROFILE, READ_AGE)
    assert [(e.article_id, e.title, e.source, e.age) for e in listing.entries] == [
        ("c" * 32, "Night trains return", "Irish Times", "an hour ago")
    ]


def test_source_printed_after_the_age_is_still_the_source():
    html = (
        '<a href="/en/article/' + "c" * 32 + '"><h3>Night trains return</h3></a>'
        "<p>time3 hours ago</p><p>Irish Times</p>"
        "<p>Overnight services between the two cities resume next month.</p>"
    )
    listing = parse_listing(Selector(text=html), "https://www.daily8.com/en", PROFILE, READ_AGE)
    [entry] = listing.entries
    assert (entry.source, entry.age) == ("Irish Times", "3 hours ago")
    assert entry.teaser.startswith("Overnight services")


def test_the_last_entry_of_a_feed_does_not_run_on_into_the_footer():
    # the footer's link lists are not the last entry's category, source or teaser
    html = (
        '<main><div><a href="/en/article/' + "c" * 32 + '"><h3>Night trains return</h3></a>'
        "<p>Irish Times</p><p>an hour ago</p></div></main>"
        "<footer><ul><li>Local</li><li>Weather</li></ul>"
        "<p>Our newsroom covers the region from three offices and two studios.</p></footer>"
    )
    listing = parse_listing(Selector(text=html), "https://www.daily8.com/en", PROFILE, READ_AGE)
    [entry] = listing.entries
    assert (entry.source, entry.age, entry.category, entry.teaser) == (
        "Irish Times",
        "an hour ago",
        None,
        None,
    )


def test_a_cards_own_footer_is_still_its_entry():
    # <footer> inside the card's <article>: the card's meta line, not the page's footer
    card = (
        '<article><a href="/en/article/{id}"><h3>{title}</h3></a>'
        "<footer><p>{source}</p><p>2 hours ago</p></footer></article>"
    )
    html = "<main>" + "".join(
        card.format(id=c * 32, title=t, source=s)
        for c, t, s in (("c", "Night trains return", "Irish Times"), ("d", "Ferry fares", "RTE"))
    )
    html += "</main><footer><ul><li>Local</li></ul></footer>"
    listing = parse_listing(Selector(text=html), "https://www.daily8.com/en", PROFILE, READ_AGE)
    assert [(e.title, e.source, e.age, e.category) for e in listing.entries] == [
        ("Night trains return", "Irish Times", "2 hours ago", None),
        ("Ferry fares", "RTE", "2 hours ago", None),
    ]


@pytest.mark.parametrize(
    ("crumbs", "category"),
    [
        ("<li><a href='/en'>Home</a></li><li class='active'>Politics</li>", "Politics"),
        ("<li><a href='/'>الرئيسية</a></li><li class='active'>ثقافة</li>", "ثقافة"),
        ("<li><a href='/en'>Home</a></li>", None),
        ("<li>Business</li>", "Business"),
    ],
)
def test_a_breadcrumb_gives_its_last_crumb_not_the_home_page_as_category(crumbs, category):
    """Blind site 33b (Bootstrap 3): `Home › Politics` in an `ol.breadcrumb` after the
    header line gave every article the category "Home"."""
    _assert_crumbs_read(f'<ol class="breadcrumb">{crumbs}</ol>', category)


def _assert_crumbs_read(crumbs_html: str, category: str | None) -> None:
    """A page with ``crumbs_html`` after its header line: the category, and no crumb in the
    body."""
    html = (
        '<html><head><meta property="og:title" content="Harbour toll vote delayed"></head>'
        '<body><div class="container"><h1>Harbour toll vote delayed</h1>'
        '<p class="text-muted small"><strong>RTÉ News</strong><abbr>a day ago</abbr></p>'
        f'{crumbs_html}<div class="entry-content">'
        "<p>The council postponed the vote on the harbour toll until next month.</p>"
        "<p>Traders had asked for more time to respond.</p></div></div></body></html>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert (page.source, page.age, page.category) == ("RTÉ News", "a day ago", category)
    assert page.body_blocks == [
        "The council postponed the vote on the harbour toll until next month.",
        "Traders had asked for more time to respond.",
    ]


@pytest.mark.parametrize(
    ("crumbs", "category"),
    [
        ("<a href='/en/category/business'>Business</a> &raquo; "
         "<span class='breadcrumb_last'>Harbour toll vote delayed</span>", "Business"),
        ("<a href='/en'>Home</a> › <a href='/en/politics'>Politics</a> › "
         "<span>Harbour toll vote delayed</span>", "Politics"),
        ("<a href='/en'>Home</a> » <span>Harbour toll vote delayed</span>", None),
    ],
)  # fmt: skip
def test_a_one_line_breadcrumb_gives_its_last_named_crumb_as_category(crumbs, category):
    """Blind site 34a (WordPress + Elementor): a Yoast breadcrumb, one `<p>` of
    `Business » <title>` after the header line, gave no category (and was no body line)."""
    _assert_crumbs_read(f'<p id="breadcrumbs"><span>{crumbs}</span></p>', category)


@pytest.mark.parametrize("label", ["Sport", "Sports"])
def test_a_category_line_in_the_singular_of_a_known_plural_is_the_category(label):
    """Blind site 49 (Ember FastBoot): `Sport` under the header line, on a site whose
    categories list `Sports`, was read as no category."""
    _assert_crumbs_read(f'<div class="category"><span>{label}</span></div>', label)


@pytest.mark.parametrize("label", ["New", "Politic"])
def test_news_and_politics_have_no_singular(label):
    html = (
        '<html><head><meta property="og:title" content="Harbour toll vote delayed"></head>'
        "<body><h1>Harbour toll vote delayed</h1><p><b>RTÉ News</b><i>a day ago</i></p>"
        f"<div><span>{label}</span></div><div class='entry-content'>"
        "<p>The council postponed the vote on the harbour toll until next month.</p>"
        "<p>Traders had asked for more time to respond.</p></div></body></html>"
    )
    assert parse_article(Selector(text=html), URL, PROFILE, READ_AGE).category is None


def test_a_body_line_with_a_slash_is_no_breadcrumb():
    html = (
        '<html><head><meta property="og:title" content="Harbour toll vote delayed"></head>'
        '<body><div class="container"><h1>Harbour toll vote delayed</h1>'
        '<p class="text-muted small"><strong>RTÉ News</strong><abbr>a day ago</abbr></p>'
        "<div class='entry-content'><p>Fares rise <a href='/fares'>20%</a> / year under the "
        "plan » traders say.</p><p>Traders had asked for more time to respond.</p></div>"
        "</div></body></html>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert page.category is None
    assert page.body_blocks[0] == "Fares rise 20% / year under the plan » traders say."


def test_tags_are_read_as_their_links_show_them():
    """Blind site 34a: WordPress tags in Arabic link to Latin slugs (`قهوة` at
    `/hashtag/coffee`); the record's hashtags were the slugs."""
    html = (
        '<html lang="ar"><head><meta property="og:title" content="مزارعو البن"></head><body>'
        "<h1>مزارعو البن</h1><div class='entry-content'><p>يتوقع مزارعو البن في الجبل موسماً "
        "وفيراً بعد أمطار غزيرة هذا الشتاء.</p></div><h3>هاشتاغز</h3><p>"
        "<a href='/hashtag/coffee'>قهوة</a>, <a href='/hashtag/farming'>#زراعة (12)</a>, "
        "<a href='/hashtag/Rain-Fall'><img src='x.png'></a></p></body></html>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert page.hashtags == ["قهوة", "زراعة", "Rain-Fall"]


def test_the_articles_own_header_is_read_not_skipped_as_the_pages_banner():
    # a CMS theme: the title, header line and category inside <article><header>, the title
    # a styled <div>; only the page's masthead is a banner
    html = (
        '<html><head><meta property="og:title" content="Count under way in Ballykeel"></head>'
        '<body><header id="masthead"><nav><ul><li><a href="/en">Home</a></li></ul></nav>'
        '</header><main><article><header class="entry-header">'
        '<div class="h entry-title">Count under way in Ballykeel</div>'
        '<p class="entry-meta">RTÉ News<img alt="time" src="/c.svg">a day ago</p>'
        '<div class="cat-links"><a href="/en">News</a></div></header>'
        '<div class="entry-content"><p>Counting is under way in the by-election.</p>'
        "<figure><img src='/p.jpg' alt=''><figcaption>Tally observers at the count centre "
        "on Thursday.</figcaption></figure><p>A result is expected late this evening.</p>"
        "</div></article></main></body></html>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert (page.title, page.source, page.age, page.category) == (
        "Count under way in Ballykeel",
        "RTÉ News",
        "a day ago",
        "News",
    )
    assert page.body_blocks == [
        "Counting is under way in the by-election.",
        "A result is expected late this evening.",
    ]
    # the page marks it as a caption: it goes to the captions, whatever its words
    assert page.figure_captions == ["Tally observers at the count centre on Thursday."]


def test_custom_elements_standing_alone_are_blocks_and_inside_text_are_not():
    # a web-components page: paragraphs are <d8-paragraph>, not <p>; a custom element inside
    # running text (a term, a time) stays part of its line
    html = (
        "<html><body><d8-page><d8-article><h1>Ferry fares frozen</h1>"
        "<d8-meta><d8-source>RTE</d8-source><relative-time>2 hours ago</relative-time></d8-meta>"
        "<d8-body><d8-paragraph>Fares on the island ferries will not rise this winter, the "
        "operator said.</d8-paragraph><d8-paragraph>The freeze was agreed with the "
        "<d8-term>island council</d8-term> on Monday.</d8-paragraph></d8-body>"
        "</d8-article></d8-page></body></html>"
    )
    page = parse_article(Selector(text=html), URL, PROFILE, READ_AGE)
    assert (page.source, page.age) == ("RTE", "2 hours ago")
    assert page.body_blocks == [
        "Fares on the island ferries will not rise this winter, the operator said.",
        "The freeze was agreed with the island council on Monday.",
    ]


def test_a_name_line_after_an_entrys_teaser_is_not_its_source():
    # a table layout: the row shows the title, a category bullet and the teaser; the rail's
    # heading after the last row is no source of it
    row = (
        '<tr><td class="ttl"><a href="/article/{id}"><b>{title}</b></a></td>'
        "<td>&bull; {category}</td><td>{teaser}</td></tr>"
    )
    html = (
        "<table><tr><td><table>"
        + row.format(
            id="c" * 32,
            title="الشارقة تزرع خمسة آلاف شجرة",
            category="عام",
            teaser="بدأت البلدية زراعة خمسة آلاف شجرة على جانبي الطريق ضمن خطة الرقعة الخضراء.",
        )
        + "</table></td><td><table><tr><td><b>الأكثر قراءة</b></td></tr></table></td></tr>"
        "</table>"
    )
    listing = parse_listing(Selector(text=html), "https://www.daily8.com/", PROFILE, READ_AGE)
    [entry] = listing.entries
    assert (entry.source, entry.category) == (None, "عام")


def _rail_page(related: str, rail: str) -> str:
    a, b, c = ("/en/article/" + x * 32 for x in "abc")
    return (
        "<html><body><main><article><h1>Ferry fares frozen</h1>"
        "<p>Fares on the island ferries will not rise this winter, the operator said.</p>"
        f"{related.format(a=a)}</article>{rail.format(b=b)}</main>"
        f'<footer><ul><li><a href="{c}">Top story of the week</a></li></ul></footer>'
        "</body></html>"
    )


def test_related_section_ends_where_its_container_ends_or_chrome_starts():
    related = (
        '<section><h2>Related Articles</h2><div role="list"><div role="listitem">'
        '<a href="{a}"><h3>Bus lanes extended</h3></a></div></div></section>'
    )
    rail = (
        '<div role="complementary"><h2>Most read</h2><ol>'
        '<li><a href="{b}?ref=rail">Storm warning issued</a></li></ol></div>'
    )
    page = parse_article(Selector(text=_rail_page(related, rail)), URL, PROFILE, READ_AGE)
    assert [(e.article_id, e.title, e.source) for e in page.related] == [
        ("a" * 32, "Bus lanes extended", None)
    ]
    assert page.source is None


def test_related_section_without_its_own_container_ends_at_the_next_titled_section():
    # the section and a rail in one element: the rail's heading (no article link) ends it
    related = (
        '<h2>Related Articles</h2><div><a href="{a}"><h3>Bus lanes extended</h3></a></div>'
        '<h2>Trending now</h2><ul><li><a href="{a}/../'
        + "b" * 32
        + '">Storm warning issued</a></li></ul>'
    )
    page = parse_article(Selector(text=_rail_page(related, "")), URL, PROFILE, READ_AGE)
    assert [(e.article_id, e.source) for e in page.related] == [("a" * 32, None)]
    rail = '<h2>Trending now</h2><ul><li><a href="{b}">Storm warning issued</a></li></ul>'
    # an empty related section takes nothing from the rail after it
    page = parse_article(
        Selector(text=_rail_page("<section><h2>Related Articles</h2></section>", rail)),
        URL,
        PROFILE,
        READ_AGE,
    )
    assert page.related == [] and page.source is None
