"""Layer 2: structural junk that Daily8's own markup leaves in the text.

Each check takes one normalised line and returns a rule id, or ``None`` to keep the line.
"""

from __future__ import annotations

import re

from newsbot.cleaning.rules import NoiseRules
from newsbot.cleaning.text import repeated_unit, strip_bullet

#: What the record's source name becomes in a sentence the kinds' ``own`` shapes read (a
#: private-use character: never in text, ``{outlet}`` in their patterns).
OUTLET = "\ue001"

_AGE_EN = (
    r"(?:(?:about|over|almost|nearly|less than) )?"
    r"(?:a few seconds|a second|a minute|an hour|a day|a week|a month"
    r"|\d{1,2} (?:seconds|minutes|hours|days|weeks|months)) ago"
    r"|\d{2}-\d{2}-\d{4}"
)
_AGE_AR = (
    r"منذ (?:(?:\d{1,2}|[\u0660-\u0669]{1,2}|بضع|بضعة|عدة) )?"
    r"(?:ثوان[ٍ]?|ثانية|لحظات|دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام"
    r"|أسبوع|أسبوعين|أسابيع|شهر|شهرين|أشهر)(?: واحدة| واحد)?"
)
_OTHER_AGES = re.compile(
    r"(?:about |over )?\d{1,3} (?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?)"
    r" ago(?:\s*·\s*.{1,30}| News desk)?"
    r"|on \d{4}-\d{2}-\d{2} at \d{1,2}:\d{2}"
    r"|just now",
    re.I,
)
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_ENCODED_TAG = re.compile(r"%3[CcEe]|&lt;|&gt;|&#x?[0-9a-fA-F]+;")
# A CSS rule's selector: classes, ids, pseudo-classes, attributes and HTML's element names,
# never prose (`The code uses {:.class} syntax` lost its first three words as a selector chain
# of "descendants", and a line of prose before a brace went whole)
_ELEMENT = (
    r"(?:a|abbr|article|aside|audio|b|blockquote|body|button|canvas|circle|code|dd|div|dl|dt|em"
    r"|fieldset|figcaption|figure|footer|form|g|h[1-6]|header|hr|html|i|iframe|img|input|label"
    r"|li|main|nav|ol|p|path|picture|pre|rect|section|select|small|span|strong|sub|sup|svg"
    r"|table|tbody|td|textarea|th|thead|tr|u|ul|video)(?![\w-])"
)
_COMPOUND = (
    r"(?:[.#][\w-]+|\*|::?[\w-]+|\[[^\]{}]*\]|" + _ELEMENT + r")"
    r"(?:[.#][\w-]+|::?[\w-]+(?:\([^(){}]*\))?|\[[^\]{}]*\])*"
)
_SELECTOR = (
    r"(?:" + _COMPOUND + r"(?:\s*[,>+~]\s*" + _COMPOUND + r"|\s+" + _COMPOUND + r")*"
    r"|@[\w-]+[^{};]{0,120})"
)
_CSS = re.compile(_SELECTOR + r"\s*\{[^{}]*:[^{}]*\}")
# (not a sentence ending in a Markdown attribute list, `... online. {:.highlight}`: blind site
# 71; the noise kinds cut the list)
_CSS_LINE = re.compile(r"(?![^{}]*\{:[^{}]*\}\s*$)\s*" + _SELECTOR + r"\s*\{.*:.*\}\s*")
_URL_TAIL = re.compile(r"(?:^|(?<=\S))(?:[?&][\w.-]+=[\w%.,:/-]*){2,}\)?|^[?&][\w.-]+=[\w%.-]*\)")
_URL_LINE = re.compile(
    r"(?:https?://|www\.|/_next/|/wp-content/)\S+|\S+\.(?:jpe?g|png|webp|gif)\S*"
)
_JS_JUNK = re.compile(r"undefined|null|NaN|\[object Object\]|\{\}|\[\]", re.I)


