"""The kinds layer on outlet boilerplate in the wordings real outlets use (issue 15), and on
content that uses the same words: through the public cleaning API, kinds only (no outlet rules)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.noise_heldout import score_labelled
from newsbot.cleaning import (
    NoiseRules,
    NoiseRulesError,
    clean_blocks,
    load_noise_rules,
    settings_path,
)
from newsbot.profiles import load_profile
from tests.support.reprocess import daily8_record, reprocess

BODY = "The council approved the budget on Monday after a four-hour debate."
BODY_AR = "وافق المجلس على الميزانية يوم الاثنين بعد نقاش استمر أربع ساعات."
ROOT = Path(__file__).resolve().parent.parent
VARIETY = ROOT / "tests" / "data" / "noise_variety"


@pytest.fixture(scope="module")
def kinds_only(tmp_path_factory) -> NoiseRules:
    """The kinds without the outlets' rules (which know some of these wordings by heart)."""
    empty = tmp_path_factory.mktemp("noise") / "noise.toml"
    empty.write_text("", encoding="utf-8")
    return load_noise_rules(load_profile("daily8"), noise_path=empty)


def outcome(line: str, rules: NoiseRules) -> str | None:
    """The kind that removed ``line`` (None: kept as it is)."""
    body = BODY_AR if any("\u0600" <= c <= "\u06ff" for c in line) else BODY
    result = clean_blocks([body, line], rules)
    assert result.kept[0] == body
    if line in result.kept:
        return None
    removed = {r.rule for r in result.removed if r.text == line}
    return removed.pop() if removed else f"changed: {result.kept[1:]} {result.removed}"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("This is your last free article.", "reader_prompt"),
        ("Only subscribers can read this article in full.", "reader_prompt"),
        ("Independent journalism needs your support.", "reader_prompt"),
        ("Was this article helpful?", "reader_prompt"),
        ("Know something we should investigate? Send us a confidential tip.", "reader_prompt"),
        ("Would you like to receive breaking news notifications?", "reader_prompt"),
        ("Set City Beat as a preferred source in Google Search.", "reader_prompt"),
        ("Bet responsibly. 18+. T&Cs apply.", "reader_prompt"),
        ("Link copied to clipboard", "reader_prompt"),
        (
            "This article was translated from Spanish by an AI tool and reviewed by an editor.",
            "piece_note",
        ),
        (
            "This article is republished from The Conversation under a Creative Commons license.",
            "piece_note",
        ),
        ("Advertorial", "piece_note"),
        ("We are a reader-supported publication.", "disclaimer"),
        ("Quotes are delayed by 20 minutes.", "disclaimer"),
        ("Published 7:45 AM EST, Tue March 5, 2024", "byline"),
        ("Updated 10:12 GMT (18:12 HKT) March 5, 2024", "byline"),
        ("Jane Roe is a reporter at The Ledger covering climate and energy.", "byline"),
        ("Sam Lee, Political Correspondent", "byline"),
        ("From staff reports", "byline"),
        ("More Harbour United news", "list_heading"),
        ("Read also: House prices rise for a third month", "section_label"),
        (
            "© 2025 Cable News Network. A Warner Bros. Discovery Company. All Rights Reserved.",
            "rights",
        ),
        ("Tech Signal may receive a commission on purchases made through links.", "commission"),
        ("This content is blocked. Accept cookies to view the content.", "consent_more"),
        ("Courtesy of the family", "media_credit"),
        # any imperative whose object is the outlet, its page or its products
        ("Switch on notifications so you never miss a story.", "reader_action"),
        ("Send your snow photos to Channel 9 - upload them here.", "reader_action"),
        ("Contact Priya at priya@example.com", "reader_action"),
        ("Try 30 days free, then $9.99 a month.", "reader_action"),
        ("Enjoying this article? Get more like it in your inbox.", "reader_action"),
        ("This is a modal window.", "reader_action"),
        ("X · WhatsApp · Email", "reader_action"),
        ("شاركنا رأيك في التعليقات", "reader_prompt"),
        ("فيسبوك", "reader_action"),
        # Arabic: Gulf, Levant, Egyptian and Maghreb outlets' wordings
        ("اشترك للاستمرار في القراءة.", "reader_prompt"),
        ("أضف الخليج اليوم كمصدر مفضل على جوجل.", "reader_prompt"),
        ("هل تريد تلقي إشعارات بآخر الأخبار؟", "reader_prompt"),
        ("التعليقات تعبر عن آراء أصحابها ولا تعبر عن رأي الموقع.", "disclaimer"),
        ("لديك قصة؟ راسلنا على البريد الإلكتروني news@example.com", "reader_prompt"),
        ("ادعم الصحافة المستقلة.", "reader_prompt"),
        ("مساحة إعلانية", "reader_prompt"),
        ("هذا المقال مترجم عن صحيفة الغارديان البريطانية.", "piece_note"),
        ("برعاية بنك النيل", "piece_note"),
        ("الرياض – واس", "byline"),
        ("(أ.ف.ب)", "byline"),
        ("الثلاثاء 5 مارس 2024", "byline"),
        ("* كاتب وباحث سياسي مغربي", "byline"),
        ("مقالات مقترحة", "list_heading"),
        ("قد يهمك أيضاً", "list_heading"),
    ],
)
def test_outlet_boilerplate_is_removed_by_its_kind(line: str, kind: str, kinds_only) -> None:
    assert outcome(line, kinds_only) == f"kind:{kind}"


