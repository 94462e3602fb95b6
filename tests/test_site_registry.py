"""The site registry: one typed profile per site, every component taking the site from the
item or request it handles (never a default site), and a spider for every profile."""

from __future__ import annotations

import asyncio
import shutil

import pytest
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from newsbot.cleaning import clean_blocks, load_noise_rules
from newsbot.pipelines.noise import NoisePipeline
from newsbot.pipelines.timestamps import TimestampPipeline
from newsbot.profiles import ProfileError, load_profile, registered_sites
from newsbot.spiders.aggregator import AggregatorSpider
from newsbot.spiders.daily8 import Daily8Spider
from newsbot.spiders.loader import SiteSpiderLoader
from tests.conftest import ROOT

BLOCKS = ["The bridge reopened on Monday.", "Hashtags", "Related Articles", "Another title"]


@pytest.fixture
def settings_dir(tmp_path, monkeypatch):
    folder = tmp_path / "settings"
    shutil.copytree(ROOT / "settings", folder)
    monkeypatch.setenv("NEWSBOT_SETTINGS_DIR", str(folder))
    load_profile.cache_clear()
    yield folder
    load_profile.cache_clear()


def _other_site(folder, name="otherwire", **changes):
    text = (folder / "daily8.toml").read_text(encoding="utf-8")
    text = text.replace('name = "daily8"', f'name = "{name}"')
    text = text.replace('"Hashtags"', '"Tags"')  # its own label where Daily8 prints Hashtags
    text = text.replace('timezone = "UTC"', 'timezone = "Asia/Tokyo"')
    for old, new in changes.items():
        text = text.replace(old, new)
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")


def test_the_registry_lists_every_profile_with_its_kind(settings_dir):
    shipped = {"daily8": "republisher", "river": "river"}
    assert registered_sites() == shipped  # noise.toml etc. are no profiles
    _other_site(settings_dir)
    assert registered_sites() == {**shipped, "otherwire": "republisher"}
    assert load_profile("otherwire").kind == "republisher"
    assert "Tags" in load_profile("otherwire").chrome["en"].block


def test_an_unknown_kind_is_one_line_naming_the_file(settings_dir):
    _other_site(settings_dir, **{'browser = "never"': 'browser = "never"\nkind = "republsher"'})
    with pytest.raises(ProfileError) as error:
        load_profile("otherwire")
    message = str(error.value)
    assert "settings/otherwire.toml" in message and "did you mean 'republisher'" in message


def test_noise_rules_come_from_the_items_own_site(settings_dir):
    _other_site(settings_dir)
    pipe = NoisePipeline.from_crawler(
        get_crawler(settings_dict={"NEWSBOT_WORKERS": 0, "NEWSBOT_BOILERPLATE_THRESHOLD": 0})
    )

    def body(aggregator):
        item = {"url": "https://x.test/a", "aggregator": aggregator, "title": "T"}
        return asyncio.run(pipe.process_item({**item, "body_blocks": list(BLOCKS)}))["body"]

    assert body("daily8") == "The bridge reopened on Monday."
    # another site: its own chrome ("Tags"), not Daily8's "Hashtags", which stays text there
    assert "Hashtags" in body("otherwire")
    # found on no aggregator (scrapy crawl article): no site's chrome at all
    # (generic rules still know a "Related Articles" heading ends a body)
    assert body(None) == "The bridge reopened on Monday.\n\nHashtags"
    assert clean_blocks(BLOCKS, load_noise_rules(None)).kept[:2] == BLOCKS[:2]


def test_times_are_read_in_the_items_own_sites_zone(settings_dir):
    _other_site(settings_dir)
    pipe = TimestampPipeline.from_crawler(get_crawler(settings_dict={}))

    def published(aggregator):
        candidate = {"text": "20-11-2026 09:30", "slot": "header", "anchor": "2026-11-25T12:00:00Z"}
        item = {"url": "u", "aggregator": aggregator, "time_candidates": [candidate]}
        return pipe.process_item(item)["published_at"]

    assert published("daily8") == "2026-11-20T09:30:00Z"
    assert published("otherwire") == "2026-11-20T00:30:00Z"  # Asia/Tokyo
    assert published(None) == "2026-11-20T09:30:00Z"  # no site: UTC, not a fallback profile


def test_a_profile_without_a_class_gets_a_spider_of_its_kind(settings_dir):
    _other_site(settings_dir)
    loader = SiteSpiderLoader.from_settings(Settings({"SPIDER_MODULES": ["newsbot.spiders"]}))
    assert sorted(loader.list()) == ["article", "daily8", "otherwire", "river"]
    assert loader.load("daily8") is Daily8Spider  # a site's own class wins
    made = loader.load("otherwire")
    assert issubclass(made, AggregatorSpider) and made.profile_name == "otherwire"
    spider = made.from_crawler(get_crawler(made, {"NEWSBOT_WORKERS": 0}))
    assert spider.profile.timezone == "Asia/Tokyo"
    assert made.claims_url("https://www.daily8.com/en")  # scrapy parse finds it by its domains
    with pytest.raises(KeyError):
        loader.load("otherwyre")


def test_a_broken_new_profile_is_still_a_site_with_its_own_error(settings_dir):
    (settings_dir / "brokenwire.toml").write_text('name = "brokenwire"\n[urls\n', encoding="utf-8")
    assert "brokenwire" in registered_sites()  # so scrapy crawl brokenwire names the file
    with pytest.raises(ProfileError) as error:
        load_profile("brokenwire")
    assert "settings/brokenwire.toml is not valid TOML" in str(error.value)


def test_a_profile_is_named_as_its_file(settings_dir):
    _other_site(settings_dir, name="otherwire")
    (settings_dir / "otherwire.toml").rename(settings_dir / "renamed.toml")
    with pytest.raises(ProfileError) as error:
        load_profile("renamed")
    assert "settings/renamed.toml" in str(error.value) and "name = 'renamed'" in str(error.value)


@pytest.mark.parametrize(
    ("written", "wrong", "expected"),
    [
        # ops round 7: the string "false" was read as true, and the crawl followed listings
        ("follow_listings = true", 'follow_listings = "false"',
         ["[river] follow_listings = 'false'", "true or false"]),
        ("min_headline_words = 3", 'min_headline_words = "3"',
         ["[river] min_headline_words", "whole number"]),
        ('redirect_params = ["u", "url"]', 'redirect_params = "u"',
         ["[urls] redirect_params = 'u'", "a list of strings"]),
        # every page of the river read as a redirect out of it: not one article found
        ("redirect = ['^/r/[^/]+/?$', '^/click/?$']", "redirect = ['.*']",
         ["[urls] redirect pattern '.*' also matches the listing", "redirect links only"]),
        ("story = '^/story/(?P<story>[^/?#]+)/?$'", "story = '^/'",
         ["[urls] story pattern '^/' also matches the listing", "story pages only"]),
        ("interstitial = ['^/consent/?$']", "interstitial = 3",
         ["[urls] interstitial = 3", "regular expression"]),
    ],
)  # fmt: skip
def test_a_river_value_of_the_wrong_type_or_reach_is_named(settings_dir, written, wrong, expected):
    river = settings_dir / "river.toml"
    text = river.read_text(encoding="utf-8")
    assert written in text
    river.write_text(text.replace(written, wrong), encoding="utf-8")
    with pytest.raises(ProfileError) as error:
        load_profile("river")
    message = str(error.value)
    assert "settings/river.toml" in message and all(p in message for p in expected), message
