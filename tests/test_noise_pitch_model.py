"""The learned pitch layer (newsbot/cleaning/pitch_model.py): promos in words no rule lists go,
attributed to ``model:pitch``; copy that speaks in the first or second person stays.

Every line here was written for this test after the shipped model was trained: none of them is
in its training data (tests/data/noise*, fundus-eval's tuning publishers).
"""

from __future__ import annotations

import gzip
import json

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from newsbot.cleaning.pitch_model import (
    MODEL_FILE,
    RULE,
    PitchModel,
    could_be_pitch,
    features,
    shipped_model,
)
from newsbot.profiles import load_profile

# Pitches phrased as the reader's benefit, with none of the usual asks.
FRESH_PITCHES = [
    "Your Sunday read, hand-picked by our culture editors and delivered before breakfast.",
    "We'd love to hear what you think about this story: drop us a line at the newsdesk.",
    "Love puzzles? Our crossword app has a new grid for you every single day.",
    "Enjoyed this? There's plenty more where it came from, and all of it lands in your inbox "
    "for free.",
    "Stay ahead of the market with our analysts' picks, free for your first month.",
    "Have a story we should be covering? Tell us about it in confidence.",
    "Tell us what you think in the comments section below.",
    "خليك دايماً في قلب الحدث مع تطبيقنا الجديد",
    "شاركونا آراءكم حول هذا الموضوع في التعليقات أدناه",
    "اشترك في نشرتنا الأسبوعية ليصلك كل جديد على بريدك",
    "Catch every match report and transfer rumour on our channel, wherever you are.",
    "Independent journalism like ours depends on readers like you.",
    "Fancy a weekend away? Our travel desk has found forty cottages you can book for under £300.",
    "The best of our food writing, from weeknight suppers to Sunday feasts, gathered for you "
    "each Thursday.",
    "Five minutes, every weekday morning: the stories your neighbours are talking about, from "
    "our newsroom.",
    "Our politics team reads the bills so you don't have to. Their verdicts land every Monday.",
    "Make your commute count with our daily audio briefing, now in every podcast app.",
    "We answer your money questions every Saturday in the weekend edition.",
    "Got a view on this? We print the best letters every Friday.",
    "Never miss a final whistle: our live scores follow every match in the league.",
    "Join thousands of gardeners who get our seasonal tips first.",
    "نحن نختار لك أهم قصص الأسبوع ونرسلها إليك كل جمعة مجاناً",
    "هل لديك قصة تستحق النشر؟ راسلنا ونحن نتابعها",
]

# Copy in the first or second person, sign-offs, notices about the news itself.
LOOK_ALIKES = [
    '"We will rebuild the bridge before winter," the mayor told reporters on Tuesday.',
    "Our community has been through a lot this year, but we are not giving up, she said.",
    "Reporting by Ana Lind in Oslo; Editing by Mark Hale",
    "Staff writer Jon Pike contributed to this report.",
    "If you have symptoms, stay at home and call your doctor before visiting the surgery.",
    "Residents can sign up for the open day on the council's website until Friday.",
    "You can see the comet with the naked eye just after sunset this week, astronomers said.",
    "We expect the ruling to be appealed, the company's lawyer said in a statement.",
    'قال الوزير: "نحن ملتزمون بإعادة بناء المدارس قبل بداية العام الدراسي".',
    "وأضاف أن الحكومة ستعلن عن الفائزين في المسابقة الأسبوع المقبل.",
    "Your council tax bill will rise by 4.9% from April, the authority confirmed.",
    "The newsletter, which the club has published since 1978, will move online next year.",
    "Our analysis of the data shows that rents rose fastest in the northern suburbs.",
    "The festival's organisers said they would share the prize money among all finalists.",
    "Let's be clear: this is the biggest change to pensions in a generation, the minister said.",
    "Spice up your life",
]

COPY = [
    "The regional council voted on Monday to close the eastern ferry route from March.",
    "Operators said passenger numbers had fallen by a third since the bridge opened in 2021.",
]


@pytest.fixture(scope="module")
def rules():
    return load_noise_rules(load_profile("daily8"))


@pytest.fixture(scope="module")
def without_model():
    return load_noise_rules(load_profile("daily8"), pitch=False)


def test_the_shipped_model_says_what_it_is():
    model = shipped_model()
    assert model.version >= 1
    assert 0.5 <= model.threshold < 1
    about = model.trained_on
    assert about["made_up_records"] > 1000
    assert about["features"] == len(model.weights)
    assert 10_000 < len(model.weights) < 200_000


