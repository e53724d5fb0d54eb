"""Letting go of a pygame window so that nothing of the application outlives it."""

from __future__ import annotations

import gc
import sys

import pygame


def release_window(manager=None) -> None:
    """Drain pygame's event queue, drop pygame_gui's hold on its manager, and quit pygame.

    Why each step: pygame keeps the dictionary of every posted event that nobody took (pygame_gui posts
    one for each button press and hover) and pygame.quit() does not free them, so every widget, screen
    and application they point to would stay in memory; pygame_gui remembers the first manager ever made
    in a module global.
    """
    if pygame.get_init() and pygame.display.get_init():
        pygame.event.get()  # each event's dictionary is released when it is taken
    if manager is not None:
        try:
            manager.clear_and_reset()  # kills every element, so their sprites let go of their images
        except Exception:  # noqa: BLE001 - a manager half-built by a failed start: quit anyway
            pass
    utility = sys.modules.get("pygame_gui.core.utility")  # not loaded when the window closed on its first frame
    if utility is not None:
        utility.set_default_manager(None)
    pygame.quit()
    gc.collect()  # screens, widgets and callbacks refer to each other: free the cycles now, not later
