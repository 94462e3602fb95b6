"""Noise removal for article text: pure functions, no Scrapy needed.

>>> from newsbot.profiles import load_profile
>>> rules = load_noise_rules(load_profile("daily8"))  # None: no site's chrome, outlets' only
>>> clean_blocks(["First paragraph.", "Photo: Reuters", "Hashtags"], rules).kept
['First paragraph.']
"""

from newsbot.cleaning.clean import (
    CleanResult,
    LineOutcome,
    Removal,
    clean_blocks,
    clean_text,
    clean_title,
    trace,
)
from newsbot.cleaning.config import settings_path
from newsbot.cleaning.learner import BoilerplateLearner
from newsbot.cleaning.rules import (
    NoiseRules,
    NoiseRulesError,
    OutletRule,
    for_site,
    load_noise_rules,
)

__all__ = [
    "BoilerplateLearner",
    "CleanResult",
    "LineOutcome",
    "NoiseRules",
    "NoiseRulesError",
    "OutletRule",
    "Removal",
    "clean_blocks",
    "clean_text",
    "clean_title",
    "for_site",
    "load_noise_rules",
    "settings_path",
    "trace",
]
