"""Arabic relative ages as printed by moment.js's ``ar`` locale: ``منذ 3 ساعات``."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo

from .model import ParsedTime, local_midnight, minus_months

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DROP = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640", "\u200f", "\u200e"}
_ALEF = {"أ": "ا", "إ": "ا", "آ": "ا"}
_UNMARKED = dict.fromkeys(map(ord, _DROP))

# normalised stem -> (unit, count or None when a number precedes it)
_UNIT_WORDS = {
    "ثانية": ("s", 1), "ثانيه": ("s", 1), "ثانيتين": ("s", 2), "ثانيتان": ("s", 2),
    "ثوان": ("s", None), "ثواني": ("s", None),
    "دقيقة": ("m", 1), "دقيقه": ("m", 1), "دقيقتين": ("m", 2), "دقيقتان": ("m", 2),
    "دقائق": ("m", None), "دقايق": ("m", None),
    "ساعة": ("h", 1), "ساعه": ("h", 1), "ساعتين": ("h", 2), "ساعتان": ("h", 2),
    "ساعات": ("h", None), "سوايع": ("h", None),  # (Maghrebi plural: ages round 48)
    "يوم": ("d", 1), "يوما": ("d", 1), "يومين": ("d", 2), "يومان": ("d", 2),
    "ايام": ("d", None),
    "اسبوع": ("w", 1), "اسبوعا": ("w", 1), "اسبوعين": ("w", 2), "اسبوعان": ("w", 2),
    "اسابيع": ("w", None),
    "شهر": ("mo", 1), "شهرا": ("mo", 1), "شهرين": ("mo", 2), "شهران": ("mo", 2),
    "اشهر": ("mo", None), "شهور": ("mo", None),
    "عام": ("y", 1), "عاما": ("y", 1), "عامين": ("y", 2), "عامان": ("y", 2),
    "اعوام": ("y", None), "سنة": ("y", 1), "سنه": ("y", 1), "سنتين": ("y", 2),
    "سنتان": ("y", 2), "سنوات": ("y", None),
}  # fmt: skip
# number words before a plural unit (`منذ ثلاث ساعات`, `خمس دقائق`), alef unified
_NUMBER_WORDS = {
    "ثلاث": 3, "ثلاثة": 3, "ثلاثه": 3, "اربع": 4, "اربعة": 4, "اربعه": 4, "خمس": 5, "خمسة": 5,
    "خمسه": 5, "ست": 6, "ستة": 6, "سته": 6, "سبع": 7, "سبعة": 7, "سبعه": 7, "ثمان": 8,
    "ثماني": 8, "ثمانية": 8, "ثمانيه": 8, "تسع": 9, "تسعة": 9, "تسعه": 9, "عشر": 10,
    "عشرة": 10, "عشره": 10,
}  # fmt: skip
# the tens, before a singular unit (`منذ عشرين دقيقة`: twenty minutes)
_TENS_WORDS = {
    "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40,
    "خمسين": 50, "خمسون": 50,
}  # fmt: skip
# the units before عشر/عشرة in 11-19 (`إحدى عشرة ساعة`, `خمس عشرة دقيقة`), alef unified
_TEEN_UNITS = {"احدى": 1, "احد": 1, "اثنتا": 2, "اثنتي": 2, "اثنا": 2, "اثني": 2,
               **{w: n for w, n in _NUMBER_WORDS.items() if n < 10}}  # fmt: skip
# the units before و and the tens in 21-59 (`خمس وعشرين`, `واحد وعشرين`)
_ONES = {**_TEEN_UNITS, "واحد": 1, "واحدة": 1}


def _either(words: dict[str, int]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_NUMBER = (
    "(?:"
    + _either(_TEEN_UNITS)
    + r"\s+(?:عشرة|عشره|عشر)"  # 11-19
    + "|"
    + _either(_ONES)
    + r"\s+و\s*"
    + _either(_TENS_WORDS)  # 21-59
    + "|"
    + "|".join(sorted({**_NUMBER_WORDS, **_TENS_WORDS}, key=len, reverse=True))
    + ")"
)


def _word_number(words: str) -> int:
    """The value of a number in words `_NUMBER` matched (`خمس عشرة` 15, `خمس وعشرين` 25)."""
    parts = words.split()
    if len(parts) == 2 and parts[1] in ("عشرة", "عشره", "عشر"):
        return _TEEN_UNITS[parts[0]] + 10
    if words in _NUMBER_WORDS:
        return _NUMBER_WORDS[words]
    if words in _TENS_WORDS:
        return _TENS_WORDS[words]
    tens = next(w for w in _TENS_WORDS if words.endswith(w))
    head = words[: -len(tens)].rstrip().removesuffix("و").rstrip()
    return _ONES[head] + _TENS_WORDS[tens]


_PRECISION = {"s": "second", "m": "minute", "h": "hour", "d": "day", "w": "day",
              "mo": "month", "y": "year"}  # fmt: skip
_WORD = "(?:" + "|".join(sorted(_UNIT_WORDS, key=len, reverse=True)) + ")"
# `منذ 3 ساعات`, `منذ حوالي 12 ساعة` (about), `منذ ساعة و20 دقيقة` (an hour and 20 minutes)
_AGE_RE = re.compile(
    r"(?:منذ|قبل)\s*(?:(?:حوالي|حوالى|نحو|قرابة)\s+)?"
    r"(?:(?P<less>اقل\s+من\s+)?(?:(?P<n>\d{1,9})\s*|(?P<w>" + _NUMBER + r")\s+)?"
    r"(?P<u>" + _WORD + r")(?:\s+(?:واحدة|واحد))?"
    r"(?:\s*و\s*(?:(?P<n2>\d{1,4})\s*|(?P<w2>" + _NUMBER + r")\s+)?(?P<u2>" + _WORD + r"))?)"
    r"(?:\s+تقريبا)?\s*$"
)
_FINER = ("y", "mo", "w", "d", "h", "m", "s")  # a compound's second unit is finer
# how a slot that is only a count and a plural unit ends (checked before the text is
# normalised: most text is no age)
_PLURAL_ENDS = tuple(
    {w for w, (_, n) in _UNIT_WORDS.items() if n is None}
    | {"أيام", "أسابيع", "أشهر", "أعوام", "ثوانٍ"}
)
# the slot's whole text an age without منذ/قبل (`ثلاث ساعات`, `5 دقائق`): a count and a
# plural unit, nothing else (a headline that ends `... خلال ثلاث ساعات` has more words)
_BARE_AGE = re.compile(
    r"^\s*(?:(?P<n>\d{1,4})\s*|(?P<w>" + _NUMBER + r")\s+)(?P<u>" + _WORD + r")\s*$"
)
# an age's unit as one letter (`منذ 3 س`, `3س`, `عكاظ · ١٢ س`), as compact widgets print it:
# the number leads the slot or follows منذ/قبل, a space or a separator
_ABBREVIATED = re.compile(
    r"(?:(?:منذ|قبل)\s*|(?<![^\s(\[·•|\-–—:]))(?P<n>\d{1,4})\s*(?P<u>[سدي])\s*$"
    # seconds as one letter only after منذ/قبل (`منذ 30 ث`: blind ages round 55)
    r"|(?:منذ|قبل)\s*(?P<sn>\d{1,4})\s*(?P<su>ث)\s*$"
)
_ABBREVIATED_UNITS = {"س": "h", "د": "m", "ي": "d", "ث": "s"}
# `أمس` (alef unified), `البارحة`: yesterday, read as English `yesterday` is (local midnight)
# a word one of the forms holds (most text holds none: the regexes are not tried)
_ANY_AGE = ("منذ", "قبل", "الآن", "للتو", "مس", "البارح", "امبارح", "إمبارح", "اليوم", "النهارد",
            "الماضي")  # fmt: skip
# `أول أمس`, `أول من أمس`, `أمس الأول`: the day before yesterday (tried before yesterday)
_DAY_BEFORE = re.compile(r"(?<![^\s(\[·•|\-–—:])(?:اول (?:من )?امس|امس الاول)\s*$")
# (Egyptian `امبارح`: ages round 49)
# (a part of the day before it, `مساء امس`, is that day too: blind ages round 53)
_YESTERDAY = re.compile(
    r"(?<![^\s(\[·•|\-–—:])(?:(?:(?:صباح|مساء|ليلة|ليله|ظهر|عصر|فجر) )?امس|بالامس|البارحة"
    r"|البارحه|امبارح)\s*$"
)
# a part of today (`صباح اليوم`, `فجر اليوم`) and Egyptian `النهارده`; bare `اليوم` is
# left alone (`اليوم السابع` is a source)
_TODAY = re.compile(
    r"(?<![^\s(\[·•|\-–—:])(?:(?:صباح|مساء|ظهر|عصر|فجر) اليوم|النهارده|النهاردة)\s*$"
)
# `الخميس الماضي` (last Thursday), as English `last Thursday`
_LAST_WEEKDAY = re.compile(
    r"(?<![^\s(\[·•|\-–—:])(?:يوم )?(?P<wd>الاثنين|الاتنين|الثلاثاء|الاربعاء|الخميس|الجمعة"
    r"|الجمعه|السبت|الاحد) الماضي\s*$"
)
_WEEKDAY_NUMBERS = {
    "الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعة": 4,
    "الجمعه": 4, "السبت": 5, "الاحد": 6,
}  # fmt: skip
_FEW_SECONDS = re.compile(
    r"(?:منذ|قبل)\s*(?:بضع\s+|بضعة\s+|بضعه\s+)?(?:ثوان|ثواني|لحظات|قليل|لحظة)\s*$|^الان$|^للتو$"
)
# `منذ دقائق`, `قبل بضع دقائق`: within the hour, no more exact (ages round 50)
_FEW_MINUTES = re.compile(
    r"(?:منذ|قبل)\s*(?:بضع\s+|بضعة\s+|بضعه\s+)?دقائق(?:\s+معدودة|\s+معدوده)?\s*$"
)
# a half or a quarter of an hour, an hour and a half (`منذ نصف ساعة`, `قبل ساعة ونصف`): minutes
_PART_HOUR = re.compile(
    r"(?:منذ|قبل)\s*(?:(?P<half>نصف ساعة|نصف ساعه)|(?P<quarter>ربع ساعة|ربع ساعه)"
    r"|(?P<more>ساعة ونصف|ساعه ونصف)|(?P<two>ساعتين ونصف|ساعتان ونصف))\s*$"
)


def _normalise(text: str) -> tuple[str, list[int]]:
    """Drop diacritics/tatweel, unify alef and digits; keep a map to original indices."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        out.append(_ALEF.get(ch, ch).translate(_DIGITS))
        index.append(i)
    index.append(len(text))
    return "".join(out), index