@pytest.mark.parametrize(
    "line",
    [
        "Readers can sign up for the open day at the planning office on Saturday.",
        "Two of the founders said they would share the prize money with the volunteers.",
        "Follow-up tests will be offered to everyone over 60 in the first month.",
        "The company said customers could click through maps of its stores to find a return point.",
        "The festival app's download numbers rose sharply after the stage times were put in it.",
        "Copyright reform was not on the agenda, though several members raised payment rules.",
        "The club will hold watch parties for the league decider next week.",
        "The advertisement campaign for the new homes will start in the autumn, a developer said.",
        "Maria Costa is a nurse at the city hospital who treated many of the injured.",
        "Unlimited access to the beach car park will cost 30 pounds a season.",
        "The player was not available for the match because of injury.",
        "Estate agents earn a commission of about 1 percent on each sale.",
        "Reporting restrictions were lifted after the trial ended.",
        "Keep your pets indoors and check on elderly neighbours during the cold snap.",
        "Sign up rates doubled after the newsletter launched.",
        "Join us as we follow the count through the night in the main hall.",
        "Explore the walled garden, where you can find your way through a maze of hedges.",
        '"Follow us to the river," the guide told the group before the walk began.',
        "More than 10,000 fans followed the team to the final.",
        "Sam Lee, a crane driver for 20 years, said the deal was the best in a decade.",
        "The deal was published on the union's website on March 5, 2024, and approved by members.",
        "وأوضح أن الإعلان عن الفائزين بعقود التنفيذ سيتم في الصيف.",
        "وقالت الوزارة إنها ستواصل متابعة التحقيقات في حادث القطار الأخير.",
        "وأطلقت الجمعية حملة إعلانية للترويج لزيت الزيتون المحلي في الأسواق الأوروبية.",
        "وشارك السكان صور السوق قبل الترميم وبعده على مواقع التواصل الاجتماعي.",
        "ودعا الاتحاد المزارعين إلى تسجيل محاصيلهم في المنصة الرقمية قبل نهاية الشهر.",
        "وقال الكاتب والباحث السياسي إن الانتخابات ستكون حاسمة.",
        "ونقلت وكالة رويترز عن مصادر مطلعة أن المفاوضات متعثرة.",
    ],
)
def test_content_with_the_same_words_stays(line: str, kinds_only) -> None:
    assert outcome(line, kinds_only) is None
    assert outcome(line, load_noise_rules(load_profile("daily8"))) is None


