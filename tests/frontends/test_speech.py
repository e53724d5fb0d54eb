"""Self-voicing: speech to a file in each language, the newest request wins, and silence without an engine."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from game.frontends.speech import Speech, duration

HAVE_ESPEAK = shutil.which("espeak-ng") is not None
needs_espeak = pytest.mark.skipif(not HAVE_ESPEAK and os.environ.get("CI") != "true",
                                  reason="espeak-ng is not installed (apt-get install espeak-ng); CI installs it")


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    engine = Speech(tmp_path_factory.mktemp("speech"))
    yield engine
    engine.close()


@needs_espeak
@pytest.mark.parametrize("language, text", [
    ("en", "The formation turns east. Your tanks are full."),
    ("ja", "はこだてくうこうに、ちゃくりくします。"),
    ("vi", "Máy bay hạ cánh xuống sân bay Hakodate."),
])
def test_each_language_is_spoken_to_a_file_with_its_own_voice(speech, tmp_path, language, text):
    assert speech.available and speech.has_voice(language), speech.reason
    target = tmp_path / f"{language}.wav"
    assert speech.synthesize(text, language, target)
    assert duration(target) > 0.8  # words were spoken, not an empty file


@needs_espeak
def test_a_longer_text_takes_longer_to_say(speech, tmp_path):
    speech.synthesize("One.", "en", tmp_path / "short.wav")
    speech.synthesize("One. Two. Three. Four. Five. Six. Seven.", "en", tmp_path / "long.wav")
    assert duration(tmp_path / "long.wav") > 2 * duration(tmp_path / "short.wav")


@needs_espeak
def test_only_the_newest_request_is_handed_over_to_play(speech):
    speech.say("First, a long sentence that nobody will hear because focus moved on.", "en")
    speech.say("Second.", "en")
    ready = None
    for _ in range(400):  # the worker publishes within a fraction of a second; poll as a frame loop would
        ready = speech.take_ready()
        if ready is not None:
            break
        time.sleep(0.01)
    assert ready is not None and duration(ready) < 1.5  # "Second.", not the long sentence
    assert speech.take_ready() is None  # handed over once


def test_without_a_speech_engine_the_game_is_silent_and_says_why(tmp_path):
    def missing():
        raise OSError("libespeak-ng.so.1: cannot open shared object file")

    silent = Speech(tmp_path, engine_factory=missing)
    assert not silent.available and "libespeak-ng" in silent.reason
    silent.say("Nothing is spoken.", "en")
    assert silent.take_ready() is None and not silent.synthesize("x", "en", tmp_path / "x.wav")
    silent.close()
