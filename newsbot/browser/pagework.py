"""What runs in a rendered page before its HTML is handed to the spider.

Nothing here knows the site. :func:`watch` (scrapy-playwright's page init callback) installs,
before any of the page's own script runs, a watcher that records when the DOM last changed
(a ``MutationObserver``), which ``fetch``/``XMLHttpRequest`` calls and script loads are in
flight, and which short timers (``setTimeout`` up to 3 s, a few hops deep: the "load the data
after a moment" of single-page apps, not a clock ticking forever) are pending.

:func:`settle` then waits, polling inside the page on animation frames, until the page has
settled: nothing in flight or pending, the DOM unchanged for ``quiet_ms``, and what the page
kind needs present (a listing's article links; an article's title and a paragraph of body;
entries after a "Related Articles" label; the profile's script-filled parts where it names
some). A page that is quiet but still lacks something is scrolled down a screen at a time, for
parts that load when scrolled into view. Every wait is bounded by ``settle_timeout_ms``; there
are no fixed sleeps. A page still lacking something after the bound is handed over as it is,
with ``missing`` in the report (the middleware counts and logs it). Listings then load more
entries: a "Load more"-labelled control is clicked, or the page scrolled, until no new entries
appear or ``max_pages`` is reached.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

logger = logging.getLogger(__name__)

# Installed before the page's scripts run (page.add_init_script): window.__nbw.
WATCH_JS = r"""
(() => {
  if (window.__nbw) return;
  const MAX_TIMER_MS = 3000, MAX_HOPS = 4;
  const now = () => performance.now();
  const w = window.__nbw = {changed: now(), activity: now(), net: new Map(), timers: new Map(),
                            seq: 0, hops: 0};
  const begin = () => { const id = ++w.seq; w.net.set(id, now()); w.activity = now(); return id; };
  const end = (id) => { w.net.delete(id); w.activity = now(); };
  const watchScript = (node) => {
    if (node.nodeName !== 'SCRIPT' || !node.src) return;
    const id = begin();
    node.addEventListener('load', () => end(id));
    node.addEventListener('error', () => end(id));
  };
  try {
    new MutationObserver((records) => {
      w.changed = now();
      for (const r of records) for (const n of r.addedNodes) watchScript(n);
    }).observe(document, {subtree: true, childList: true, characterData: true});
  } catch (e) {}
  const F = window.fetch;
  if (typeof F === 'function') {
    window.fetch = function () {
      const id = begin();
      let p;
      try { p = F.apply(this, arguments); } catch (e) { end(id); throw e; }
      p.then(() => end(id), () => end(id));
      return p;
    };
  }
  const X = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (X && X.send) {
    const send = X.send;
    X.send = function () {
      const id = begin();
      this.addEventListener('loadend', () => end(id));
      try { return send.apply(this, arguments); } catch (e) { end(id); throw e; }
    };
  }
  const ST = window.setTimeout, CT = window.clearTimeout;
  window.setTimeout = function (fn, ms) {
    const delay = Number(ms) || 0;
    const hop = w.hops + (delay >= 50 ? 1 : 0);
    if (typeof fn !== 'function' || delay > MAX_TIMER_MS || hop > MAX_HOPS) {
      return ST.apply(this, arguments);
    }
    const rest = Array.prototype.slice.call(arguments, 2);
    let handle;
    const run = function () {
      w.timers.delete(handle);
      const saved = w.hops;
      w.hops = hop;
      try { return fn.apply(this, rest); } finally { w.hops = saved; }
    };
    handle = ST.call(this, run, delay);
    w.timers.set(handle, now() + delay);
    return handle;
  };
  window.clearTimeout = function (handle) {
    w.timers.delete(handle);
    return CT.apply(this, arguments);
  };
})();
"""

# window.__newsbot helpers: what the page holds. Defined once per page, on the first poll.
_HELPERS = r"""
(a) => {
  const rx = [];
  for (const p of a.patterns) { try { rx.push(new RegExp(p)); } catch (e) {} }
  const isArticle = (el) => {
    const href = el.getAttribute('href');
    if (!href || href.startsWith('#') || href.startsWith('javascript:')) return false;
    let url;
    try { url = new URL(href, document.baseURI); } catch (e) { return false; }
    if (a.offsite && /^https?:$/.test(url.protocol) && url.host !== location.host) return true;
    return rx.some((r) => r.test(url.pathname));
  };
  const links = (root) => {
    let n = 0;
    for (const el of root.querySelectorAll('a[href]')) if (isArticle(el)) n++;
    return n;
  };
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
  const fold = (t) => (t || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const hasTitle = () => {
    for (const el of document.querySelectorAll('h1, [role=heading][aria-level="1"]')) {
      if (fold(el.textContent)) return true;
    }
    const og = document.querySelector('meta[property="og:title"]');
    if (og && fold(og.getAttribute('content'))) return true;
    return /"headline"\s*:/.test(Array.from(
      document.querySelectorAll('script[type="application/ld+json"]'),
      (s) => s.textContent).join(' '));
  };
  const hasParagraph = () => {
    // some element whose own text (its text nodes together) reads like a paragraph
    const body = document.body;
    if (!body) return false;
    const own = new Map();
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || SKIP.has(parent.nodeName)) continue;
      const block = parent.closest('p, div, li, section, article, td, blockquote, main') || parent;
      const text = (own.get(block) || '') + ' ' + node.nodeValue;
      own.set(block, text);
      const words = text.trim().split(/\s+/);
      if (text.trim().length >= a.minChars && words.length >= a.minWords) return true;
    }
    return false;
  };
  const relatedEmpty = () => {
    if (!a.related.length) return false;
    const labels = new Set(a.related);
    for (const el of document.body ? document.body.querySelectorAll('*') : []) {
      if (SKIP.has(el.nodeName) || el.children.length > 2) continue;
      if (!labels.has(fold(el.textContent).replace(/:$/, ''))) continue;
      for (const link of document.querySelectorAll('a[href]')) {
        if ((el.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING)
            && isArticle(link)) return false;
      }
      return true;
    }
    return false;
  };
  const filled = (selectors) => selectors.every((sel) => {
    let parts;
    try { parts = document.querySelectorAll(sel); } catch (e) { return true; }
    return Array.from(parts).every((el) => links(el) > 0);
  });
  window.__newsbot = {
    count: () => links(document),
    missing: () => {
      const out = [];
      if (a.kind === 'listing') {
        if (!links(document)) out.push('entries');
      } else if (a.kind === 'article') {
        if (!hasTitle()) out.push('title');
        if (!hasParagraph()) out.push('body');
        if (relatedEmpty()) out.push('related');
      }
      if (a.fill.length && !filled(a.fill)) out.push('script_filled');
      return out;
    },
    settled: () => {
      // polled on every animation frame: what the page holds is looked at 4 times a second
      if (!window.__newsbot.quiet()) return false;
      const t = performance.now();
      if (window.__newsbot.checked === undefined || t - window.__newsbot.checked >= 250) {
        window.__newsbot.checked = t;
        window.__newsbot.lacking = window.__newsbot.missing();
        // quiet but lacking: parts that load when scrolled into view (lazy "Related",
        // infinite feeds) need a reader; scroll down one screen at a time
        if (window.__newsbot.lacking.length) window.__newsbot.step();
      }
      return !window.__newsbot.lacking.length;
    },
    quiet: () => {
      const w = window.__nbw;
      if (!w) return true;  // no watcher (page not opened by newsbot): nothing to wait for
      const t = performance.now();
      for (const started of w.net.values()) if (t - started < a.staleMs) return false;
      if (w.timers.size) return false;
      return t - Math.max(w.changed, w.activity) >= a.quietMs;
    },
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
    step: () => {
      const doc = document.scrollingElement || document.documentElement;
      if (window.scrollY + window.innerHeight < doc.scrollHeight - 1) {
        window.scrollBy(0, Math.max(200, window.innerHeight - 100));
      }
    },
    scroll: () => {
      const root = document.scrollingElement || document.documentElement;
      window.scrollTo(0, root.scrollHeight);
      window.dispatchEvent(new Event('scroll'));
    },
  };
}
"""

_ENSURE = "if (!window.__newsbot) (" + _HELPERS.strip() + ")(a);"
# settled: quiet, and nothing the page kind needs is missing
_SETTLED = "(a) => { " + _ENSURE + " return window.__newsbot.settled(); }"
_QUIET = "(a) => { " + _ENSURE + " return window.__newsbot.quiet(); }"
_MISSING = "(a) => { " + _ENSURE + " return window.__newsbot.missing(); }"
# Polled on animation frames, not timers: the page's timers are what the watcher counts.
_POLL = "raf"
# A fetch still open after this long is a long poll or a stream, not the page's data.
STALE_MS = 5_000
MIN_PARAGRAPH_CHARS = 60
MIN_PARAGRAPH_WORDS = 8


async def watch(page: Page, request: Any) -> None:
    """scrapy-playwright's ``playwright_page_init_callback``: runs before navigation."""
    await page.add_init_script(WATCH_JS)