def match_arabic(
    text: str, anchor: datetime, zone: tzinfo = timezone.utc
) -> tuple[int, ParsedTime] | None:
    """Find an Arabic age at the end of ``text``: (start index, result)."""
    plain = text.translate(_UNMARKED)  # `مُنذُ ساعَتَيْن`: the words without their vowel marks
    if plain.lstrip().startswith(_COLLOQUIAL_AGO):
        return _colloquial(text, anchor, zone)
    tail = plain.rstrip()
    plural = tail.endswith(_PLURAL_ENDS)
    # a word one of the forms holds, or a unit as one letter at the end
    marked = any(word in plain for word in _ANY_AGE) or tail[-1:] in _ABBREVIATED_UNITS
    if not plural and not marked:
        return None
    norm, index = _normalise(text)
    bare = _BARE_AGE.match(norm) if plural else None
    if bare is not None and _UNIT_WORDS[bare["u"]][1] is None:
        value = int(bare["n"]) if bare["n"] else _word_number(bare["w"])
        if value > 10:
            return None  # `خمس عشرة ساعات`: past ten, a number takes the singular
        aged = _ago(anchor, _UNIT_WORDS[bare["u"]][0], value)
        return None if aged is None else (index[bare.start("n" if bare["n"] else "w")], aged)
    if not marked:
        return None
    day = _DAY_BEFORE.search(norm) or _YESTERDAY.search(norm) or _TODAY.search(norm)
    if day is not None:
        back = 2 if day.re is _DAY_BEFORE else 1 if day.re is _YESTERDAY else 0
        local_day = (anchor.astimezone(zone) - timedelta(days=back)).date()
        return index[day.start()], ParsedTime(local_midnight(local_day, zone), "day", "relative")
    last = _LAST_WEEKDAY.search(norm)
    if last is not None:
        today = anchor.astimezone(zone).date()
        back = (today.weekday() - _WEEKDAY_NUMBERS[last["wd"]]) % 7 or 7
        day_then = today - timedelta(days=back)
        return index[last.start()], ParsedTime(local_midnight(day_then, zone), "day", "relative")
    short = _ABBREVIATED.search(norm)
    if short is not None:
        unit, count = short["u"] or short["su"], short["n"] or short["sn"]
        aged = _ago(anchor, _ABBREVIATED_UNITS[unit], int(count))
        return None if aged is None else (index[short.start()], aged)
    m = _FEW_SECONDS.search(norm)
    if m:
        return index[m.start()], ParsedTime(anchor, "minute", "relative")
    m = _FEW_MINUTES.search(norm)
    if m:
        return index[m.start()], ParsedTime(anchor, "hour", "relative")
    m = _PART_HOUR.search(norm)
    if m:
        minutes = 30 if m["half"] else 15 if m["quarter"] else 150 if m["two"] else 90
        aged = _ago(anchor, "m", minutes)
        return None if aged is None else (index[m.start()], aged)
    m = _AGE_RE.search(norm)
    if not m:
        return None
    unit, count = _UNIT_WORDS[m["u"]]
    if m["less"]:
        if m["n"]:
            return None
        return index[m.start()], ParsedTime(anchor, "minute", "relative")
    if m["n"]:
        if count == 2:
            return None
        value = int(m["n"])
    elif m["w"]:
        value = _word_number(m["w"])
        if (count != 1) if value > 10 else (count is not None):
            return None  # `ثلاث ساعة`, `عشرين ساعات`: 3-10 take the plural, 11 on the singular
    elif count is None:
        return None
    else:
        value = count
    if m["u2"]:
        return _compound(m, unit, value, anchor, index)
    found = _ago(anchor, unit, value)
    return None if found is None else (index[m.start()], found)


