"""Procedural art of 1976: radar scopes, the cockpit, the airfield at night, the telex room, paper.

Everything is drawn by code once per size and kept in an ArtCache, so a frame only blits.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import pygame

from . import palette as P

#: A MiG-25 seen from above, nose to the right, in units of its length (x: -0.5..0.5).
MIG_TOP = [
    (0.50, 0.0), (0.40, 0.025), (0.22, 0.04), (0.16, 0.085), (0.02, 0.09), (0.00, 0.09),
    (-0.16, 0.40), (-0.28, 0.40), (-0.24, 0.10), (-0.30, 0.095), (-0.38, 0.22), (-0.46, 0.22),
    (-0.44, 0.08), (-0.50, 0.06), (-0.50, -0.06), (-0.44, -0.08), (-0.46, -0.22), (-0.38, -0.22),
    (-0.30, -0.095), (-0.24, -0.10), (-0.28, -0.40), (-0.16, -0.40), (0.00, -0.09), (0.02, -0.09),
    (0.16, -0.085), (0.22, -0.04), (0.40, -0.025),
]


def mig_points(centre, length: float, angle_deg: float = 0.0) -> list[tuple[float, float]]:
    """The MiG outline placed at centre, scaled and turned (degrees, counter-clockwise on screen)."""
    a = math.radians(angle_deg)
    ca, sa = math.cos(a), math.sin(a)
    cx, cy = centre
    return [(cx + (x * ca - y * sa) * length, cy - (x * sa + y * ca) * length) for x, y in MIG_TOP]


def gradient(size, top, bottom) -> pygame.Surface:
    """A vertical gradient (drawn 1 px wide, then stretched)."""
    w, h = size
    strip = pygame.Surface((1, max(1, h)))
    for y in range(h):
        t = y / max(1, h - 1)
        strip.set_at((0, y), [round(a + (b - a) * t) for a, b in zip(top, bottom)])
    return pygame.transform.scale(strip, (max(1, w), max(1, h)))


@lru_cache(maxsize=4)
def noise_tile(seed: int = 7, size: int = 96, strength: int = 18) -> pygame.Surface:
    """A small tile of film grain, tiled over big surfaces (drawn once, then reused)."""
    rng = random.Random(seed)
    tile = pygame.Surface((size, size), pygame.SRCALPHA)
    for _ in range(size * size // 3):
        v = rng.randrange(256)
        tile.set_at((rng.randrange(size), rng.randrange(size)), (v, v, v, rng.randrange(strength)))
    return tile


@lru_cache(maxsize=4)
def _scanline_strip(width: int, gap: int) -> pygame.Surface:
    """Eight scanlines, to be repeated down a surface: one full-size overlay per call cost more."""
    strip = pygame.Surface((width, gap * 8), pygame.SRCALPHA)
    for y in range(0, gap * 8, gap):
        pygame.draw.line(strip, (0, 0, 0, 46), (0, y), (width, y))
    return strip


def overlay_texture(surface: pygame.Surface, scanline_gap: int = 3, grain: bool = True) -> None:
    """Scanlines and grain over a surface, for the look of a CRT or a photograph."""
    w, h = surface.get_size()
    strip = _scanline_strip(w, max(2, scanline_gap))
    for y in range(0, h, strip.get_height()):
        surface.blit(strip, (0, y))
    if grain:
        tile = noise_tile()
        for x in range(0, w, tile.get_width()):
            for y in range(0, h, tile.get_height()):
                surface.blit(tile, (x, y))


def dimmed(surface: pygame.Surface, alpha: int) -> pygame.Surface:
    """The surface under a translucent black sheet, so text reads over the art (drawn into it, returned)."""
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, alpha))
    surface.blit(shade, (0, 0))
    return surface


def vignette(size, strength: int = 170) -> pygame.Surface:
    """Dark corners (drawn small, then smoothly scaled up)."""
    small = pygame.Surface((64, 36), pygame.SRCALPHA)
    for y in range(36):
        for x in range(64):
            d = math.hypot((x - 31.5) / 32, (y - 17.5) / 18)
            small.set_at((x, y), (0, 0, 0, min(255, int(max(0.0, d - 0.55) * strength * 1.6))))
    return pygame.transform.smoothscale(small, size)


def radar_scope(radius: int, colour=P.PHOSPHOR, rings: int = 4) -> pygame.Surface:
    """A round radar scope: glass, range rings, bearing ticks (the sweep is drawn per frame)."""
    size = radius * 2 + 4
    scope = pygame.Surface((size, size), pygame.SRCALPHA)
    c = (size // 2, size // 2)
    pygame.draw.circle(scope, (4, 18, 10, 235), c, radius)
    dim = [v // 3 for v in colour]
    for i in range(1, rings + 1):
        pygame.draw.circle(scope, dim, c, radius * i // rings, 1)
    for deg in range(0, 360, 10):
        a = math.radians(deg)
        inner = radius * (0.9 if deg % 30 else 0.82)
        pygame.draw.line(scope, dim, (c[0] + inner * math.cos(a), c[1] + inner * math.sin(a)),
                         (c[0] + radius * math.cos(a), c[1] + radius * math.sin(a)))
    pygame.draw.line(scope, dim, (c[0] - radius, c[1]), (c[0] + radius, c[1]))
    pygame.draw.line(scope, dim, (c[0], c[1] - radius), (c[0], c[1] + radius))
    pygame.draw.circle(scope, [v // 2 for v in colour], c, radius, max(2, radius // 60))
    return scope


def draw_sweep(surface: pygame.Surface, centre, radius: int, angle: float, colour=P.PHOSPHOR,
               into: pygame.Surface | None = None) -> None:
    """The rotating sweep of a scope with its fading afterglow (a few alpha wedges; cheap per frame)."""
    glow = into if into is not None else pygame.Surface((radius * 2 + 2, radius * 2 + 2), pygame.SRCALPHA)
    glow.fill((0, 0, 0, 0))
    c = (radius + 1, radius + 1)
    steps = 14
    for i in range(steps):
        a0 = angle - (i + 1) * 0.06
        a1 = angle - i * 0.06
        alpha = int(90 * (1 - i / steps))
        pts = [c] + [(c[0] + radius * math.cos(a), c[1] + radius * math.sin(a)) for a in (a0, (a0 + a1) / 2, a1)]
        pygame.draw.polygon(glow, (*colour, alpha), pts)
    pygame.draw.line(glow, (*colour, 230), c, (c[0] + radius * math.cos(angle), c[1] + radius * math.sin(angle)), 2)
    surface.blit(glow, (centre[0] - c[0], centre[1] - c[1]))


def title_background(size) -> pygame.Surface:
    """Night over the Sea of Japan: sky, horizon, waves, a scope frame on the right."""
    w, h = size
    surface = gradient(size, (2, 6, 12), (8, 26, 36))
    horizon = int(h * 0.62)
    sea = gradient((w, h - horizon), (6, 30, 40), (2, 10, 16))
    surface.blit(sea, (0, horizon))
    rng = random.Random(1976)
    for _ in range(w * h // 9000):
        x, y = rng.randrange(w), rng.randrange(horizon)
        v = rng.randrange(90, 220)
        surface.set_at((x, y), (v, v, v))
    for i in range(60):
        y = horizon + int((h - horizon) * (i / 60) ** 1.6)
        x = rng.randrange(w)
        length = int(w * (0.02 + 0.1 * i / 60))
        pygame.draw.line(surface, (20, 60, 70), (x, y), (x + length, y), max(1, h // 700))
    pygame.draw.line(surface, (30, 80, 90), (0, horizon), (w, horizon), max(1, h // 540))
    overlay_texture(surface, scanline_gap=max(2, h // 240))
    surface.blit(vignette(size), (0, 0))
    return surface


def cockpit(size) -> pygame.Surface:
    """The pilot: cloud above, canopy frame, an instrument panel with round dials and a scope."""
    w, h = size
    surface = gradient(size, (28, 44, 62), (120, 130, 138))
    rng = random.Random(25)
    for _ in range(40):
        cx, cy = rng.randrange(w), rng.randrange(int(h * 0.15), int(h * 0.6))
        r = rng.randrange(w // 20, w // 7)
        pygame.draw.ellipse(surface, (150, 160, 168), (cx - r, cy - r // 4, 2 * r, r // 2))
    frame = (14, 18, 20)
    pygame.draw.polygon(surface, frame, [(0, 0), (int(w * 0.18), 0), (int(w * 0.06), int(h * 0.62)), (0, int(h * 0.66))])
    pygame.draw.polygon(surface, frame, [(w, 0), (int(w * 0.82), 0), (int(w * 0.94), int(h * 0.62)), (w, int(h * 0.66))])
    pygame.draw.rect(surface, frame, (0, 0, w, int(h * 0.05)))
    panel_top = int(h * 0.58)
    pygame.draw.rect(surface, (22, 26, 26), (0, panel_top, w, h - panel_top))
    pygame.draw.arc(surface, (40, 46, 46), (-w // 4, panel_top - h // 10, int(w * 1.5), h // 4), 0, math.pi, max(2, h // 100))
    dial_r = max(8, int(h * 0.075))
    for i, x in enumerate((0.12, 0.26, 0.74, 0.88)):
        c = (int(w * x), int(h * 0.76))
        pygame.draw.circle(surface, (8, 10, 10), c, dial_r)
        pygame.draw.circle(surface, (70, 76, 76), c, dial_r, max(1, dial_r // 10))
        for t in range(0, 360, 30):
            a = math.radians(t)
            pygame.draw.line(surface, (200, 200, 190), (c[0] + dial_r * 0.75 * math.cos(a), c[1] + dial_r * 0.75 * math.sin(a)),
                             (c[0] + dial_r * 0.9 * math.cos(a), c[1] + dial_r * 0.9 * math.sin(a)))
        a = math.radians(200 + i * 47)
        pygame.draw.line(surface, P.AMBER, c, (c[0] + dial_r * 0.7 * math.cos(a), c[1] + dial_r * 0.7 * math.sin(a)), 2)
    scope_r = int(h * 0.16)
    scope = radar_scope(scope_r)
    surface.blit(scope, scope.get_rect(center=(w // 2, int(h * 0.8))))
    overlay_texture(surface, scanline_gap=max(2, h // 240))
    surface.blit(vignette(size), (0, 0))
    return surface


def airfield(size, night: bool = True) -> pygame.Surface:
    """The police: Hakodate airport by night or under a grey day, the runway, the terminal, the jet."""
    w, h = size
    surface = gradient(size, (4, 8, 22), (18, 24, 40)) if night else gradient(size, (120, 134, 146), (176, 182, 184))
    rng = random.Random(906)
    horizon = int(h * 0.55)
    if night:
        for _ in range(w * h // 7000):
            x, y = rng.randrange(w), rng.randrange(horizon)
            v = rng.randrange(80, 200)
            surface.set_at((x, y), (v, v, v))
    else:  # the low cloud of that afternoon
        for _ in range(24):
            cx, cy, r = rng.randrange(w), rng.randrange(int(horizon * 0.7)), rng.randrange(w // 10, w // 4)
            pygame.draw.ellipse(surface, (150, 160, 168), (cx - r, cy - r // 5, 2 * r, r // 3))
    # Mount Hakodate as a dark hump on the horizon.
    pygame.draw.polygon(surface, (10, 14, 24) if night else (70, 86, 84),
                        [(int(w * 0.55), horizon), (int(w * 0.7), int(horizon * 0.78)),
                         (int(w * 0.8), int(horizon * 0.8)), (int(w * 0.95), horizon)])
    pygame.draw.rect(surface, (12, 16, 20) if night else (74, 96, 62), (0, horizon, w, h - horizon))
    # The runway in perspective, with its edge lights.
    vanish = (int(w * 0.42), horizon)
    left, right = (int(w * 0.05), h), (int(w * 0.75), h)
    pygame.draw.polygon(surface, (26, 28, 32) if night else (92, 94, 96), [vanish, (vanish[0] + 4, vanish[1]), right, left])
    for i in range(1, 22):
        t = (i / 22) ** 2
        for (bx, by) in (left, right):
            x = vanish[0] + (bx - vanish[0]) * t
            y = vanish[1] + (by - vanish[1]) * t
            r = max(1, int(t * h / 120))
            pygame.draw.circle(surface, (255, 214, 140) if night else (210, 206, 190), (int(x), int(y)), r)
    # The terminal with lit windows.
    tx, ty, tw, th = int(w * 0.72), int(horizon - h * 0.09), int(w * 0.24), int(h * 0.09)
    pygame.draw.rect(surface, (20, 24, 30) if night else (150, 146, 136), (tx, ty, tw, th))
    pygame.draw.rect(surface, (30, 36, 44) if night else (128, 124, 116), (tx + tw // 3, ty - th // 2, tw // 8, th // 2))
    for i in range(10):
        if rng.random() < 0.7:
            pygame.draw.rect(surface, (255, 200, 110) if night else (60, 70, 80),
                             (tx + 6 + i * tw // 10, ty + th // 3, tw // 16, th // 5))
    # The MiG on the apron, seen from above at an angle, a dark shape in the floodlight.
    pygame.draw.ellipse(surface, (40, 44, 40) if night else (64, 84, 56),
                        (int(w * 0.66), int(h * 0.74), int(w * 0.28), int(h * 0.12)))
    pygame.draw.polygon(surface, (8, 10, 12), mig_points((int(w * 0.8), int(h * 0.8)), w * 0.2, 12))
    overlay_texture(surface, scanline_gap=max(2, h // 240))
    surface.blit(vignette(size), (0, 0))
    return surface


def city_window(surface: pygame.Surface, win: pygame.Rect, night: bool, seed: int = 1976) -> None:
    """A window on a city: lit windows against the night, or grey roofs under a day sky."""
    rng = random.Random(seed)
    w = surface.get_width()
    if night:
        surface.blit(gradient(win.size, (6, 10, 26), (30, 26, 44)), win)
        for _ in range(160):
            x = win.x + rng.randrange(win.width)
            y = win.y + int(win.height * 0.45) + rng.randrange(int(win.height * 0.55))
            pygame.draw.rect(surface, rng.choice([(255, 210, 120), (200, 220, 255), (255, 240, 200)]), (x, y, 2, 2))
    else:
        surface.blit(gradient(win.size, (150, 176, 200), (206, 214, 216)), win)
        for _ in range(14):
            bw, bh = rng.randrange(win.width // 12, win.width // 5), rng.randrange(win.height // 5, win.height // 2)
            x = win.x + rng.randrange(max(1, win.width - bw))
            pygame.draw.rect(surface, rng.choice([(120, 124, 128), (140, 138, 132), (100, 106, 112)]),
                             (x, win.bottom - bh, bw, bh))
    pygame.draw.rect(surface, (60, 56, 48), win, max(3, w // 200))
    pygame.draw.line(surface, (60, 56, 48), win.midtop, win.midbottom, max(2, w // 300))


def telex_room(size, night: bool = True) -> pygame.Surface:
    """The diplomat: the Foreign Ministry's telex room, a window on Tokyo by night or day, machines and paper."""
    w, h = size
    surface = gradient(size, (30, 38, 34), (16, 20, 18))
    rng = random.Random(1976)
    # The window on Kasumigaseki.
    win = pygame.Rect(int(w * 0.06), int(h * 0.08), int(w * 0.34), int(h * 0.36))
    city_window(surface, win, night)
    # A row of teleprinters with paper rising out of them.
    desk_y = int(h * 0.62)
    pygame.draw.rect(surface, (52, 40, 28), (0, desk_y, w, h - desk_y))
    for i in range(3):
        x = int(w * (0.46 + i * 0.18))
        body = pygame.Rect(x, desk_y - int(h * 0.12), int(w * 0.14), int(h * 0.12))
        pygame.draw.rect(surface, (70, 78, 72), body, border_radius=max(2, w // 200))
        pygame.draw.rect(surface, (40, 44, 42), body.inflate(-body.width // 5, -body.height // 2).move(0, body.height // 6))
        paper = pygame.Rect(body.x + body.width // 6, int(h * 0.1) + i * int(h * 0.05), body.width * 2 // 3,
                            body.y - int(h * 0.1) - i * int(h * 0.05))
        pygame.draw.rect(surface, P.PAPER_DARK, paper)
        for y in range(paper.y + 6, paper.bottom, max(4, h // 90)):
            pygame.draw.line(surface, (150, 140, 120), (paper.x + 6, y), (paper.x + 6 + rng.randrange(paper.width - 10), y))
    # The desk lamp's cone of light.
    lamp = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.polygon(lamp, (255, 190, 90, 34), [(int(w * 0.2), int(h * 0.5)), (int(w * 0.05), h), (int(w * 0.42), h)])
    surface.blit(lamp, (0, 0))
    pygame.draw.circle(surface, P.AMBER, (int(w * 0.2), int(h * 0.5)), max(3, h // 90))
    overlay_texture(surface, scanline_gap=max(2, h // 240))
    surface.blit(vignette(size), (0, 0))
    return surface


def room(size, night: bool = True) -> pygame.Surface:
    """An office or a room: a wall, a window on the town by night or day, a desk, a lamp, a telephone."""
    w, h = size
    surface = gradient(size, (58, 54, 44), (30, 28, 24))
    win = pygame.Rect(int(w * 0.54), int(h * 0.1), int(w * 0.36), int(h * 0.42))
    city_window(surface, win, night, seed=906)
    desk_y = int(h * 0.66)
    pygame.draw.rect(surface, (70, 50, 32), (0, desk_y, w, h - desk_y))
    pygame.draw.line(surface, (96, 72, 48), (0, desk_y), (w, desk_y), max(2, h // 120))
    # A black telephone and a stack of files.
    phone = pygame.Rect(int(w * 0.14), desk_y - int(h * 0.07), int(w * 0.14), int(h * 0.08))
    pygame.draw.ellipse(surface, (14, 14, 16), phone)
    pygame.draw.rect(surface, (14, 14, 16), phone.inflate(-phone.width // 3, -phone.height // 3).move(0, phone.height // 4))
    for i in range(4):
        pygame.draw.rect(surface, (200, 190, 160) if i % 2 else (176, 164, 130),
                         (int(w * 0.34), desk_y - (i + 1) * max(3, h // 60), int(w * 0.14), max(3, h // 60)))
    if night:
        lamp = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.polygon(lamp, (255, 190, 90, 40), [(int(w * 0.42), int(h * 0.4)), (int(w * 0.26), h), (int(w * 0.6), h)])
        surface.blit(lamp, (0, 0))
        pygame.draw.circle(surface, P.AMBER, (int(w * 0.42), int(h * 0.4)), max(3, h // 90))
    overlay_texture(surface, scanline_gap=max(2, h // 240))
    surface.blit(vignette(size), (0, 0))
    return surface


def seaside(size, night: bool = True) -> pygame.Surface:
    """A harbour or a coast: sky, sea, a breakwater and fishing boats, by night or day."""
    w, h = size
    sky = ((4, 8, 20), (16, 24, 40)) if night else ((130, 150, 166), (190, 196, 196))
    surface = gradient(size, *sky)
    horizon = int(h * 0.5)
    sea = gradient((w, h - horizon), (10, 26, 36) if night else (70, 100, 112), (4, 12, 18) if night else (40, 64, 76))
    surface.blit(sea, (0, horizon))
    rng = random.Random(47)
    for i in range(40):
        y = horizon + int((h - horizon) * (i / 40) ** 1.5)
        x = rng.randrange(w)
        pygame.draw.line(surface, (30, 60, 70) if night else (120, 150, 160), (x, y), (x + w // 12, y), 1)
    pygame.draw.rect(surface, (40, 40, 42) if night else (120, 118, 110), (0, int(h * 0.7), int(w * 0.45), h // 24))
    for i in range(3):
        bx, by = int(w * (0.55 + i * 0.13)), int(h * (0.62 + i * 0.06))
        pygame.draw.polygon(surface, (20, 22, 24) if night else (60, 62, 66),
                            [(bx, by), (bx + w // 10, by), (bx + w // 12, by + h // 30), (bx + w // 60, by + h // 30)])
        pygame.draw.line(surface, (20, 22, 24) if night else (60, 62, 66), (bx + w // 25, by), (bx + w // 25, by - h // 10), 2)
        if night:
            pygame.draw.circle(surface, (255, 214, 140), (bx + w // 25, by - h // 10), max(2, h // 120))
    overlay_texture(surface, scanline_gap=max(2, h // 240))
    surface.blit(vignette(size), (0, 0))
    return surface


ROLE_SCENES = {"pilot": cockpit, "police": airfield, "diplomat": telex_room}
#: Pictures by kind of place; each is called as draw(size, night) (the cockpit is always by day).
PLACES = {"cockpit": lambda size, night: cockpit(size), "airfield": airfield, "ministry": telex_room,
          "room": room, "seaside": seaside}


def role_background(role: str, size) -> pygame.Surface:
    """The full-window background of a role (dimmed so panels read over it)."""
    surface = ROLE_SCENES.get(role, cockpit)(size)
    shade = pygame.Surface(size, pygame.SRCALPHA)
    shade.fill((0, 0, 0, 120))
    surface.blit(shade, (0, 0))
    return surface


@lru_cache(maxsize=8)
def _paper_tile(base: tuple, size: int = 128) -> pygame.Surface:
    """Paper of one colour with its fibres (a dot in 400 a shade darker or lighter), to be tiled."""
    tile = pygame.Surface((size, size))
    tile.fill(base)
    rng = random.Random(sum(base))
    for _ in range(size * size // 400):
        x, y = rng.randrange(size), rng.randrange(size)
        d = rng.randrange(-10, 6)
        tile.set_at((x, y), tuple(max(0, min(255, c + d)) for c in base))
    return tile


def document(kind: str, size, high_contrast: bool = False, ruling: tuple[int, tuple[int, ...]] | None = None) -> pygame.Surface:
    """A panel styled as the document it is: telex paper, a police form, a radar plot, a notebook...

    ruling: for a notebook, where the text lies: the x of its first letter and the y of each line's
    baseline (in the panel's pixels), so the margin sits left of the text and the rules under it.
    """
    w, h = size
    if high_contrast:
        surface = pygame.Surface(size)
        surface.fill((0, 0, 0))
        pygame.draw.rect(surface, P.WHITE, surface.get_rect(), 3)
        return surface
    if kind in ("crt", "radar_log", "map"):
        surface = pygame.Surface(size)
        surface.fill((6, 20, 12))
        step = max(12, h // 10)
        for x in range(0, w, step):
            pygame.draw.line(surface, (14, 44, 26), (x, 0), (x, h))
        for y in range(0, h, step):
            pygame.draw.line(surface, (14, 44, 26), (0, y), (w, y))
        if kind == "radar_log":
            for r in range(1, 4):
                pygame.draw.circle(surface, (20, 70, 40), (w - step * 2, h - step * 2), r * step * 2, 1)
        overlay_texture(surface, scanline_gap=3, grain=False)
        pygame.draw.rect(surface, P.PHOSPHOR_DIM, surface.get_rect(), 2)
        return surface
    base = {"newspaper": (214, 210, 198), "notebook": (232, 224, 196)}.get(kind, P.PAPER)
    surface = pygame.Surface(size)
    fibres = _paper_tile(base)
    for x in range(0, w, fibres.get_width()):
        for y in range(0, h, fibres.get_height()):
            surface.blit(fibres, (x, y))
    line = max(18, h // 14)
    if kind in ("telex", "cable"):
        # Continuous stationery: faint green bands and tractor-feed holes down both sides. Given the
        # text's baselines, every other line of text sits on a band, as a teleprinter types them.
        for top, height in _telex_bands(h, line, ruling):
            pygame.draw.rect(surface, (214, 228, 204), (0, top, w, height))
        hole = max(3, w // 140)
        for y in range(hole * 3, h, hole * 5):
            pygame.draw.circle(surface, (70, 66, 58), (hole * 2, y), hole)
            pygame.draw.circle(surface, (70, 66, 58), (w - hole * 2, y), hole)
        pygame.draw.line(surface, (170, 160, 140), (hole * 4, 0), (hole * 4, h))
        pygame.draw.line(surface, (170, 160, 140), (w - hole * 4, 0), (w - hole * 4, h))
    elif kind in ("notebook",):
        if ruling is not None and ruling[1]:
            text_x, baselines = ruling
            step = baselines[1] - baselines[0] if len(baselines) > 1 else line
            rules = list(baselines)
            while rules[-1] + step < h:  # ruled on down the page, under where more text would go
                rules.append(rules[-1] + step)
            first = rules[0]
            while first - step > 0:
                first -= step
                rules.insert(0, first)
            for y in rules:
                pygame.draw.line(surface, (150, 170, 210), (0, y + 2), (w, y + 2))
            margin = max(4, text_x - max(6, text_x // 3))
        else:
            for y in range(line, h, line):
                pygame.draw.line(surface, (150, 170, 210), (0, y), (w, y))
            margin = int(w * 0.07)
        pygame.draw.line(surface, (200, 90, 90), (margin, 0), (margin, h), 2)
    elif kind in ("police_form", "charge_sheet", "memo"):
        pygame.draw.rect(surface, (120, 100, 80), (8, 8, w - 16, h - 16), 2)
        pygame.draw.line(surface, (120, 100, 80), (8, 8 + line * 2), (w - 8, 8 + line * 2), 2)
        for y in range(8 + line * 3, h - 8, line):
            pygame.draw.line(surface, (196, 184, 156), (16, y), (w - 16, y))
        stamp = pygame.Surface((line * 3, line * 3), pygame.SRCALPHA)
        pygame.draw.circle(stamp, (*P.STAMP_RED, 110), (line * 3 // 2, line * 3 // 2), line * 3 // 2 - 2, 3)
        surface.blit(stamp, (w - line * 4, 12))
    elif kind == "newspaper":
        cols = 3
        for i in range(1, cols):
            x = w * i // cols
            pygame.draw.line(surface, (150, 146, 136), (x, line * 2), (x, h - 8))
        pygame.draw.line(surface, (60, 56, 50), (8, line * 2 - 4), (w - 8, line * 2 - 4), 3)
    pygame.draw.rect(surface, (120, 104, 80), surface.get_rect(), 2)
    return surface


def _telex_bands(h: int, line: int, ruling) -> list[tuple[int, int]]:
    """The green bands of telex paper as (top, height): one per two lines of text, each band under one line."""
    if ruling is None or not ruling[1]:
        return [(y, line) for y in range(0, h, line * 2)]
    baselines = ruling[1]
    step = baselines[1] - baselines[0] if len(baselines) > 1 else line
    step = max(4, step)
    descent = max(2, step // 4)  # a line of text reaches this far below its baseline
    first = baselines[0] + descent - step  # the top of the first line's band
    while first - 2 * step > -step:
        first -= 2 * step  # bands on up the page, keeping every other line
    return [(y, step) for y in range(first, h, 2 * step)]


def emblem(role: str, size: int) -> pygame.Surface:
    """A role's emblem: a winged red star, a police star in its ring, a Foreign Ministry seal."""
    s = pygame.Surface((size, size), pygame.SRCALPHA)
    c = size / 2
    if role == "pilot":
        for side in (-1, 1):
            for i in range(4):
                y = c + size * (0.02 + i * 0.06)
                pygame.draw.line(s, P.AMBER, (c + side * size * 0.18, y), (c + side * size * (0.48 - i * 0.07), y - size * 0.08),
                                 max(2, size // 40))
        pygame.draw.polygon(s, (200, 40, 36), _star(c, c, size * 0.26, size * 0.11))
        pygame.draw.polygon(s, P.AMBER, _star(c, c, size * 0.26, size * 0.11), max(1, size // 80))
    elif role == "police":
        pygame.draw.circle(s, P.AMBER, (c, c), size * 0.42, max(2, size // 30))
        for i in range(16):
            a = math.radians(i * 22.5)
            pygame.draw.line(s, P.AMBER_DIM, (c + size * 0.2 * math.cos(a), c + size * 0.2 * math.sin(a)),
                             (c + size * 0.38 * math.cos(a), c + size * 0.38 * math.sin(a)), max(1, size // 60))
        pygame.draw.polygon(s, P.AMBER, _star(c, c, size * 0.24, size * 0.1))
        pygame.draw.circle(s, (40, 30, 10), (c, c), size * 0.07)
    else:
        pygame.draw.circle(s, (120, 200, 230), (c, c), size * 0.42, max(2, size // 30))
        for i in range(16):
            a = math.radians(i * 22.5)
            pygame.draw.ellipse(s, (120, 200, 230),
                                pygame.Rect(0, 0, size * 0.14, size * 0.14).move(c + size * 0.2 * math.cos(a) - size * 0.07,
                                                                                  c + size * 0.2 * math.sin(a) - size * 0.07), 1)
        pygame.draw.circle(s, (230, 220, 180), (c, c), size * 0.1)
        pygame.draw.line(s, (120, 200, 230), (c - size * 0.3, c + size * 0.32), (c + size * 0.3, c + size * 0.32), max(1, size // 60))
    return s


def _star(cx, cy, outer, inner, points: int = 5):
    pts = []
    for i in range(points * 2):
        r = outer if i % 2 == 0 else inner
        a = -math.pi / 2 + i * math.pi / points
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


class ArtCache:
    """Drawn art kept by (name, size, options), the least recently used dropped beyond a limit.

    The limit matters: panels are sized by their scene's text, so every scene may ask for a new size.
    """

    def __init__(self, limit: int = 40):
        self._items: dict[tuple, pygame.Surface] = {}
        self.limit = limit

    def get(self, key: tuple, draw) -> pygame.Surface:
        """The cached surface for key, drawing it with draw() the first time."""
        surface = self._items.pop(key, None)
        if surface is None:
            surface = draw()
            if pygame.display.get_surface() is not None:
                surface = surface.convert_alpha() if surface.get_flags() & pygame.SRCALPHA else surface.convert()
            while len(self._items) >= self.limit:
                self._items.pop(next(iter(self._items)))
        self._items[key] = surface  # re-inserted last: the most recently used
        return surface

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        """Forget everything (after a resize or a theme change)."""
        self._items.clear()
