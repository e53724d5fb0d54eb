"""Read from where visitors stand: a 6 mm subtitle in portrait, short lines in landscape, a bright figure, no '0 %'."""

from __future__ import annotations

import re

from game.engine import actual_choice, historical_path
from game.frontends.kiosk.lines import attract_lines
from game.frontends.kiosk.stats import SessionRecord

from .conftest import play_to_role, tap
from .test_visit import play_historically

MAX_CHARS = 75  # the upper end of a comfortable line; a wall screen read from 1.5 m wants no more


def _cap_mm(app, size: int) -> float:
    font = app.fonts.get(size, False)
    return font.metrics("H")[0][3] / app.sizing.px_per_mm


def test_the_title_subtitle_has_6_mm_capitals_on_a_24_inch_portrait_screen(make_kiosk):
    app = make_kiosk("screen:\n  diagonal_inches: 24\n", size=(1080, 1920))
    assert _cap_mm(app, app.title_art.subtitle_px) >= 6.0


def _lines(blocks) -> list[str]:
    return [line for block in blocks if hasattr(block, "lines") for line in block.lines]


def test_landscape_lines_stay_short_enough_to_read_from_a_step_back(make_kiosk):
    app = make_kiosk("screen:\n  diagonal_inches: 32\n", size=(1920, 1080))
    for _ in range(3):
        app.step()  # the attract loop draws its moment and statistics line
    seen = _lines(app.screen._blocks.values())
    play_to_role(app)
    for _ in range(60):
        screen = app.screen
        if screen.name != "scene":
            break
        seen += _lines([screen.where, screen.body] + [block for _, block in screen.labels])
        session = app.visit.session
        if session.is_finished:
            break
        actual = actual_choice(session.scene)
        ids = [c.id for c in session.choices]
        tap(app, screen.labels[ids.index(actual.id) if actual and actual.id in ids else 0][0].rect.center)
    longest = max(seen, key=len)
    assert len(seen) > 20 and len(longest) <= MAX_CHARS, longest


def _contrast(a, b) -> float:
    def luminance(rgb):
        def channel(c):
            c = c / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (channel(c) for c in rgb[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_other_visitors_figure_stands_out_against_the_debrief(make_kiosk, library):
    app = make_kiosk("min_sessions: 1\n")
    role = library.base.roles["pilot"]
    start = role.scenes[role.start]
    app.stats.record(SessionRecord("pilot", "en", 100.0, False, None, ((role.start, start.choices[0].id),)))
    play_to_role(app)
    play_historically(app)
    assert app.screen.name == "debrief"
    colours = [key[3] for key in app.blocks._blocks if key[0].startswith("Other visitors:")]
    assert colours
    background = (8, 14, 18)
    # 10:1 and up: above WCAG's 7:1, for a figure read standing in a bright gallery (the dim grey was 8.6:1).
    assert all(_contrast(colour, background) >= 10 for colour in colours), colours


def test_attract_lines_never_say_0_percent(library, tmp_path):
    from game.frontends.kiosk.stats import StatsStore

    stats = StatsStore(tmp_path / "s.db", min_sessions=1)
    story = library.base
    for role_id, role in story.roles.items():
        for scene_id in historical_path(role):
            scene = role.scenes[scene_id]
            actual = actual_choice(scene)
            other = next((c for c in scene.choices if actual is None or c.id != actual.id), None)
            if actual is not None and other is not None:  # nobody chose what history did
                stats.record(SessionRecord(role_id, "en", 1.0, False, None, ((scene_id, other.id),)))
    assert stats.totals.sessions > 3
    lines = attract_lines(story, stats, library.ui("en"), list(story.roles))
    stats.close()
    assert not [line for line in lines if re.search(r"(?<!\d)0 %", line)], lines