# Egyptian colloquial `من ساعتين`, `من ٥ دقايق` (two hours ago, five minutes ago): `من` is
# `منذ` when it opens the slot and an age is all that follows (ages round 45); inside a text,
# `من` is "from". So are Egyptian `بقاله` ("it has been": `بقاله ساعتين`) and Maghrebi `هادي`
# (`هادي 3 سوايع`: ages round 48), read only as the whole slot. So is `مضت`/`مضى` ("has
# passed") before the amount (`مضت ساعتان`: blind ages round 57; after it, `ساعتين مضت`, the
# fallback reads).
_COLLOQUIAL_AGO = (
    "من ", "بقاله ", "بقالها ", "بقالي ", "بقالنا ", "هادي ", "هادى ", "مضت ", "مضى ",
)  # fmt: skip


def _colloquial(text: str, anchor: datetime, zone: tzinfo) -> tuple[int, ParsedTime] | None:
    start = len(text) - len(text.lstrip())
    lead = next(p for p in _COLLOQUIAL_AGO if text[start:].translate(_UNMARKED).startswith(p))
    after = text[start + len(lead) :]
    found = match_arabic("منذ " + after, anchor, zone)
    if found is None or found[0] != 0:
        return None  # the whole slot, `من` and an age, or no age
    return start, found[1]


