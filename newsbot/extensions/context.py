"""What every component may know about the run, in one place: ``crawler.get_extension(RunContext)``.

Components never read spider attributes for this: the spider hands its validated
arguments (``spider.args``: :class:`newsbot.spiders.arguments.CrawlArguments` or
``PageArguments``) over once, here, when the crawler builds its extensions (the spider
exists by then), and the run's start time is taken here.

- ``started_at``: the run's start (UTC), in export names (``%(time)s``) and summaries;
- ``since``: articles older than this are not wanted (``-a since``), or None;
- ``related_depth``: how many related hops are followed (``-a related_depth``);
- ``fresh``: ignore the seen-store this run (``-a fresh=1``);
- ``max_articles``: stop scheduling articles after this many, or None.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any


class RunContext:
    def __init__(
        self,
        started_at: datetime | None = None,
        since: datetime | None = None,
        related_depth: int = 1,
        fresh: bool = False,
        max_articles: int | None = None,
    ) -> None:
        self.started_at = started_at or datetime.now(timezone.utc)
        self.since = since
        self.related_depth = related_depth
        self.fresh = fresh
        self.max_articles = max_articles

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunContext:
        args = getattr(getattr(crawler, "spider", None), "args", None)
        return cls(
            since=getattr(args, "since", None),
            related_depth=int(getattr(args, "related_depth", 1)),
            fresh=bool(getattr(args, "fresh", False)),
            max_articles=getattr(args, "max_articles", None),
        )


def run_context(crawler: Any) -> RunContext:
    """The run's context. Read from the crawler's spider when asked while the extensions
    are being built (another extension's ``from_crawler``), or when this extension is off;
    a default one (now, no arguments) without a crawler (a component built in a test)."""
    get = getattr(crawler, "get_extension", None)
    try:
        found = get(RunContext) if get is not None else None
    except RuntimeError:  # asked while the extensions are being built
        found = None
    if found is not None:
        return found
    return RunContext.from_crawler(crawler) if crawler is not None else RunContext()
