"""Entries linked only by a permanent link the site redirects to the article (Optimizely's
`/link/<guid>.aspx`, blind site 78; DataLife Engine's `/index.php?newsid=<n>`, site 79;
Tilda's `/tpost/<post id>-<slug>`, site 80) name the article they lead to.

The guid is shaped like an article's id but names another page. Before, it was read as an
Arabic article's id: related lists named articles that do not exist. A link read as no
article at all would lose the articles reachable only through such links. The spider asks
each permanent link once where it leads (its redirect, not its page) and uses that article."""

from __future__ import annotations

import re

from tests.conftest import run_crawl
from tests.support.snapshot_site import SnapshotServer, load_site, served_as


def _stat(log: str, name: str) -> int:
    found = re.search(rf"'newsbot/{re.escape(name)}': (\d+)", log)
    return int(found[1]) if found else 0


def _crawled_with_every_article_and_related_list(name: str, tmp_path) -> tuple[dict, str, set]:
    """Crawl the blind site ``name``: (its served_as map, the crawl's log, the related ids),
    after checking that every article was exported once with the related list its page shows."""
    pages, truth = load_site(name)
    sent_as = served_as(name)
    with SnapshotServer(pages, sent_as) as server:
        result = run_crawl(server, truth["start_paths"], tmp_path, args={"related_depth": 5})
    assert result.returncode == 0, result.log[-3000:]
    got = {item["id"]: item for item in result.items}
    assert set(got) == set(truth["articles"])  # those reached only through such links too
    for article_id, want in truth["articles"].items():
        assert got[article_id]["related"] == want["related"], article_id
    related = {r for item in result.items for r in item["related"]}
    return sent_as, result.log, related


def test_related_entries_behind_permanent_links_name_their_articles(tmp_path):
    sent_as, log, related = _crawled_with_every_article_and_related_list("optimizely_cms", tmp_path)
    permanent = [p for p in sent_as if p.startswith("/link/")]
    assert permanent  # the copy links articles by permanent links
    # each permanent link asked once, none left unresolved, none fetched as a page
    assert 0 < _stat(log, "links/resolved") <= len(permanent)
    assert _stat(log, "links/unresolved") == 0
    guids = {p.removeprefix("/link/").removesuffix(".aspx").lower() for p in permanent}
    assert not guids & related


def test_entries_behind_a_scripts_numbered_links_name_their_articles(tmp_path):
    """Site 79: DataLife Engine's listings and related lists link four articles only as
    `/index.php?newsid=<n>` (301 to the article) and one more only from those articles; its
    print views `/index.php?do=print&newsid=<n>` answer 200 and are no article."""
    sent_as, log, _ = _crawled_with_every_article_and_related_list("dle_engine", tmp_path)
    numbered = [p for p in sent_as if p.startswith("/index.php?newsid=")]
    assert numbered
    assert 0 < _stat(log, "links/resolved") <= len(numbered)
    assert _stat(log, "links/unresolved") == 0  # print views are not asked


def test_entries_behind_feed_post_addresses_name_their_articles(tmp_path):
    """Site 80: Tilda links some articles only by `/tpost/<post id>-<slug>`, which the site
    redirects to the article or answers with the article itself under a canonical link."""
    pages, _ = load_site("tilda_publishing")
    assert any(p.startswith("/tpost/") for p in pages)  # answered with the article itself
    sent_as, log, _ = _crawled_with_every_article_and_related_list("tilda_publishing", tmp_path)
    assert any(p.startswith("/tpost/") for p in sent_as)  # and redirected
    assert _stat(log, "links/resolved") > 0
    assert _stat(log, "links/unresolved") == 0


def test_entries_behind_a_portals_numbered_paths_name_their_articles(tmp_path):
    """Site 81: DNN links eight articles only by `/ArticleID/<n>/` paths, `Default.aspx?
    ArticleID=<n>` and `LinkClick.aspx` (redirects), or a copy under a canonical link."""
    sent_as, log, _ = _crawled_with_every_article_and_related_list("dnn_easydnnnews", tmp_path)
    assert any("ArticleID" in p for p in sent_as)
    assert _stat(log, "links/resolved") > 0


