"""A line read as a source or a category (`looks_like_name`) is never a template's unfilled
variable: uCoz's `$MODULE_NAME$` stood in a breadcrumb where a category would (blind site 82)."""

from __future__ import annotations

import pytest

from newsbot.extract.text import looks_like_name


@pytest.mark.parametrize(
    "text", ["$MODULE_NAME$", "<?$ENTRY_TITLE$?>", "{{ category }}", "%%SECTION%%", "[xfvalue_cat]"]
)
def test_an_unfilled_template_variable_is_no_name(text):
    assert not looks_like_name(text)


@pytest.mark.parametrize("text", ["Reuters", "Sky News", "News", "أخبار", "$1bn Fund"])
def test_names_stay_names(text):
    assert looks_like_name(text)
