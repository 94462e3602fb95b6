"""Theme ``react``: the replica as a server-rendered React/Next.js site sends it."""

from __future__ import annotations

import json
import re
import statistics
import urllib.request

import pytest
from parsel import Selector

from newsbot.replica import ReplicaServer, build_site, render_a
from newsbot.replica.render import Renderer
from newsbot.replica.render_react import SEP, make_theme, pieces


@pytest.fixture(scope="module")
def site():
    return build_site(seed=8, articles=120)


@pytest.fixture(scope="module")
def renderers(site):
    return {
        "a": Renderer(site, render_a),
        "react": Renderer(site, make_theme()),
        "react_big": Renderer(site, make_theme(page_kb=290)),
    }


def flat(html: str, xpath: str) -> str:
    return re.sub(r"\s+", "", "".join(Selector(text=html).xpath(xpath).getall()))


def pages(site, renderer):
    for path in site.listings:
        yield path, renderer.listing(path, 1)
    for a in site.articles.values():
        yield a.path, renderer.article(a)


def test_main_content_shows_the_same_text_as_theme_a(site, renderers):
    a_pages = dict(pages(site, renderers["a"]))
    for name in ("react", "react_big"):
        for path, html in pages(site, renderers[name]):
            ours = flat(html, "//main//text()[not(ancestor::script)]")
            assert ours == flat(a_pages[path], "//main//text()"), (name, path)
            assert html != a_pages[path]


def test_text_pieces_are_separated_by_empty_comments(site, renderers):
    r = renderers["react"]
    en = [a for a in site.articles.values() if a.lang == "en" and a.header and a.blocks]
    article = next(a for a in en if site.age(a).en.split()[0].isdigit())
    html = r.article(article)
    sel = Selector(text=html)
    h1 = sel.xpath("//h1")
    assert SEP in h1.get()
    assert h1.xpath("normalize-space(.)").get() == article.display_title
    number, rest = site.age(article).en.split(" ", 1)
    assert f"{number}{SEP} {rest}" in html  # "4<!-- --> hours ago"
    paragraphs = sel.xpath("//main//p[contains(@class, 'paragraph')]")
    assert paragraphs and all(SEP in p.get() for p in paragraphs if " " in p.get())
    # the related entries' titles are pieced too
    assert SEP in sel.xpath("//main//h3").get()


def test_pieces_keep_the_visible_text_and_leave_markup_alone():
    fragment = 'Some 7 people <a href="/x y">met the board</a> on Thursday.'
    out = pieces(fragment)
    assert out.count(SEP) == 3
    assert re.sub(r"<[^>]*>", "", out) == re.sub(r"<[^>]*>", "", fragment)
    assert '<a href="/x y">' in out
    assert pieces("21 hours ago", before_space=True) == f"21{SEP} hours ago"
    assert pieces("16-05-2025", before_space=True) == "16-05-2025"


def test_hydration_payload_carries_the_page_data_as_json(site, renderers):
    article = next(a for a in site.articles.values() if a.blocks and a.related)
    html = renderers["react"].article(article)
    raw = Selector(text=html).xpath('//script[@id="__NEXT_DATA__"]/text()').get()
    data = json.loads(raw)
    props = data["props"]["pageProps"]["article"]
    assert props["id"] == article.id and props["title"] == article.display_title
    assert [r["id"] for r in props["related"]] == article.related
    assert props["paragraphs"][0][:40] in html


def test_chrome_around_the_content(site, renderers):
    article = next(a for a in site.articles.values() if a.blocks)
    html = renderers["react"].article(article)
    sel = Selector(text=html)
    assert sel.xpath('//div[@role="dialog"]//button[normalize-space()="Accept all"]')
    assert sel.xpath("//nav//a[@href]") and sel.xpath("//footer//a[@href]")
    assert "Trending" in html and "Most read" in html
    rail = sel.xpath('//aside[@aria-label="Most read"]//a/@href').getall()
    assert len(rail) == 5 and all("/article/" in h for h in rail)
    # div soup with generated class names, no semantic article element
    assert "<article" not in html
    classes = set(" ".join(sel.xpath("//@class").getall()).split())
    assert any(re.fullmatch(r"css-[0-9a-f]{7}", c) for c in classes)
    assert any(re.fullmatch(r"[A-Z][a-zA-Z]+_[a-z]+__[0-9a-f]{5}", c) for c in classes)
    listing = renderers["react"].listing("/en", 1)
    assert "Most read" not in listing and "Trending" in listing


def test_real_size_pages(site, renderers):
    sizes = [len(html.encode()) for _, html in pages(site, renderers["react_big"])]
    small = [len(html.encode()) for _, html in pages(site, renderers["react"])]
    assert 270_000 <= statistics.median(sizes) <= 320_000
    assert statistics.median(small) < 20_000
    html = renderers["react_big"].article(next(a for a in site.articles.values() if a.blocks))
    sel = Selector(text=html)
    assert len(sel.xpath("//nav//a")) > 200  # a mega menu
    assert len(sel.xpath("//script")) > 5 and len(sel.xpath("//style")) >= 1


def test_longer_bodies_keep_the_rest_of_the_site():
    short, long = (
        build_site(seed=8, articles=60),
        build_site(seed=8, articles=60, body_paragraphs=6),
    )
    assert short.articles.keys() == long.articles.keys()
    for i, a in short.articles.items():
        b = long.articles[i]
        assert (a.title, a.related, a.published, a.source) == (
            b.title,
            b.related,
            b.published,
            b.source,
        )
        if a.paragraphs:
            assert len(b.paragraphs) == len(a.paragraphs) + 6
            assert b.paragraphs[0] == a.paragraphs[0]
            assert b.paragraphs[7:] == a.paragraphs[1:]  # added after the first one
            assert long.article_truth(b)["body"].count("\n\n") == len(b.paragraphs) - 1


def test_server_serves_the_react_theme_at_the_asked_size(site):
    with ReplicaServer(site, theme="react", page_kb=120, mirror=False) as server:
        path = site.articles[site.listings["/en"][0]].path
        with urllib.request.urlopen(server.base_url + path, timeout=10) as reply:
            body = reply.read()
    assert 100_000 < len(body) < 140_000
    assert b'id="__NEXT_DATA__"' in body and SEP.encode() in body
