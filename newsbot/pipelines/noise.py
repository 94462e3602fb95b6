"""NoisePipeline: a thin Scrapy adapter over :mod:`newsbot.cleaning`.

Reads ``title``, ``body_blocks`` (or, when re-run over an export, ``body``), ``teaser`` and
``figure_captions`` (what the page marks as captions: they go to ``image_captions``, without
their credits, never to the body); writes the cleaned ``title``, ``body`` and
``image_captions``. The boilerplate learner sees
what each item kept after cleaning, so items later in a crawl benefit from what earlier ones
taught it (the first few articles of a source may keep a promo that later ones lose).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

import tomllib
from itemadapter import ItemAdapter

from newsbot import settings as defaults
from newsbot.cleaning import BoilerplateLearner, NoiseRules, clean_blocks, clean_title, for_site
from newsbot.cleaning.clean import CleanResult, clean_article, strip_leading_title
from newsbot.cleaning.rules import NoiseRulesError, load_noise_rules
from newsbot.exitcodes import UsageError
from newsbot.profiles import ProfileNotFound, load_profile, shown_path
from newsbot.usage import not_utf8
from newsbot.workers.pool import TaskFailed, WorkerPool, WorkersUnavailable, crawl_workers
from newsbot.workers.tasks import clean_body_and_captions

logger = logging.getLogger(__name__)

STATS_PREFIX = "newsbot/noise"
_PARAGRAPHS = re.compile(r"\n\s*\n")


def _noise_problem(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        tried = Path(exc.filename).absolute() if exc.filename else None
        looked = f" ({tried})" if tried and str(tried) != str(exc.filename) else ""
        return f"no such file{looked}; expected a noise file like settings/noise.toml"
    if isinstance(exc, tomllib.TOMLDecodeError):
        return f"not valid TOML ({exc})"
    if isinstance(exc, NoiseRulesError):
        return f"bad rule: {exc}"
    if isinstance(exc, UnicodeDecodeError):
        return not_utf8(exc)
    return f"cannot be read ({type(exc).__name__}: {exc})"


def _noise_file(exc: Exception, noise_file: str | None, kinds_file: str | None) -> str:
    """The file the error is in: the kinds file (ops round 7: its TOML error was named as
    settings/noise.toml) or the noise file, as the operator named it."""
    if getattr(exc, "noise_kinds_file", None) is not None:
        if kinds_file:
            return f"NEWSBOT_NOISE_KINDS_FILE={kinds_file!r}"
        return shown_path("noise_kinds.toml")
    if noise_file:
        return f"NEWSBOT_NOISE_FILE={noise_file!r}"
    return shown_path("noise.toml")


def _add_captions(adapter: ItemAdapter, found: list[str]) -> None:
    """``found`` after the item's ``image_captions``, those it already has left out."""
    if found:
        captions = list(adapter.get("image_captions") or [])
        adapter["image_captions"] = captions + [c for c in found if c not in captions]


