"""Rendering pages that need a browser (scrapy-playwright), while plain pages stay on HTTP.

- :mod:`newsbot.browser.config`: pure decisions (mode, which pages need rendering, which
  Chromium to launch with which flags, which in-page requests to block).
- :mod:`newsbot.browser.pagework`: what runs in a rendered page (wait for entries, load more,
  wait for script-filled parts).
- :mod:`newsbot.browser.middleware`: the downloader middleware that routes requests.
- :mod:`newsbot.browser.addon`: turns it all on when a browser may be used.
"""
