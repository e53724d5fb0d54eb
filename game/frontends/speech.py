"""Self-voicing: text spoken by espeak-ng through pyttsx3, made off the frame loop into WAV files the caller plays.

Synthesis runs on one worker thread, and only the newest request counts: a player who moves
focus quickly hears the last thing focused, not a queue of everything passed over. The window
plays each finished file through its own mixer, so speech is interrupted by stopping a channel
and obeys the game's volume. With no speech engine the game runs silent and says why.
"""

from __future__ import annotations

import itertools
import threading
import wave
from pathlib import Path
from typing import Any, Callable

#: espeak-ng voice ids per interface language, best first; a missing voice falls back to any of the language.
PREFERRED_VOICES = {"en": ("gmw/en", "gmw/en-us"), "ja": ("jpx/ja",), "vi": ("aav/vi",), "ru": ("zle/ru",)}


def default_engine() -> Any:
    """A pyttsx3 engine on espeak-ng; raises when either is missing."""
    import pyttsx3
    import pyttsx3.drivers.espeak as espeak_driver

    # The driver prints "Audio saved to ..." after every file; a game's terminal is no place for that.
    espeak_driver.print = lambda *args, **kwargs: None
    return pyttsx3.init("espeak")


class Speech:
    """Speaks text in the player's language through espeak-ng, or stays silent and says why."""

    def __init__(self, folder: Path, engine_factory: Callable[[], Any] = default_engine):
        self.folder = Path(folder)
        self._factory = engine_factory
        self._engine: Any = None
        self._voices: dict[str, str] = {}
        self.reason = ""  # why speech is unavailable, for the settings screen
        self._lock = threading.Condition()
        self._request: tuple[int, str, str] | None = None
        self._ready: Path | None = None
        self._serial = itertools.count(1)
        self._latest = 0
        self._worker: threading.Thread | None = None
        self._closed = False
        self._start_engine()

    @property
    def available(self) -> bool:
        """True when a speech engine was found."""
        return self._engine is not None

    def has_voice(self, language: str) -> bool:
        """True when the engine has a voice for the language."""
        return language in self._voices

    def _start_engine(self) -> None:
        try:
            self._engine = self._factory()
            self._voices = _pick_voices(self._engine.getProperty("voices"))
        except Exception as exc:  # no pyttsx3, no libespeak-ng, a broken install: all mean "silent"
            self._engine = None
            self.reason = f"no speech engine ({type(exc).__name__}: {exc})".strip()
        if self._engine is not None and not self._voices:
            self._engine, self.reason = None, "the speech engine has no voices"

    def synthesize(self, text: str, language: str, target: Path) -> bool:
        """Speak the text into a WAV file now (blocking); False when there is no engine or voice."""
        if self._engine is None or not text.strip():
            return False
        voice = self._voices.get(language) or self._voices.get("en")
        if voice is None:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        self._engine.setProperty("voice", voice)
        self._engine.save_to_file(text, str(target))
        self._engine.runAndWait()
        return target.exists()

    def say(self, text: str, language: str) -> None:
        """Ask for the text to be spoken; it replaces anything asked for before and not yet ready."""
        if self._engine is None or self._closed:
            return
        with self._lock:
            self._latest = next(self._serial)
            self._request = (self._latest, text, language)
            self._ready = None
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="speech", daemon=True)
                self._worker.start()
            self._lock.notify()

    def stop(self) -> None:
        """Forget what was asked and not yet played."""
        with self._lock:
            self._latest = next(self._serial)
            self._request = None
            self._ready = None

    def take_ready(self) -> Path | None:
        """The newest finished utterance to play, once; None when nothing new is ready."""
        with self._lock:
            ready, self._ready = self._ready, None
            return ready

    def close(self) -> None:
        """Stop the worker; later requests are ignored."""
        with self._lock:
            self._closed = True
            self._request = None
            self._lock.notify()
        if self._worker is not None:
            self._worker.join(timeout=2)

    def _work(self) -> None:
        """The worker: synthesize the newest request, and publish it only if nothing newer came meanwhile."""
        while True:
            with self._lock:
                while self._request is None and not self._closed:
                    self._lock.wait()
                if self._closed:
                    return
                serial, text, language = self._request
                self._request = None
            target = self.folder / f"speech-{serial % 2}.wav"  # two files: one playing, one being written
            try:
                made = self.synthesize(text, language, target)
            except Exception:  # a synthesis failure costs this utterance only
                made = False
            with self._lock:
                if made and serial == self._latest:
                    self._ready = target


def _pick_voices(voices) -> dict[str, str]:
    """Language -> voice id: the preferred voice when present, else the first voice of that language."""
    by_id = {v.id: v for v in voices}
    picked: dict[str, str] = {}
    for language, preferred in PREFERRED_VOICES.items():
        chosen = next((vid for vid in preferred if vid in by_id), None)
        if chosen is None:
            chosen = next((v.id for v in voices if any(str(code).split("-")[0] == language
                                                      for code in (v.languages or []))), None)
        if chosen is not None:
            picked[language] = chosen
    return picked


def duration(path: Path) -> float:
    """The length of a WAV file in seconds (for tests and benchmarks)."""
    with wave.open(str(path)) as sound:
        return sound.getnframes() / sound.getframerate()
