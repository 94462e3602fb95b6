"""What blind pages round 27 showed: a Hungarian site's `Hirdetés` ad slots and `Kapcsolódó:`
line, a Greek portal's `Κοινοποίηση:` share label, its Google News follow line and its video
pointer, a Swedish broadcaster's `Lyssna på artikeln` player, kept because their languages
had no labels (round 29: a Slovak site's `Čítajte aj` box label). Ad, read-also, share,
follow and player labels are data per language in ``settings/noise_kinds.toml`` (no code);
these lines are written here in other words, with story lines in the same languages that
share their words and stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "label",
    [
        "Hirdetés",
        "Kapcsolódó: Lezárják a Széchenyi hidat a hétvégén",
        "Kövessen minket a Facebookon is!",
        "Διαφήμιση",
        "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ: Κλειστό το λιμάνι λόγω ανέμων",
        "Κοινοποίηση:",
        "Ακολουθήστε το Kyma.gr στο Google News για όλες τις ειδήσεις",
        "Δείτε το βίντεο από το λιμάνι:",
        "Annons",
        "Lyssna på artikeln 3:12",
        "Läs också: Färjan ställs in på söndag",
        "Reklama",
        "Citește și: Primăria închide piscina",
        "Reklam",
        "Quảng cáo",
        "Mainos",
        # pages round 29: a Slovak site's read-also box label; its neighbours' labels too
        "Čítajte aj",
        "Čítajte aj: Most cez Váh zatvoria v sobotu",
        "Preberite tudi: Trajekt v nedeljo ne vozi",
        "Pročitajte još: Luka zatvorena zbog vjetra",
        "Прочетете още: Пристанището затваря в неделя",
        # pages round 66: Swahili's ad label, and the label in more languages
        "TANGAZO",
        "— Matangazo —",
        "Patalastas",
        "פרסומת",
        "Publicitat",
        # a note that a summary was made with an AI tool
        "Resumo gerado com ajuda de ferramenta e revisado pela redação.",
        "Resumen generado con inteligencia artificial y revisado por la redacción.",
        "Ce résumé a été généré par une IA et relu par la rédaction.",
        # pages round 67: traditional Chinese labels, Chinese and Korean captions with the
        # photographer's credit in brackets
        "延伸閱讀：乾旱警戒升級 中部水庫蓄水率跌破四成",
        "廣告",
        "N1路夜间公交车停靠在火车站东广场站，等候乘客上车。（澜江日报记者 张明 摄）",
        "[사진=새벽뉴스 DB]",
        # noise set 319: a bilingual bulletin's note on its other edition
        "Cette infolettre est également disponible en anglais.",
    ],
)
def test_labels_in_more_languages_go(label: str) -> None:
    story = ["The harbour reopened on Monday after a week of repairs to the sea wall.", label]
    assert clean_blocks(story, RULES).kept == story[:1]


@pytest.mark.parametrize(
    "line",
    [
        "A hirdetés szerint a pályázat március végéig tart, közölte a polgármester.",
        "Η διαφήμιση του δήμου για το λιμάνι κόστισε 40.000 ευρώ, σύμφωνα με την αντιπολίτευση.",
        "Reklam för spel om pengar ska begränsas, säger ministern till Rikskanalen.",
        "Annonsen publicerades i lokaltidningen förra veckan och väckte protester.",
        "Läs också rapporten, sade ministern till riksdagen i går.",
        "Čítajte aj správu ministerstva, povedal starosta obce.",
        "Tangazo la serikali limewataka wavuvi kusajili boti zao kabla ya mwisho wa mwezi.",
        "市政府表示，夜间公交线路将从下月起延长运营时间，方便晚归乘客。",
        "서울시는 다음 달부터 심야버스 노선을 확대한다고 밝혔다.",
        "O resumo do relatório, gerado pela agência reguladora, aponta queda de 12% nas vendas.",
    ],
)
def test_story_lines_that_share_their_words_stay(line: str) -> None:
    story = ["The harbour reopened on Monday after a week of repairs to the sea wall.", line]
    assert clean_blocks(story, RULES).kept == story


@pytest.mark.parametrize(
    "line",
    [
        # pages round 62: read-also boxes whose linked headline follows the label with no
        # colon, and a sponsored box's label and sponsor line, in French and Spanish
        "À lire aussi L’OAT à dix ans au plus haut depuis septembre",
        "Lee también La prima de riesgo toca mínimos de 2009",
        "Leia também Bolsa fecha em alta com bancos",
        "Contenido patrocinado",
        "Ofrecido por Banca Serrano Patrimonios",
        "Contenu sponsorisé",
        "Présenté par Banque Lamarque",
        "Conteúdo patrocinado",
        "Gesponserter Inhalt",
    ],
)
def test_read_also_and_sponsor_labels_without_a_colon_are_removed(line):
    story = "El índice cerró con una subida del 1,2% tras la decisión del regulador."
    assert clean_blocks([story, line], RULES).kept == [story]


@pytest.mark.parametrize(
    "line",
    [
        "Ver también el informe del Banco de España sobre la deuda, publicado el lunes.",
        "Voir aussi la carte des communes concernées, publiée par la préfecture.",
        "Presentado por el Gobierno, el plan recorta el gasto en un 3%.",
        "El acuerdo fue ofrecido por la eléctrica a los reguladores en octubre.",
    ],
)
def test_story_sentences_opening_with_those_words_stay(line):
    story = "El índice cerró con una subida del 1,2% tras la decisión del regulador."
    assert clean_blocks([story, line], RULES).kept == [story, line]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        # pages round 63: channel invites and a video pointer in Hindi, Urdu and Indonesian
        ("देश दर्पण अब व्हाट्सऐप पर भी। ताज़ा खबरों के लिए हमारा व्हाट्सऐप चैनल फॉलो करें", "hi"),
        (
            "روزنامہ مشرق آواز کی تازہ ترین خبریں اب ٹیلی گرام پر۔ ہمارا ٹیلی گرام چینل جوائن کریں",
            "ur",
        ),
        ("Simak juga Video 'Harga Cabai di Pasar Induk Melonjak':", "id"),
    ],
)
def test_channel_invites_in_hindi_urdu_and_indonesian_are_removed(line, language):
    result = clean_blocks([line], RULES, language=language)
    assert result.kept == [], result.kept


def test_a_hindi_story_line_about_whatsapp_stays():
    line = "पुलिस ने कहा कि लोग व्हाट्सऐप पर अफवाहें फॉलो करें नहीं, बल्कि आधिकारिक चैनल देखें।"
    assert clean_blocks([line], RULES, language="hi").kept == [line]
