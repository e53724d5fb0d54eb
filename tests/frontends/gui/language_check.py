"""What the language tests assert beyond layout: text that fits its widget, and kinsoku in our line breaks."""

from __future__ import annotations

from game.engine import NO_LINE_END, NO_LINE_START


def clipped(screen) -> list[str]:
    """One-line widgets (buttons, labels) whose text is wider than the widget."""
    from pygame_gui.elements import UIButton, UILabel

    found = []
    for element in screen.widgets:
        if not (isinstance(element, (UIButton, UILabel)) and element.alive() and element.visible and element.text):
            continue
        width = element.font.size(element.text)[0]
        if width > element.rect.width - 4:
            found.append(f"'{element.text}' is {width}px wide in a {element.rect.width}px {type(element).__name__}")
    return found


def kinsoku_breaches(screen) -> list[str]:
    """Lines we handed pygame_gui that start or end with a character the kinsoku rules forbid there."""
    found = []
    for rich in screen.riches:
        for lines in rich.breaks:
            for line in lines:
                if line[0] in NO_LINE_START or line[-1] in NO_LINE_END:
                    found.append(line)
    return found


def broken_lines(screen) -> list[str]:
    """Every line of text we broke ourselves on this screen."""
    return [line for rich in screen.riches for lines in rich.breaks for line in lines]
