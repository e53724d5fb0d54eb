"""The layout rules the tests assert: every widget inside the window, no two overlapping."""

from __future__ import annotations


def problems(screen, size) -> list[str]:
    """What is wrong with the current screen's layout at this window size."""
    import pygame

    window = pygame.Rect((0, 0), size)
    found = []
    shown = [w for w in screen.widgets if w.alive() and w.visible]
    for element in shown + [c for c in screen.children if c.alive() and c.visible]:
        if not window.contains(element.rect):
            found.append(f"{_name(element)} {element.rect} leaves the {size[0]}x{size[1]} window")
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            if a.rect.colliderect(b.rect):
                found.append(f"{_name(a)} {a.rect} overlaps {_name(b)} {b.rect}")
    return found


def _name(element) -> str:
    text = getattr(element, "text", "") or getattr(element, "html_text", "")
    return f"{type(element).__name__}('{str(text)[:30]}')"
