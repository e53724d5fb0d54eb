"""The title's animated scene in plain pygame, so the first frame appears before the rest has loaded."""

from __future__ import annotations

import math

import pygame

from . import art
from . import palette as P


class TitleArt:
    """The sea at night, a radar scope whose sweep finds a contact, a MiG crossing, and the title."""

    #: Where the contact sits on the scope: bearing (radians, screen coordinates) and range (0..1).
    CONTACT = (-0.62, 0.62)
    SWEEP_SPEED = 1.3  # radians per second

    def __init__(self, host, centre_when_portrait: bool = False):
        self.host = host  # its layout, its art cache and whether motion is reduced
        # The kiosk stands on portrait screens with nothing else beside the scope; the desktop
        # title keeps its menu on the left, so its scope stays on the right.
        self.centre_when_portrait = centre_when_portrait
        self.angle = -2.2
        self.time = 0.0
        self.contact_glow = 0.0
        self._mig_drawn_at: tuple[int, pygame.Rect] | None = None  # where the MiG was last drawn
        self._swept_from: float | None = None  # the sweep's angle at the last drawing
        self.min_subtitle_px = 0  # the kiosk sets a floor so the subtitle keeps 6 mm capitals on any screen

    def update(self, dt: float) -> bool:
        """Turn the sweep; the contact lights up as the sweep passes it. True: keep redrawing."""
        if self.host.reduced_motion:
            self.contact_glow = 1.0
            return False
        before = self.angle
        self.angle += dt * self.SWEEP_SPEED
        self.time += dt
        target = self.CONTACT[0]
        turns = math.floor((self.angle - target) / math.tau) - math.floor((before - target) / math.tau)
        self.contact_glow = 1.0 if turns > 0 else max(0.0, self.contact_glow - dt * 0.35)
        return True

    def geometry(self, size):
        """The scope's centre and radius at this window size."""
        w, h = size
        layout = self.host.layout
        content = layout.content
        if self.centre_when_portrait and h > w:
            radius = int(min(content.width * 0.38, h * 0.17))
            return (content.centerx, int(h * 0.34)), radius
        radius = int(min(h * 0.36, content.width * 0.22))
        return (content.right - radius - layout.px(60), int(h * 0.44)), radius

    def mig_rect(self, size) -> pygame.Rect:
        """The rectangle the MiG and its shadow cover now."""
        mx, my, length = self._mig_place(size)
        points = art.mig_points((mx + length * 0.15, my + length * 0.22), length * 0.95, 8) + art.mig_points((mx, my), length, 8)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return pygame.Rect(int(min(xs)) - 2, int(min(ys)) - 2, int(max(xs) - min(xs)) + 5, int(max(ys) - min(ys)) + 5)

    def scope_rect(self, size) -> pygame.Rect:
        """The rectangle the scope, its sweep and the contact's tag cover."""
        centre, radius = self.geometry(size)
        rect = pygame.Rect(0, 0, 2 * radius + 6, 2 * radius + 6)
        rect.center = centre
        return rect.union(self.contact_rect(size))

    def contact_rect(self, size) -> pygame.Rect:
        """The contact's blip and its tag "UNKNOWN 13:11" (which may reach past the scope's edge)."""
        centre, radius = self.geometry(size)
        bearing, rng = self.CONTACT
        cx = centre[0] + math.cos(bearing) * radius * rng
        cy = centre[1] + math.sin(bearing) * radius * rng
        blip = max(3, radius // 40)
        size_px = max(10, radius // 16)
        tag = self.host.art.get(("contact_tag", size_px), lambda: self.host.fonts.render("UNKNOWN  13:11", size_px, (120, 255, 170)))
        rect = pygame.Rect(int(cx) - blip - 1, int(cy) - blip - 1, 2 * blip + 3, 2 * blip + 3)
        return rect.union(pygame.Rect(int(cx + radius // 20), int(cy - tag.get_height()), tag.get_width() + 1, tag.get_height() + 1))

    def sweep_rect(self, size, since: float) -> pygame.Rect:
        """The part of the scope the sweep and its afterglow covered between an earlier angle and now."""
        centre, radius = self.geometry(size)
        start, end = since - 0.9, self.angle  # the afterglow trails 0.84 radians behind the beam
        steps = max(2, int((end - start) / 0.1) + 2)
        points = [centre] + [(centre[0] + radius * math.cos(start + (end - start) * i / steps),
                              centre[1] + radius * math.sin(start + (end - start) * i / steps)) for i in range(steps + 1)]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return pygame.Rect(int(min(xs)) - 3, int(min(ys)) - 3, int(max(xs) - min(xs)) + 7, int(max(ys) - min(ys)) + 7)

    def draw_partial(self, surface: pygame.Surface) -> list[pygame.Rect]:
        """Redraw only what moved (the sweep, the fading contact, the MiG once it moved a pixel); the rectangles."""
        size = surface.get_size()
        since = self._swept_from if self._swept_from is not None else self.angle - math.tau
        changed = [self.sweep_rect(size, since).clip(surface.get_rect())]
        if self.contact_glow > 0:
            changed.append(self.contact_rect(size))
        mx = int(self._mig_place(size)[0])
        if self._mig_drawn_at is None or self._mig_drawn_at[0] != mx:
            mig = self.mig_rect(size)
            changed.append(mig.union(self._mig_drawn_at[1]) if self._mig_drawn_at else mig)
        for rect in changed:
            surface.set_clip(rect)
            self.draw(surface)
        surface.set_clip(None)
        return changed

    def _mig_place(self, size) -> tuple[float, float, float]:
        """The MiG's centre and length: low over the sea, drifting east towards the scope."""
        layout = self.host.layout
        content = layout.content
        drift = 0.0 if self.host.reduced_motion else (self.time * 6) % (content.width * 0.14)
        # Between the menu and the scope, low over the water, clear of both.
        return content.x + content.width * 0.38 + drift, size[1] * 0.85, layout.px(150)

    def draw(self, surface: pygame.Surface, with_title: bool = True) -> None:
        """The whole scene for this frame."""
        size = surface.get_size()
        cache = self.host.art
        surface.blit(cache.get(("title", size), lambda: art.title_background(size)), (0, 0))
        centre, radius = self.geometry(size)
        scope = cache.get(("scope", radius), lambda: art.radar_scope(radius))
        surface.blit(scope, scope.get_rect(center=centre))
        self._swept_from = self.angle
        if not self.host.reduced_motion:
            glow = cache.get(("sweep", radius), lambda: pygame.Surface((radius * 2 + 2, radius * 2 + 2), pygame.SRCALPHA))
            art.draw_sweep(surface, centre, radius, self.angle, into=glow)
        bearing, rng = self.CONTACT
        cx = centre[0] + math.cos(bearing) * radius * rng
        cy = centre[1] + math.sin(bearing) * radius * rng
        glow = int(60 + 195 * self.contact_glow)
        pygame.draw.circle(surface, (glow // 3, glow, glow // 2), (int(cx), int(cy)), max(3, radius // 40))
        if self.contact_glow > 0.3:
            size_px = max(10, radius // 16)
            tag = cache.get(("contact_tag", size_px), lambda: self.host.fonts.render("UNKNOWN  13:11", size_px, (120, 255, 170)))
            tag.set_alpha(int(255 * self.contact_glow))
            surface.blit(tag, (cx + radius // 20, cy - tag.get_height()))
        # The MiG, low over the sea, drifting east towards the scope.
        mx, my, length = self._mig_place(size)
        self._mig_drawn_at = (int(mx), self.mig_rect(size))
        shadow = art.mig_points((mx + length * 0.15, my + length * 0.22), length * 0.95, 8)
        pygame.draw.polygon(surface, (2, 8, 12), shadow)
        pygame.draw.polygon(surface, (58, 66, 72), art.mig_points((mx, my), length, 8))
        pygame.draw.polygon(surface, (120, 130, 136), art.mig_points((mx, my), length, 8), 1)
        if with_title:
            self.draw_title(surface)

    def draw_title(self, surface: pygame.Surface) -> None:
        """FOXBAT and its subtitle, top left."""
        layout = self.host.layout
        fonts = self.host.fonts
        x = layout.content.x + layout.px(64)
        y = layout.px(70)
        sub_px = self.subtitle_px
        surface.blit(self.host.art.get(("title_text", layout.px(96), sub_px),
                                      lambda: self._title_text(layout, fonts, sub_px)), (x, y))

    @property
    def subtitle_px(self) -> int:
        """The subtitle's font size: the layout's, or the floor set by whoever shows it (the kiosk)."""
        return max(self.host.layout.px(30), self.min_subtitle_px)

    @staticmethod
    def _title_text(layout, fonts, sub_px: int) -> pygame.Surface:
        """FOXBAT with its shadow and the subtitle, rendered once per size."""
        big = fonts.get(layout.px(96), bold=True)
        text = big.render("FOXBAT", True, P.AMBER)
        sub = fonts.render("Hakodate, 6 September 1976", sub_px, (220, 214, 190))
        shift = layout.px(3)
        out = pygame.Surface((max(text.get_width(), sub.get_width()) + 2 * shift, text.get_height() + sub.get_height() + shift),
                             pygame.SRCALPHA)
        out.blit(big.render("FOXBAT", True, (0, 0, 0)), (shift, shift))
        out.blit(text, (0, 0))
        out.blit(sub, (layout.px(4), text.get_height()))
        return out
