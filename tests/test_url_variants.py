"""An article linked by another of its addresses is the same article, fetched once at its plain
address (blind site `wp_url_variants`: related entries linking AMP twins, index files and ids
in capitals were not read as articles, and tracking parameters went into the exported URL)."""

from __future__ import annotations

import pytest

from newsbot.profiles import load_profile
from newsbot.url_variants import path_variants, plain_url

ID = "43ceda1075dd514040d09dade86ea378"
PLAIN = f"https://www.daily8.com/en/article/{ID}"


@pytest.mark.parametrize(
    "link",
    [
        PLAIN,
        f"https://www.daily8.com/amp/en/article/{ID}",
        f"https://www.daily8.com/en/article/{ID}/amp",
        f"https://www.daily8.com/en/article/{ID}/amp/",
        f"https://www.daily8.com/en/article/{ID.upper()}",
        f"https://www.daily8.com/en/article/{ID}?utm_source=x&utm_medium=social",
        f"https://www.daily8.com/en/article/{ID}?ref=related#comments",
        f"https://www.daily8.com/amp/en/article/{ID}?amp=1&fbclid=abc",
        f"https://www.daily8.com/en/article/{ID}?print=1",
        # site 56: a session id in the path, as servlets write it with cookies off
        f"https://www.daily8.com/en/article/{ID};jsessionid=8F3AF292EA7C3C7F4DC9D49DA40C2369",
        f"https://www.daily8.com/en/article/{ID};jsessionid=C338ACC633078CA3.node2",
        f"https://www.daily8.com/(S(lit3py55t21z5v55vlm25s55))/en/article/{ID}",
        # site 67: a front controller's route in the query, as Craft prints links with pretty
        # URLs off (Drupal's `?q=` likewise)
        f"https://www.daily8.com/index.php?p=en/article/{ID}",
        f"https://www.daily8.com/?q=en/article/{ID.upper()}&utm_source=x",
        # site 71: a static site's page file for its pretty URL
        f"https://www.daily8.com/en/article/{ID}.html",
    ],
)
def test_every_address_of_an_article_is_the_article_at_its_plain_address(link):
    profile = load_profile("daily8")
    assert profile.article_id(link) == (ID, "en")
    assert profile.article_url(link) == PLAIN


def test_an_index_file_is_its_folder():
    link = f"https://www.daily8.com/en/article/{ID}/index.html"
    assert load_profile("daily8").article_url(link) == PLAIN + "/"


def test_a_parameter_that_names_the_page_is_kept_and_other_links_are_no_articles():
    profile = load_profile("daily8")
    # a query that also names something is kept as the site printed it (`?pos=3` alone,
    # cut from `?ref=home&pos=3`, is an address it never printed)
    kept = "https://example.org/story?id=7&utm_campaign=x"
    assert plain_url(kept + "#top") == kept
    assert profile.article_id("https://www.daily8.com/amp/en/hashtag/Climate") is None
    assert profile.article_id(f"https://www.daily8.com/en/article/{ID}/comments") is None
    # a link that is no article is left as it is
    assert (
        profile.article_url("https://www.daily8.com/en?page=2")
        == "https://www.daily8.com/en?page=2"
    )


def test_an_article_under_a_base_path_is_read_and_fetched_where_it_points():
    """Site 71: a GitHub Pages project site writes some links under its base path
    (`/daily8/en/article/<id>/`): the same article, fetched where the link points."""
    profile = load_profile("daily8")
    link = f"https://www.daily8.com/daily8/en/article/{ID}/index.html"
    assert profile.article_id(link) == (ID, "en")
    assert profile.article_url(link) == link
    # one leading segment only, and never a page that is no article under it
    assert profile.article_id(f"https://www.daily8.com/a/b/en/article/{ID}") is None
    assert profile.article_id("https://www.daily8.com/daily8/en/hashtag/Climate") is None


def test_an_archive_page_named_by_the_articles_id_is_the_article():
    """Site 73: Movable Type publishes each entry at `/en/archives/2026/11/<id>.html` too, and
    related entries link there. A page file named by the id (or the id under a dated folder)
    in the language's folder is the article, fetched where the link points."""
    profile = load_profile("daily8")
    for path, language in (
        (f"/en/archives/2026/11/{ID}.html", "en"),
        (f"/en/2026/11/{ID}/", "en"),
        (f"/archives/2026/11/{ID}.html", "ar"),  # the Arabic site has no language folder
    ):
        link = "https://www.daily8.com" + path
        assert profile.article_id(link) == (ID, language)
        assert profile.article_url(link) == link
    for path in (
        f"/en/comments/{ID}",  # an id that is no page file, in no dated folder
        f"/images/thumbs/{ID}.jpg",  # an image, not a page
        f"/fr/archives/2026/11/{ID}.html",  # a language the site has no articles in
        "/en/archives/2026/11/12.html",  # a day's archive, not an id
    ):
        assert profile.article_id("https://www.daily8.com" + path) is None, path


