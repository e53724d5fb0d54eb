"""The role picker: who the visitor will be, as big buttons with the role's one-line title."""

from __future__ import annotations

import pygame


from ..strings import text
from ..ui import AMBER, KioskScreen, shade


class RoleScreen(KioskScreen):
    """One button per offered role."""

    name = "roles"

    def build(self) -> None:
        """The heading, then the roles stacked in the middle."""
        app = self.app
        sizing = app.sizing
        w, h = app.surface.get_size()
        story = app.library.story(app.language)
        width = min(w - 2 * sizing.margin, sizing.mm(300))
        self.heading = self.text(text(app.library.ui(app.language), "pick_role"), w - 2 * sizing.margin, sizing.heading, AMBER, True,
                                 align="center")
        gap = sizing.mm(6)
        top = sizing.margin * 2 + self.heading.height + sizing.mm(25)
        y = top
        for role_id in app.roles:
            role = story.roles[role_id]
            button = self.button(pygame.Rect((w - width) // 2, y, width, sizing.mm(24)), f"{role.name}\n{role.title}",
                                 lambda r=role_id: app.start_role(r))
            y = button.rect.bottom + gap
        # Centre the whole column vertically when there is room.
        shift = max(0, (h - y - top) // 2 - sizing.margin)
        for element in self.widgets:
            element.set_relative_position((element.rect.x, element.rect.y + shift))

    def draw(self, surface: pygame.Surface) -> None:
        """The night background and the heading."""
        self.app.title_art.draw(surface, with_title=False)
        surface.blit(self.app.art.get(("kiosk_shade", surface.get_size()), lambda: shade(surface.get_size())), (0, 0))
        top = self.widgets[0].rect.top if self.widgets else surface.get_height() // 3
        self.heading.draw(surface, self.app.sizing.margin, top - self.app.sizing.margin - self.heading.height)
