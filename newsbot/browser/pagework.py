"""What a rendered page does before its HTML is handed to the spider.

:func:`settle` runs as a scrapy-playwright ``PageMethod``: it waits for article links (not
for a fixed time), loads more entries by clicking a "Load more"-labelled control or by
scrolling, until no new entries appear or ``max_pages`` is reached, and waits for the parts
the profile marks as script-filled. Every wait has a timeout; a page that never fills is
handed over as it is.
"""

from __future__ import annotations

import logging
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

logger = logging.getLogger(__name__)

# window.__newsbot helpers, defined once per page by settle().
_HELPERS = r"""
(patterns) => {
  const rx = [];
  for (const p of patterns) { try { rx.push(new RegExp(p)); } catch (e) {} }
  const isArticle = (a) => {
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#') || href.startsWith('javascript:')) return false;
    let path;
    try { path = new URL(href, document.baseURI).pathname; } catch (e) { return false; }
    return rx.some((r) => r.test(path));
  };
  const links = (root) => {
    let n = 0;
    for (const a of root.querySelectorAll('a[href]')) if (isArticle(a)) n++;
    return n;
  };
  window.__newsbot = {
    count: () => links(document),
    filled: (selectors) => selectors.every((sel) => {
      let parts;
      try { parts = document.querySelectorAll(sel); } catch (e) { return true; }
      return Array.from(parts).every((el) => links(el) > 0);
    }),
    clickMore: (labels) => {
      const wanted = new Set(labels);
      const candidates = document.querySelectorAll('button, [role=button], a, input[type=button]');
      for (const el of candidates) {
        if (el.tagName === 'A') {
          const href = (el.getAttribute('href') || '').trim();
          // a real link is a next page the spider follows itself, not a control
          if (href && href !== '#' && !href.startsWith('javascript:')) continue;
        }
        if (el.disabled || el.getAttribute('aria-disabled') === 'true') continue;
        if (!el.getClientRects().length) continue;
        const label = (el.innerText || el.value || el.getAttribute('aria-label') || '')
          .trim().replace(/\s+/g, ' ').toLowerCase();
        if (!wanted.has(label)) continue;
        el.scrollIntoView({block: 'center'});
        el.click();
        return true;
      }
      return false;
    },
    scroll: () => {
      const root = document.scrollingElement || document.documentElement;
      window.scrollTo(0, root.scrollHeight);
      window.dispatchEvent(new Event('scroll'));
    },
  };
}
"""


# Each wait installs the helpers itself on its first poll: one round trip per wait.
_ENSURE = "if (!window.__newsbot) (" + _HELPERS.strip() + ")(a.patterns);"
_HAS_ENTRIES = "(a) => { " + _ENSURE + " return window.__newsbot.count() > 0; }"
_FILLED = "(a) => { " + _ENSURE + " return window.__newsbot.filled(a.fill); }"
_POLL_MS = 50


async def _count(page: Page) -> int:
    return int(await page.evaluate("() => window.__newsbot.count()"))


async def _grew(page: Page, before: int, timeout_ms: int) -> bool:
    try:
        await page.wait_for_function(
            "(n) => window.__newsbot.count() > n", arg=before, timeout=timeout_ms, polling=_POLL_MS
        )
    except PlaywrightTimeout:
        return False
    return True


async def settle(page: Page, plan: dict[str, Any]) -> dict[str, Any]:
    """Wait for entries, load more up to the bound, wait for script-filled parts.

    Returns what happened (``entries``, ``rounds``, ``stopped``), also stored by
    scrapy-playwright as the ``PageMethod``'s result.
    """
    report: dict[str, Any] = {"rounds": 1, "stopped": "single"}
    arg = {"patterns": plan["article_patterns"], "fill": plan.get("fill") or []}
    try:
        if plan.get("wait_entries"):
            try:
                await page.wait_for_function(
                    _HAS_ENTRIES, arg=arg, timeout=plan["entries_timeout_ms"], polling=_POLL_MS
                )
            except PlaywrightTimeout:
                report["stopped"] = "no_entries"
                return report
            report["stopped"] = "bound"
            while report["rounds"] < plan["max_pages"]:
                before = await _count(page)
                clicked = await page.evaluate(
                    "(labels) => window.__newsbot.clickMore(labels)", plan["labels"]
                )
                if not clicked:
                    await page.evaluate("() => window.__newsbot.scroll()")
                timeout = plan["more_timeout_ms"] if clicked else plan["scroll_timeout_ms"]
                if not await _grew(page, before, timeout):
                    report["stopped"] = "no_more"
                    break
                report["rounds"] += 1
        if plan.get("fill"):
            try:
                await page.wait_for_function(
                    _FILLED, arg=arg, timeout=plan["fill_timeout_ms"], polling=_POLL_MS
                )
            except PlaywrightTimeout:
                report["unfilled"] = True
        if plan.get("wait_entries"):
            report["entries"] = await _count(page)
    except PlaywrightError as exc:  # a page that breaks mid-way is handed over as it is
        report["error"] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        logger.debug("settle %s: %s", page.url, report["error"])
    return report