async def _until(page: Page, predicate: str, arg: Any, timeout_ms: float) -> bool:
    if timeout_ms <= 0:
        return bool(await page.evaluate(predicate, arg))
    try:
        await page.wait_for_function(predicate, arg=arg, timeout=timeout_ms, polling=_POLL)
    except PlaywrightTimeout:
        return False
    return True


async def _count(page: Page) -> int:
    return int(await page.evaluate("() => window.__newsbot.count()"))


async def settle(page: Page, plan: dict[str, Any]) -> dict[str, Any]:
    """Wait until the page has settled (bounded), then load more entries on listings.

    Returns what happened (``waited_ms``, ``missing``, ``entries``, ``rounds``, ``stopped``),
    also stored by scrapy-playwright as the ``PageMethod``'s result.
    """
    started = time.monotonic()
    bound = plan["settle_timeout_ms"]
    listing = plan["kind"] == "listing"
    report: dict[str, Any] = {"rounds": 1, "stopped": "single"}
    arg = {
        "patterns": plan["article_patterns"],
        "offsite": bool(plan.get("offsite_entries")),
        "fill": plan.get("fill") or [],
        "kind": plan["kind"],
        "related": plan.get("related_labels") or [],
        "quietMs": plan["quiet_ms"],
        "staleMs": STALE_MS,
        "minChars": MIN_PARAGRAPH_CHARS,
        "minWords": MIN_PARAGRAPH_WORDS,
    }

    def left_ms() -> float:
        return bound - (time.monotonic() - started) * 1000

    try:
        if not await _until(page, _SETTLED, arg, bound):
            missing = list(await page.evaluate(_MISSING, arg))
            if missing:
                report["missing"] = missing
                report["bound_ms"] = bound
            else:
                report["busy"] = True  # content there, but the page never went quiet
        if listing and "missing" in report:
            report["stopped"] = "no_entries"
        elif listing:
            report["stopped"] = "bound"
            while report["rounds"] < plan["max_pages"]:
                before = await _count(page)
                clicked = await page.evaluate(
                    "(labels) => window.__newsbot.clickMore(labels)", plan["labels"]
                )
                if not clicked:
                    await page.evaluate("() => window.__newsbot.scroll()")
                timeout = plan["more_timeout_ms"] if clicked else plan["scroll_timeout_ms"]
                grew = "(n) => window.__newsbot.count() > n"
                if not await _until(page, grew, before, timeout):
                    report["stopped"] = "no_more"
                    break
                report["rounds"] += 1
                # let the new entries finish arriving before the next round or the snapshot
                await _until(page, _QUIET, arg, max(plan["quiet_ms"] * 4, min(left_ms(), 3000)))
            report["entries"] = await _count(page)
    except PlaywrightError as exc:  # a page that breaks mid-way is handed over as it is
        report["error"] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        logger.debug("settle %s: %s", page.url, report["error"])
    report["waited_ms"] = round((time.monotonic() - started) * 1000)
    return report
