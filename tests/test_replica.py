"""The Daily8 replica itself: determinism, quirks, truth vs pages, themes, server behaviour."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

import pytest
from parsel import Selector

from newsbot.replica import DEFAULT_CLOCK, ReplicaServer, Reply, build_site, render_a, render_b
from newsbot.replica.ages import humanize
from newsbot.replica.noise import KINDS
from newsbot.replica.render import LABELS, Renderer

GLUE = ("opens new tab", "advertisement", "&w=3840&q=100)")


@pytest.fixture(scope="module")
def site():
    return build_site(seed=8, articles=120)


@pytest.fixture(scope="module")
def truth(site):
    return site.truth()


@pytest.fixture(scope="module")
def renderers(site):
    return {
        "a": Renderer(site, render_a, "http://127.0.0.1:9"),
        "b": Renderer(site, render_b, "http://127.0.0.1:9"),
    }


def texts(html: str) -> list[str]:
    return [t for t in Selector(text=html).xpath("//body//text()").getall() if t.strip()]


def flat(html: str) -> str:
    return re.sub(r"\s+", "", "".join(Selector(text=html).xpath("//body//text()").getall()))


def all_pages(site, renderer):
    for path, ids in site.listings.items():
        for page in range(1, (len(ids) - 1) // site.per_page + 2):
            yield f"{path}?page={page}", renderer.listing(path, page)
    for a in site.articles.values():
        yield a.path, renderer.article(a)


def test_same_seed_same_content():
    assert build_site(seed=3, articles=60).truth() == build_site(seed=3, articles=60).truth()
    assert build_site(seed=3, articles=60).truth() != build_site(seed=4, articles=60).truth()


def test_ids_are_32_hex_and_paths_match(truth):
    for aid, art in truth["articles"].items():
        assert re.fullmatch(r"[0-9a-f]{32}", aid)
        prefix = "/en/article/" if art["language"] == "en" else "/article/"
        assert art["path"] == prefix + aid


def test_ten_thousand_articles_for_benchmarks():
    # how fast is measured by the crawl benchmark, not asserted here (shared, noisy machines)
    big = build_site(seed=1, articles=10_000)
    assert len(big.articles) == 10_000
    assert len(big.listings["/en"]) > 5000
    assert len(set(big.articles)) == 10_000


def test_every_noise_kind_and_age_form_is_present(truth):
    used = {k for a in truth["articles"].values() for k in a["noise"]}
    assert used == set(KINDS)
    raws = {a["published_raw"] for a in truth["articles"].values()}
    for form in ("a few seconds ago", "a minute ago", "an hour ago", "a day ago", "Invalid date",
                 "منذ ساعة واحدة", "منذ يوم واحد"):  # fmt: skip
        assert form in raws
    for pattern in (r"\d+ minutes ago", r"\d+ hours ago", r"\d+ days ago", r"\d\d-\d\d-\d{4}"):
        assert any(re.fullmatch(pattern, r) for r in raws), pattern


@pytest.mark.parametrize("theme", ["a", "b"])
def test_quirks_in_rendered_html(site, truth, renderers, theme):
    r = renderers[theme]
    html = "\n".join(page for _, page in all_pages(site, r))
    for alt in ("logo", "time", "Orange background"):
        assert re.search(rf'<img [^>]*alt="{alt}"', html), alt
    assert re.search(r"Show all \d+", html)
    assert "(cloned)" in html
    for needle in ("opens new tab", "advertisementThe", ".advertisement", "&amp;w=3840&amp;q=100)",
                   "%3Cp%3E", ".cls-1{clip-path", "Learn more about your ad choices",
                   "Video Player is loading", "Article content", "Link copied", "READ MORE",
                   "Further Reading", "by Taboola", "Sponsored Links", "Sign up for the",
                   "Listen on Apple Podcasts Listen on Spotify", "<figcaption>", "Photo: ",
                   "Mon ", "Invalid date", "Latest news with #", "Load more"):  # fmt: skip
        assert needle in html, needle
    for label in LABELS["en"].values():
        assert label in html


@pytest.mark.parametrize("theme", ["a", "b"])
def test_article_page_shape(site, truth, renderers, theme):
    r = renderers[theme]
    for aid, t in truth["articles"].items():
        html = r.article(site.articles[aid])
        sel = Selector(text=html)
        assert sel.xpath("normalize-space(//h1)").get() == t["display_title"]
        assert t["display_title"] in sel.xpath("//h1/preceding::img/@alt").getall()
        body_text = flat(html)
        chrome = LABELS[t["language"]]
        labels = [
            chrome[k] for k in ("hashtags", "ai", "explore", "comments", "no_comments", "related")
        ]
        positions = [body_text.index(re.sub(r"\s+", "", lab)) for lab in labels]
        assert positions == sorted(positions)
        if t["has_header"]:
            glued = re.sub(r"\s+", "", t["source"] + t["published_raw"])
            assert glued in body_text
        # hashtags and related entries as the truth says, in page order
        tags = [h for h in sel.xpath("//a/@href").getall() if "/hashtag/" in h]
        assert tags == [f"/en/hashtag/{x}" for x in t["hashtags"]]
        hrefs = []
        for h in sel.xpath("//a/@href").getall():
            m = re.search(r"/article/([0-9a-f]{32})$", h)
            if m and (not hrefs or hrefs[-1] != m.group(1)):
                hrefs.append(m.group(1))
        assert hrefs == t["related"]
        # every clean paragraph is on the page; captions are, but are not body text
        shown = [s.xpath("string(.)").get() for s in sel.xpath("//p | //div[@class='para']")]
        cleaned = set()
        for s in shown:
            for g in GLUE:
                s = s.replace(g, "")
            cleaned.add(s.strip())
        for para in filter(None, t["body"].split("\n\n")):
            assert para in cleaned
        for caption in t["captions"]:
            assert caption in html
            assert caption not in t["body"]
        if t["expect_dropped"]:
            assert t["body"] == "" and t["related"] == []


def test_special_articles(site, truth):
    arts = truth["articles"].values()
    dropped = [a for a in arts if a["expect_dropped"]]
    assert [a["expect_dropped"] for a in dropped] == ["missing body"]
    assert dropped[0]["listings"] == ["/en"]
    assert not any(dropped[0]["id"] in a["related"] for a in arts)
    invalid = [a for a in arts if a["published_raw"] == "Invalid date"]
    assert len(invalid) == 1 and invalid[0]["published_at"] is None
    assert "/en" in invalid[0]["listings"]
    noheader = [a for a in arts if not a["has_header"]]
    assert noheader and all("/en" in a["listings"] for a in noheader)
    assert any(a["related_via_mirror"] for a in arts)
    assert any(a["source"][0].isdigit() for a in arts)
    assert any(a["language"] == "ar" for a in arts)
    assert any(a["has_jsonld"] for a in arts) and any(a["has_meta"] for a in arts)
    assert all(" (cloned)" not in a["title"] for a in arts)
    assert any(a["display_title"].endswith(" (cloned)") for a in arts)


def test_published_expectations(truth):
    clock = datetime.fromisoformat(truth["clock"])
    for a in truth["articles"].values():
        raw, exp = a["published_raw"], a["published_at"]
        if a["has_jsonld"] or a["has_meta"]:
            assert (exp, a["published_precision"]) == (a["true_published_at"], "second")
            continue
        if raw == "Invalid date":
            assert exp is None
            continue
        exp = datetime.fromisoformat(exp)
        true = datetime.fromisoformat(a["true_published_at"])
        if m := re.fullmatch(r"(\d+) hours ago", raw):
            assert exp == clock - timedelta(hours=int(m.group(1))) == true
            assert a["published_precision"] == "hour"
        elif raw == "a few seconds ago":
            assert exp == clock and true == clock - timedelta(seconds=10)
            assert a["published_precision"] == "minute"
        elif re.fullmatch(r"\d\d-\d\d-\d{4}", raw):
            assert exp == datetime.strptime(raw, "%d-%m-%Y").replace(tzinfo=timezone.utc)
            assert exp.date() == true.date() and a["published_precision"] == "day"
        elif raw in ("a day ago",) or raw.endswith("days ago"):
            assert exp == true and a["published_precision"] == "day"


def test_jsonld_and_meta_agree_with_truth(site, truth, renderers):
    for t in truth["articles"].values():
        sel = Selector(text=renderers["b"].article(site.articles[t["id"]]))
        ld = sel.xpath('//script[@type="application/ld+json"]/text()').get()
        if t["has_jsonld"]:
            data = json.loads(ld)
            assert data["@type"] == "NewsArticle" and data["headline"] == t["title"]
            when = datetime.fromisoformat(data["datePublished"])
            assert when == datetime.fromisoformat(t["published_at"])
        else:
            assert ld is None
        meta = sel.xpath('//meta[@property="article:published_time"]/@content').get()
        if t["has_meta"]:
            when = datetime.fromisoformat(meta.replace("Z", "+00:00"))
            assert when == datetime.fromisoformat(t["published_at"])
            assert sel.xpath('//meta[@property="og:title"]/@content').get() == t["title"]


def test_listings_match_truth(site, truth, renderers):
    for path, ids in truth["listings"].items():
        seen, page = [], 1
        while True:
            html = renderers["a"].listing(path, page)
            sel = Selector(text=html)
            for h in sel.css("h2.card-title a::attr(href)").getall():
                seen.append(h.rsplit("/", 1)[1])
            more = sel.xpath('//a[normalize-space()="Load more"]/@href').get()
            if not more:
                break
            assert more == f"{path}?page={page + 1}"
            page += 1
        assert seen == ids
        for i in ids:
            assert path in truth["articles"][i]["listings"]
        if "/hashtag/" in path:
            text = flat(html)
            tag = path.rsplit("/", 1)[1]
            assert f"#Latestnewswith#{tag}" in text


def test_related_depth_reaches_more(site, truth):
    d0, d1, d2 = (site.expected_ids(["/en"], d) for d in (0, 1, 2))
    assert d0 < d1 < d2
    dropped = {i for i, a in truth["articles"].items() if a["expect_dropped"]}
    assert dropped and not dropped & d2
    assert dropped <= site.reachable_ids(["/en"], 0)
    assert set(truth["listings"]["/en"]) - dropped == d0
    hidden = {i for i, a in truth["articles"].items() if not a["listings"]}
    assert hidden & d1 and hidden & (d2 - d1)


@pytest.mark.parametrize("path_kind", ["listing", "article"])
def test_themes_show_the_same_text(site, renderers, path_kind):
    pa = dict(all_pages(site, renderers["a"]))
    pb = dict(all_pages(site, renderers["b"]))
    assert pa.keys() == pb.keys()
    for key in pa:
        if ("article/" in key) == (path_kind == "article"):
            assert flat(pa[key]) == flat(pb[key]), key
            assert pa[key] != pb[key]


def test_themes_differ_in_markup(site, renderers):
    a = site.articles[site.listings["/en"][3]]
    ha, hb = renderers["a"].article(a), renderers["b"].article(a)
    assert "<article" in ha and "<article" not in hb
    assert "<h2>" in ha and "<strong>Related Articles</strong>" in hb
    assert "<h1>" in ha and "<h1 " in hb


def test_humanize_thresholds():
    c = DEFAULT_CLOCK
    cases = {
        timedelta(seconds=10): "a few seconds ago",
        timedelta(minutes=1): "a minute ago",
        timedelta(minutes=44): "44 minutes ago",
        timedelta(hours=1): "an hour ago",
        timedelta(hours=21): "21 hours ago",
        timedelta(hours=22): "a day ago",
        timedelta(days=6): "6 days ago",
        timedelta(days=9): (c - timedelta(days=9)).strftime("%d-%m-%Y"),
    }
    for delta, text in cases.items():
        assert humanize(c - delta, c).en == text
    assert humanize(c - timedelta(hours=2), c).ar == "منذ ساعتين"
    assert humanize(c - timedelta(hours=5), c).ar == "منذ 5 ساعات"


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read().decode()


def test_server_routes_dates_and_mirror(site, truth):
    site = build_site(seed=8, articles=120)
    with ReplicaServer(site, theme="a") as server:
        base, mirror = server.base_url, server.mirror_url
        assert base.startswith("http://127.0.0.1:") and mirror.startswith("http://127.0.0.1:")
        status, headers, html = fetch(base + "/")
        assert status == 200 and "Latest news" in html  # redirected to /en
        assert parsedate_to_datetime(headers["Date"]) == DEFAULT_CLOCK
        assert fetch(base + "/robots.txt")[2].startswith("User-agent: *")
        assert fetch(base + "/nope")[0] == 404
        assert fetch(base + "/en/article/" + "0" * 32)[0] == 404
        assert fetch(base + "/en?page=99")[0] == 404
        ar = next(a for a in truth["articles"].values() if a["language"] == "ar")
        assert fetch(base + "/en/article/" + ar["id"])[0] == 404
        status, _, page = fetch(base + ar["path"])
        assert status == 200 and 'dir="rtl"' in page and "أخبار ذات صلة" in page
        src = next(a for a in truth["articles"].values() if a["related_via_mirror"])
        target = src["related_via_mirror"][0]
        page = fetch(base + src["path"])[2]
        assert f"{mirror}/en/article/{target}" in page
        main_text, mirror_text = (
            flat(fetch(u + f"/en/article/{target}")[2]) for u in (base, mirror)
        )
        assert main_text == mirror_text
        assert mirror not in fetch(mirror + src["path"])[2]  # the mirror links to itself
        # the clock moves: Date header and ages follow
        art = next(a for a in truth["articles"].values() if a["published_raw"] == "2 hours ago")
        server.set_clock(DEFAULT_CLOCK + timedelta(hours=3))
        status, headers, page = fetch(base + art["path"])
        assert parsedate_to_datetime(headers["Date"]) == DEFAULT_CLOCK + timedelta(hours=3)
        assert "5 hours ago" in page
        assert site.truth()["articles"][art["id"]]["published_raw"] == "5 hours ago"
        server.fault_hook = lambda req: None
        assert fetch(base + "/en")[0] == 200
        server.fault_hook = lambda req: Reply(503, b"busy") if req.path == "/en" else None
        status, headers, _ = fetch(base + "/en")
        assert status == 503 and "Date" in headers
        assert fetch(base + "/robots.txt")[0] == 200


def test_cli_truth_and_serve(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "newsbot.replica", "truth", "--seed", "8", "--articles", "30",
         "--clock", "2026-01-02T03:04:05Z"],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    data = json.loads(out.stdout)
    assert data["clock"] == "2026-01-02T03:04:05+00:00" and len(data["articles"]) == 30
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsbot.replica", "serve", "--port", "0", "--ttl", "20",
         "--articles", "30", "--theme", "b"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        banner = dict(proc.stdout.readline().split()[:2] for _ in range(4))
        base, mirror = banner["site:"], banner["mirror:"]  # each URL is labelled
        assert base.startswith("http://127.0.0.1:") and mirror.startswith("http://127.0.0.1:")
        assert base != mirror
        assert banner["crawl:"] == "scrapy"
        status, headers, html = fetch(base + "/en")
        assert status == 200 and 'class="feed"' in html
        # serve uses the real clock by default (so -a since=2h finds articles)
        served = parsedate_to_datetime(headers["Date"])
        assert abs(served - datetime.now(timezone.utc)) < timedelta(minutes=5)
        assert served.strftime("%Y-%m-%dT%H:%M:%SZ") == banner["clock:"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_articles_are_reachable_many_ways(truth):
    arts = truth["articles"].values()
    assert any(len(a["listings"]) >= 2 for a in arts)
    incoming: dict[str, int] = {}
    for a in arts:
        for r in a["related"]:
            incoming[r] = incoming.get(r, 0) + 1
    assert max(incoming.values()) >= 2
    whole = [a for a in arts if a["body"] and "\n\n" in a["body"]]
    assert whole
