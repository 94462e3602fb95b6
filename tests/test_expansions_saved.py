"""The expansion bookkeeping a stopped JOBDIR job keeps for the run that resumes it
(``newsbot.distributed.expansion.LocalExpansions``), without Scrapy."""

from __future__ import annotations

import json

import pytest

from newsbot.distributed.expansion import LocalExpansions


def test_a_listing_after_the_resume_finds_what_the_stopped_run_fetched_unexpanded(tmp_path):
    stopped = LocalExpansions()
    assert stopped.fetched_unexpanded("a1", "http://127.0.0.1/a1") is False
    stopped.listed("b2")
    path = tmp_path / "newsbot.expansions.json"
    stopped.save(path)

    resumed = LocalExpansions.load(path)
    assert resumed.listed("a1") == "http://127.0.0.1/a1"  # fetch it again, follow its related
    assert resumed.listed("a1") is None  # once
    # the stopped run saw b2 on a listing: fetched now without its related, it is expanded
    assert resumed.fetched_unexpanded("b2", "http://127.0.0.1/b2") is True


def test_a_closer_path_after_the_resume_is_followed_once_and_kept_for_a_second_stop(tmp_path):
    stopped = LocalExpansions(track_depths=True)
    stopped.parsed_at("c3", "http://127.0.0.1/c3", 2)
    stopped.parsed_at("c3", "http://127.0.0.1/c3", 3)  # a longer path later changes nothing
    stopped.parsed_at("d4", "http://127.0.0.1/d4", 0)  # a listing's: nothing to catch up
    path = tmp_path / "state.json"
    stopped.save(path)

    resumed = LocalExpansions.load(path, track_depths=True)
    assert resumed.closer("c3", 2) is None  # not closer
    assert resumed.closer("d4", 0) is None
    assert resumed.closer("c3", 1) == "http://127.0.0.1/c3"
    assert resumed.closer("c3", 1) is None
    resumed.parsed_at("e5", "http://127.0.0.1/e5", 1)
    resumed.save(path)

    again = LocalExpansions.load(path, track_depths=True)
    assert again.closer("c3", 0) == "http://127.0.0.1/c3"  # depth 1 was kept, 0 is closer
    assert again.closer("e5", 0) == "http://127.0.0.1/e5"


def test_depths_are_not_kept_unless_asked():
    plain = LocalExpansions()  # no JOBDIR, or related_depth 1: nothing to keep
    plain.parsed_at("c3", "http://127.0.0.1/c3", 2)
    assert plain.depths == {}


@pytest.mark.parametrize(
    "content",
    ["", "{", "[]", json.dumps({"listed": {}, "unexpanded": {}}), json.dumps({"listed": []})],
    ids=["empty", "torn", "a list", "wrong types", "a key missing"],
)
def test_a_damaged_file_is_refused_with_the_error_the_resume_logs(tmp_path, content):
    path = tmp_path / "newsbot.expansions.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError):
        LocalExpansions.load(path)
