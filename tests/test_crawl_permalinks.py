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


def test_related_entries_behind_permanent_links_name_their_articles(tmp_path):
    pages, truth = load_site("optimizely_cms")
    sent_as = served_as("optimizely_cms")
    permanent = [p for p in sent_as if p.startswith("/link/")]
    assert permanent  # the copy links articles by permanent links
    with SnapshotServer(pages, sent_as) as server:
        result = run_crawl(server, truth["start_paths"], tmp_path, args={"related_depth": 5})
    assert result.returncode == 0, result.log[-3000:]
    got = {item["id"]: item for item in result.items}
    assert set(got) == set(truth["articles"])  # those reached only through such links too
    for article_id, want in truth["articles"].items():
        assert got[article_id]["related"] == want["related"], article_id
    # each permanent link asked once, none left unresolved, none fetched as a page
    assert 0 < _stat(result.log, "links/resolved") <= len(permanent)
    assert _stat(result.log, "links/unresolved") == 0
    guids = {p.removeprefix("/link/").removesuffix(".aspx").lower() for p in permanent}
    assert not guids & {r for item in result.items for r in item["related"]}


def test_entries_behind_a_scripts_numbered_links_name_their_articles(tmp_path):
    """Site 79: DataLife Engine's listings and related lists link four articles only as
    `/index.php?newsid=<n>` (301 to the article) and one more only from those articles; its
    print views `/index.php?do=print&newsid=<n>` answer 200 and are no article."""
    pages, truth = load_site("dle_engine")
    sent_as = served_as("dle_engine")
    numbered = [p for p in sent_as if p.startswith("/index.php?newsid=")]
    assert numbered
    with SnapshotServer(pages, sent_as) as server:
        result = run_crawl(server, truth["start_paths"], tmp_path, args={"related_depth": 5})
    assert result.returncode == 0, result.log[-3000:]
    got = {item["id"]: item for item in result.items}
    assert set(got) == set(truth["articles"])
    for article_id, want in truth["articles"].items():
        assert got[article_id]["related"] == want["related"], article_id
    assert 0 < _stat(result.log, "links/resolved") <= len(numbered)
    assert _stat(result.log, "links/unresolved") == 0  # print views are not asked


def test_entries_behind_feed_post_addresses_name_their_articles(tmp_path):
    """Site 80: Tilda links some articles only by `/tpost/<post id>-<slug>`, which the site
    redirects to the article or answers with the article itself under a canonical link."""
    pages, truth = load_site("tilda_publishing")
    sent_as = served_as("tilda_publishing")
    served_itself = [p for p in pages if p.startswith("/tpost/")]
    redirected = [p for p in sent_as if p.startswith("/tpost/")]
    assert served_itself and redirected  # both kinds of answer are in the copy
    with SnapshotServer(pages, sent_as) as server:
        result = run_crawl(server, truth["start_paths"], tmp_path, args={"related_depth": 5})
    assert result.returncode == 0, result.log[-3000:]
    got = {item["id"]: item for item in result.items}
    assert set(got) == set(truth["articles"])
    for article_id, want in truth["articles"].items():
        assert got[article_id]["related"] == want["related"], article_id
    assert _stat(result.log, "links/resolved") > 0
    assert _stat(result.log, "links/unresolved") == 0
