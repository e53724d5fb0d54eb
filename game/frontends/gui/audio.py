"""Sound made here, by code: a teleprinter tick for the typing text, a relay click for choices and a
radio-static bed. Optional: with no audio device the game is simply silent."""

from __future__ import annotations

import array
import math
import random

import pygame

RATE = 22050


def _tone(samples: list[float]) -> "pygame.mixer.Sound":
    data = array.array("h", (int(max(-1.0, min(1.0, s)) * 32767) for s in samples))
    return pygame.mixer.Sound(buffer=data.tobytes())


def _click(length: float, pitch: float, seed: int) -> list[float]:
    """A short decaying burst of noise and tone: a relay or a typebar striking."""
    rng = random.Random(seed)
    n = int(RATE * length)
    return [(rng.uniform(-1, 1) * 0.6 + math.sin(2 * math.pi * pitch * i / RATE) * 0.4) * math.exp(-i / (n / 5))
            for i in range(n)]


def _static(seconds: float, seed: int = 1976) -> list[float]:
    """Soft radio static with a faint mains hum, to loop under the game."""
    rng = random.Random(seed)
    n = int(RATE * seconds)
    low = 0.0
    out = []
    for i in range(n):
        low = low * 0.97 + rng.uniform(-1, 1) * 0.03  # filtered noise sounds like distant static
        out.append(low * 0.5 + math.sin(2 * math.pi * 50 * i / RATE) * 0.02)
    return out


class Audio:
    """The game's sounds; every method does nothing when no audio device could be opened."""

    def __init__(self):
        self.ready = False
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.music_channel = None
        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=1)
        except pygame.error:
            return  # no audio device: silent
        try:
            self.sounds = {"tick": _tone(_click(0.018, 2400, 1)), "choose": _tone(_click(0.09, 700, 2)),
                           "static": _tone(_static(4.0))}
        except (pygame.error, ValueError):
            return
        self.ready = True

    def play(self, name: str, volume: int) -> None:
        """Play a sound at a volume of 0-100."""
        if self.ready and volume > 0 and name in self.sounds:
            sound = self.sounds[name]
            sound.set_volume(volume / 100)
            sound.play()

    def music(self, volume: int) -> None:
        """Start, adjust or stop the static bed (volume 0 stops it)."""
        if not self.ready:
            return
        if volume <= 0:
            if self.music_channel is not None:
                self.music_channel.stop()
                self.music_channel = None
            return
        static = self.sounds["static"]
        static.set_volume(volume / 100 * 0.35)
        if self.music_channel is None or not self.music_channel.get_busy():
            self.music_channel = static.play(loops=-1)