def test_entries_behind_a_builders_title_slugs_name_their_articles(tmp_path):
    """Site 83: Framer links articles only by their title's words (`/en/articles/<slug>`,
    301 to the article; `/en/blog/<slug>`, the article under a canonical link) and by a locale
    folder (`/en-US/article/<id>`, read as the `/en/` article it is)."""
    pages, truth = load_site("framer_sites")
    assert any(p.startswith("/en/blog/") for p in pages)
    sent_as, log, _ = _crawled_with_every_article_and_related_list("framer_sites", tmp_path)
    assert any(p.startswith("/en/articles/") for p in sent_as)
    assert _stat(log, "links/resolved") > 0


def test_a_copy_without_a_canonical_link_leads_where_its_share_buttons_say(tmp_path):
    """Site 84: Odoo links articles by its blog's addresses (`/blog/<blog>-<n>/<post>-<n>`);
    some answer with the article itself and no canonical link, and only the share buttons
    (`facebook.com/sharer/sharer.php?u=<the article's address>`) name it."""
    pages, _ = load_site("odoo_website")
    copies = [
        html
        for path, html in pages.items()
        if path.startswith(("/blog/", "/en/blog/"))
        and "?" not in path  # (the blog's search page)
        and 'rel="canonical"' not in html
    ]
    assert copies and all("sharer.php?u=" in html for html in copies)
    _, log, _ = _crawled_with_every_article_and_related_list("odoo_website", tmp_path)
    assert _stat(log, "links/resolved") > 0


def test_share_buttons_name_the_page_when_they_all_name_one_article():
    """Two spellings of one article (`?u=` and a tracked `?url=`) name it; buttons naming two
    articles (a page that shares another's story) name none."""
    from scrapy.http import HtmlResponse

    from newsbot.profiles import load_profile
    from newsbot.spiders.permalinks import _shared_address

    profile = load_profile("daily8")
    one, two = "a" * 32, "b" * 32

    def page(*targets: str) -> HtmlResponse:
        links = "".join(f'<a href="https://x.test/share?{t}">share</a>' for t in targets)
        return HtmlResponse("https://www.daily8.com/blog/x-1/y-2", body=links.encode())

    same = page(
        f"u=https%3A%2F%2Fwww.daily8.com%2Fen%2Farticle%2F{one}",
        f"text=Hi&amp;url=https://www.daily8.com/en/article/{one}?utm_source=share",
    )
    assert _shared_address(same, profile) == f"https://www.daily8.com/en/article/{one}"
    both = page(f"u=https://www.daily8.com/en/article/{one}", f"u=/en/article/{two}")
    assert _shared_address(both, profile) is None
    assert _shared_address(page("u=https://www.daily8.com/en/about"), profile) is None


def test_a_copy_link_buttons_attribute_names_the_page():
    """Blind site 88 (Ibexa): a copy-link button carries the address in `data-share-url`, as
    ShareThis's `data-url` does; the page served at a view address with no canonical link
    leads there."""
    from scrapy.http import HtmlResponse

    from newsbot.profiles import load_profile
    from newsbot.spiders.permalinks import _shared_address

    profile = load_profile("daily8")
    one = "c" * 32
    body = (
        f'<div class="share-bar"><a class="share share--copy" href="#" '
        f'data-share-url="https://www.daily8.com/en/article/{one}">Share</a></div>'
    )
    page = HtmlResponse("https://www.daily8.com/view/content/484/full/1/1078", body=body.encode())
    assert _shared_address(page, profile) == f"https://www.daily8.com/en/article/{one}"
    other = body.replace("data-share-url", "data-title")
    page = HtmlResponse("https://www.daily8.com/view/content/484/full/1/1078", body=other.encode())
    assert _shared_address(page, profile) is None