class NoisePipeline:
    def __init__(
        self,
        *,
        noise_file: str | None = None,
        kinds_file: str | None = None,
        threshold: int = 5,
        sources: int = 5,
        keep_removed: bool = False,
        stats: Any = None,
        workers: WorkerPool | None = None,
        crawl_site: str | None = None,
        model: bool = True,
    ) -> None:
        # the outlet and kind layers (and the pitch model); each item gets the site layer of
        # its own aggregator
        self.rules = load_noise_rules(
            None, noise_path=noise_file or None, kinds_path=kinds_file or None, pitch=model
        )
        self._site_rules: dict[str | None, NoiseRules] = {None: self.rules}
        learns = threshold > 0 or sources > 0
        self.learner = BoilerplateLearner(threshold, sources=sources) if learns else None
        self.keep_removed = keep_removed
        self.stats = stats
        self.workers = workers
        # workers get the rules of the crawl's own site (and of none); items of other sites
        # (a reprocessed export) are cleaned in this process
        self._worker_sites: frozenset[str | None] = frozenset()
        if workers is not None:
            sites = {None, crawl_site}
            workers.provide("noise_rules", {site: self.rules_for(site) for site in sites})
            self._worker_sites = frozenset(sites)

    def rules_for(self, site: str | None) -> NoiseRules:
        """The rules for items found on the aggregator ``site`` (None: on no aggregator)."""
        rules = self._site_rules.get(site)
        if rules is None:
            try:
                profile = load_profile(site) if site else None
            except ProfileNotFound:  # an export of a site no longer registered
                logger.warning("No site profile %r: its items get no site noise rules", site)
                profile = None
            rules = self._site_rules[site] = for_site(self.rules, profile)
        return rules

    @classmethod
    def from_crawler(cls, crawler: Any) -> NoisePipeline:
        settings = crawler.settings
        noise_file = settings.get("NEWSBOT_NOISE_FILE") or None
        kinds_file = settings.get("NEWSBOT_NOISE_KINDS_FILE") or None
        try:
            threshold = settings.getint(
                "NEWSBOT_BOILERPLATE_THRESHOLD", defaults.NEWSBOT_BOILERPLATE_THRESHOLD
            )
            sources = settings.getint(
                "NEWSBOT_BOILERPLATE_SOURCES", defaults.NEWSBOT_BOILERPLATE_SOURCES
            )
        except ValueError:
            raise UsageError(
                "NEWSBOT_BOILERPLATE_THRESHOLD/NEWSBOT_BOILERPLATE_SOURCES: not a whole number; "
                "expected 0 (no learning) or more"
            ) from None
        try:
            model = settings.getbool("NEWSBOT_NOISE_MODEL", defaults.NEWSBOT_NOISE_MODEL)
        except ValueError:
            raise UsageError(
                "NEWSBOT_NOISE_MODEL: expected 1/0, true/false (the learned pitch layer on or off)"
            ) from None
        try:
            return cls(
                noise_file=noise_file,
                kinds_file=kinds_file,
                threshold=threshold,
                sources=sources,
                keep_removed=settings.getbool(
                    "NEWSBOT_KEEP_REMOVED", defaults.NEWSBOT_KEEP_REMOVED
                ),
                model=model,
                stats=crawler.stats,
                workers=crawl_workers(crawler),
                crawl_site=getattr(crawler.spidercls, "profile_name", None) or None,
            )
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, NoiseRulesError) as exc:
            raise UsageError(
                f"{_noise_file(exc, noise_file, kinds_file)}: {_noise_problem(exc)}"
            ) from None

    async def _clean(
        self, blocks: list[str], figures: Any, url: Any, site: str | None, **ctx: Any
    ) -> tuple[CleanResult, CleanResult]:
        """The body (``clean_blocks``, with the lines learned so far) and the figure
        captions, in a worker when there is one; here when there is none or it failed on
        this text."""
        if self.workers is not None and self.workers.active and site in self._worker_sites:
            learner = self.learner
            learned = learner.snapshot(ctx.get("source") or "") if learner is not None else None
            try:
                return await self.workers.run(
                    clean_body_and_captions, blocks, figures, learned, site, **ctx
                )
            except WorkersUnavailable:  # logged once by the pool
                pass
            except TaskFailed as exc:  # a worker lost on hostile text
                logger.warning("Cleaning %s in the crawl process: %s", url, exc)
        return clean_article(blocks, figures, self.rules_for(site), learner=self.learner, **ctx)

    async def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        site = adapter.get("aggregator") or None
        rules = self.rules_for(site)
        source = adapter.get("source") or ""
        ctx: dict[str, Any] = {
            "language": adapter.get("language") or "en",
            "source": source or None,
            "category": adapter.get("category") or None,
        }
        title = clean_title(adapter.get("title") or "", rules)
        if "title" in adapter or title:
            adapter["title"] = title
        blocks = adapter.get("body_blocks")
        if blocks is None:
            body = adapter.get("body")
            blocks = _PARAGRAPHS.split(body) if isinstance(body, str) and body else []
        if isinstance(blocks, str):
            blocks = [blocks]
        blocks = [b for b in blocks if isinstance(b, str)]
        result, figures = await self._clean(
            blocks, adapter.get("figure_captions"), adapter.get("url"), site, title=title, **ctx
        )
        if self.learner is not None:
            # learn from what this article kept; later articles of the source lose a line
            # once it has been seen in `threshold` of them (cleaning once keeps this cheap)
            self.learner.observe(source, str(adapter.get("id") or adapter.get("url")), result.kept)
        adapter["body"] = "\n\n".join(result.kept)
        _add_captions(adapter, result.captions)
        _add_captions(adapter, figures.captions)
        removed = [*result.removed, *figures.removed]
        teaser = adapter.get("teaser")
        if isinstance(teaser, str) and teaser.strip() and not result.kept:
            # Only a teaser is known (often the whole article in one paragraph): it becomes
            # the body, with the noise glued into it cut out.
            short = clean_blocks(
                [strip_leading_title(teaser, title)],
                rules,
                title=title,
                captions=False,
                **ctx,
            )
            adapter["body"] = " ".join(short.kept)
            removed += short.removed
        for key in ("body_blocks", "teaser", "figure_captions"):
            if key in adapter:
                del adapter[key]
        self._count(removed)
        if self.keep_removed or (removed and not adapter["body"].strip()):
            # an emptied body is dropped next, naming the rules that emptied it
            adapter["removed"] = [{"text": r.text, "rule": r.rule} for r in removed]
        return item

    def _count(self, removed: list[Any]) -> None:
        if self.stats is None or not removed:
            return
        self.stats.inc_value(f"{STATS_PREFIX}/removed", len(removed))
        for rule, count in Counter(r.rule for r in removed).items():
            self.stats.inc_value(f"{STATS_PREFIX}/removed/{rule}", count)

    def close_spider(self) -> None:
        learned = self.learner.learned() if self.learner is not None else {}
        count = sum(len(v) for v in learned.values())
        if self.stats is not None:
            self.stats.set_value(f"{STATS_PREFIX}/learned", count)
        for source, lines in sorted(learned.items()):
            logger.info("Learned boilerplate for %s (%d lines): %r", source, len(lines), lines)
        shared = self.learner.shared() if self.learner is not None else []
        if self.stats is not None:
            self.stats.set_value(f"{STATS_PREFIX}/learned_shared", len(shared))
        if shared:
            logger.info("Learned chrome across sources (%d lines): %r", len(shared), shared)