# what an outlet's name may end with besides its name proper
_GENERIC_TAIL = re.compile(r"\s+(?:Online|Digital|Web|Portal|Live|Today|Media|Network)$", re.I)
# a language edition's name: `Nordpost English` is also `Nordpost` (a brand, one word will do)
_EDITION_TAIL = re.compile(r"\s+(?:English|Arabic|French|International|Global|Edition)$", re.I)
_BRAND_MIN = 5  # letters of a one-word brand left by an edition's tail
# an Arabic outlet's name around its name proper: what kind of outlet it is before it
# (`وكالة آفاق الصحراء للأنباء` is also `آفاق الصحراء`) and generic words after it (`دانة
# الاقتصادية` is also `دانة`, `X نيوز` also `X`)
_AR_KIND_HEAD = re.compile(r"^(?:وكالة|صحيفة|جريدة|موقع|قناة|مجلة|شبكة|بوابة|منصة|إذاعة)\s+")
_AR_GENERIC_TAIL = re.compile(
    r"\s+(?:الاقتصادية|الاقتصادي|الإخبارية|الاخبارية|الإخباري|الاخباري|نيوز|أونلاين|اونلاين|"
    r"الرقمية|الإلكترونية|الالكترونية|للأنباء|للانباء|الرياضية|الرياضي|الدولية)$"
)
_AR_BRAND_MIN = 3  # letters of what is left: Arabic names are short (`دانة`)


def _with_and_without_the(names: set[str]) -> set[str]:
    """Each name, and each with its leading ``The`` dropped or one added."""
    return names | {n[4:] if n.casefold().startswith("the ") else "the " + n for n in names}


def _own_name_pattern(source: str | None) -> re.Pattern[str] | None:
    """The record's source as a sentence may name it: with or without ``The``, whole words
    only, and its web address (``Foxnews.com``, ``www.valleytribune.co.uk``; a link into the
    site, ``https://apnews.com/climate``, points to a page and is left alone, as wire copy
    ends with one that fundus-eval's marked bodies keep)."""
    name = " ".join((source or "").split())
    if not name:
        return None
    spelled = {name}
    short = _GENERIC_TAIL.sub("", name)  # `Lubombo Times Online` is also `Lubombo Times`
    if short != name and len(short.split()) >= 2:
        spelled.add(short)
    brand = _EDITION_TAIL.sub("", name)
    if brand != name and (len(brand.split()) >= 2 or len(brand) >= _BRAND_MIN):
        spelled.add(brand)
    proper = _AR_KIND_HEAD.sub("", _AR_GENERIC_TAIL.sub("", name))
    if proper != name and len(proper.replace(" ", "")) >= _AR_BRAND_MIN:
        spelled.add(proper)
    spelled = _with_and_without_the(spelled)
    squashed = re.sub(r"\W+", "", name.casefold())
    if squashed.startswith("the") and len(squashed) > 6:
        squashed = squashed[3:]
    tld = r"(?:com|org|net|news|tv|fm|co\.\w\w|com\.\w\w)"
    address = rf"(?:www\.)?(?:the)?{re.escape(squashed)}\.{tld}"
    # a name of words may follow a slash (`Jens Aalto/Lumen Science`, a picture's credit);
    # one word or an address after a slash is a link's path (`apnews.com/climate`)
    spaced = [re.escape(n) for n in sorted(spelled, key=len, reverse=True) if " " in n]
    single = [re.escape(n) for n in sorted(spelled, key=len, reverse=True) if " " not in n]
    alternatives = [rf"(?<![\w./])(?:{'|'.join([address, *single])})"]
    if spaced:  # tried first: the longest spelling that is there (`هولير اليوم`, not `هولير`)
        alternatives.insert(0, rf"(?<![\w.])(?<!//)(?:{'|'.join(spaced)})")
    return re.compile(rf"(?:{'|'.join(alternatives)})(?![\w/]|\.\w)", re.I)


