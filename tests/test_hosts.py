"""The per-origin host decisions give the same answers as reading each whole URL."""

from __future__ import annotations

from urllib.parse import urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbot.spiders.hosts import MAX_CACHED_ORIGINS, HostPolicy

ALLOWED = ("127.0.0.1", "daily8.com")
MIRRORS = ("test.daily8.com",)
ID = "a" * 32


def whole_url_decision(url: str) -> bool:
    """The decision made from the whole URL, as the spider made it before origins were cached."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host:
        return False
    return any(host == d or host.endswith("." + d) for d in ALLOWED)


PIECES = st.sampled_from(
    ["http", "https", "HTTP", "ftp", "javascript", ":", "//", "/", "?", "#", "@", "[", "]",
     "::1", "127.0.0.1", ":8008", "daily8.com", "www.", "test.", "evil-", ".", "\t", " ", "\n",
     "\\", "%2F", "en/article/" + ID, "x=http://127.0.0.1/"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=10).map("".join))
def test_fetchable_matches_reading_the_whole_url(url: str) -> None:
    policy = HostPolicy(ALLOWED, MIRRORS)
    # asked twice: the cached answer must be the same as the first
    assert policy.fetchable(url) == whole_url_decision(url)
    assert policy.fetchable(url) == whole_url_decision(url)


def test_links_on_the_same_origin_share_one_decision_but_not_across_schemes():
    policy = HostPolicy(ALLOWED, MIRRORS)
    assert policy.fetchable(f"http://127.0.0.1:8008/en/article/{ID}")
    assert policy.fetchable(f"http://127.0.0.1:8008/ar/article/{ID}?x=1#y")
    assert not policy.fetchable(f"ftp://127.0.0.1:8008/en/article/{ID}")
    assert policy.fetchable(f"https://www.daily8.com/en/article/{ID}")
    assert not policy.fetchable(f"https://evil-daily8.com/en/article/{ID}")
    assert not policy.fetchable(f"http://[::1/en/article/{ID}")


def test_mirror_links_are_rewritten_to_the_host_the_crawl_is_on():
    policy = HostPolicy(ALLOWED, MIRRORS, canonical_host="www.daily8.com")
    on_mirror = f"http://test.daily8.com/en/article/{ID}?utm=x#top"
    assert policy.canonical_url(on_mirror, "http://127.0.0.1:8008/en") == (
        f"http://127.0.0.1:8008/en/article/{ID}?utm=x"
    )
    # found on the mirror itself: the site's canonical host
    assert policy.canonical_url(on_mirror, "http://test.daily8.com/en") == (
        f"http://www.daily8.com/en/article/{ID}?utm=x"
    )
    plain = f"http://127.0.0.1:8008/en/article/{ID}"
    assert policy.canonical_url(plain, "http://test.daily8.com/en") == plain


def test_a_page_full_of_distinct_hosts_does_not_grow_the_cache_without_bound():
    policy = HostPolicy(ALLOWED, MIRRORS)
    for n in range(MAX_CACHED_ORIGINS * 3):
        assert not policy.fetchable(f"http://host{n}.example/en/article/{ID}")
    assert len(policy._origins) <= MAX_CACHED_ORIGINS
    assert policy.fetchable(f"http://127.0.0.1:8008/en/article/{ID}")


def test_on_a_copy_the_sites_own_full_addresses_are_read_on_the_copy():
    # a crawl started on loopback: the pages still link to www.daily8.com (a Laravel APP_URL)
    policy = HostPolicy(ALLOWED, MIRRORS, canonical_host="www.daily8.com", copy_of=["daily8.com"])
    copy = "http://127.0.0.1:8008/en"
    assert policy.canonical_url(f"https://www.daily8.com/en/article/{ID}", copy) == (
        f"http://127.0.0.1:8008/en/article/{ID}"
    )
    assert policy.canonical_url("https://www.daily8.com/en?page=3", copy) == (
        "http://127.0.0.1:8008/en?page=3"
    )
    assert policy.canonical_url("https://daily8.com/?page=2", copy) == (
        "http://127.0.0.1:8008/?page=2"
    )
    # another site is not the copy's
    other = "https://evil-daily8.com/en"
    assert policy.canonical_url(other, copy) == other


def test_on_the_site_itself_its_links_stay_as_they_are():
    policy = HostPolicy(ALLOWED, MIRRORS, canonical_host="www.daily8.com")
    link = f"https://www.daily8.com/en/article/{ID}"
    assert policy.canonical_url(link, "https://www.daily8.com/en") == link
