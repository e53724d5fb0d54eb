"""A whole visit: attract, language, role, scenes, the kiosk debrief with other visitors, back to attract."""

from __future__ import annotations

from game.engine import actual_choice
from game.frontends.kiosk.lines import attract_lines
from game.frontends.kiosk.stats import SessionRecord

from .conftest import play_to_role, press, tap


def play_historically(app) -> None:
    """Take the recorded choice (or the first) until the ending, then open the debrief."""
    for _ in range(60):
        if app.screen.name != "scene":
            return
        session = app.visit.session
        if session.is_finished:
            press(app, "Continue")
            continue
        actual = actual_choice(session.scene)
        wanted = actual.id if actual and actual in session.choices else session.choices[0].id
        index = [c.id for c in session.choices].index(wanted)
        tap(app, app.screen.labels[index][0].rect.center)
    raise AssertionError("the role did not end")


def debrief_text(app) -> str:
    return " ".join(" ".join(b.lines) for page in app.screen.pages for group in page for b in group[1:])


def test_a_full_visit_ends_in_the_debrief_counts_once_and_returns_to_attract(make_kiosk, clock):
    app = make_kiosk("languages: [en, ja, vi]\nmin_sessions: 30\n")
    play_to_role(app)
    play_historically(app)
    assert app.screen.name == "debrief"
    assert app.stats.totals.sessions == 1 and app.stats.totals.timed_out == 0
    text = debrief_text(app)
    assert "not enough visitors yet" in text and "History:" in text and "You:" in text
    assert app.visit.session.role.question in text  # the discussion question ends it
    while app.screen.name == "debrief":
        press(app, "Continue" if app.screen.page < len(app.screen.pages) - 1 else "Finish")
    assert app.screen.name == "attract" and app.visit is None
    assert app.stats.totals.sessions == 1


def test_other_visitors_percentages_appear_once_enough_visitors_reached_the_decision(make_kiosk, library):
    app = make_kiosk("min_sessions: 3\n")
    role = library.base.roles["pilot"]
    start = role.scenes[role.start]
    go = actual_choice(start) or start.choices[0]
    for _ in range(3):
        app.stats.record(SessionRecord("pilot", "en", 100.0, False, None, ((role.start, go.id),)))
    play_to_role(app, "English")
    play_historically(app)
    assert "100 % chose the same" in debrief_text(app)
    lines = attract_lines(library.base, app.stats, library.ui("en"), ["pilot"])
    assert any(line.startswith("100 % of visitors chose") and role.name in line for line in lines)


def test_the_debrief_returns_to_attract_by_itself_after_a_while(make_kiosk, clock):
    app = make_kiosk()
    play_to_role(app)
    play_historically(app)
    clock.advance(app.config.attract.debrief_seconds + 1)
    app.step()
    assert app.screen.name == "attract"


def test_the_language_picker_names_each_language_in_its_own_script_and_resets_after_a_visit(make_kiosk, clock):
    app = make_kiosk()
    w, h = app.surface.get_size()
    tap(app, (w // 2, h // 2))
    names = [" ".join(b.lines) for _, b in app.screen.labels]
    assert names == ["English", "日本語", "Tiếng Việt"]
    press(app, "Tiếng Việt")
    assert app.language == "vi"
    clock.advance(200)
    app.step()
    clock.advance(30)
    app.step()
    assert app.screen.name == "attract" and app.language == "en"


def test_scenes_show_no_dossier_unless_configured(make_kiosk):
    plain = make_kiosk()
    assert plain.config.show_dossier is False
    play_to_role(plain)
    assert all(b.object_ids[-1] != "#kiosk_quiet" for b, _ in plain.screen.labels)
