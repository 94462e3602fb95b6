"""A line cleaned in the middle of a made-up story, as it would sit in an article's body."""

from __future__ import annotations

from newsbot.cleaning import CleanResult, NoiseRules, clean_blocks

# A short made-up report, in English and in Arabic, for a line to be cleaned inside.
FLOOD_BARRIER = [
    "The river authority opened a new flood barrier at the old mill on Friday.",
    "Engineers said the barrier could hold back water two metres above the usual level.",
    "Residents on the lower terraces had been flooded three times in five years.",
]
FLOOD_BARRIER_AR = [
    "افتتحت هيئة النهر حاجزا جديدا للفيضانات عند الطاحونة القديمة يوم الجمعة.",
    "وقال المهندسون إن الحاجز يمكنه صد المياه بارتفاع مترين فوق المستوى المعتاد.",
    "وكانت منازل المدرجات السفلى قد غمرتها المياه ثلاث مرات في خمس سنوات.",
]


def is_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


# where the flood-barrier tests set the line under test: before the story's third paragraph
FLOOD_AT = 2


def in_story(body: list[str], *lines: str, at: int = FLOOD_AT) -> list[str]:
    """``body`` with ``lines`` set before its paragraph ``at``."""
    return [*body[:at], *lines, *body[at:]]


def clean_in_story(
    line: str, rules: NoiseRules, story: list[str], story_ar: list[str], at: int
) -> tuple[CleanResult, list[str]]:
    """``line`` set before paragraph ``at`` of the story in its language (``story_ar`` for an
    Arabic line), cleaned: the result, and the story's paragraphs."""
    body = story_ar if is_arabic(line) else story
    return clean_blocks(in_story(body, line, at=at), rules), body


def clean_in_flood_story(line: str, rules: NoiseRules) -> tuple[CleanResult, list[str]]:
    """``line`` cleaned as the third paragraph of the flood-barrier story (the Arabic one for
    an Arabic line): the result, and the story's paragraphs."""
    return clean_in_story(line, rules, FLOOD_BARRIER, FLOOD_BARRIER_AR, at=FLOOD_AT)


def assert_removed_from_flood_story(line: str, rules: NoiseRules) -> None:
    """``line``, set in the flood-barrier story, leaves the story and only the story."""
    result, body = clean_in_flood_story(line, rules)
    assert result.kept == body, result.removed


def assert_kept_in_flood_story(line: str, rules: NoiseRules) -> None:
    """``line``, set in the flood-barrier story, stays whole, and so does the story."""
    result, body = clean_in_flood_story(line, rules)
    assert result.kept == in_story(body, line), result.removed


def assert_cut_in_flood_story(line: str, sentence: str, rules: NoiseRules) -> None:
    """``line``, set in the flood-barrier story, leaves ``sentence`` (the line without the
    noise glued to it) and the story."""
    assert sentence != line
    result, body = clean_in_flood_story(line, rules)
    assert result.kept == in_story(body, sentence), result.removed
