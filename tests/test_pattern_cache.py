"""The rule pattern cache (newsbot.cleaning.pattern_cache): a warm cache loads the same rules
without reading a pattern's tree again, and nothing it holds, lacks or fails to write changes
what the cleaner removes or lets a bad pattern through."""

from __future__ import annotations

import json

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules, pattern_cache, rules
from newsbot.cleaning.pattern_cache import FILE_NAME
from newsbot.cleaning.rules import NoiseRulesError

LINES = [
    "The ferry will run twice a day from Monday, the operator said.",
    "Sign up to our free morning newsletter for the day's top stories.",
    "Story continues below advertisement",
    "Follow us on Instagram and TikTok for the latest updates.",
    "Copyright 2026 Harbour Herald. All rights reserved.",
    "Residents can sign up for the open day at the library.",
]


def cleaned(noise_rules) -> tuple[list[str], list[str]]:
    result = clean_blocks(LINES, noise_rules)
    return result.kept, [r.rule for r in result.removed]


@pytest.fixture
def uncached(monkeypatch):
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", "")
    return cleaned(load_noise_rules(None, pitch=False))


def test_a_warm_cache_gives_the_same_rules_without_reading_a_pattern_again(
    tmp_path, monkeypatch, uncached
):
    assert len(uncached[1]) >= 4  # the rules at work: four of the lines are noise
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(tmp_path))
    cold = load_noise_rules(None, pitch=False)
    assert (tmp_path / FILE_NAME).is_file()
    assert cleaned(cold) == uncached

    def must_not_run(*args, **kwargs):
        raise AssertionError("a cached pattern's factors were read again")

    monkeypatch.setattr(pattern_cache, "required_factors", must_not_run)
    warm = load_noise_rules(None, pitch=False)
    assert cleaned(warm) == uncached
    assert warm.index.factors == cold.index.factors


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        json.dumps({"version": "another build", "factors": {}, "compiles": []}),
        json.dumps({"version": None, "factors": [1, 2], "compiles": "x"}),
    ],
)
def test_a_broken_or_foreign_file_only_costs_time(tmp_path, monkeypatch, uncached, content):
    (tmp_path / FILE_NAME).write_text(content)
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(tmp_path))
    assert cleaned(load_noise_rules(None, pitch=False)) == uncached
    assert json.loads((tmp_path / FILE_NAME).read_text())["version"] == (
        pattern_cache.code_version()
    )


def test_a_file_that_says_a_pattern_needs_nothing_it_could_hold_is_ignored(
    tmp_path, monkeypatch, uncached
):
    """Entries of the wrong shape (an empty list would switch a rule off) are read as absent."""
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(tmp_path))
    load_noise_rules(None, pitch=False)
    data = json.loads((tmp_path / FILE_NAME).read_text())
    data["factors"] = {key: [] for key in data["factors"]}
    (tmp_path / FILE_NAME).write_text(json.dumps(data))
    assert cleaned(load_noise_rules(None, pitch=False)) == uncached


def test_an_unwritable_cache_directory_never_stops_the_rules(tmp_path, monkeypatch, uncached):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(blocker / "newsbot"))
    assert cleaned(load_noise_rules(None, pitch=False)) == uncached


def test_a_bad_pattern_is_still_reported_with_a_warm_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(tmp_path))
    load_noise_rules(None, pitch=False)
    kinds = tmp_path / "kinds.toml"
    kinds.write_text(
        '[[kind]]\nid = "broken"\nwhat = "an operator\'s typo"\n\n'
        "[kind.line]\nen = ['Follow us on (Instagram']\n"
    )
    with pytest.raises(NoiseRulesError, match="broken"):
        load_noise_rules(None, kinds_path=kinds, pitch=False)


def test_the_cache_is_off_when_its_variable_is_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_noise_rules(None, pitch=False)
    assert not any(tmp_path.rglob(FILE_NAME))
    assert rules.PatternCache.default().directory is None


def test_no_cache_when_the_codes_source_cannot_be_read(tmp_path, monkeypatch, uncached):
    """Inside an egg whose loader gives no source, the code's version is unknown: a file from
    another build could hold stale answers, so none is read or written."""
    monkeypatch.setattr(pattern_cache, "_source", lambda module: None)
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(tmp_path))
    assert cleaned(load_noise_rules(None, pitch=False)) == uncached
    assert not (tmp_path / FILE_NAME).exists()


def test_the_version_reads_a_zipped_modules_source_through_its_loader(tmp_path, monkeypatch):
    """scrapyd runs the project from an egg (a zip): the loader gives the source."""
    import importlib
    import zipfile

    egg = tmp_path / "probe.egg"
    with zipfile.ZipFile(egg, "w") as archive:
        archive.writestr("probe_module_for_cache.py", "VALUE = 1\n")
    monkeypatch.syspath_prepend(str(egg))
    module = importlib.import_module("probe_module_for_cache")
    assert pattern_cache._source(module) == b"VALUE = 1\n"
