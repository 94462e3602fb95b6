"""Golden extraction files: for every registered site with a folder under tests/golden/, each
stored page read by the site's own spider (the one ``scrapy crawl <site>`` runs) gives the
expected records: title, source, body, times, related, hashtags, captions, and the requests
it follows. Regenerate with ``python -m tests.golden`` (README: "Golden extraction files")."""

from __future__ import annotations

import pytest

from newsbot.profiles import load_profile, registered_sites
from tests.support.golden import GOLDEN, all_cases, cases, expected, golden_sites, read_case

CASES = list(all_cases())


def test_every_site_with_goldens_is_registered_and_has_pages():
    folders = sorted(p.name for p in GOLDEN.iterdir() if any(p.glob("*.meta.json")))
    assert "daily8" in folders
    assert set(folders) <= set(registered_sites()), "a golden folder for no registered site"
    for site in golden_sites():
        assert cases(site), f"tests/golden/{site}/ has no stored pages"


@pytest.mark.parametrize(("site", "case"), CASES, ids=[f"{s}/{c}" for s, c in CASES])
def test_stored_page_gives_the_expected_records(site, case):
    got = read_case(site, case)
    want = expected(site, case)
    assert got, f"{site}/{case}: the spider made nothing of the page"
    for n, (record, wanted) in enumerate(zip(got, want, strict=False)):
        for field in sorted(set(record) | set(wanted)):
            assert record.get(field) == wanted.get(field), f"{site}/{case} record {n}: {field}"
    assert len(got) == len(want), f"{site}/{case}: {len(got)} records, expected {len(want)}"
    profile = load_profile(site)
    if profile.kind != "republisher":
        return
    for record in got:  # the site's own article pages: ids by its profile's article pattern
        if "id" in record:
            assert profile.article_id(record["url"]) == (record["id"], record["language"])
