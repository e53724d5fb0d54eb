"""The kiosk's screens by route name: the one module that knows them all, so they need not know each other."""

from __future__ import annotations

from .screens.attract import AttractScreen, FallbackScreen
from .screens.debrief import DebriefScreen
from .screens.document import DocumentScreen
from .screens.language import LanguageScreen
from .screens.roles import RoleScreen
from .screens.scene import SceneScreen
from .screens.staff import PinScreen, StaffScreen

#: route -> screen class, built as cls(app, **data)
ROUTES = {
    "attract": AttractScreen,
    "fallback": FallbackScreen,
    "language": LanguageScreen,
    "roles": RoleScreen,
    "scene": SceneScreen,
    "document": DocumentScreen,
    "debrief": DebriefScreen,
    "pin": PinScreen,
    "staff": StaffScreen,
}
