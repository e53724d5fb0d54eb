"""The desktop game's screens by route name: the one module that knows them all, so they need not know each other."""

from __future__ import annotations

from .screens.debrief import DebriefScreen
from .screens.debrief_menu import DebriefMenuScreen
from .screens.document import DocumentScreen
from .screens.error import ErrorScreen
from .screens.flight_map import FlightMapScreen
from .screens.history import HistoryScreen
from .screens.pause import PauseScreen
from .screens.roles import RoleScreen
from .screens.saves import SavesScreen
from .screens.scene import SceneScreen
from .screens.settings_screen import SettingsScreen
from .screens.sources import QuoteScreen, SourcesScreen
from .screens.timeline import TimelineScreen
from .screens.title import TitleScreen
from .screens.undo import UndoScreen

#: route -> screen class, built as cls(app, **data)
ROUTES = {
    "title": TitleScreen,
    "roles": RoleScreen,
    "scene": SceneScreen,
    "debrief": DebriefScreen,
    "timeline": TimelineScreen,
    "debrief_menu": DebriefMenuScreen,
    "error": ErrorScreen,
    "pause": PauseScreen,
    "saves": SavesScreen,
    "settings": SettingsScreen,
    "history": HistoryScreen,
    "undo": UndoScreen,
    "flight_map": FlightMapScreen,
    "document": DocumentScreen,
    "sources": SourcesScreen,
    "quote": QuoteScreen,
}
