"""The cleaner: article text blocks in, kept paragraphs (and what was removed, why) out.

Layers, in the order a line meets them:

1. site chrome from the profile: the body ends where Daily8's chrome block starts (unless
   only copy follows the block, to the end of the text);
2. structural junk (:mod:`newsbot.cleaning.structural`);
3. outlets' noise from ``settings/noise.toml``: glued phrases are cut out of sentences,
   whole-line rules remove lines, picture credits split a caption from its credit;
4. kinds of boilerplate from ``settings/noise_kinds.toml`` (:mod:`newsbot.cleaning.kinds`),
   recognised by their shape in any outlet's copy (they run as rules after the outlets');
5. learned boilerplate (:class:`~newsbot.cleaning.learner.BoilerplateLearner`): lines that
   recur in many articles of one source, or in articles of many sources;
6. record shapes (:mod:`newsbot.cleaning.record`), over the lines still kept: pull quotes,
   embedded posts, name-only bylines;
7. the learned pitch model (:mod:`newsbot.cleaning.pitch_model`), over the lines still kept:
   the outlet addressing its reader in words no rule lists (``model:pitch``).

A table of the copy (:mod:`newsbot.cleaning.tables`) meets only the first layer: its rows stay
whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsbot.cleaning.lazy import LazyRegex
from newsbot.cleaning.learner import LEARNED_SHARED, KnowsLearnedLines
from newsbot.cleaning.pitch_model import RULE as PITCH
from newsbot.cleaning.pitch_model import PitchModel
from newsbot.cleaning.record import is_copy, mark_record_ends, mark_record_shapes
from newsbot.cleaning.rules import LineForms, NoiseRules, OutletRule, first_match
from newsbot.cleaning.structural import Structural, strip_encoded
from newsbot.cleaning.tables import table_rows
from newsbot.cleaning.text import (
    ADDRESSED,
    fold_arabic_marks,
    in_quotation,
    lines_of,
    normalise,
    repeated_unit,
    sentences,
    strip_bullet,
    without_citations,
)

_WIDGET = "kind:widget"  # `Swipe →`, `Load more`: a rail's own buttons
# `How to book:` / `Download the GlenTip app or visit the council website.`: the steps of the
# copy's own how-to list read like asks; under the copy's heading they are the story's
_STEP_RULES = frozenset({"kind:reader_action", "kind:call_to_action", "outlet:app_promo"})
_STEP_HEADING_MAX_WORDS = 12
_STEP_MAX_WORDS = 25  # a longer line ends the list: a paragraph of copy, or of the outlet
# `How to use the app`, `What you need to do`: the copy's heading over its steps, unpunctuated
_HOW_TO = re.compile(
    r"(?:How to|What to|What you(?:\'ll| will| need| should| can| must)|Steps to|Ways to"
    r"|How you can|كيف|خطوات)\b[^.!?:؟]{0,60}",
    re.I,
)
# `Go to Settings > Privacy & Security`, `tap System Services`, `click Two-step verification`,
# `choose 'switch'`: a how-to's step names the interface it walks the reader through (a
# promo's button is `Follow`, `Subscribe`, `here`, or the outlet's own)
_UI_PATH = re.compile(r"\b[A-Z][\w&'’-]*(?: [\w&'’-]+){0,4} ?[>›→] ?[A-Z]")
_UI_ACTION = re.compile(
    r"\b(?:[Tt]ap|[Cc]lick|[Ss]elect|[Cc]hoose|[Pp]ress|[Tt]oggle|[Oo]pen|[Ee]nable|[Dd]isable)"
    r"(?: on)? (?:(?!(?:Follow|Subscribe|Sign|Download|Here|Share|Like|Join|Register|Install"
    r"|Get|Read|Watch|Listen|Donate|Save|Allow|Accept|OK|Continue|Submit|Buy|Shop|The|This|A|An"
    r"|Our|Your|Ctrl|Alt|Shift|Cmd|Enter|Esc)\b)[A-Z][a-z]|['‘\"“][^'’\"”]{1,30}['’\"”])"
)
# the kinds whose asks a how-to's steps resemble (the pitch model, run last, asks
# :func:`is_interface_step` itself)
_UI_STEP_RULES = frozenset(
    {
        "kind:reader_action",
        "kind:call_to_action",
        "kind:brief_ask",
        "kind:rest_of_notice",
        "kind:reader_address",
    }
)
# a channel of another body than the outlet: `the agency's web address`, `your bank's app`
_OTHERS_CHANNEL = re.compile(
    r"\b(?:the|your|their) (?:local |official |own )?(?:council|city|town|borough|county"
    r"|government|ministry|NHS|police|hospital|school|library|authority|agency|department|bank"
    r"|building society|insurer|lender|GP|doctor|pharmacy|airline|supplier|utility"
    r"|landlord|employer|retailer|card issuer|tax office|embassy|consulate|regulator)"
    r"(?:'s|’s)? (?:official )?(?:website|web address|site|app|number|phone number|helpline"
    r"|hotline|portal|office|branch|address)\b",
    re.I,
)
_OUTLET_VOICE = re.compile(
    r"\b(?:our|ours|us|we|Facebook|Instagram|WhatsApp|Telegram|TikTok|YouTube|newsletter)\b"
    r"|فيسبوك|فيس بوك|واتساب|تيليجرام|تلغرام|تليغرام|إنستغرام|انستغرام|تويتر|يوتيوب|إكس|\S+نا\b",
    re.I,
)
# a clause that introduces a quoted text: `The post read: "Follow us ..."`, `wrote: “Sign up ...`
_QUOTES_A_TEXT = re.compile(
    r"\b(?:read|reads|wrote|writes|posted|posts|tweeted|stated|states|said|says|texted"
    r"|messaged|urged|asked|told \w+)\s*:\s*[\"“‘«]"
)
# a notice, a button or a message the story quotes as its subject (`Users now see the message
# 'This content is not available in your region' when ...`, `زري «قبول جميع ملفات الارتباط»`:
# noise set 335), not the instruction itself (`Click the button "Accept all" to ...`)
_QUOTES_A_NOTICE = re.compile(
    r"^(?!\s*(?:Click|Tap|Press|Select|Choose|Hit|Enable|Allow|Accept|Change|Go to|Update|Manage"
    r"|Open|Please|To )\b).*?(?:\b(?:message|notice|banner|button|label|warning|wording|phrase"
    r"|screen|pop-?up|prompt|sign|text)s?\b(?: (?:that|which))?(?: (?:reads?|read|saying|says"
    r"|said|stating))?\s*[:,]?\s*[\"“‘'«]|(?<!أرسل )(?<!ارسل )(?:رسالة|الرسالة|عبارة|العبارة|زر|زري"
    r"|زرا|الزر|إشعار|لافتة|تنبيه)\s*[:،]?\s*«)",
    re.I,
)
# an ask someone in the story made, the line ending on who made it: `Subscribe to the council
# newsletter, the mayor urged residents.` (not the outlet's own voice: `..., our editor says`)
_REPORTED_ASK = re.compile(
    r",\s+(?!(?:our|we|us)\b)(?:(?:the|a|an|his|her|their|its)\s+)?(?-i:[A-Za-z])[\w’'.-]*"
    r"(?:\s+(?!(?:our|we|us)\b)[\w’'.-]+){0,4}\s+(?:said|says|urged|urges|told|tells|warned|warns"
    r"|added|adds|advised|advises|insisted|stressed|suggested|wrote|writes)"
    r"(?:\s+(?!(?:our|we|us)\b)[\w’'-]+){0,3}[.!]?[\"”’]?$",
    re.I,
)
# the same in Arabic, the speaker's verb set off by commas inside the ask: `اقرأ المزيد، يقول
# لي، عن رواتب المعلمين ...` (a reader's words in a column: noise set 334)
_REPORTED_ASK_AR = re.compile(
    r"،\s*(?:يقول|تقول|قال|قالت|يقولون|قالوا|يضيف|تضيف)(?:\s+\S+){0,2}\s*،"
)
_MAX_PASSES = 4
_RAIL_ITEM_MAX = 160
_QUESTION_HEADLINE_MIN_WORDS = 7
_CAPTION_MIN_WORDS = 3
_NAME_CAPTION_MAX = 140  # characters before a bare `(Name Surname)` credit in a caption
_BARE_NAME = re.compile(r"\s*\((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){1,2}\)")
_CAPTION_MAX = 250
# a sentence that tells what someone told someone is the story's, not what a picture shows
_TOLD = re.compile(
    r"\b(?:told|tells) (?:the |a |an |his |her |their |reporters|journalists|MPs|lawmakers|[A-Z])",
    re.I,
)
_KIND_CAPTION_MAX = 500
# a quotation's end and who said it: `...," she said.`, `..." Ms Roe added.`
_QUOTED_SAYING = re.compile(
    r"[”\"»]\s*,?\s+(?:(?:she|he|they|(?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+){0,2})\s+"
    r"(?:said|says|added|adds|explained|continued|told \w+)|(?:said|says|added|adds)\s+"
    r"(?:she|he|they|(?-i:[A-Z])[\w'’-]+))\b",
    re.I,
)
# a picture credit's label at a line's start: `Photo / <outlet>`, `الصورة: <outlet>`
_CREDIT_LABEL = re.compile(
    r"(?:Photos?|Photograph|Pictures?|Pic|Images?|Photo credit|Credit|Foto|الصورة|الصور|صورة|عدسة"
    r"|بعدسة|تصوير)\s*(?:[:/|]|\bby\b)\s*",
    re.I,
)
_OWN_CREDIT_STORY_MIN_WORDS = 8
_FOR_OUTLET = re.compile(r"(?-i:[A-Z])[\w.'’-]+(?: (?-i:[A-Z])[\w.'’-]+){0,3} for (?:the )?", re.I)
_CREDIT_KIND = re.compile(r" (?:archives?|file|files|staff|handout|supplied)\b", re.I)
# a story's opening dateline: `NEGOMBO – ...`, `KANDY, Sri Lanka — ...`, `LAGOS (Wire) - ...`;
# a picture's caption never opens with one
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s*(?:\([^()]{1,30}\)\s*)?[-–—]\s"
)
_SENTENCE_END = tuple(".!?؟…\"”’'»")
_GAP = "\ue000"  # marks where a cut was made, until the gap is closed
_CLONED = re.compile(r"\s*\(cloned\)\s*$", re.I)
_SLOT_MAX_WORDS = 5
# a short paragraph, where a sentence asking the reader to act is the outlet's, not a story's
_BRIEF_SENTENCES = 2
_BRIEF_WORDS = 45
# a transcript's speaker opening the paragraph (`WHITCOMB: You'll get it to us by Friday?`,
# `SEN. ALVAREZ: ...`): someone's words, never the outlet's short ask (pages round 50); a
# label in capitals (`WATCH:`, `SUBSCRIBE:`, `EDITOR'S NOTE:`) is no speaker
_SPEAKER = re.compile(r"(?-i:(?:[A-Z][A-Z.\x27’-]*\s){0,2}[A-Z][A-Z\x27’-]{2,}):\s+\S")
_CAPITAL_LABELS = frozenset(
    {
        "ADVERTISEMENT", "ADVERT", "AD", "ALSO", "BREAKING", "CLICK", "CORRECTION", "CREDIT",
        "DEAL", "DEALS", "DOWNLOAD", "EDITOR'S", "EDITOR’S", "EXCLUSIVE", "FACT", "FACTS", "FOLLOW",
        "FREE", "GALLERY", "GET", "JOIN", "LISTEN", "LIVE", "MORE", "NEW", "NEWSLETTER", "NOTE",
        "OFFER", "OPINION", "PARTNER", "PHOTO", "PHOTOS", "PODCAST", "PROMOTED", "READ",
        "RECOMMENDED", "RELATED", "SEE", "SHARE", "SIGN", "SOURCE", "SPONSOR", "SPONSORED",
        "SUBSCRIBE", "TAP", "TIP", "TIPS", "TRENDING", "UPDATE", "UPDATED", "VIDEO", "WATCH",
    }
)  # fmt: skip
_RAIL_DATE = "outlet:rail_date"
_RAIL_HEADLINE = "rail_headline"
_HEADING_MAX_WORDS = 4  # a heading over the copy's list of figures (`Key figures`)
# an item of such a list: a label, a colon, a figure (`Capacity: 600,000 TEU a year`)
_LABELLED_FIGURE = re.compile(r"[^\W\d_][^\d:.!?]{1,40}:\s*[$£€¥₹]?\d")
_WORD = re.compile(r"\w+")
_STRAY_MAX = 3  # letters: `at`, `or`, `via`, `في`: a word no story paragraph is made of
_REST_MAX = 300  # characters: a longer remainder of a paragraph is copy, not a notice's tail
_COPY_SENTENCES = 2  # the opening a promo glued at a paragraph's end leaves: copy
# a box's label before a notice: `Embedded map: This content is hosted by a third party.`
# (one to three words and a colon; what follows must be a sentence, prose of three words or
# more with its full stop: `Winner: 2:05:33` is no player's duration, `Update: May 2, 2024`
# no date line, `Second place: Salma Nasser — a mosquito trap` no byline)
_LABEL = re.compile(r"[^\W\d_][\w'’&-]*(?: [\w'’&-]+){0,2}\s*:\s+(?=\S+ \S+ \S)")
_PROSE_WORD = re.compile(r"\b[a-z]{3,}\b|[\u0600-\u06ff]{2,}")  # a sentence, not a date or a list
_LABEL_MAX = 32
# a story's sentence glued after a label's headline (`CLICK HERE TO READ: Clubs petition
# league over late pay Enyimba's defeat, their second in a row, leaves them fourth.`): a word
# that closes the headline, then a capital opening a word that a small one follows
_GLUED_STORY = re.compile(r"(?<=[a-z0-9%’'\"”)])\s+(?=(?-i:[A-Z])[\w’'-]*,?\s+(?-i:[a-z]))")
# the same with no space at all: `... actually workThe stoppages cost ...` (set 330); the word
# the headline ends on is lower case from its third letter (`work`, `month`; not `YouTube`)
_GLUED_STORY_JOIN = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
# Arabic has no capitals: a headline or an ask glued to the story's next sentence shows where
# that sentence opens with `و` and a verb a report opens with (`... زوار نادرونوقالت الدكتورة
# ...`, `... في واتسابوكانت الوزارة ...`: sets 330, 336)
_GLUED_STORY_JOIN_AR = re.compile(
    r"(?<=[\u0621-\u064a])(?=و(?:قال|قالت|أكد|أكدت|أضاف|أضافت|أوضح|أوضحت|أشار|أشارت|كان|كانت"
    r"|أعلن|أعلنت|يأتي|تأتي)\s)"
)
_JOINED_WORD_END = re.compile(r"(?:^|[\s\"“‘(])[A-Za-z]?[a-z]{3,}$")
# a headline does not end on these: `Follow us on Facebook, Twitter and | Instagram for ...`
_OPEN_ENDING = re.compile(
    r"\b(?:a|an|the|and|or|of|on|in|at|to|for|with|by|from|via|our|your|its|their|us)$", re.I
)
# the labels a linked headline follows (only after one is a glued story looked for)
_READ_LABEL = re.compile(
    r"(?:(?:click|tap) here to (?:read|see|watch)|(?:read|see|watch) (?:also|more|next|this)|"
    r"also (?:read|see)|related(?: (?:story|stories|article|articles|news|coverage))?|"
    r"more on this(?: story)?|don(?:'|’)t miss|must read|recommended)\s*:\s*",
    re.I,
)
_SENTENCE_OPENER = re.compile(
    r"(?:The|A|An|It|Its|He|She|They|We|I|His|Her|Their|This|That|These|Those|There|In|On|At|"
    r"But|And|After|Before|When|While|As|For|By|With|If|Some|Many|Most|Both|One|Two)\b"
)
_GLUED_STORY_MIN_CHARS = 100
_GLUED_STORY_MIN_WORDS = 10
# a second stamp or label in brackets after the first: `Published Jun 4 (Updated Jun 5)`
_BRACKETED_TAIL = re.compile(r"\s*\(([^()]{3,80})\)$")
_BRACKETED = re.compile(r"\[([^\[\]]{3,80})\]|\(([^()]{3,80})\)")
# what a notice's paragraph may leave besides its notice: a greeting (`Kia orana!`), or the
# hook it opens with (`Stay ahead of the regulators.`, `Glued to the show? So are we.`)
_GREETING_MAX_WORDS = 3
_GREETING = re.compile(
    r"(?:Good (?:morning|afternoon|evening|day)|Hello|Hi|Morning|Welcome back)"
    r"(?:,? (?:everyone|all|readers|friends|folks|and welcome))?[.!]",
    re.IGNORECASE,
)
_HOOK_MAX_WORDS = 10
_HOOK_MAX_SENTENCES = 2
_HOOK_EXCLAMATION_MAX_WORDS = 5
# (an ask with what it asks for: `Support for the plan fell.` and `Keep Britain Tidy said ...`
# open a story's paragraph)
_HOOK = re.compile(
    r"(?:Stay (?:ahead|informed|in the loop|up to date|tuned|connected|in touch|safe|on top"
    r"|across|current|sharp|curious|up)"
    r"|Keep (?:up|informed|reading|in touch|up to date)|Don[’']t miss|Never miss|Tell us"
    r"|Write (?:to|in)|Email us|Get in touch|Contact us"
    r"|Join (?:us|the|our)|Support (?:us|our|independent|local|quality|journalism)"
    r"|Be (?:the first|among the first)|Want (?:more|to know|the latest)|Love (?:this|reading|it)"
    r"|Enjoy(?:ed|ing)? (?:this|reading|our)|Hungry for more|Ready for more"
    r"|So (?:are|do|did|have|can|will) we|ادعم|ادعموا|تابعوا|انضموا|كن|كونوا|لا تفوت)\b",
    re.I,
)
# a promo's promise, however long its sentence (`Research news from X, delivered every other
# Tuesday.`, `Results and live timing on the X app, every stage of every race.`, `The market
# never sleeps, and neither does our morning briefing.`, `A fresh puzzle every morning at
# seven.`, `... في جيبك`, `... على بريدك`), before its ask
_PROMISE = re.compile(
    r"\bdelivered (?:to (?:you|your inbox|your door) )?(?:every|each|daily|weekly|free|straight)\b"
    r"|\bstraight to your (?:inbox|phone|door)\b|\bin your (?:pocket|inbox)\b"
    r"|\bon (?:the|our) (?-i:[A-Z])[\w-]*(?: [\w-]+){0,2} app\b"
    r"|\bour (?:free )?(?:morning|daily|weekly|evening|lunchtime|weekend|weekday) "
    r"(?:briefing|newsletter|digest|bulletin|round-?up|email)\b"
    r"|\b(?:a )?(?:fresh|new) [\w-]+(?: [\w-]+)? every (?:morning|evening|day|weekday|week|weekend"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
    r"|في جيبك|بين يديك|(?:على|إلى|الى|في) بريدك|قبل (?:غيرك|الكل|الجميع)",
    re.I,
)
_PROMISE_MAX_WORDS = 16


@dataclass(frozen=True)
class Removal:
    text: str
    rule: str


@dataclass
class CleanResult:
    kept: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


@dataclass
class LineOutcome:
    """What happened to one input line (used by the benchmark)."""

    text: str
    kept: str | None = None
    rule: str | None = None
    caption: str | None = None
    cuts: list[Removal] = field(default_factory=list)
    in_list: bool = False  # a step of the copy's list under its own heading (`How to ...:`)
    in_table: bool = False  # a row of the copy's table, kept whole


def _cut_inline(text: str, rules: NoiseRules) -> tuple[str, list[Removal]]:
    cuts: list[Removal] = []
    for _ in range(_MAX_PASSES):
        before = text
        line = rules.forms(text)
        for rule in rules.inline:
            regex = rule.searching(line)
            if regex is None:
                continue
            spans = _inline_spans(regex, line)
            if spans:
                cuts.extend(Removal(normalise(text[a:b]), rule.name) for a, b in spans)
                pieces, last = [], 0
                for a, b in spans:
                    pieces += [text[last:a], _GAP]
                    last = b
                text = _close_gaps("".join([*pieces, text[last:]]))
                line = rules.forms(text)
        stripped = strip_encoded(text)
        if stripped != text:
            cuts.append(Removal(text, "encoded_markup"))
            text = stripped
        if text == before:
            break
    return text, cuts


def _inline_spans(regex: re.Pattern[str] | LazyRegex, line: LineForms) -> list[tuple[int, int]]:
    """Where a glued phrase's rule (its pattern ``regex``) matches the line: matched with
    Arabic marks folded away (``(يُفتح في علامة تبويب جديدة)`` is the shape's ``(يفتح ...)``),
    cut as written."""
    text, folded = line.text, line.folded
    if len(folded) == len(text):
        return [m.span() for m in regex.finditer(text) if m.group(0).strip()]
    at = line.positions  # folded once per line, whichever rules match it
    return [(at[m.start()], at[m.end()]) for m in regex.finditer(folded) if m.group(0).strip()]


def _close_gaps(text: str) -> str:
    """Spaces where noise was cut, but none before the punctuation or the closing bracket
    that follows it (`(see our methods, opens new tab)` is `(see our methods)`). Brackets
    or dashes that held nothing but the cut go with it (`(Story continues after advert)`)."""
    text = re.sub(r"\s*[(\[][\s" + _GAP + r"]*" + _GAP + r"[\s" + _GAP + r"]*[)\]]", _GAP, text)
    # and dashes that held nothing but the cut (`runs. — Story continues after this message —
    # But`: the two dashes were left, `runs. — — But`)
    text = re.sub(r"\s*[—–][\s" + _GAP + r"]*" + _GAP + r"[\s" + _GAP + r"]*[—–]", _GAP, text)
    text = re.sub(r"\s*" + _GAP + r"[\s" + _GAP + r"]*(?=[,.;:!?؟،](?:\s|$)|[)\]»”])", "", text)
    # a straight quote or an apostrophe that closes (a space or a stop after it): `"every
    # reasonable effort (opens in new tab)" to reach` is `"every reasonable effort" to reach`
    text = re.sub(r"(?<=\w)\s*" + _GAP + r"[\s" + _GAP + r"]*(?=[\"'’](?:[\s,.;:!?]|$))", "", text)
    text = re.sub(r"\s*" + _GAP + r"[\s" + _GAP + r"]*", " ", text)
    return normalise(text)


def _line_rule(text: str, rules: NoiseRules) -> OutletRule | None:
    line = rules.forms(text)
    return first_match(rules.lines, line) or first_match(rules.credits, line)


def _glued_story(text: str, rules: NoiseRules, structural: Structural) -> tuple[str, str] | None:
    """(noise, story) of a link's label and headline that a story's sentence was glued to
    with no stop between them, or None. A split qualifies where the head alone is a whole-line
    rule's and the rest is a long sentence of no rule's (it would otherwise be lost with the
    label); of those, the first where a sentence's opening word (`The`, `It`, `In`...) starts
    the rest, else the first: a headline in sentence case may hold a name (`meet Ravensby
    engineers`). Only after a read-link label: an ask or a byline runs on in words of its
    own (`Subscribe to Back Nine's Tee Sheet newsletter for ...`: no story starts at `Sheet`)."""
    if not text.endswith(_SENTENCE_END):
        return None
    label = _READ_LABEL.match(text)
    if label is None:
        # any label a whole-line rule knows, glued to the story's first word with no space
        # at all (`Advertisement · Story continues belowBytewatch understands ...`: set 335;
        # `شاركوا المقال مع العائلةوأكدت ...`, 84 characters: set 344)
        joined = _labelled_join(text, rules, structural)
        return None if joined is None else joined[:2]
    if len(text) < _GLUED_STORY_MIN_CHARS:
        return None
    first: tuple[str, str] | None = None
    splits = sorted(
        [*_GLUED_STORY.finditer(text, label.end()), *_GLUED_STORY_JOIN.finditer(text, label.end())],
        key=lambda m: m.start(),
    )
    for m in splits:
        head, rest = text[: m.start()], text[m.end() :]
        if len(rest.split()) < _GLUED_STORY_MIN_WORDS:
            break  # later splits leave shorter rests
        if m.start() == m.end() and not _JOINED_WORD_END.search(head):
            continue  # a name written in camel case (`YouTube`, `McBride`), not two words
        if len(head.split()) < 3 or _OPEN_ENDING.search(head):
            continue
        rule = _line_rule(head, rules)
        if rule is None or rule.span != "line":
            continue
        if _line_rule(rest, rules) is None and not structural.check(rest):
            if _SENTENCE_OPENER.match(rest):
                return head, rest
            first = first or (head, rest)
    return first


def _labelled_join(
    text: str, rules: NoiseRules, structural: Structural
) -> tuple[str, str, OutletRule] | None:
    """(label, story, the label's rule) where a label that a whole-line rule takes alone is
    glued to the story's sentence with no space (the first such join in the line's first 80
    characters)."""
    joins = sorted(
        [
            *_GLUED_STORY_JOIN.finditer(text, 0, _JOINED_LABEL_MAX),
            *_GLUED_STORY_JOIN_AR.finditer(text, 0, _JOINED_LABEL_MAX + 40),
            *_LABEL_BAR.finditer(text, 0, _JOINED_LABEL_MAX),
        ],
        key=lambda m: m.start(),
    )
    for m in joins:
        head, rest = text[: m.start()], text[m.end() :]
        if len(rest.split()) < _GLUED_STORY_MIN_WORDS:
            continue
        if m.re is _GLUED_STORY_JOIN and not _JOINED_WORD_END.search(head):
            continue
        rule = _line_rule(head, rules)
        if rule is None or rule.span != "line":
            continue
        if _line_rule(rest, rules) is None and not structural.check(rest):
            return head, rest, rule
    return None


_JOINED_LABEL_MAX = 80
# a label of two words or more ending in a word in lower case (`Link copied`), glued to the
# sentence after it: where the line as a whole is no rule's, a name in camel case (`PlayGrid`,
# `Download FellTrace`) is not taken for a label and a sentence
_LOWER_LABEL_GLUED = re.compile(r"\S+(?:\s+\S+)*\s+[a-z]{2,}")
# a label set before the story's sentence by a bar (`تحرير: قسم الأخبار المحلية | وقال الناطق
# ...`: set 343)
_LABEL_BAR = re.compile(r"\s+\|\s+")
# a watch or listen label and its colon (a read label heads a linked headline)
_STORY_LABEL = re.compile(
    r"(?:(?:watch|listen)(?: (?:the|our|now))?(?: (?:video|clip|report))?"
    r"|(?:شاهد|شاهدوا|شاهدي|استمع|استمعوا)(?: (?:الفيديو|المقطع))?)\s*:\s*",
    re.I,
)
_LABELLED_STORY_MIN_WORDS = 16


def _labelled_story(text: str, rules: NoiseRules, structural: Structural) -> tuple[str, str] | None:
    """(label, story) of a label glued before the story's own sentence (`شاهد الفيديو:
    انطلقت مساء أمس فعاليات ...`), or None: after the label a long sentence that ends with a
    stop and that no rule takes (a linked headline is short and has no stop)."""
    label = _STORY_LABEL.match(text)
    if label is None:
        return None
    rest = text[label.end() :]
    if len(rest.split()) < _LABELLED_STORY_MIN_WORDS or not rest.endswith("."):
        return None  # a linked headline: short, a question, or no stop
    if len(sentences(rest)) != 1:
        return None  # `<headline>. Here's what we found.`: a teaser's two lines
    kept, rule, _, caption, _ = _clean_line(rest, rules, structural, captions=False)
    if rule is not None or caption or kept != rest:
        return None  # the promo goes on after the label (`WATCH: ... - subscribe for £4.99`)
    return label.group(0).strip(), rest


# a story's sentence: someone reports it (`..., the streaming giant has confirmed.`)
_REPORTED = re.compile(
    r"\b(?:said|says|say|told|confirmed|confirms|announced|announces|reported|reports|"
    r"according to|warned|warns|added|adds)\b"
)
_TRAILING_STORY_MIN_WORDS = 12


def _trailing_story(
    text: str, rules: NoiseRules, structural: Structural, outlet: OutletRule
) -> tuple[str, str] | None:
    """(notice, story) of a notice of several sentences that a story's sentence was glued
    after (`Support independent journalism. ... become an Insider today. Radio Kowie FM, a
    community station, says it could go off air.`), or None. The last sentence is the
    story's when it is long, speaks to no reader, reports someone and is no rule's, and the
    sentences before it are still the same rule's notice."""
    parts = sentences(text)
    if len(parts) < 2:
        return None
    last = parts[-1]
    rest, _ = _cut_inline(last, rules)  # `More info Millions of customers ...`
    if (
        len(rest.split()) < _TRAILING_STORY_MIN_WORDS
        or not rest.endswith(_SENTENCE_END)
        or ADDRESSED.search(rest)
        or not _REPORTED.search(rest)
        or _line_rule(rest, rules) is not None
        or structural.check(rest)
    ):
        return None
    head = text[: len(text) - len(last)].rstrip()
    if _line_rule(head, rules) is not outlet:
        return None
    return head, last


def _after_label(text: str) -> str | None:
    """What follows a short box label (``Embedded map: ...``), or None if none leads."""
    m = _LABEL.match(text)
    if m is None or m.end() > _LABEL_MAX or not text.endswith((".", "!", "?", "؟")):
        return None
    if _PROSE_WORD.search(text, m.end()) is None:
        return None
    return text[m.end() :]


def _paired_rule(text: str, rules: NoiseRules) -> OutletRule | None:
    """The rule of a line that is two noise lines, the second in brackets (``Published Jun 4,
    2025 (Updated Jun 4, 2025 at 8:40 am)``): each is matched on its own."""
    m = _BRACKETED_TAIL.search(text) if text.endswith(")") else None
    if m is None or m.start() == 0:
        return None
    head = _line_rule(text[: m.start()], rules)
    if head is None or head.span != "line" or _line_rule(m.group(1), rules) is None:
        return None
    return head


def _bracketed_rule(text: str, rules: NoiseRules) -> OutletRule | None:
    """The whole-line rule of a placeholder printed in brackets (``[Game viewer loading…]``,
    ``(Video unavailable)``): what the brackets hold is matched on its own."""
    m = _BRACKETED.fullmatch(text)
    if m is None:
        return None
    rule = _line_rule((m.group(1) or m.group(2)).strip(), rules)
    return rule if rule is not None and rule.span == "line" else None


def _labelled_rule(text: str, rules: NoiseRules, *, teasers: bool = False) -> OutletRule | None:
    """The whole-line rule matching what follows a short label leading ``text``."""
    rest = _after_label(text)
    if rest is None:
        return None
    rule = first_match(rules.lines, rules.forms(rest), teasers=teasers)
    return rule if rule is not None and rule.span == "line" else None


def _spoken_by_a_speaker(text: str) -> bool:
    """The paragraph opens with a transcript's speaker (`WHITCOMB: ...`), not a label."""
    speaker = _SPEAKER.match(text)
    return speaker is not None and speaker.group().split()[0].rstrip(":") not in _CAPITAL_LABELS


def _drop_sentences(
    text: str, rules: NoiseRules, structural: Structural | None = None
) -> tuple[str, list[Removal]]:
    parts = sentences(text)
    brief = (
        len(parts) <= _BRIEF_SENTENCES
        and len(text.split()) <= _BRIEF_WORDS
        and not _spoken_by_a_speaker(text)
    )
    own = bool(rules.own) and structural is not None and structural.names_the_outlet(text)
    if len(parts) < 2 and not brief and not own:
        return text, []
    quoted = in_quotation(parts)
    kept: list[str] = []
    cuts: list[Removal] = []
    opening = True  # every sentence kept so far comes before the first cut
    dropped: list[bool] = []  # per sentence so far: cut
    # the last sentence glued to the stop before it, no space between (`... من ملكيتها.شاهد
    # الفيديو`: set 339): markup's leftover, a label any whole-line rule takes is cut
    glued_tail = len(parts) > 1 and text.endswith(parts[-2] + parts[-1])
    for n, (part, in_quote) in enumerate(zip(parts, quoted, strict=True)):
        dropped.append(False)
        if in_quote or _QUOTES_A_NOTICE.search(part):
            # someone's words: `“A newsletter lands in your inbox ...,” she said.`; a notice
            # the story quotes: `Users see the message 'This content is not available ...'`
            kept.append(part)
            opening = opening and not cuts
            continue
        line = rules.forms(part)
        rule = first_match(rules.lines, line, teasers=True) if len(parts) > 1 else None
        if rule is None and len(parts) > 1:
            rule = _labelled_rule(part, rules, teasers=True)
        if rule is None and glued_tail and n == len(parts) - 1 and len(part.split()) <= 6:
            rule = first_match(rules.lines, line)
            rule = rule if rule is not None and rule.span in ("line", "list") else None
        if rule is None and brief:
            rule = first_match(rules.briefs, line)
        if rule is None and own and structural is not None:
            rule = _own_rule(part, rules, structural)
        if rule is None:
            kept.append(part)
            opening = opening and not cuts
        elif cuts and cuts[-1].rule == rule.name and dropped[-2]:  # the sentence before
            cuts[-1] = Removal(f"{cuts[-1].text} {part}", rule.name)
        else:
            cuts.append(Removal(part, rule.name))
        dropped[-1] = rule is not None
    if cuts and (
        (len(kept) == 1 and _is_greeting(kept[0]))
        or (opening and _is_hook(kept) and not any(quoted))
        or (_between_cuts(dropped) and _is_link(kept) and not any(quoted))
    ):
        cuts.insert(0, Removal(" ".join(kept), cuts[0].rule))
        kept = []
    if not cuts:
        return text, []  # as it was (two sentences glued with no space stay so)
    return " ".join(kept), cuts


def _between_cuts(dropped: list[bool]) -> bool:
    """Whether every sentence a paragraph kept lies between two of its cut sentences."""
    kept_at = [i for i, cut in enumerate(dropped) if not cut]
    cut_at = [i for i, cut in enumerate(dropped) if cut]
    return bool(kept_at and cut_at) and cut_at[0] < kept_at[0] and kept_at[-1] < cut_at[-1]


def _is_link(kept: list[str]) -> bool:
    """Whether what a paragraph kept between two promo sentences is the promo's own link
    between them (`Love this? There's more where it came from. Our Sunday edit lands at 8am -
    tell us where to send it.`): a short sentence or two, ten words in all. A story's line
    does not sit alone between two of the outlet's asks."""
    return len(kept) <= _HOOK_MAX_SENTENCES and sum(len(p.split()) for p in kept) <= _HOOK_MAX_WORDS


def _is_greeting(text: str) -> bool:
    """A short exclamation a notice opens or closes with (``Kia orana!``, ``Thanks!``), or a
    newsletter's greeting (``Good morning.``)."""
    if text.endswith("!") and len(text.split()) <= _GREETING_MAX_WORDS:
        return True
    return bool(_GREETING.fullmatch(text))


def _is_hook(kept: list[str]) -> bool:
    """Whether the sentences a paragraph kept before its cut promo are the promo's hook: one
    or two sentences, ten words in all, each a question, a short exclamation or an ask
    (`Stay ahead of the regulators.`, `Glued to the show? So are we.`, `Stuck in it? Tell us
    what you can see.`, `ادعم الصحافة المستقلة.`), or one sentence of a promo's promise
    (``_PROMISE``). A paragraph of copy keeps its opening."""
    if not kept or len(kept) > _HOOK_MAX_SENTENCES:
        return False
    words = sum(len(part.split()) for part in kept)
    if len(kept) == 1 and words <= _PROMISE_MAX_WORDS and _PROMISE.search(kept[0]):
        return True
    if words > _HOOK_MAX_WORDS:
        return False
    return all(
        part.rstrip().endswith(("?", "؟"))
        or (part.rstrip().endswith("!") and len(part.split()) <= _HOOK_EXCLAMATION_MAX_WORDS)
        or _HOOK.match(part) is not None
        for part in kept
    )


def _own_rule(sentence: str, rules: NoiseRules, structural: Structural) -> OutletRule | None:
    """The ``own`` rule matching a sentence that names the record's source."""
    marked = structural.with_own_name_marked(sentence)
    return first_match(rules.own, rules.forms(marked)) if marked else None


def _opens_with(paragraph: str, kept: str) -> bool:
    """Whether what a paragraph kept is its opening, two sentences or more: a promo glued to
    the end of copy (`Should you buy one? If you ..., yes. Find out ... with our tool.`)
    leaves the copy, however it speaks to the reader."""
    return paragraph.startswith(kept) and len(sentences(kept)) >= _COPY_SENTENCES


def _rest_of_notice(text: str, rules: NoiseRules) -> OutletRule | None:
    """The remainder rule matching every sentence left of a paragraph that lost a sentence to
    noise (``Here's how it works.`` after a commission notice), if one does for each."""
    if len(text) > _REST_MAX:
        return None
    found = None
    for part in sentences(text):
        found = first_match(rules.remainders, rules.forms(part))
        if found is None:
            return None
    return found


def _split_credit(text: str, rules: NoiseRules) -> tuple[str, Removal, bool] | None:
    """A credit ending ``text``: (the text before it, its removal, whether that is a caption).

    A short one-sentence text before a credit describes the picture (a caption); a longer
    paragraph with a credit at its end is body text with the credit glued on. A kind's
    credit (``(Jane Roe/Getty Images)``, ``Photo: Jane Roe/AP``) ends captions only: the text
    before it is a caption whatever its number of sentences (``... Hill in Washington, D.C.``).
    """
    line = rules.forms(text)
    for rule in rules.credits:
        regex = rule.searching(line)
        if regex is None:
            continue
        for m in regex.finditer(text):
            if m.end() != len(text) or m.start() == 0:
                continue
            if text[m.start() - 1] not in " .!?,;|-–—(\"”’'":
                continue
            start = _glued_credit_start(text, m.start())
            before = text[:start].rstrip(" |-–—,;(")
            if len(before.split()) < _CAPTION_MIN_WORDS:
                continue
            parts = sentences(before)
            caption = len(before) <= _CAPTION_MAX and len(parts) == 1
            if not caption and len(before) <= _KIND_CAPTION_MAX and not _speaks(parts):
                caption = _ends_with_kind_credit(text, rules)
            if caption and _DATELINE.match(before):
                caption = False  # the story's first paragraph with a credit glued on
            if caption and _TOLD.search(before):
                caption = False  # `X told the inquiry that ... in 2023.Picture: <credit>`
            if caption and _GOES_ON_AR.match(fold_arabic_marks(before)):
                caption = False  # `ودعت الوزارة ... المتأخرة. (المصدر: ...)`: set 343
            if (
                caption
                and len(parts) == 1
                and (
                    (_glued_on(text, start) and _reads_as_story(before))
                    or _REPORTS_SPEECH.search(before)
                )
            ):
                # `... has already gathered 2,300 members.Photo by ...`: a credit glued to the
                # stop of one sentence that reports (set 331): the story's, not what a picture
                # shows (a caption set apart from its credit by a space stays a caption, and so
                # does a magazine's caption of several sentences with its shoot's credit)
                caption = False
            if caption and len(before) > _NAME_CAPTION_MAX and _BARE_NAME.fullmatch(m.group(0)):
                # a name alone in brackets after a paragraph's worth of sentence is the
                # writer's sign-off (`... para sa mga update. (Jonalyn Sarmiento)`), after a
                # caption's few words the photographer (`Smoked trout, pickled ramps. (Owen
                # Trask)`)
                caption = False
            return before, Removal(text[start:], rule.name), caption
    return None


# the words a credit's match left behind, glued to a sentence's stop: `... 2 July.PA Images/
# Vale Voice` (the rule knows `Images/<outlet>`), `... النادي».حقوق الصورة: ...` (set 341)
_CREDIT_HEAD = re.compile(r"(?<=[.!?؟»”\"])\s?(?:[^\W\d_][\w&'’-]*\s){1,2}$")


def _glued_credit_start(text: str, at: int) -> int:
    """Where a credit found at ``at`` begins: at the stop it is glued to, where one or two
    words stand between that stop and ``at`` (a credit's own first words), else ``at``."""
    head = _CREDIT_HEAD.search(text, max(0, at - 40), at)
    return at if head is None else head.start() + (text[head.start()] == " ")


# a paragraph that goes on from the one before it, `و` or `ف` and a verb a report goes on
# with (`ودعت الوزارة ...`, `وأضاف ...`): the story's; a caption opens on what it shows
_GOES_ON_AR = re.compile(
    r"[وف](?:قال|قالت|أكد|أكدت|أضاف|أضافت|أوضح|أوضحت|أشار|أشارت|أعلن|أعلنت|دعا|دعت|كشف|كشفت"
    r"|لفت|لفتت|شدد|شددت|طالب|طالبت|اعتبر|اعتبرت|تابع|تابعت|ذكر|ذكرت|بين|بينت|عبر|عبرت"
    # a verb in the present (`ويفتح السوق أبوابه ...`: set 348)
    r"|ي\S{2,}|ت\S{2,})\s"
)


def _glued_on(text: str, at: int) -> bool:
    """Whether the credit at ``at`` follows a sentence's stop with no space between, or with
    a dash glued to the stop (`... one lechon."— Photo by ...`: set 346)."""
    before = text[:at].rstrip("(")
    dashed = before.rstrip()
    if dashed[-1:] in ("—", "–") and dashed[:-1][-1:] in _SENTENCE_END:
        return True
    return bool(before) and before[-1] in _SENTENCE_END


# what a picture's caption does not say: someone reported it, it will happen or has happened,
# the writer says it, or (Arabic) the sentence goes on from the one before it (`ويأتي القرار
# ...`, `وكانت ...`)
_STORY_SENTENCE = re.compile(
    r"\b(?:said|says|told|according to|announced|confirmed|reported|will(?: not)? [a-z]+"
    # a plan or an expectation (`Operators expect the plant to reach full capacity by ...`:
    # blind site 86)
    r"|(?:expects?|expected|plans?|planned|hopes?|aims?|intends?)(?: [\w'’-]+){0,3} to [a-z]+"
    # (`Weather forecasters expect more rain on Tuesday.Credit: ...`: set 357)
    r"|expects? (?:more|further|heavy|strong|higher|lower|a|an|the)\b"
    r"|(?:has|have|had)(?: already| now| also| not| since| yet| just)?"
    r" (?:been )?(?:[a-z]+(?:ed|en|wn)|found|made|sent|built|left|lost|paid|held|brought"
    r"|bought|sold|won|spent|kept|met|led|put|set|cut|begun|become|struck|taught|caught"
    r"|sought|fought|heard|read|spread)"
    # an obligation or a condition (`Candidates ... must change their institution on the
    # board's portal before the screening.Credit: ...`: set 349)
    r"|(?:must|should|would|could|cannot|can't|won't|need to)(?: not)? [a-z]+)\b"
    # (`وحذرت الوزارة ...`, `وستقدم الفرقة ...`: a past verb in the feminine, a future: 349, 351)
    r"|^[وف](?:[يتنأ]|س[يتنأ]|كان|قد|لم|لن|ا[^ل\s]\S*ت(?=\s)|\S{2,}[^ا\s]ت(?=\s))"
    # (`وقال الوالد ...: «...».تصوير: ...`: the conjunction before the verb, set 340)
    r"|(?:^|\s)[وف]?(?:قال|قالت|أكد|أكدت|أضاف|أضافت|أوضح|أوضحت|بحسب|وفقا ل|وفقاً ل)"
    # a writer speaking (`I still think the courts matter, but ...`: noise set 334), or a state
    # that goes on (`... ما زال في الأدراج`)
    r"|\b(?-i:I|We|we)\b(?!['’]s)"
    r"|(?:^|\s)(?:ما زال|ما زالت|لا يزال|لا تزال|لم يعد|لم تعد)(?=\s)",
    re.I,
)


# a sentence that reports what someone said or what was shown (`... spokesman Gareth Penhale
# said the move was overdue. (Image: ...)`, `Photographs shared on social media showed ...
# Picture: ...`: set 357): the story's, whatever stands between it and a credit; a picture's
# caption shows (`X speaks`, `Firefighters battle ...`)
_REPORTS_SPEECH = re.compile(r"\b(?:said|told|showed|according to)\b")


def _reads_as_story(text: str) -> bool:
    return _STORY_SENTENCE.search(text) is not None


def _speaks(parts: list[str]) -> bool:
    """Someone quoted over several sentences: a paragraph of the story, which a picture's
    caption (what it shows; a wire's may report what someone said) is not (`X said the
    signing was 'not a gamble'. 'We have his data ... already there.'`), or quoted with who
    said it in one of them (`X said ... notice. "Three weekends ... Christmas," she said.`)."""
    return len(parts) > 1 and (
        any(in_quotation(parts)) or any(_QUOTED_SAYING.search(part) for part in parts)
    )


def _ends_with_kind_credit(text: str, rules: NoiseRules) -> bool:
    """Whether a kind's picture credit (a caption's end, never a paragraph's) ends ``text``."""
    line = rules.forms(text)
    for rule in rules.credits:
        regex = rule.searching(line) if rule.layer == "kind" else None
        if regex is not None and any(
            m.end() == len(text) and m.start() > 0 for m in regex.finditer(text)
        ):
            return True
    return False


def _own_credit_opening(text: str, structural: Structural) -> tuple[str, str] | None:
    """``Photo / <the record's own outlet> <a story's sentence>``: (the credit, the story).

    A picture's credit to the outlet itself, glued before a paragraph of the story. A
    caption ends with its credit; text after a credit to the outlet is the copy's next
    paragraph, whatever follows the name (`Photo: Gulf News/AFP` is a credit alone)."""
    label = _CREDIT_LABEL.match(text)
    own = structural.own_name
    if label is None or own is None:
        return None
    at = label.end()
    photographer = _FOR_OUTLET.match(text, at)  # `Photo by Jane Roe for <outlet>`
    name = own.match(text, photographer.end() if photographer else at)
    if name is None:
        return None
    end = name.end()
    kind = _CREDIT_KIND.match(text, end)  # `<outlet> archive`
    end = kind.end() if kind else end
    if not text[end : end + 1].isspace():
        return None
    rest = text[end:].strip()
    if len(rest.split()) < _OWN_CREDIT_STORY_MIN_WORDS or not rest[0].isalnum():
        return None
    return normalise(text[:end]), rest


# a credit of a few words whose last word runs into a sentence's first (`SuppliedA start-up`)
_GLUED_TO_CREDIT = re.compile(r"(?:[^\W\d_][\w'’.-]*\s){0,3}[^\W\d_]*[a-z](?=[A-Z][a-z]* [a-z])")


def _caption_label(text: str, rules: NoiseRules) -> tuple[Removal, str] | None:
    """``Image caption, <caption>``: the label's removal and the caption after it."""
    line = rules.forms(text)
    for rule in rules.caption_labels:
        regex = rule.searching(line)
        if regex is None:
            continue
        m = regex.match(text)
        if m is not None and m.end() < len(text) and any(c.isalnum() for c in text[m.end() :]):
            return Removal(normalise(m.group(0)), rule.name), text[m.end() :].strip()
    return None


def _is_rail_item(
    text: str, following: str = "", first: bool = False, after_item: bool = False
) -> bool:
    """A headline of a list of links: short, no sentence's end, no list heading's colon. A
    question is a headline's (`How do you choose the right feed?` under `Related topics`)
    unless a paragraph of copy follows it: then it is the copy's subheading (`What changes
    for users?`). Right under the box's label (``first``) it is the box's one link
    (`READ MORE` / `Mayoral race: who is standing?`), whatever follows; so it is after
    another of the box's headlines (``after_item``) when it is a headline's length (`Why are
    so many trains running late this autumn?`): a subheading is a few words."""
    if len(text) > _RAIL_ITEM_MAX:
        return False
    text = without_citations(text)  # `... expand it.[2]` ends its sentence before its marker
    if text.endswith(("?", "؟")):
        if len(sentences(text)) != 1:
            return False
        headline = after_item and len(text.split()) >= _QUESTION_HEADLINE_MIN_WORDS
        return first or headline or not is_copy(following)
    return not text.endswith((*_SENTENCE_END, ":"))  # `Key figures:` heads the copy's list


def _heads_items(text: str | None, lines: list[str], i: int) -> bool:
    """Whether ``text`` (``lines[i]``) is a short heading with no figure of its own over a
    list of figures (`Key figures` / `Capacity: 600,000 TEU a year`): the copy's own list,
    which ends a rail of links before it."""
    if not text or i + 1 >= len(lines) or len(text.split()) > _HEADING_MAX_WORDS:
        return False
    return not any(ch.isdigit() for ch in text) and _LABELLED_FIGURE.match(lines[i + 1]) is not None


def _is_chrome_start(lines: list[str], i: int, rules: NoiseRules) -> bool:
    folded = lines[i].casefold()
    if folded in rules.chrome_start:
        return True
    if folded in rules.chrome_block:
        ahead = (x.casefold() for x in lines[i + 1 : i + 4])
        return any(x in rules.chrome_block for x in ahead)
    return False


_BOX_MAX_LINKS = 5  # headlines an outlet's related box lists before its copy resumes


def _related_box_end(lines: list[str], i: int, rules: NoiseRules, structural: Structural) -> int:
    """Where an outlet's own related box ends, when ``lines[i]`` is the site's related label
    but the copy goes on after the box: the label, a few headlines (or none), then a
    paragraph of copy (`Related Articles` / `Councilwoman pushes for free fares for
    students` / `Riders who ...`). The site's related section has the site's chrome around
    it and its entries carry ages and source lines; a text that shows any of them ends
    there. 0: no box."""
    if lines[i].casefold() not in rules.chrome_related:
        return 0
    for j in range(i + 1, min(len(lines), i + 2 + _BOX_MAX_LINKS)):
        line = lines[j]
        if line.casefold() in rules.chrome_block or structural.check(line):
            return 0
        if is_copy(line):
            return j
        if line.rstrip().endswith((".", "!", "?", "؟")) or len(line.split()) > 20:
            return 0
    return 0


def _copy_after_chrome(lines: list[str], i: int, rules: NoiseRules, structural: Structural) -> int:
    """Where the copy resumes when the site's chrome block (``lines[i]`` on) sits inside it:
    the block's own lines and a few short ones, then paragraphs of copy that run to the end
    of the text with nothing of the site after them (no chrome line, no age or source line:
    the site's related section, or readers' comments before it, always has them). 0: the
    block ends the body."""
    resume = 0
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if line.casefold() in rules.chrome_block:
            if resume:
                return 0  # the site again after the paragraphs: they were its, not the copy's
            continue
        if structural.check(line):
            return 0  # an age or a source line: the site's related section
        if not resume:
            if is_copy(line):
                resume = j
            elif j - i > _BOX_MAX_LINKS + len(rules.chrome_block):
                return 0
    return resume


def _stray_word(text: str) -> bool:
    """One short word and punctuation: what is left of a notice cut out around it."""
    words = _WORD.findall(text)
    return len(words) == 1 and len(words[0]) <= _STRAY_MAX


def _clean_line(
    text: str, rules: NoiseRules, structural: Structural, captions: bool = True
) -> tuple[str | None, str | None, list[Removal], str | None, OutletRule | None]:
    """(kept text, whole-line rule, cuts, caption, outlet rule that fired)."""
    cuts: list[Removal] = []
    caption: str | None = None
    for _ in range(_MAX_PASSES):
        before = text
        rule_id = structural.check(text)
        if rule_id:
            return None, rule_id, cuts, caption, None
        outlet = (
            _line_rule(text, rules)
            or _labelled_rule(text, rules)
            or _paired_rule(text, rules)
            or _bracketed_rule(text, rules)
        )
        if outlet is not None and (
            _QUOTES_A_TEXT.search(text)
            or _REPORTED_ASK.search(text)
            or _REPORTED_ASK_AR.search(text)
            or _QUOTES_A_NOTICE.search(text)
        ):
            # `The messages typically read: "Your subscription has expired. Click here ..."`:
            # a text the story quotes; its sentences are weighed one by one below
            outlet = None
        if outlet is not None:
            glued = (
                _glued_story(text, rules, structural)
                or _labelled_story(text, rules, structural)
                or _trailing_story(text, rules, structural, outlet)
            )
            if glued is None:
                return None, outlet.name, cuts, caption, outlet
            cuts.append(Removal(glued[0], outlet.name))
            text = glued[1]
            continue
        joined = _labelled_join(text, rules, structural) if text.endswith(_SENTENCE_END) else None
        if joined is not None and _LOWER_LABEL_GLUED.fullmatch(joined[0]):
            # a label glued to the story's first word where the line as a whole is no rule's
            # (`Link copiedFire chief Rhonda Bell said ...`: blind site 86)
            cuts.append(Removal(joined[0], joined[2].name))
            text = joined[1]
            continue
        own_credit = _own_credit_opening(text, structural)
        if own_credit is not None:
            cuts.append(Removal(own_credit[0], "own_credit"))
            text = own_credit[1]
            continue
        labelled = _caption_label(text, rules)
        if labelled is not None:
            label, rest = labelled
            run_on = _GLUED_TO_CREDIT.match(rest)
            if run_on is not None and is_copy(rest[run_on.end() :]):
                # `Photo: SuppliedA start-up based in ...`: the credit's last word glued to the
                # story's first (blind site 76): the credit goes, the story's sentence stays
                cuts.append(Removal(normalise(f"{label.text} {run_on.group()}"), label.rule))
                text = rest[run_on.end() :]
                continue
            if captions:
                split = _split_credit(rest, rules)
                if split is not None:
                    rest, credit, _ = split
                    cuts.append(credit)
                caption, more = _cut_inline(rest, rules)
                return None, None, [*cuts, label, *more], caption or None, None
            cuts.append(label)
            text = rest
        split = _split_credit(text, rules)
        if split is not None:
            described, credit, is_caption = split
            cuts.append(credit)
            if is_caption and captions:
                caption, more = _cut_inline(described, rules)
                return None, None, [*cuts, *more], caption or None, None
            text = described
        text, more = _cut_inline(text, rules)
        cuts += more
        if not any(ch.isalnum() for ch in text) or (more and _stray_word(text)):
            # nothing but punctuation left, or a word the cuts left hanging (`at`, `or`)
            return None, (more[0].rule if more else "encoded_markup"), [], caption, None
        text, more = _drop_sentences(text, rules, structural)
        cuts += more
        if not text:
            return None, more[0].rule, [], caption, None
        tail_rule = _rest_of_notice(text, rules) if more and not _opens_with(before, text) else None
        if tail_rule is not None:
            return None, tail_rule.name, [], caption, None
        if text == before:
            break
    return text, None, cuts, caption, None


def trace(
    blocks: list[str],
    rules: NoiseRules,
    *,
    language: str = "en",
    title: str | None = None,
    source: str | None = None,
    category: str | None = None,
    learner: KnowsLearnedLines | None = None,
    captions: bool = True,
) -> list[LineOutcome]:
    """One :class:`LineOutcome` per non-empty input line, in order.

    ``captions=False`` (teasers) cuts a trailing picture credit but never moves the text
    before it to the captions: a teaser has no pictures, all of its text is body text.
    """
    structural = Structural(rules, title=title, source=source, category=category)
    lines = list(lines_of(blocks))
    table = table_rows(lines)
    out: list[LineOutcome] = []
    mode: str | None = None  # None (body), "chrome", or the name of a list/rest span rule
    span_kind = ""
    follow: re.Pattern[str] | None = None
    shared: dict[int, tuple[str, list[Removal]]] = {}  # lines learned across sources
    box_end = 0  # an outlet's related box inside the copy runs up to here
    label_at = -2  # the line that opened the outlet's box (its label)
    for i, line in enumerate(lines):
        item = LineOutcome(text=line)
        out.append(item)
        if i < box_end:
            item.rule = "chrome"
            continue
        if mode == "chrome" or _is_chrome_start(lines, i, rules):
            box_end = 0
            if mode is None:
                box_end = _related_box_end(lines, i, rules, structural)
                box_end = box_end or _copy_after_chrome(lines, i, rules, structural)
            if not box_end:
                mode = "chrome"
            item.rule = "chrome"
            continue
        if mode is not None and span_kind == "rest":
            item.rule = mode
            continue
        if i in table:  # a row of the copy's table (`Fibrenet | 500Mb | £24`): whole
            mode, item.kept, item.in_table = None, line, True
            continue
        kept, rule, cuts, caption, outlet = _clean_line(line, rules, structural, captions)
        item.in_list = (
            len(out) > 1 and _continues_list(out[-2], line) and _OUTLET_VOICE.search(line) is None
        )
        if _is_list_step(out, line, rule):
            rule, kept = None, line
        if rule is not None:
            item.rule = rule
            if outlet is not None and outlet.span != "line":
                mode, span_kind, follow = outlet.name, outlet.span, outlet.follow
                label_at = i
            elif span_kind == "follow" and rule != mode:
                mode = None  # another kind of noise in between: the appeal has ended
            elif span_kind == "list" and rule.startswith("kind:") and rule != _WIDGET:
                mode = None  # a byline, a credit, a notice (not a button): not a link of the rail
            continue
        if mode is not None and span_kind == "list" and _heads_items(kept, lines, i):
            mode = None  # the copy's own list starts: `Key figures` / `Capacity: 600,000 TEU`
        if mode is not None and span_kind in ("list", "follow"):
            if kept is not None and (
                _is_rail_item(
                    kept,
                    lines[i + 1] if i + 1 < len(lines) else "",
                    i == label_at + 1,
                    out[-2].rule == mode,
                )
                if span_kind == "list"
                else follow is not None and follow.fullmatch(kept) is not None
            ):
                item.rule = mode
                continue
            mode = None
        item.cuts, item.caption = cuts, caption
        learned = learner.learned_as(source or "", kept) if kept and learner is not None else None
        if learned is not None:
            if learned == LEARNED_SHARED:
                shared[i] = (kept or "", cuts)
            item.rule, item.cuts = learned, []
            continue
        item.kept = kept
    _keep_copy_sections(out, shared)
    mark_record_shapes(out)
    if rules.pitch is not None:
        for item in _mark_pitches(out, rules.pitch):
            # what the model left of a line is read again, as cleaning it again would
            kept, rule, cuts, _, _ = _clean_line(item.kept or "", rules, structural, captions)
            if rule is not None:
                item.rule, item.kept, item.caption = rule, None, None
            else:
                item.kept, item.cuts = kept, [*item.cuts, *cuts]
    _mark_numbered_items(out)
    _mark_entry_slots(out, rules)
    _settle_record_shapes(out)
    return out


# a list's screen-reader marker over each of its links (`list 1 of 4` ... `end of list`), as a
# page's text shows a rail of recommended stories
_LIST_MARKER = re.compile(r"(?:list|item) \d{1,2} of \d{1,2}", re.I)


def _mark_numbered_items(out: list[LineOutcome]) -> None:
    """The headline under a removed `list 2 of 4` marker is that rail's link: removed too."""
    for before, item in zip(out, out[1:], strict=False):
        if (
            before.rule is not None
            and _LIST_MARKER.fullmatch(before.text.strip())
            and item.rule is None
            and item.kept
            and not item.cuts
            and _is_rail_item(item.kept)
        ):
            item.rule, item.kept = before.rule, None


def _keep_copy_sections(
    out: list[LineOutcome], shared: dict[int, tuple[str, list[Removal]]]
) -> None:
    """A line learned across sources stays where it sits inside the copy: between two kept
    lines of it, it is one of the headings and set phrases copy shares (`Results`,
    `Ingredients`, `What happens next`), not the chrome around it."""
    for i, (kept, cuts) in shared.items():
        if _next_kept(out, range(i - 1, -1, -1)) and _next_kept(out, range(i + 1, len(out))):
            out[i].rule, out[i].kept, out[i].cuts = None, kept, cuts


def _next_kept(out: list[LineOutcome], order: range) -> bool:
    """Whether the first line in ``order`` that a rule did not remove is kept: the lines a
    rule removed (an ad slot, a credit) sit inside the copy; learned ones may be its chrome."""
    for j in order:
        item = out[j]
        if item.rule is None:
            return bool(item.kept)
        if item.rule.startswith(("learned", "chrome")):
            return False
    return False


def _is_list_heading(item: LineOutcome) -> bool:
    """The copy's own list heading (`How to register:`); a promo's opening a pictograph
    (`🎧 Listen to the latest episode of <podcast>:`) introduces the outlet's buttons."""
    heading = (item.kept or "").rstrip()
    return (
        item.rule is None
        and (heading.endswith((":", "：")) or _HOW_TO.fullmatch(heading) is not None)
        and len(heading.split()) <= _STEP_HEADING_MAX_WORDS
        and heading[:1].isalnum()
    )


def _opens_list(out: list[LineOutcome]) -> bool:
    """Whether the line just added is the first under the copy's list heading: an ask there
    is the list's first step (`How to register:` / `Download CaymanGo from your phone's app
    store.`, `How to use it` / `Open the app and choose Freight.`) unless it speaks for the
    outlet or names its channels (`_OUTLET_VOICE`)."""
    return len(out) > 1 and _is_list_heading(out[-2])


def _is_list_step(out: list[LineOutcome], line: str, rule: str | None) -> bool:
    """Whether a line a rule took is an item of the copy's own list: the first step under
    its `How to ...:` heading, the next of its items that lead with a figure, or the next
    clause of a sentence set out as a list."""
    if rule in _STEP_RULES and _opens_list(out):
        return _OUTLET_VOICE.search(line) is None
    if rule in _UI_STEP_RULES and is_interface_step(line):
        return True
    return (
        rule is not None
        and rule.startswith("kind:")
        and (_next_of_items(out, line) or _goes_on_with(out, line))
    )


def is_interface_step(line: str) -> bool:
    """Whether ``line`` walks the reader through an app's or a site's interface (a menu
    path, a named button or setting), or sends them to another body's channel (`typing the
    agency's web address yourself`, `call your bank's number`), without the outlet's voice:
    a how-to's step, the story's advice."""
    return (
        _UI_PATH.search(line) is not None
        or _UI_ACTION.search(line) is not None
        or _OTHERS_CHANNEL.search(line) is not None
    ) and _OUTLET_VOICE.search(line) is None


def _goes_on_with(out: list[LineOutcome], line: str) -> bool:
    """Whether ``line`` carries on the sentence of the kept line before it: that line ends
    with a colon or a semicolon and this one opens in lower case (`Under the new law,
    companies must:` / `allow users to refuse non-essential cookies ...;`)."""
    if len(out) < 2 or not line[:1].islower():
        return False
    before = out[-2]
    return before.rule is None and (before.kept or "").rstrip().endswith((":", ";"))


# a list item that leads with a figure (`45p – Skerrabrae Light`, `2. Ridley Brothers: 48 pts`),
# or a name and then its figure (`Balnacoul, £232`)
_FIGURE_ITEM = re.compile(
    r"(?:\S*\d\S*)\s+([–—-]|:)\s+\S|[^\d,:;.!?]{2,40}?\s*([,:–—-])\s*[$£€¥₹]?\d"
)
# a name and what it belongs to: `Hussam al-Sharabi (Fajr al-Sahel club)`
_NAMED_ITEM = re.compile(r"[^\d()\[\].!?:]{2,40}\s\([^()]{2,40}\)")


def _item_shape(text: str) -> str | None:
    found = _FIGURE_ITEM.match(text)
    if found is not None:
        return (found.group(1) or "") + "|" + (found.group(2) or "")
    return "()" if _NAMED_ITEM.fullmatch(text.strip()) else None


def _next_of_items(out: list[LineOutcome], line: str) -> bool:
    """Whether ``line`` is the next item of the copy's list: the first under its heading, or
    the line before it is a kept item of the same shape, and so is the one before that or
    it is the list's heading (`45p – Skerrabrae Light`, `60p – North Holm Light`, then
    `£1.20 – Cairnsay Point Light`, which alone reads as a shop's price line; `Leading
    prices:` / `Glenlednock, £265` / `Balnacoul, £232`; `In goal:` / `Name (Club)`)."""
    shape = _item_shape(line)
    if shape is None or len(out) < 2:
        return False
    if _opens_list(out) and _OUTLET_VOICE.search(line) is None:
        return True  # the list's first item
    before = out[-2]
    if len(out) < 3 or before.rule is not None or _item_shape(before.kept or "") != shape:
        return False
    first = out[-3]
    return _is_list_heading(first) or (
        first.rule is None and _item_shape(first.kept or "") == shape
    )


def _continues_list(before: LineOutcome, line: str) -> bool:
    """Whether ``line`` reads as an item of a list under the copy's heading: the line before
    it is that heading or a kept item, and ``line`` is short and unpunctuated as list items
    are (`Email the parish office with your name and address`)."""
    if before.rule is not None or len(line.split()) > _STEP_MAX_WORDS:
        return False
    if line.rstrip().endswith((".", "!", "?", "؟")):
        return False  # a sentence: a paragraph, or a promo after the list
    return _is_list_heading(before) or before.in_list


_SETTLE_ROUNDS = 3


def _state(out: list[LineOutcome]) -> list[tuple[str | None, str | None]]:
    return [(o.rule, o.kept) for o in out]


def _settle_record_shapes(out: list[LineOutcome]) -> None:
    """Read the record's shapes again until they hold: what the model and the entry slots
    took changes them (a fragment left alone below the copy, a frame of three lines once a
    fourth has gone), and cleaning the cleaned text must change nothing."""
    for _ in range(_SETTLE_ROUNDS):
        before = _state(out)
        mark_record_ends(out)
        if _state(out) == before:
            return


def _mark_pitches(out: list[LineOutcome], model: PitchModel) -> list[LineOutcome]:
    """The learned layer, last: kept lines the pitch model reads as the outlet's promo. The
    lines it cut a part from."""
    cut: list[LineOutcome] = []
    for item in out:
        if item.rule is not None or item.kept is None or item.in_list:
            continue  # a step of the copy's how-to list is asked of the reader by the story
        if is_interface_step(item.kept):
            continue  # a how-to's step through an app's settings
        if _QUOTES_A_TEXT.search(item.kept) or _spoken_by_a_speaker(item.kept):
            continue  # a post, a text or a letter the story quotes, a transcript's speaker
        rest = model.without_pitch(item.kept)
        if rest and item.kept.startswith(rest) and _is_hook(sentences(rest)):
            rest = ""  # the promo's hook before it: `Stuck in it? Tell us what you can see.`
        elif (
            rest
            and not item.kept.startswith(rest)
            and _is_link(sentences(rest))
            and (not item.kept.endswith(rest) or model.is_pitch(item.kept))
        ):
            # what a promo leaves between its pitches, or after them when the line reads as a
            # promo as a whole, is its own link (`Reporting on it is expensive. Reading it
            # shouldn't be. Unlock ...`, `Corrections? Concerns? Our editor reads ...`)
            rest = ""
        if rest == "":
            item.rule, item.kept, item.cuts, item.caption = PITCH, None, [], None
        elif rest is not None:
            item.cuts.append(Removal(_removed_part(item.kept, rest), PITCH))
            item.kept = rest
            cut.append(item)
    return cut


def _removed_part(text: str, rest: str) -> str:
    """What a cut took from ``text`` when ``rest`` stays: its head, its tail or both."""
    at = text.find(rest)
    return normalise(f"{text[:at]} {text[at + len(rest) :]}") if at >= 0 else text


def _is_slot_text(text: str) -> bool:
    """Short and unpunctuated: could be a source or category name in an entry's slot."""
    words = text.split()
    return 0 < len(words) <= _SLOT_MAX_WORDS and not text.endswith((*_SENTENCE_END, ":", ","))


def _is_headline(text: str) -> bool:
    return len(text) <= _RAIL_ITEM_MAX and not without_citations(text).endswith((".", ":", ","))


def _mark_entry_slots(out: list[LineOutcome], rules: NoiseRules) -> None:
    """Source and category slots of a listing or related entry, for any source name.

    Next to an age slot, Daily8 prints the source name (before a ``time``-prefixed age) and
    list items with the source and category (after it). Sources Daily8 has not been seen
    with are not in the known list, so these lines are recognised by their place instead.
    """
    prefix = rules.age_prefix.casefold()
    _mark_twin_titles(out)
    in_slots = False  # inside the run of list items that follows an age slot
    for i, item in enumerate(out):
        if item.rule is not None:
            in_slots = item.rule == "age" or (
                in_slots and item.rule == "list_echo" and strip_bullet(item.text)[1]
            )
            continue
        text, bulleted = strip_bullet(item.kept or "")
        nxt = out[i + 1] if i + 1 < len(out) else None
        before_age = (
            nxt is not None and nxt.rule == "age" and nxt.text.casefold().startswith(prefix)
        )
        plain = bool(item.kept) and not item.cuts and not item.caption
        if plain and _is_slot_text(text) and ((bulleted and in_slots) or before_age):
            item.rule, item.kept = "list_echo", None
            continue
        in_slots = False
    # An entry's title printed once: the headline right before its source and age slots
    # (or its age alone, the source glued to it: `Juba Lantern5 hours ago`).
    for i, item in enumerate(out[:-1]):
        sourced = out[i + 1].rule == "list_echo" and i + 2 < len(out) and out[i + 2].rule == "age"
        slots = out[i + 1].rule == "age" or sourced
        # over a source slot and a `time`-prefixed age, under the box's label or the entry
        # before, a headline may end with its stop (`I'm a CFO who left finance. Here's what
        # I wish I'd known.`); after a kept line it is the copy's last sentence
        entry = (
            sourced
            and out[i + 2].text.casefold().startswith(prefix)
            and i > 0
            and out[i - 1].rule is not None
        )
        kept = item.kept or ""
        headline = bool(kept) and (_is_headline(kept) or (entry and len(kept) <= _RAIL_ITEM_MAX))
        if slots and item.rule is None and not item.cuts and headline:
            item.rule, item.kept = "title_echo", None
        # a publisher rail's item: its headline over the date the rail prints under it
        # (`Hawkers offered free digital payment training` / `12/04/2025`)
        elif (
            out[i + 1].rule == _RAIL_DATE
            and item.rule is None
            and item.kept
            and not item.cuts
            and _is_headline(item.kept)
        ):
            item.rule, item.kept = _RAIL_HEADLINE, None
    _mark_twin_titles(out)


def _mark_twin_titles(out: list[LineOutcome]) -> None:
    """An entry's title printed two or three times on separate lines (image alt, heading).

    Compared over the kept lines and repeated until nothing changes, so cleaning the result
    again finds nothing more to remove.
    """
    while True:
        kept = [o for o in out if o.rule is None and o.kept]
        twins = {
            id(o)
            for a, b in zip(kept, kept[1:], strict=False)
            if a.kept == b.kept and _is_headline(a.kept or "")
            for o in (a, b)
        }
        if not twins:
            return
        for o in kept:
            if id(o) in twins:
                o.rule, o.kept, o.cuts, o.caption = "title_echo", None, [], None


def clean_blocks(
    blocks: list[str],
    rules: NoiseRules,
    *,
    language: str = "en",
    title: str | None = None,
    source: str | None = None,
    category: str | None = None,
    learner: KnowsLearnedLines | None = None,
    captions: bool = True,
) -> CleanResult:
    """The kept paragraphs of an article, what was removed and by which rule, and captions."""
    result = CleanResult()
    try:
        outcomes = trace(
            blocks,
            rules,
            language=language,
            title=title,
            source=source,
            category=category,
            learner=learner,
            captions=captions,
        )
    except RecursionError:  # pragma: no cover - defensive: never raise on odd text
        result.kept = list(lines_of(blocks))
        return result
    for item in outcomes:
        if item.rule is not None:
            result.removed.append(Removal(item.text, item.rule))
            continue
        result.removed.extend(item.cuts)
        if item.caption:
            result.captions.append(item.caption)
        if item.kept:
            result.kept.append(item.kept)
    return result


def clean_text(
    text: str,
    rules: NoiseRules,
    *,
    language: str = "en",
    title: str | None = None,
    source: str | None = None,
    category: str | None = None,
) -> str:
    """One teaser (often the whole article in one paragraph, noise glued inside) or label."""
    text = strip_leading_title(text or "", title)
    result = clean_blocks(
        [text],
        rules,
        language=language,
        title=title,
        source=source,
        category=category,
        captions=False,
    )
    return " ".join(result.kept)


def clean_figure_captions(texts: Any, rules: NoiseRules, **ctx: Any) -> CleanResult:
    """The page's captions (what its markup marks as captions), each cleaned alone: a credit
    is cut from its caption or removed when it is all there is; what is left is a caption,
    whatever its shape. They come back as ``captions`` (``kept`` stays empty)."""
    result = CleanResult()
    if not isinstance(texts, list):
        return result
    for text in texts:
        if not isinstance(text, str) or not text.strip():
            continue
        one = clean_blocks([text], rules, **ctx)
        result.captions += [c for c in (*one.captions, *one.kept) if c not in result.captions]
        result.removed += one.removed
    return result


def clean_article(
    blocks: list[str],
    figures: Any,
    rules: NoiseRules,
    *,
    learner: KnowsLearnedLines | None = None,
    **ctx: Any,
) -> tuple[CleanResult, CleanResult]:
    """An article's body (:func:`clean_blocks`) and its page's figure captions
    (:func:`clean_figure_captions`), cleaned with the same rules: what the noise pipeline
    asks of a worker, or does itself when there is none."""
    body = clean_blocks(blocks, rules, learner=learner, **ctx)
    ctx.pop("title", None)  # a caption is cleaned as itself, not beside the article's title
    return body, clean_figure_captions(figures, rules, **ctx)


def strip_leading_title(text: str, title: str | None) -> str:
    """``text`` without the title glued or spaced in front of it (listing teasers)."""
    text, title = normalise(text), normalise(title or "")
    if not title:
        return text
    folded, t = text.casefold(), title.casefold()
    while folded.startswith(t) and len(folded) > len(t):
        text = text[len(title) :].lstrip()
        folded = text.casefold()
    return text


def clean_title(title: str, rules: NoiseRules | None = None) -> str:
    """A heading without its duplicate (image alt + heading) and the ``(cloned)`` label."""
    text = normalise(title or "")
    for _ in range(_MAX_PASSES):
        before = text
        unit = repeated_unit(text)
        if unit is not None:
            text = unit
        text = normalise(_CLONED.sub("", text))
        if text == before:
            break
    return text