def _compound(
    m: re.Match[str], unit: str, value: int, anchor: datetime, index: list[int]
) -> tuple[int, ParsedTime] | None:
    """`منذ ساعة و20 دقيقة`: the first amount, then the second, in a finer unit."""
    unit2, count2 = _UNIT_WORDS[m["u2"]]
    if _FINER.index(unit2) <= _FINER.index(unit):
        return None
    if m["n2"]:
        if count2 == 2:
            return None
        value2 = int(m["n2"])
    elif m["w2"]:
        value2 = _word_number(m["w2"])
        if (count2 != 1) if value2 > 10 else (count2 is not None):
            return None
    elif count2 is None:
        return None
    else:
        value2 = count2
    first = _ago(anchor, unit, value)
    both = None if first is None else _ago(first.at, unit2, value2)
    return None if both is None else (index[m.start()], both)


def _ago(anchor: datetime, unit: str, value: int) -> ParsedTime | None:
    try:
        if unit == "mo":
            at = minus_months(anchor, value)
        elif unit == "y":
            at = minus_months(anchor, value * 12)
        else:
            seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[unit]
            at = anchor - timedelta(seconds=value * seconds)
    except (OverflowError, ValueError):
        return None
    return ParsedTime(at, _PRECISION[unit], "relative")