def test_path_variants_leave_a_plain_path_alone():
    assert list(path_variants("/en/article/abc")) == []
    assert list(path_variants("/amp")) == []  # a page named amp, not an AMP twin of `/`
    assert list(path_variants("/amp/en/x/index.html")) == ["/en/x/"]


def test_a_route_parameter_is_read_only_on_a_front_controller():
    """`/search?q=en/article/<id>` is a search for those words, not the article; a route with
    another parameter the site printed beside it is fetched as printed."""
    profile = load_profile("daily8")
    search = f"https://www.daily8.com/search?q=en/article/{ID}"
    assert profile.article_id(search) is None
    paged = f"https://www.daily8.com/index.php?p=en/article/{ID}&page=2"
    assert profile.article_id(paged) == (ID, "en")
    assert profile.article_url(paged) == paged


def test_a_click_through_link_is_the_article_it_sends_the_reader_to():
    """Site 75: a site migrated from classic ASP links some related entries through its old
    click-through script (`/go.asp?u=%2Fen%2Farticle%2F<id>`). The article is the one it sends
    the reader to, fetched at its plain address; a click-through to another host, a script of
    another name and a print page are no articles."""
    profile = load_profile("daily8")
    for link in (
        f"https://www.daily8.com/go.asp?u=%2Fen%2Farticle%2F{ID}",
        f"https://www.daily8.com/redirect?url=https://www.daily8.com/en/article/{ID}",
        f"https://www.daily8.com/out.php?to=/en/article/{ID}%3Futm_source%3Dx",
    ):
        assert profile.article_id(link) == (ID, "en"), link
        assert profile.article_url(link) == PLAIN, link
    for link in (
        f"https://www.daily8.com/go.asp?u=https%3A%2F%2Felsewhere.example%2Fen%2Farticle%2F{ID}",
        f"https://www.daily8.com/share.asp?u=%2Fen%2Farticle%2F{ID}",
        f"https://www.daily8.com/print.asp?id={ID}",
        f"https://www.daily8.com/go.asp?id={ID}",
    ):
        assert profile.article_id(link) is None, link


def test_a_route_through_a_front_controller_is_the_article():
    """Site 77: ExpressionEngine prints its links through its front controller, with its
    session segment when cookies are off. The article, fetched at the controller's spelling
    without the session; a query that is all route (`?/en/article/<id>`) is read as `?p=` is."""
    profile = load_profile("daily8")
    via = f"https://www.daily8.com/index.php/en/article/{ID}"
    for link in (via, f"https://www.daily8.com/index.php/S=8a4b14c8825f83de/en/article/{ID}"):
        assert profile.article_id(link) == (ID, "en")
        assert profile.article_url(link) == via
    query = f"https://www.daily8.com/index.php?/en/article/{ID}&utm_source=x"
    assert profile.article_id(query) == (ID, "en")
    assert profile.article_url(query) == PLAIN
    assert profile.article_id("https://www.daily8.com/index.php/en/hashtag/Climate") is None
    assert profile.article_id(f"https://www.daily8.com/index.php/en/article/{ID}/comments") is None


def test_a_permanent_link_named_by_an_id_shaped_token_is_asked_where_it_leads():
    """Site 78: Optimizely links pages by `/link/<guid>.aspx`, a token shaped like an article's
    id that names another page; the site redirects it to the article. It is no article
    address, but one that may lead to an article (the spider asks: spiders.permalinks)."""
    profile = load_profile("daily8")
    link = f"https://www.daily8.com/link/{ID}.aspx"
    assert profile.article_id(link) is None
    assert profile.may_lead_to_article(link)
    assert not profile.may_lead_to_article(PLAIN)  # an article's address is asked for itself
    assert not profile.may_lead_to_article(f"https://www.daily8.com/images/{ID}.jpg")
    assert not profile.may_lead_to_article("https://www.daily8.com/en/about.aspx")


