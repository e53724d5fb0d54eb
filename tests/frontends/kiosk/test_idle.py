"""The idle timer: off in attract, 'Still there?' after the timeout, one touch dismisses, then reset."""

from __future__ import annotations

from game.frontends.kiosk.idle import ACTIVE, EXPIRED, OFF, WARNING, IdleTimer
from game.engine import languages_in, load_catalog, load_ui_strings

from ...conftest import PROJECT

from .conftest import play_to_role, tap


def test_the_timer_warns_after_the_timeout_and_expires_after_the_warning(clock):
    timer = IdleTimer(90, 20, clock)
    assert timer.poll() == OFF
    timer.start()
    clock.advance(89)
    assert timer.poll() == ACTIVE
    clock.advance(1)
    assert timer.poll() == WARNING and timer.seconds_left == 20
    clock.advance(12.5)
    assert timer.seconds_left == 8
    clock.advance(7.5)
    assert timer.poll() == EXPIRED


def test_one_touch_dismisses_the_warning_and_starts_counting_again(clock):
    timer = IdleTimer(90, 20, clock)
    timer.start()
    clock.advance(95)
    assert timer.poll() == WARNING
    assert timer.touch() is True
    assert timer.poll() == ACTIVE
    clock.advance(89)
    assert timer.poll() == ACTIVE
    assert timer.touch() is False


def test_the_still_there_text_is_under_ten_words_in_every_language():
    story = PROJECT / "story"
    english = load_ui_strings(story)["kiosk.still_there"]
    assert len(english.split()) < 10
    for language in languages_in(story)[1:]:
        catalog, _ = load_catalog(story, language)
        translated = catalog.text("ui.kiosk.still_there", english)
        # Japanese has no spaces: count characters, roughly three to a word
        words = len(translated) / 3 if language == "ja" else len(translated.split())
        assert translated != english and words < 10, language


def test_attract_never_times_out(make_kiosk, clock):
    app = make_kiosk()
    clock.advance(10_000)
    app.step()
    assert app.screen.name == "attract" and app.idle.state == OFF


def test_an_idle_visitor_sees_the_warning_then_the_session_ends_wiped_and_counted(make_kiosk, clock):
    app = make_kiosk("languages: [en, ja, vi]\nidle_timeout: 60\n")
    play_to_role(app, "日本語")
    assert app.language == "ja"
    press_first_choice(app)
    clock.advance(60)
    app.step()
    assert app.idle.state == WARNING and app.screen.name == "scene"
    clock.advance(20)
    app.step()
    assert app.screen.name == "attract"
    assert app.visit is None and app.language == "en"  # wiped; the language is the default again
    assert app.stats.totals.sessions == 1 and app.stats.totals.timed_out == 1


def test_a_touch_on_the_warning_only_dismisses_it(make_kiosk, clock):
    app = make_kiosk()
    play_to_role(app)
    scene = app.visit.session.scene_id
    clock.advance(95)
    app.step()
    assert app.idle.state == WARNING
    button = app.screen.labels[0][0]
    tap(app, button.rect.center)  # right on a choice: it must not be taken
    assert app.idle.state == ACTIVE
    assert app.visit.session.scene_id == scene and app.visit.session.path == []
    clock.advance(30)
    app.step()
    assert app.screen.name == "scene"


def press_first_choice(app) -> None:
    tap(app, app.screen.labels[0][0].rect.center)
