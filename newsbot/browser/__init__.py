"""Rendering pages that need a browser (scrapy-playwright), while plain pages stay on HTTP.

- :mod:`newsbot.browser.needs`: pure decisions: what a plainly fetched page lacks, and so
  whether a browser could help.
- :mod:`newsbot.browser.config`: pure settings (mode, which Chromium to launch with which
  flags, which in-page requests to block, what a rendered page is asked to do).
- :mod:`newsbot.browser.pagework`: what runs in a rendered page (watch the DOM, network and
  timers, wait until it settles, load more).
- :mod:`newsbot.browser.middleware`: the downloader middleware that routes requests.
- :mod:`newsbot.browser.cache`: HTTP cache storages that keep rendered pages apart.
- :mod:`newsbot.browser.addon`: turns it all on when a browser may be used.
"""