# Links the site redirects to the article, or that answer with it under a canonical link, in
# the shapes platforms print them: the spider asks where each leads (spiders.permalinks).
# Site 79: DataLife Engine's own number (`/index.php?newsid=118`), classic ASP's
# `/news.asp?id=12`; site 80: Tilda's feed posts `/tpost/<post id>-<slug>` (the post id is no
# article's) and other CMSs' `/news/12345-<slug>`, `/<slug>-12345`; site 81: DNN's numbered id
# segments; site 82: uCoz's dated and catalogue addresses; site 85: Concrete CMS's
# collection id (`/index.php?cID=169`, `/?cID=156`).
LEADS_TO_AN_ARTICLE = [
    "/index.php?newsid=118",
    "/index.php?cID=169",
    "/?cID=156",
    "/news.asp?id=12&lang=en",
    "/article.php?story_id=55",
    "/tpost/90de18930a-estovia-jobless-rate-falls-to-lowest-level",
    "/news/123456-council-approves-harbour-budget",
    "/story/council-approves-harbour-budget-123456",
    "/en/News/tabid/58/ArticleID/1234/harbour-budget.aspx",
    "/en-us/news/articleid/1234/harbour-budget",
    "/Default.aspx?TabId=58&ArticleID=1234",
    "/news/harbour-budget-approved/2025-11-30-123",
    "/news/2025-11-30-123",
    "/publ/world/harbour-budget-approved/3-1-0-114",
    # a title's words alone in a folder (Framer's CMS: site 83), a blog post's slug and
    # number under its blog's (Odoo: site 84)
    "/en/articles/survey-finds-ralsen-glacier-lost-a-fifth",
    "/blog/top-10-deals-this-week",
    "/blog/daily8-news-1/harbour-council-approves-budget-12",
    "/blog/daily8-arabic-2/khabar-41",
]
# a print view, a listing's query or pages, a tag with a year, a short slug, a listing's
# long slug, a stub page
LEADS_NOWHERE_KNOWN = [
    "/index.php?do=print&newsid=118",
    "/news.asp?id=12&print=1",
    "/index.php?do=lastnews",
    "/en/page/2/",
    "/search.php?q=harbour",
    "/en/hashtag/Climate?id=3",
    "/en/tag/covid-19-vaccine-2021",
    "/news/2026-budget-approved-by-council",
    "/blog/top-deals",
    "/en/tag/harbour-budget-approved-by-the-council",
    "/blog/daily8-news-1/tag/harbour-budget-3",
    "/about-our-editorial-standards-and-ethics",
    "/en/about-us",
    "/page12345678.html",
    "/en/News/PgrID/412/PageID/2",
    "/news/2",
    "/index/0-2",
    "/en/2025-11-30",
]


@pytest.mark.parametrize("path", LEADS_TO_AN_ARTICLE)
def test_a_platforms_own_address_for_a_story_is_asked_where_it_leads(path):
    profile = load_profile("daily8")
    link = "https://www.daily8.com" + path
    assert profile.article_id(link) is None
    assert profile.may_lead_to_article(link)


@pytest.mark.parametrize("path", LEADS_NOWHERE_KNOWN)
def test_other_pages_of_such_platforms_are_not_asked(path):
    assert not load_profile("daily8").may_lead_to_article("https://www.daily8.com" + path)


def test_dnns_click_through_is_the_page_it_sends_the_reader_to():
    click = f"https://www.daily8.com/LinkClick.aspx?link=%2Fen%2Farticle%2F{ID}&tabid=58"
    assert load_profile("daily8").article_id(click) == (ID, "en")


def test_a_locale_folder_is_its_languages_folder():
    """Site 83: a site builder's locale prefix (`/en-US/article/<id>`) is the English article,
    fetched at its plain address (the locale address answered only with its tracking query)."""
    profile = load_profile("daily8")
    link = f"https://www.daily8.com/en-US/article/{ID}?utm_source=related"
    assert profile.article_id(link) == (ID, "en")
    assert profile.article_url(link) == f"https://www.daily8.com/en/article/{ID}"
    assert profile.article_id("https://www.daily8.com/en-US/hashtag/Climate") is None


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/ferry-fare-freeze.html",  # Contao's short alias (blind site 86)
        "/share/?p=23",  # its share link
        "/index.php/en/news/ferry-fare-freeze.html",
        "/about-the-ferry",
    ],
)
def test_a_related_entrys_link_to_a_page_of_the_site_is_asked_where_it_leads(path):
    """A related entry is a story's whatever its address: its link to any page of the site's
    own is asked where it leads, on the host of the page it is on."""
    profile = load_profile("daily8")
    assert profile.may_lead_from_related(f"http://127.0.0.1:8000{path}", "127.0.0.1")
    assert not profile.may_lead_to_article(f"http://127.0.0.1:8000{path}")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/files/press-kit.pdf",
        "http://127.0.0.1:8000/files/images/ferry.jpg",
        "http://127.0.0.1:8000/en/tags/harbour.html",
        "http://127.0.0.1:8000/en/",
        "http://127.0.0.1:8000/",
        "http://elsewhere.example/en/news/ferry-fare-freeze.html",  # another site's page
    ],
)
def test_a_related_entrys_link_to_a_file_a_listing_a_front_page_or_another_site_is_not(url):
    profile = load_profile("daily8")
    assert not profile.may_lead_from_related(url, "127.0.0.1")
