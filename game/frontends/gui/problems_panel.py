"""The writer's view of a broken edit: each problem with its file:line, over whatever the game shows."""

from __future__ import annotations

import pygame

from game.frontends.shell.layout import Layout

#: Lines shown before "... and N more": enough for a typical slip, short enough to leave the scene visible.
MAX_LINES = 8


def problem_lines(error) -> list[str]:
    """Each problem of a failed load as 'file:line:col: error[CODE]: message' (or the error's own words)."""
    problems = getattr(error, "problems", None)
    if problems:
        return [problem.format().splitlines()[0] for problem in problems]
    return [str(error) or type(error).__name__]


def draw_problems(surface: pygame.Surface, layout: Layout, font: pygame.font.Font, heading: str, lines: list[str],
                  more: str) -> pygame.Rect:
    """A dark panel across the top of the window: the heading, then the problems; returns its rectangle."""
    width = layout.width - 2 * layout.margin
    pad = layout.px(10)
    shown = lines[:MAX_LINES] + ([more] if len(lines) > MAX_LINES else [])
    rendered = [font.render(heading, True, (255, 120, 100), wraplength=width - 2 * pad)]
    rendered += [font.render(line, True, (255, 230, 176), wraplength=width - 2 * pad) for line in shown]
    height = sum(r.get_height() for r in rendered) + pad * (len(rendered) + 1)
    box = pygame.Rect(layout.margin, layout.px(8), width, min(height, layout.height // 2))
    pygame.draw.rect(surface, (28, 10, 6), box, border_radius=layout.px(4))
    pygame.draw.rect(surface, (255, 90, 60), box, max(1, layout.px(2)), border_radius=layout.px(4))
    y = box.y + pad
    clip = surface.get_clip()
    surface.set_clip(box)
    for image in rendered:
        surface.blit(image, (box.x + pad, y))
        y += image.get_height() + pad
    surface.set_clip(clip)
    return box