# Month names other than the Egyptian and Gulf ones dateparser knows (يناير ... ديسمبر): the
# Levant's and Iraq's (كانون الثاني, شباط ... أيار ...) and the Maghreb's (جانفي, فيفري ... أوت),
# as Arabic outlets of those regions print their dates; and Morocco's.
_REGIONAL_MONTHS = {
    "كانون الثاني": "يناير", "شباط": "فبراير", "آذار": "مارس", "اذار": "مارس",
    "نيسان": "أبريل", "أيار": "مايو", "ايار": "مايو", "حزيران": "يونيو", "تموز": "يوليو",
    "آب": "أغسطس", "اب": "أغسطس", "أيلول": "سبتمبر", "ايلول": "سبتمبر",
    "تشرين الأول": "أكتوبر", "تشرين الاول": "أكتوبر", "تشرين الثاني": "نوفمبر",
    "كانون الأول": "ديسمبر", "كانون الاول": "ديسمبر",
    "جانفي": "يناير", "فيفري": "فبراير", "أفريل": "أبريل", "افريل": "أبريل", "ماي": "مايو",
    "جوان": "يونيو", "جويلية": "يوليو", "جويليه": "يوليو", "أوت": "أغسطس", "اوت": "أغسطس",
    # Morocco's (ماي above): يوليوز, غشت, شتنبر, نونبر, دجنبر
    "يوليوز": "يوليو", "غشت": "أغسطس", "شتنبر": "سبتمبر", "نونبر": "نوفمبر", "دجنبر": "ديسمبر",
}  # fmt: skip
# a regional name next to a day or a year (`19 أيار 2025`, `أيار 2025`): `اب` alone is a word
_REGIONAL_MONTH = re.compile(
    r"(?<=[\d٠-٩]\s)(?P<a>{0})(?=\s|$)|(?<![^\s])(?P<b>{0})(?=\s+[\d٠-٩])".format(
        "|".join(sorted(map(re.escape, _REGIONAL_MONTHS), key=len, reverse=True))
    )
)


# a day, an Arabic month's name and a year (`14 نوفمبر 2026`, after standard_months), the
# start of a date printed after a source's name (`هسبريس 14 نوفمبر 2026`)
_NAMED_DATE_START = re.compile(
    r"(?<![\d٠-٩])[\d٠-٩]{1,2}\s+(?:يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه"
    r"|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر)\s*[,،]?\s*[\d٠-٩]{4}(?![\d٠-٩])"
)


