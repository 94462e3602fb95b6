"""A body shipped twice (one copy per screen width) is read once; repeats within a story stay."""

from __future__ import annotations

from newsbot.extract.repeats import without_repeated_runs

STORY = [
    "The council voted on Tuesday to close the Harbour Road depot by the end of next year.",
    "Officials said the site had cost more to run than any other depot in the district, "
    "and that its roof would need replacing within three years.",
    "Workers will move to the new yard at Kell Point, which opens in the spring. About forty "
    "drivers are based at Harbour Road.",
    "Union representatives said they had not been consulted before the vote and would ask "
    "for a meeting with the council's leader.",
]


def test_the_second_copy_of_the_whole_body_is_left_out():
    assert without_repeated_runs(STORY + ["Subscribe"] + STORY) == STORY + ["Subscribe"]


def test_a_copy_of_part_of_the_body_is_left_out_too():
    assert without_repeated_runs(STORY + STORY[1:]) == STORY


def test_a_chorus_a_repeated_quote_and_short_refrains_stay():
    chant = ["Whose streets?", "Our streets!", "Whose streets?", "Our streets!"] * 2
    assert without_repeated_runs(chant) == chant  # short lines: no 300-character run
    quoted = [*STORY[:2], STORY[0], *STORY[2:]]  # one paragraph quoted again
    assert without_repeated_runs(quoted) == quoted
