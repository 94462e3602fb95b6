"""A body shipped twice: the second copy of a run of paragraphs dropped.

Responsive site builders (Framer, Wix, some page builders) render the story once per screen
width and hide all but one copy with a media query, which a reader without the style sheet
cannot apply (pages round 53: a Framer page's whole body, twice). A run of at least
``MIN_RUN`` paragraphs that repeats an earlier run word for word, long enough to be no
chorus or refrain (``MIN_RUN_CHARS``), is that copy; the earlier one stays.
"""

from __future__ import annotations

MIN_RUN = 3
MIN_RUN_CHARS = 300


def without_repeated_runs(blocks: list[str]) -> list[str]:
    """``blocks`` with each later copy of a repeated run of paragraphs left out."""
    first_at: dict[str, int] = {}
    drop: set[int] = set()
    j = 0
    while j < len(blocks):
        earlier = first_at.get(blocks[j])
        if earlier is not None:
            run = _run_length(blocks, earlier, j)
            if run >= MIN_RUN and sum(len(b) for b in blocks[j : j + run]) >= MIN_RUN_CHARS:
                drop.update(range(j, j + run))
                j += run
                continue
        first_at.setdefault(blocks[j], j)
        j += 1
    return [b for i, b in enumerate(blocks) if i not in drop] if drop else blocks


def _run_length(blocks: list[str], earlier: int, later: int) -> int:
    """How many paragraphs from ``later`` repeat those from ``earlier`` (the copy may not
    reach into itself)."""
    n = 0
    while (
        later + n < len(blocks) and earlier + n < later and blocks[earlier + n] == blocks[later + n]
    ):
        n += 1
    return n