class Structural:
    """Per-article structural checks (the title, source and category are known here)."""

    def __init__(
        self,
        rules: NoiseRules,
        *,
        title: str | None = None,
        source: str | None = None,
        category: str | None = None,
    ) -> None:
        self.rules = rules
        self.title = (title or "").casefold().strip() or None
        prefix = re.escape(rules.age_prefix)
        glued_src = r"(?:.{1,60}?[^\s])?"  # a source may end in digits: `Meridian 2414 hours ago`
        self.age = re.compile(
            rf"{glued_src}(?:{prefix})?(?:{_AGE_EN})|(?:.{{1,60}}?[^\s])?(?:{prefix})?(?:{_AGE_AR})",
            re.I,
        )
        self.own_name = _own_name_pattern(source)
        self.echo_names = frozenset(
            _with_and_without_the({n.casefold() for n in (source, category) if n})
        )

    def names_the_outlet(self, text: str) -> bool:
        """Whether ``text`` names the record's source (its name or its web address)."""
        return self.own_name is not None and self.own_name.search(text) is not None

    def with_own_name_marked(self, sentence: str) -> str | None:
        """The sentence with the record's source name written as :data:`OUTLET` (``OUTLET is
        part of ...``, ``Follow OUTLET on X``), or None when it does not name the source."""
        if self.own_name is None:
            return None
        marked, found = self.own_name.subn(OUTLET, sentence)
        return marked if found else None

    def check(self, line: str) -> str | None:
        rules = self.rules
        folded = line.casefold()
        if line in rules.lone_markers:
            return "lone_hash" if line == "#" else "icon_alt"
        if folded in rules.icon_alt:
            return "icon_alt"
        if rules.chrome_lines and folded in rules.chrome_lines:
            return "chrome"
        if rules.listing_heading is not None and rules.listing_heading.fullmatch(line):
            return "chrome"
        if rules.gallery_counter.fullmatch(line):
            return "gallery_counter"
        if self._is_title(folded):
            return "title_echo"
        if self._is_list_echo(line):
            return "list_echo"
        if self._is_age(line, folded):
            return "age"
        if self._is_encoded(line):
            return "encoded_markup"
        return None

    def _is_age(self, line: str, folded: str) -> bool:
        if self.age.fullmatch(line) or _OTHER_AGES.fullmatch(line):
            return True
        prefix = self.rules.age_prefix.casefold()
        bare = folded[len(prefix) :] if folded.startswith(prefix) else folded
        return bare in self.rules.unreadable_ages

    def _is_title(self, folded: str) -> bool:
        if self.title and (folded == self.title or repeated_unit(folded) == self.title):
            return True
        # A related entry's title, written twice or three times (image alt + heading).
        unit = repeated_unit(folded, min_len=12)
        return unit is not None and any(ch.isalpha() for ch in unit)

    def _is_list_echo(self, line: str) -> bool:
        text, bulleted = strip_bullet(line)
        folded = text.casefold()
        if folded in self.echo_names or folded in self.rules.categories:
            return True
        # Any source name Daily8 prints in a source slot, bulleted or bare: never prose. Bare,
        # it is printed in the source's own case (`What's On`; the copy's `What's on` heads
        # its list of events).
        if bulleted:
            return folded in self.rules.known_sources
        return text in self.rules.known_source_names

    def _is_encoded(self, line: str) -> bool:
        if _JS_JUNK.fullmatch(line) or _URL_LINE.fullmatch(line):
            return True
        escapes = len(_PERCENT.findall(line))
        if _ENCODED_TAG.search(line) and escapes * 3 >= len(line) * 0.2:
            return True  # URL-encoded markup: any text inside it is markup, not prose
        if _CSS_LINE.fullmatch(line):
            return True
        rest = strip_encoded(line)
        return not rest.strip(" ;,.)(")


def strip_encoded(line: str) -> str:
    """``line`` without encoded markup, CSS rules and leaked URL tails."""
    if len(_ENCODED_TAG.findall(line)) >= 2:
        kept = [t for t in line.split(" ") if not _PERCENT.search(t) and "&lt;" not in t]
        line = " ".join(kept)
    # Both patterns need these characters: skip the backtracking regexes on ordinary prose.
    if "{" in line:
        line = _CSS.sub(" ", line)
    if "=" in line:
        line = _URL_TAIL.sub(" ", line)
    return " ".join(line.split())
