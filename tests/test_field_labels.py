"""Header fields printed after their labels (extract.field_labels): `Source:Reuters`, `Date
Posted:14 hours ago`, `التصنيف:أخبار`, as a CMS's attribute blocks print them (blind site
85). Read without Scrapy."""

from __future__ import annotations

import pytest

from newsbot.extract.field_labels import labelled_field, without_labels


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Source:Independent", ("source", "Independent")),
        ("Source: The National", ("source", "The National")),
        ("Date Posted:14 hours ago", ("age", "14 hours ago")),
        ("Published on: 3 hours ago", ("age", "3 hours ago")),
        ("Category:News", ("category", "News")),
        ("Filed under: Business", ("category", "Business")),
        ("المصدر:عكاظ", ("source", "عكاظ")),
        ("تاريخ النشر: منذ ساعة واحدة", ("age", "منذ ساعة واحدة")),
        ("التصنيف:أخبار", ("category", "أخبار")),
        ("Rubrique : Sport", ("category", "Sport")),
        ("Date Posted:", ("age", "")),
    ],
)
def test_a_field_printed_after_its_label_is_read_as_that_field(text, field):
    assert labelled_field(text) == field


@pytest.mark.parametrize(
    "text",
    [
        "Warning: the bridge will close at 10pm",  # a line of the story with a colon
        "He said: the source of the leak is unknown",
        "Source of funding remains unclear",  # the word, no label
        "Independent",
        "Note: 14 hours ago the road was open",
    ],
)
def test_a_line_with_no_label_we_know_is_no_field(text):
    assert labelled_field(text) is None


@pytest.mark.parametrize(
    ("prefix", "bare"),
    [
        ("Date Posted:", ""),
        ("Source: Reuters · Date:", "Reuters"),
        ("Reuters", "Reuters"),
        ("تاريخ النشر:", ""),
        ("Updated: 2 Dec · Date Posted:", "Updated: 2 Dec"),
    ],
)
def test_the_labels_before_an_age_are_dropped_and_the_source_kept(prefix, bare):
    assert without_labels(prefix) == bare
