"""The diplomat's telex paper: its green bands follow the lines of text, one band under every other line."""

from __future__ import annotations

import pygame

from game.frontends.shell.art import _telex_bands

from .conftest import SHIPPED_STORY


def test_the_telex_bands_lie_under_every_other_line_of_the_diplomats_text(make_driver):
    driver = make_driver(SHIPPED_STORY, role="diplomat")
    driver.settle()
    screen = driver.screen
    text_x, baselines = screen.ruling
    assert len(baselines) >= 3
    bands = _telex_bands(screen.text_rect.height, 18, screen.ruling)
    step = baselines[1] - baselines[0]
    for n, baseline in enumerate(baselines):
        middle = baseline - step // 3  # the middle of the line's letters
        covered = [top for top, height in bands if top <= middle < top + height]
        assert bool(covered) == (n % 2 == 0), (n, baseline, bands[:4])
        # a band never cuts through a line of letters: its edges fall between lines
        for top, height in bands:
            assert not (baseline - step * 0.6 < top < baseline), (top, baseline)
    assert pygame.Rect((0, 0), screen.text_rect.size).height >= bands[-1][0]
