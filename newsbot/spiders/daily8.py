"""Daily8 (www.daily8.com): everything site-specific is in settings/daily8.toml."""

from newsbot.spiders.aggregator import AggregatorSpider


class Daily8Spider(AggregatorSpider):
    name = "daily8"
    profile_name = "daily8"