def test_variety_set_scores() -> None:
    """The labelled outlet wordings (six batches): no content lost, and all the noise but
    the newsroom's notes (wire sign-offs, corrections, updates: the switched-off kind, 26
    units) and ten one-off wordings (a topic tag, a widget title...) removed."""
    scores = score_labelled(VARIETY, load_noise_rules(load_profile("daily8")))
    assert scores.content_kept == 1.0
    assert scores.recall >= 0.955
    assert scores.noise - sum(scores.noise_by.values()) <= 36


def test_attribution_kind_is_off_by_default_and_can_be_switched_on(tmp_path, kinds_only) -> None:
    line = "Reporting by Jane Roe; Editing by Sam Lee"
    assert outcome(line, kinds_only) is None
    text = settings_path("noise_kinds.toml").read_text(encoding="utf-8")
    assert text.count("enabled = false") == 1
    kinds = tmp_path / "noise_kinds.toml"
    kinds.write_text(text.replace("enabled = false", "enabled = true"), encoding="utf-8")
    empty = tmp_path / "noise.toml"
    empty.write_text("", encoding="utf-8")
    on = load_noise_rules(load_profile("daily8"), noise_path=empty, kinds_path=kinds)
    assert outcome(line, on) == "kind:attribution"
    assert outcome("Associated Press writer Sam Lee contributed to this report.", on)
    assert outcome("Reporting restrictions were lifted after the trial ended.", on) is None


def test_line_max_must_be_a_positive_length(tmp_path) -> None:
    kinds = tmp_path / "noise_kinds.toml"
    kinds.write_text(
        '[[kind]]\nid = "x"\nline_max = 0\n[kind.line]\nen = ["Sign me up"]\n', encoding="utf-8"
    )
    with pytest.raises(NoiseRulesError, match="line_max"):
        load_noise_rules(load_profile("daily8"), kinds_path=kinds)


def test_line_shapes_skip_lines_longer_than_line_max(tmp_path, kinds_only) -> None:
    kinds = tmp_path / "noise_kinds.toml"
    kinds.write_text(
        '[[kind]]\nid = "x"\nline_max = 20\n[kind.line]\nen = ["Sign me up.*"]\n',
        encoding="utf-8",
    )
    empty = tmp_path / "noise.toml"
    empty.write_text("", encoding="utf-8")
    rules = load_noise_rules(load_profile("daily8"), noise_path=empty, kinds_path=kinds)
    assert outcome("Sign me up today", rules) == "kind:x"
    assert outcome("Sign me up for the long walk along the river", rules) is None


def test_variety_set_through_scrapy_reprocess(tmp_path) -> None:
    """The records exported (paragraphs joined by blank lines) and re-run through the
    configured pipelines, as a user does: a noise line is removed if the body and the
    captions no longer hold it, a content line kept if it is there as labelled."""
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(VARIETY.glob("*.json"))]
    records = [
        daily8_record(n, doc, "\n\n".join(r["text"] for r in doc["lines"]))
        for n, doc in enumerate(docs)
    ]
    cleaned = reprocess(records, tmp_path)
    noise = removed = content = kept = 0
    for n, doc in enumerate(docs):
        record = cleaned[f"{n:032x}"]
        body, captions = record["body"].split("\n\n"), record.get("image_captions", [])
        for row in doc["lines"]:
            if row["label"] == "noise":
                noise += 1
                removed += row["text"] not in body and row["text"] not in captions
                continue
            content += 1
            found = row.get("expect", row["text"]) in (
                captions if row["label"] == "caption" else body
            )
            kept += found
            noise += len(row.get("cuts", []))
            removed += len(row.get("cuts", [])) if found else 0
    assert kept == content
    assert removed / noise >= 0.95
