"""Worker processes for a crawl's CPU-heavy pure work: reading pages, cleaning bodies.

``tasks`` is what runs in a worker (free of Scrapy); ``pool`` is the crawl's side.
"""
