"""Choose who to be: three cards with drawn emblems, who each person is and where they stand."""

from __future__ import annotations

import pygame

from game.frontends.shell import art
from game.frontends.shell.richtext import Span, b
from .base import Screen


class RoleScreen(Screen):
    """The role cards; 1-3, arrows and Enter, a click or a tap choose."""

    name = "roles"

    def build(self) -> None:
        """One tall card per role, side by side (one under another on a portrait screen), and a Back button."""
        layout = self.app.layout
        content = layout.content
        m = layout.margin
        roles = list(self.app.story.roles.values())
        self.label(pygame.Rect(content.x + m, m, content.width - 2 * m, layout.px(44)), self.ui("gui.roles.heading"),
                   "#screen_title")
        gap = layout.px(24)
        top = m + layout.px(64)
        bottom = layout.height - m - layout.px(64)
        # a portrait screen is too narrow for three cards abreast: they stack, each the whole width,
        # the emblem beside the text rather than above it
        self.stacked = layout.portrait
        count = max(1, len(roles))
        card_w = (content.width - 2 * m - gap * (len(roles) - 1)) // count
        card_h = (bottom - top - gap * (len(roles) - 1)) // count
        self.cards = []
        for i, role in enumerate(roles):
            if self.stacked:
                rect = pygame.Rect(content.x + m, top + i * (card_h + gap), content.width - 2 * m, card_h)
            else:
                rect = pygame.Rect(content.x + m + i * (card_w + gap), top, card_w, bottom - top)
            button = self.button(rect, "", lambda r=role.id: self.choose(r), "#card")
            self.cards.append((rect, role))
            self.children.append(self.card_text(rect, i, role))
            button.role_id = role.id
            button.spoken = f"{i + 1}. {role.name}. {role.title}. {role.summary}"
        back = self.ui("gui.back")
        self.button(pygame.Rect(content.x + m, layout.height - m - layout.px(48),
                                max(layout.px(160), self.needed_width([back])), layout.px(48)), back, self.back)
        # every role at once, on one timeline (the ensemble); also the number after the last card
        together = self.ui("gui.roles.ensemble", number=len(roles) + 1)
        width = max(layout.px(160), self.needed_width([together]))
        self.button(pygame.Rect(content.right - m - width, layout.height - m - layout.px(48), width, layout.px(48)),
                    together, self.app.start_ensemble)
        self.focus.set(0)

    #: Steps tried when a card's text is too long for it: (emblem scale, font scale).
    FITS = ((1.0, 1.0), (0.7, 1.0), (0.7, 0.9), (0.55, 0.84), (0.45, 0.78), (0.4, 0.72), (0.35, 0.66), (0.3, 0.6),
            (0.25, 0.54))
    #: Stacked cards are wide and tall enough for larger text: tried before FITS.
    STACKED_FITS = ((1.0, 1.6), (1.0, 1.4), (1.0, 1.2))

    def card_text(self, rect: pygame.Rect, index: int, role):
        """The card's name, title and summary, in the largest size at which all of it shows."""
        from game.frontends.shell.widgets import PassThroughTextBox, text_overflow

        layout = self.app.layout
        self.emblem_scale = getattr(self, "emblem_scale", {})
        for emblem_scale, font_scale in (self.STACKED_FITS if self.stacked else ()) + self.FITS:
            self.emblem_scale[role.id] = emblem_scale
            area = self.text_area(rect, role.id)
            rich = self.rich("text_box", area.width)
            html = (rich.block(b(f"{index + 1}. {role.name}", size=layout.font(22 * font_scale))) + "<br>"
                    + rich.block(b(role.title, size=layout.font(16 * font_scale))) + "<br>"
                    + rich.block(Span(role.summary, size=layout.font(15 * font_scale))))
            box = PassThroughTextBox(html, area, self.app.manager, starting_height=3)
            if text_overflow(box) == 0:
                return box
            box.kill()
        return PassThroughTextBox(html, area, self.app.manager, starting_height=3)

    def text_area(self, card: pygame.Rect, role_id: str) -> pygame.Rect:
        """Where a card's text goes: under its emblem, or beside it on stacked cards."""
        layout = self.app.layout
        pad = layout.px(14)
        emblem = self.emblem_size(card.width, role_id)
        if self.stacked:
            left = card.x + 2 * pad + emblem
            return pygame.Rect(left, card.y + pad, card.right - pad - left, card.height - 2 * pad)
        top = card.y + pad + emblem + layout.px(8)
        return pygame.Rect(card.x + pad, top, card.width - 2 * pad, card.bottom - top - pad)

    def emblem_at(self, card: pygame.Rect, size: int) -> tuple[int, int]:
        """The emblem's top left: centred at the card's top, or at its left on stacked cards."""
        pad = self.app.layout.px(14)
        return (card.x + pad, card.y + pad) if self.stacked else (card.centerx - size // 2, card.y + pad)

    def emblem_size(self, card_width: int, role_id: str | None = None) -> int:
        """The emblem's side: small enough to leave the card's text room."""
        scale = getattr(self, "emblem_scale", {}).get(role_id, 1.0)
        return max(1, int(min(self.app.layout.px(104), card_width // 3) * scale))

    def spoken(self):
        """The heading (each card is read as the keyboard reaches it)."""
        return ("roles",), self.ui("gui.roles.heading")

    def choose(self, role_id: str) -> None:
        """Start the role."""
        self.app.start_role(role_id)

    def back(self) -> None:
        """Back to the title."""
        self.app.to_title()

    def on_escape(self) -> bool:
        """Esc goes back to the title."""
        self.back()
        return True

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Number keys pick a card."""
        if event.type == pygame.KEYDOWN and pygame.K_1 <= event.key <= pygame.K_9:
            index = event.key - pygame.K_1
            if index < len(self.cards):
                self.app.later(lambda: self.choose(self.cards[index][1].id))
                return True
            if index == len(self.cards):
                self.app.later(self.app.start_ensemble)
                return True
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        """The title scene, dimmed, with each card's emblem."""
        size = surface.get_size()
        surface.blit(self.app.art.get(("roles_bg", size), lambda: art.dimmed(art.title_background(size), 110)), (0, 0))
        for rect, role in self.cards:
            panel = self.app.art.get(("card", rect.size, role.id), lambda r=rect: _card(r.size))
            surface.blit(panel, rect)
            emblem_size = self.emblem_size(rect.width, role.id)
            emblem = self.app.art.get(("emblem", role.id, emblem_size), lambda r=role.id, s=emblem_size: art.emblem(r, s))
            surface.blit(emblem, self.emblem_at(rect, emblem_size))

    def autoplay(self, auto) -> bool:
        """Pick the autoplay's role."""
        self.choose(auto.role or next(iter(self.app.story.roles)))
        return True


def _card(size) -> pygame.Surface:
    return art.gradient(size, (12, 30, 24), (6, 14, 12))  # opaque: the title scene must not show through