def named_date_start(text: str) -> int | None:
    """Where ``<day> <month> <year>`` starts in ``text`` after a short name (a source's), or
    None: the text must be that name, then the date (with its clock, if any) to the end."""
    m = _NAMED_DATE_START.search(text)
    if m is None or m.start() == 0:
        return None
    head = text[: m.start()]
    if len(head) > 40 or len(head.split()) > 4 or re.search(r"[\d٠-٩]", head):
        return None
    rest = text[m.end() :]
    return m.start() if re.fullmatch(r"[\s\d٠-٩:,،|\-–—صمامپ.]*", rest) else None


def standard_months(text: str) -> str:
    """``19 أيار 2025`` -> ``19 مايو 2025``: regional month names as the common ones."""
    return _REGIONAL_MONTH.sub(lambda m: _REGIONAL_MONTHS[m.group("a") or m.group("b")], text)


# a zone named in words after an Arabic date (`14:30 بتوقيت غرينتش`, `10:15 بتوقيت مكة المكرمة`):
# the offsets of zones without summer time (Cairo's and Beirut's keep it: their words name the
# zone itself, newsbot.timestamps.zones.zone_in_words)
_ZONE_WORDS = (
    (re.compile(r"\s*(?:بتوقيت|توقيت)\s+(?:غرينتش|جرينتش|غرينيتش|جرينيتش|غرنتش)"), " GMT"),
    (
        re.compile(
            r"\s*(?:بتوقيت|توقيت)\s+(?:مكة المكرمة|مكة|السعودية|الرياض|جدة|الكويت|قطر|الدوحة"
            r"|البحرين|المنامة|بغداد|العراق)"
        ),
        " +03:00",
    ),
    (
        re.compile(r"\s*(?:بتوقيت|توقيت)\s+(?:الإمارات|الامارات|أبوظبي|ابوظبي|أبو ظبي|دبي|مسقط)"),
        " +04:00",
    ),
)
# the slot's label before an Arabic date: `نشر في:`, `تاريخ النشر:`, `آخر تحديث:`
_DATE_LABEL = re.compile(
    r"^\s*(?:نشر|نُشر|تم النشر|تاريخ النشر|آخر تحديث|اخر تحديث|تحديث|محدث)"
    r"(?:\s+(?:في|بتاريخ))?(?:\s*:\s*|\s+(?=[\d٠-٩]))"
)

# `على الساعة 09:40`, `في الساعة 09:40` (Maghrebi and formal): `at` before the hour
_AT_THE_HOUR = re.compile(r"\s+(?:على|في)\s+(?=(?:الساعة|الساعه)\s*[\d٠-٩])")


def named_zones(text: str) -> str:
    """``10:15 بتوقيت مكة المكرمة`` -> ``10:15 +03:00``; ``نشر في: <date>`` -> ``<date>``;
    ``على الساعة 09:40`` -> ``الساعة 09:40``."""
    for pattern, offset in _ZONE_WORDS:
        text = pattern.sub(offset, text)
    if "الساع" in text:
        text = _AT_THE_HOUR.sub(" ", text)
    return _DATE_LABEL.sub("", text)


# `خلال ساعتين` (within two hours), `بعد ساعتين` (in two hours), `لمدة 3 ساعات` (for three
# hours), `كل ساعة` (every hour): a time to come or a length, never when a page was published
# (blind ages round 57: dateparser read `خلال ساعتين` as two hours ago)
_NOT_AGO_LEAD = re.compile(r"(?<![^\s(\[·•|\-–—:])(?:خلال|بعد|غضون|لمدة|طوال|مدى|مدة|كل)\s")


def names_no_age(text: str) -> bool:
    """Whether an Arabic slot's amount follows a word that makes it no age (within, after,
    for, every)."""
    return _NOT_AGO_LEAD.search(text.translate(_UNMARKED)) is not None
