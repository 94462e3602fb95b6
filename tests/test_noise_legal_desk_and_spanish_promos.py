"""A legal desk's own notes and asks (noise set 329): reproduction `without a licence`, and
`call`, `speak to` a firm's own team; Spanish furniture an entertainment page leaves in the
copy (pages round 75): `MIRÁ TAMBIÉN`, a consent placeholder, a newsletter ask and its
`cada viernes en tu correo`. The story's calls to the police, staff to speak to, festivals on
Fridays and alerts to subscribe to stay. Made-up wording, written apart from the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from newsbot.cleaning.clean import trace

RULES = load_noise_rules(None)
STORY = {
    "en": "The court heard the defendant had spent the money on holidays over nine years.",
    "es": "La actriz publicó el video el lunes y en dos días superó los tres millones de vistas.",
}


def _kept(line: str, language: str) -> str | None:
    return trace([STORY[language], line], RULES, language=language)[1].kept


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Reproduction without a licence is prohibited.", "en"),
        ("Need advice on a boundary dispute? Call our property litigation team today.", "en"),
        ("Speak to a member of the team today.", "en"),
        ("MIRÁ TAMBIÉN Premios Candil 2026: la lista completa de ganadores", "es"),
        ("Este contenido no está disponible debido a tus preferencias de privacidad.", "es"),
        ("Suscríbete a nuestro boletín de espectáculos", "es"),
        ("Las críticas, estrenos y entrevistas de la semana, cada viernes en tu correo.", "es"),
    ],
)
def test_an_outlets_own_note_or_ask_leaves_the_story(line: str, language: str) -> None:
    assert _kept(line, language) is None


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Police said anyone with information should call 101 quoting reference 44.", "en"),
        ("The judge told the jury to speak to a member of the court staff with any concern.", "en"),
        ("We called our team together on Monday, the manager said.", "en"),
        ("El festival se celebra cada viernes en la plaza mayor, dijo el alcalde.", "es"),
        (
            "El ayuntamiento pidió a los vecinos suscribirse al boletín de alertas, dijo.",
            "es",
        ),
    ],
)
def test_the_storys_own_calls_and_subscriptions_stay(line: str, language: str) -> None:
    assert _kept(line, language) == line