def test_most_fresh_pitches_go_and_are_attributed_to_the_model(rules, without_model):
    gone = []
    for pitch in FRESH_PITCHES:
        before = clean_blocks([COPY[0], pitch, COPY[1]], without_model)
        if pitch not in before.kept:
            continue  # a rule knows this one already: not the model's to find
        after = clean_blocks([COPY[0], pitch, COPY[1]], rules)
        assert after.kept[0] == COPY[0] and after.kept[-1] == COPY[1]
        if pitch not in after.kept:
            assert [r.rule for r in after.removed] == [RULE]
            gone.append(pitch)
    # The rules take most of these already. Of what they keep, the model takes a third or
    # more (written after training: 4 of 8; on blind sets 84-87, 12 of the 47 the rules kept).
    kept_by_rules = [
        p for p in FRESH_PITCHES if p in clean_blocks([COPY[0], p, COPY[1]], without_model).kept
    ]
    assert len(kept_by_rules) >= 5, kept_by_rules
    assert len(gone) >= len(kept_by_rules) / 3, sorted(set(kept_by_rules) - set(gone))


@pytest.mark.parametrize("line", LOOK_ALIKES)
def test_copy_in_the_first_or_second_person_stays(rules, line):
    assert line in clean_blocks([COPY[0], line, COPY[1]], rules).kept


def test_a_sign_off_is_never_asked_although_its_words_score_high():
    # Real pages' marked bodies keep wire sign-offs; the made-up sets call them noise. The
    # gate (no reader addressed, no Arabic) keeps the model out of that disagreement.
    line = "Reporting by Ana Lind in Oslo; Editing by Mark Hale"
    assert not could_be_pitch(line)
    assert not shipped_model().is_pitch(line)


def test_copy_with_a_promo_glued_to_its_end_keeps_its_copy(rules):
    line = (
        "Ferry fares will rise by 12% in April, the operator said. "
        "Your weekly dose of island news, free, every Friday."
    )
    model = shipped_model()
    assert model.score("Your weekly dose of island news, free, every Friday.") >= model.threshold
    assert not model.is_pitch(line)
    kept = clean_blocks([COPY[0], line], rules).kept
    assert any(k.startswith("Ferry fares will rise by 12% in April") for k in kept)


def test_a_promo_glued_to_copy_is_cut_and_the_copy_stays(rules):
    copy = "The port authority said cargo volumes rose 8% in the quarter."
    promo = "Your weekly dose of island news lands every Friday."
    result = clean_blocks([COPY[0], f"{copy} {promo}", COPY[1]], rules)
    assert result.kept == [COPY[0], copy, COPY[1]]
    assert [(r.rule, r.text) for r in result.removed] == [(RULE, promo)]


@pytest.mark.parametrize(
    "line",
    [
        # someone's words stay, however they speak to the reader
        "“You can read it on your phone. It lands in your inbox every morning,” the editor said.",
        "The port authority said cargo volumes rose 8% in the quarter. “You can read it on your "
        "phone,” the editor said.",
    ],
)
def test_a_quotation_is_never_cut_as_a_pitch(rules, line):
    assert clean_blocks([COPY[0], line, COPY[1]], rules).kept == [COPY[0], line, COPY[1]]


def test_short_lines_and_unpunctuated_headings_are_not_asked():
    assert not could_be_pitch("Subscribe to us")
    assert not could_be_pitch("Here come our hosts")
    assert could_be_pitch("Here come our hosts, and they have brought their own chairs.")
    assert could_be_pitch("تابعونا على قناتنا في واتساب لتصلكم الأخبار أولاً")


def test_features_fold_case_and_arabic_marks():
    assert features("Our APP") == features("our app")
    assert features("تَطْبِيقُنَا الجديد") == features("تطبيقنا الجديد")


def test_a_model_with_other_features_is_refused(tmp_path):
    data = shipped_model().to_json()
    data["feature_version"] = data["feature_version"] + 1
    with pytest.raises(ValueError, match="retrain"):
        PitchModel.from_json(data)


def test_the_model_file_round_trips():
    model = shipped_model()
    again = PitchModel.from_json(json.loads(json.dumps(model.to_json())))
    for line in FRESH_PITCHES + LOOK_ALIKES:
        assert again.score(line) == model.score(line)
    assert MODEL_FILE.endswith(".json.gz")


def test_the_training_script_writes_a_model_that_loads_and_works(tmp_path):
    pytest.importorskip("sklearn", reason="training needs scikit-learn (pip install -e '.[train]')")
    from benchmarks.train_pitch_model import train, training_lines, write

    lines, about = training_lines(hold_out_from=40)
    assert about["independent_sets_left_out_from"] == 40
    model = train(lines, about)
    path = tmp_path / MODEL_FILE
    write(model, path)
    loaded = PitchModel.from_json(json.loads(gzip.decompress(path.read_bytes())))
    assert loaded.weights == model.weights
    assert loaded.is_pitch("Tell us what you think in the comments section below.")
    assert not loaded.is_pitch(LOOK_ALIKES[1])
