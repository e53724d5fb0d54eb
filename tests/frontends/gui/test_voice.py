"""Self-voicing in the window: V and a saved setting read the scene, the numbered choices, the focused
button and the debrief, in the player's language, each utterance cutting the last short."""

from __future__ import annotations

import json
import wave

import pygame

from .conftest import SHIPPED_STORY


class FakeSpeech:
    """Records what the game asks to be said; hands back a WAV file when given one."""

    def __init__(self, available: bool = True, reason: str = "", wav=None):
        self.available, self.reason, self.wav = available, reason, wav
        self.said: list[tuple[str, str]] = []
        self.events: list[str] = []
        self.closed = False

    def say(self, text: str, language: str) -> None:
        self.said.append((text, language))
        self.events.append("say")

    def stop(self) -> None:
        self.events.append("stop")

    def take_ready(self):
        ready, self.wav = self.wav, None
        return ready

    def close(self) -> None:
        self.closed = True


def voiced(make_driver, tmp_path, fake, **kwargs):
    """The game with self-voicing switched on by V, over a fake speech engine."""
    driver = make_driver(speech=lambda: fake, **kwargs)
    driver.key(pygame.K_v)
    return driver


def test_v_switches_self_voicing_on_saves_it_and_reads_the_scene_and_its_numbered_choices(make_driver, tmp_path):
    fake = FakeSpeech()
    driver = voiced(make_driver, tmp_path, fake, story=SHIPPED_STORY, role="police")
    assert driver.app.settings.self_voicing
    saved = json.loads((tmp_path / "data" / "settings.json").read_text(encoding="utf-8"))
    assert saved["self_voicing"] is True
    driver.frames(2)
    text, language = fake.said[-1]
    session = driver.app.session
    assert session.scene.title in text
    assert session.scene.text.split()[0] in text
    for number, choice in enumerate(session.choices, start=1):
        assert f"Choice {number}: {choice.text}" in text
    assert language == "en"


def test_the_focused_button_is_read_when_the_keyboard_moves_and_each_utterance_stops_the_last(make_driver, tmp_path):
    fake = FakeSpeech()
    driver = voiced(make_driver, tmp_path, fake, story=SHIPPED_STORY, role="police")
    driver.key(pygame.K_SPACE)  # the text types out; the choices appear
    driver.key(pygame.K_DOWN)
    driver.key(pygame.K_DOWN)
    second = driver.app.session.choices[1].text
    assert fake.said[-1][0] == f"2. {second}"
    # Every request was preceded by a stop: a new utterance cuts the current one short.
    assert all(fake.events[i - 1] == "stop" for i, e in enumerate(fake.events) if e == "say")


def test_the_debrief_lines_are_read(make_driver, tmp_path):
    from game.engine import actual_choice

    fake = FakeSpeech()
    driver = voiced(make_driver, tmp_path, fake, story=SHIPPED_STORY, role="police")
    session = driver.app.session
    while not session.is_finished:
        actual = actual_choice(session.scene)
        ids = [c.id for c in session.choices]
        session.choose(actual.id if actual is not None and actual.id in ids else ids[0])
    driver.app.go("debrief", fade=False)
    driver.frames(3)
    text = fake.said[-1][0]
    debrief = driver.screen.debrief
    assert f"{debrief.matches} of {debrief.total}" in text
    first = debrief.decisions[0]
    assert (first.scene.title or first.scene_id) in text


def test_self_voicing_speaks_the_players_language(make_driver, tmp_path):
    fake = FakeSpeech()
    driver = voiced(make_driver, tmp_path, fake, story=SHIPPED_STORY, role="police", lang="ja")
    driver.frames(2)
    assert fake.said and all(language == "ja" for _, language in fake.said)
    assert driver.app.session.scene.title in fake.said[-1][0]  # the Japanese title


def test_without_a_speech_engine_the_setting_says_why_and_the_game_stays_silent(make_driver, tmp_path):
    fake = FakeSpeech(available=False, reason="no speech engine (OSError: libespeak-ng.so.1)")
    driver = voiced(make_driver, tmp_path, fake, story=SHIPPED_STORY, role="police")
    assert not driver.app.settings.self_voicing
    assert "libespeak-ng" in driver.app.message
    assert fake.said == []
    driver.key(pygame.K_ESCAPE)
    driver.click(driver.button(driver.app.ui("gui.title.settings")))
    values = [b.text for b in driver.screen.widgets if hasattr(b, "text")]
    assert any(driver.app.ui("gui.voice.unavailable") in v for v in values)


def test_a_finished_utterance_plays_on_its_own_channel_and_stops_when_the_next_begins(make_driver, tmp_path):
    path = tmp_path / "speech.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"\x10\x00" * 22050)  # one second
    fake = FakeSpeech(wav=path)
    driver = voiced(make_driver, tmp_path, fake, story=SHIPPED_STORY, role="police")
    driver.frames(2)
    voice = driver.app.voice
    if not pygame.mixer.get_init():  # no audio device at all: nothing to play, the game goes on silent
        assert voice.channel is None
        return
    assert voice.channel is not None and voice.channel.get_busy()
    assert voice.channel.get_sound() is voice.sound
    driver.app.speak("next")
    assert not voice.channel.get_busy()
