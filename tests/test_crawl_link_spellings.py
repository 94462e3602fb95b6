"""An article whose first link is broken is fetched at another address it is linked at.

Sites link one article under several spellings (`/en/article/<id>/`, `<id>.html`,
`<id>/index.html`: blind site 71, Jekyll). The run schedules an article once, at the first
address it meets; when that address fails for good (a 404 behind a broken spelling), an
article linked elsewhere under another spelling must not be lost."""

from __future__ import annotations

import re

from tests.conftest import run_crawl
from tests.support.snapshot_site import SnapshotServer, load_site


def _stat(log: str, name: str) -> int:
    found = re.search(rf"'newsbot/{re.escape(name)}': (\d+)", log)
    return int(found[1]) if found else 0


def test_an_article_whose_first_link_is_a_404_is_read_at_its_other_spelling(tmp_path):
    pages, truth = load_site("jekyll_pages")
    home = pages["/en"]
    # the first article the English home links (as `/en/article/<id>/`): that spelling is
    # now a 404; related entries on other pages still link it as `<id>.html` and
    # `<id>/index.html`
    first = re.search(r'href="(/en/article/([0-9a-f]{32})/)"', home)
    assert first is not None
    broken, article_id = first[1], first[2]
    del pages[broken]
    assert any(f"/en/article/{article_id}.html" in html for html in pages.values())

    with SnapshotServer(pages) as server:
        result = run_crawl(server, ["/en", "/"], tmp_path, args={"related_depth": 5})

    assert result.returncode == 0, result.log[-3000:]
    ids = [item["id"] for item in result.items]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(truth["articles"])  # the article with the broken link too
    item = next(item for item in result.items if item["id"] == article_id)
    assert item["title"] == truth["articles"][article_id]["title"]
    assert item["body"]
    assert _stat(result.log, "pages/failed/http_404") >= 1
    assert _stat(result.log, "articles/fetched_elsewhere") == 1
    # the log says which address failed and where the article was fetched instead
    said = rf"Article {article_id} failed at \S+{article_id}/\W.*fetching it at \S+{article_id}"
    assert re.search(said, result.log)
