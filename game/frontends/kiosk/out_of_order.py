"""The calm 'out of order' screen: shown when the kiosk cannot start, while it keeps retrying in the background."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Callable, TypeVar

import pygame

from game.engine import UiText, load_catalog, load_ui_strings

from .ui import AMBER, TEXT, face_for

log = logging.getLogger("foxbat.kiosk")

T = TypeVar("T")
RETRY_SECONDS = 30.0
#: When even the strings cannot be read (the story folder is what failed).
FALLBACK = {"kiosk.out_of_order": "This exhibit is resting for a moment.",
            "kiosk.out_of_order_detail": "Please come back a little later."}


def out_of_order_texts(ui_root: Path, languages: list[str]) -> list[tuple[str, str, str]]:
    """(language, heading, detail) in each language, the kiosk strings of the shipped story or English."""
    try:
        english = load_ui_strings(ui_root) or {}
    except Exception:  # noqa: BLE001 - this screen must show whatever is broken
        english = {}
    english = {**FALLBACK, **english}
    shown = []
    for language in dict.fromkeys(languages or ["en"]):
        try:
            catalog = None if language == "en" else load_catalog(ui_root, language)[0]
            ui = UiText(english, catalog)
            shown.append((language, ui("kiosk.out_of_order"), ui("kiosk.out_of_order_detail")))
        except Exception:  # noqa: BLE001
            shown.append((language, english["kiosk.out_of_order"], english["kiosk.out_of_order_detail"]))
    return shown


class OutOfOrder:
    """A full screen of quiet text; every retry_seconds it calls retry() until that returns something."""

    def __init__(self, surface: pygame.Surface, texts: list[tuple[str, str, str]], reason: str,
                 retry: Callable[[], T | None], retry_seconds: float = RETRY_SECONDS,
                 should_stop: Callable[[], bool] = lambda: False, watchdog=None,
                 clock: Callable[[], float] = time.monotonic):
        self.surface = surface
        self.texts = texts
        self.reason = reason
        self.retry = retry
        self.retry_seconds = retry_seconds
        self.should_stop = should_stop
        self.watchdog = watchdog
        self.clock = clock
        self.attempts = 0
        self._next = clock() + retry_seconds

    def draw(self) -> None:
        """Dark blue-black, the heading in amber, the detail below, every language in turn down the screen."""
        from game.frontends.shell.fonts import FontCache

        from .sizing import Sizing

        surface = self.surface
        w, h = surface.get_size()
        sizing = Sizing(w, h)
        fonts = FontCache()
        surface.fill((6, 12, 16))
        rendered = []
        for language, heading, detail in self.texts:
            face = face_for(language)
            rendered.append(fonts.get(sizing.heading, True, face).render(heading, True, AMBER))
            rendered.append(fonts.get(sizing.body, False, face).render(detail, True, TEXT))
        total = sum(r.get_height() for r in rendered) + sizing.margin * (len(self.texts) - 1)
        y = (h - total) // 2
        for i, line in enumerate(rendered):
            surface.blit(line, line.get_rect(midtop=(w // 2, y)))
            y += line.get_height() + (sizing.margin if i % 2 else 0)
        pygame.display.flip()

    def step(self) -> T | None:
        """One frame: events drained (nothing a visitor does matters here), a retry when due."""
        pygame.event.get()
        if self.watchdog is not None:
            self.watchdog.ping()
        if self.clock() < self._next:
            return None
        self._next = self.clock() + self.retry_seconds
        self.attempts += 1
        result = self.retry()
        if result is None:
            log.warning("still out of order (attempt %d): %s", self.attempts, self.reason)
        return result

    def run(self) -> T | None:
        """Show the screen until retry() succeeds (its result) or a stop is requested (None)."""
        log.error("out of order: %s; retrying every %d seconds", self.reason, self.retry_seconds)
        if self.watchdog is not None:
            self.watchdog.ready()  # up and showing something: systemd must not restart it in a loop
        self.draw()
        ticker = pygame.time.Clock()
        while not self.should_stop():
            result = self.step()
            if result is not None:
                log.info("back in order after %d attempts", self.attempts)
                return result
            self.draw()
            ticker.tick(4)  # a still screen: four frames a second keep the watchdog and the signals served
        return None
