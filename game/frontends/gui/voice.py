"""Self-voicing in the window: what the player reads, spoken through game.frontends.speech.

Speech makes WAV files off the frame loop; this plays each finished one on a mixer channel of
its own, so a new utterance cuts the current one short (the player moved on) and the game's
sounds go on beside it. With no speech engine or no audio device it stays silent.
"""

from __future__ import annotations

import html
import re
import time
from typing import Any, Callable

import pygame


def plain(text_html: str) -> str:
    """Text of pygame_gui HTML as it is read aloud: no tags, entities decoded, one space between words."""
    text = re.sub(r"<br\s*/?>", " ", text_html or "")
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(html.unescape(text).split())


class Voice:
    """Speaks text in the player's language, one utterance at a time, newest first."""

    #: Seconds after which an utterance that never became ready is given up.
    GIVE_UP = 15.0

    def __init__(self, make_speech: Callable[[], Any]):
        self._make_speech = make_speech
        self.speech: Any = None
        self.channel: Any = None
        self.sound: Any = None  # the utterance playing (kept so pygame does not free it mid-word)
        self.last = ""          # the last text asked for (for tests and for "say that again")
        self.waiting = False    # an utterance is being made: the frame loop keeps looking for it
        self._asked_at = 0.0

    def engine(self):
        """The speech engine, started on first use (starting espeak-ng costs a tenth of a second)."""
        if self.speech is None:
            self.speech = self._make_speech()
        return self.speech

    @property
    def available(self) -> bool:
        """True when a speech engine was found."""
        return bool(self.engine().available)

    @property
    def reason(self) -> str:
        """Why speech is unavailable ("" when it is)."""
        return self.engine().reason

    def say(self, text: str, language: str) -> None:
        """Stop what is being said and say this instead."""
        text = " ".join((text or "").split())
        if not text:
            return
        self.stop()
        self.last = text
        self.engine().say(text, language)
        self.waiting = bool(self.engine().available)
        self._asked_at = time.monotonic()

    def stop(self) -> None:
        """Silence: the utterance playing and any still being made."""
        self.waiting = False
        if self.speech is not None:
            self.speech.stop()
        if self.channel is not None:
            self.channel.stop()

    def tick(self, volume: int) -> None:
        """Play the newest finished utterance, if one is ready (called every frame)."""
        if self.speech is None:
            return
        ready = self.speech.take_ready()
        if ready is None:
            if self.waiting and time.monotonic() - self._asked_at > self.GIVE_UP:
                self.waiting = False  # synthesis failed: the loop may sleep again
            return
        self.waiting = False
        if not pygame.mixer.get_init():
            return
        try:
            if self.channel is None:
                pygame.mixer.set_reserved(1)  # channel 0 is speech's alone: the game's sounds never take it
                self.channel = pygame.mixer.Channel(0)
            self.sound = pygame.mixer.Sound(str(ready))
            self.sound.set_volume(max(0.0, min(1.0, volume / 100)))
            self.channel.play(self.sound)
        except pygame.error:
            pass  # a file the mixer cannot read costs this utterance only

    def close(self) -> None:
        """Stop speaking and let the worker go."""
        self.stop()
        if self.speech is not None:
            self.speech.close()
