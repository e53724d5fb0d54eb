"""The pygame_gui theme of the kiosk: the desktop game's colours, with big, calm touch targets."""

from __future__ import annotations

from game.frontends.shell.layout import Layout
from game.frontends.shell.theme import build_theme


def kiosk_theme(width: int, height: int, border: int) -> dict:
    """The desktop theme at this size plus the kiosk's button styles (labels are drawn by the screens)."""
    theme = build_theme(Layout(width, height))
    misc = {"shape": "rectangle",  # rounded corners cost 30 ms per big button in pygame_gui
            "border_width": str(border), "shadow_width": "0"}
    theme["#kiosk_button"] = {
        "colours": {"normal_bg": "#0C1A14F0", "hovered_bg": "#0C1A14F0", "active_bg": "#2E5A3A",
                    "selected_bg": "#2E5A3A", "normal_border": "#3FA866", "hovered_border": "#3FA866",
                    "active_border": "#FFD060", "disabled_bg": "#0C120FCC", "disabled_border": "#2A3A30"},
        "misc": dict(misc),
    }
    theme["#kiosk_choice"] = {
        "colours": {"normal_bg": "#101C24F2", "hovered_bg": "#101C24F2", "active_bg": "#3A2A08",
                    "selected_bg": "#3A2A08", "normal_border": "#FFB000", "hovered_border": "#FFB000",
                    "active_border": "#FFE08A"},
        "misc": dict(misc),
    }
    theme["#kiosk_quiet"] = {
        "colours": {"normal_bg": "#00000000", "hovered_bg": "#00000000", "active_bg": "#FFFFFF22",
                    "normal_border": "#6F7A70", "hovered_border": "#6F7A70", "active_border": "#FFD060"},
        "misc": dict(misc),
    }
    return theme
