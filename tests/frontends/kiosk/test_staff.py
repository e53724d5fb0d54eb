"""Locked exits, touch handling, the staff gesture, the PIN pad and the staff screen."""

from __future__ import annotations

import pytest

import pygame

from game.frontends.kiosk.app import EXIT_STAFF
from game.frontends.kiosk.gestures import OneFinger, StaffGesture
from game.frontends.kiosk.pin import PinEntry

from .conftest import play_to_role, press, tap


def staff_gesture(app, clock) -> None:
    """Five taps in the top-left corner, the last held for a second."""
    corner = (5, 5)
    for _ in range(4):
        tap(app, corner)
        clock.advance(0.3)
    tap(app, corner, hold=1.1, clock=clock)


def type_pin(app, pin: str) -> None:
    for digit in pin:
        press(app, digit)
    press(app, "OK")


def test_escape_alt_f4_the_close_button_and_shortcuts_do_nothing(make_kiosk):
    app = make_kiosk()
    play_to_role(app)
    scene = app.visit.session.scene_id
    events = [
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="\x1b", scancode=41),
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F4, mod=pygame.KMOD_ALT, unicode="", scancode=61),
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_CTRL, unicode="q", scancode=20),
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=68),
        pygame.event.Event(pygame.QUIT),
        pygame.event.Event(pygame.WINDOWCLOSE, window=None),
    ]
    app.step(events)
    app.step()
    assert app.running and app.screen.name == "scene" and app.visit.session.scene_id == scene


def test_mouse_events_synthesised_from_touches_are_ignored():
    fingers = OneFinger()
    synthesised = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 5), button=1, touch=True)
    real = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 5), button=1, touch=False)
    assert fingers.filter([synthesised]) == []
    assert fingers.filter([real]) == [real]


def test_a_second_finger_does_nothing_while_the_first_is_down():
    fingers = OneFinger()

    def finger(kind, fid):
        return pygame.event.Event(kind, x=0.5, y=0.5, dx=0, dy=0, touch_id=1, finger_id=fid, pressure=1.0)

    events = [finger(pygame.FINGERDOWN, 0), finger(pygame.FINGERDOWN, 1), finger(pygame.FINGERUP, 1),
              finger(pygame.FINGERUP, 0), finger(pygame.FINGERDOWN, 1)]
    kept = fingers.filter(events)
    assert [(e.type, e.finger_id) for e in kept] == [(pygame.FINGERDOWN, 0), (pygame.FINGERUP, 0),
                                                      (pygame.FINGERDOWN, 1)]


def test_two_fingers_on_two_choices_take_only_one(make_kiosk):
    app = make_kiosk()
    play_to_role(app)
    first, second = (b.rect.center for b, _ in app.screen.labels[:2])
    w, h = app.surface.get_size()

    def finger(kind, pos, fid):
        return pygame.event.Event(kind, x=pos[0] / w, y=pos[1] / h, dx=0, dy=0, touch_id=1, finger_id=fid,
                                  pressure=1.0)

    app.step([finger(pygame.FINGERDOWN, first, 0), finger(pygame.FINGERDOWN, second, 1)])
    app.step([finger(pygame.FINGERUP, second, 1), finger(pygame.FINGERUP, first, 0)])
    app.step()
    assert len(app.visit.session.path) == 1


def test_a_touch_that_slides_off_a_button_before_lifting_does_not_press_it(make_kiosk):
    app = make_kiosk()
    play_to_role(app)
    button = app.screen.labels[0][0]
    w, h = app.surface.get_size()
    down = dict(dx=0, dy=0, touch_id=1, finger_id=0, pressure=1.0)
    x, y = button.rect.center
    app.step([pygame.event.Event(pygame.FINGERDOWN, x=x / w, y=y / h, **down)])
    away = (x / w, (button.rect.top - 80) / h)
    app.step([pygame.event.Event(pygame.FINGERMOTION, x=away[0], y=away[1], **down)])
    app.step([pygame.event.Event(pygame.FINGERUP, x=away[0], y=away[1], **down)])
    app.step()
    assert app.visit.session.path == []


def test_the_gesture_needs_five_quick_corner_taps_with_the_last_held(clock):
    gesture = StaffGesture(50, clock)
    for _ in range(4):
        gesture.down((3, 3))
        clock.advance(0.1)
        assert gesture.up((3, 3)) is False
    gesture.down((3, 3))
    clock.advance(0.5)
    assert gesture.poll() is False
    clock.advance(0.6)
    assert gesture.poll() is True


def test_a_tap_outside_the_corner_or_a_long_pause_starts_the_count_over(clock):
    gesture = StaffGesture(50, clock)
    for i in range(4):
        gesture.down((3, 3) if i != 2 else (300, 300))
        gesture.up((3, 3) if i != 2 else (300, 300))
    gesture.down((3, 3))
    clock.advance(1.2)
    assert gesture.poll() is False
    gesture.up((3, 3))
    for _ in range(4):
        gesture.down((3, 3))
        gesture.up((3, 3))
        clock.advance(2.0)  # too slow
    gesture.down((3, 3))
    clock.advance(1.2)
    assert gesture.poll() is False


def test_five_quick_taps_without_the_hold_do_not_open_the_pad(make_kiosk, clock):
    app = make_kiosk()
    for _ in range(6):
        tap(app, (5, 5))
        clock.advance(0.2)
    assert app.screen.name == "attract"


def test_the_gesture_and_the_right_pin_open_the_staff_screen_and_exit_stops_the_kiosk(make_kiosk, clock):
    app = make_kiosk("pin: '2468'\n")
    staff_gesture(app, clock)
    assert app.screen.name == "pin"
    type_pin(app, "2468")
    assert app.screen.name == "staff"
    press(app, "Exit kiosk")
    assert app.running is False and app.exit_code == EXIT_STAFF


def test_a_wrong_pin_keeps_the_pad_and_five_wrong_pins_lock_it(make_kiosk, clock):
    app = make_kiosk("pin: '2468'\n")
    staff_gesture(app, clock)
    type_pin(app, "1111")
    assert app.screen.name == "pin" and app.screen.message == "Wrong PIN"
    entry = PinEntry("2468", clock)
    for _ in range(5):
        entry.press("1")
        assert entry.press("ok") is False
    assert entry.locked
    for digit in "2468":
        entry.press(digit)
    assert entry.press("ok") is None
    clock.advance(61)
    for digit in "2468":
        entry.press(digit)
    assert entry.press("ok") is True


def test_the_pin_pad_left_alone_returns_to_attract(make_kiosk, clock):
    app = make_kiosk()
    staff_gesture(app, clock)
    clock.advance(31)
    app.step()
    assert app.screen.name == "attract"


def test_the_staff_gesture_during_a_visit_drops_the_visit_uncounted(make_kiosk, clock):
    app = make_kiosk()
    play_to_role(app)
    staff_gesture(app, clock)
    assert app.screen.name == "pin" and app.visit is None
    assert app.stats.totals.sessions == 0


def test_the_staff_screen_exports_csv_and_resets_only_after_confirming(make_kiosk, clock):
    app = make_kiosk("pin: '2468'\n")
    from game.frontends.kiosk.stats import SessionRecord

    app.stats.record(SessionRecord("pilot", "en", 60.0, False, None, (("resolve", "go"),)))
    staff_gesture(app, clock)
    type_pin(app, "2468")
    texts = " ".join(" ".join(b.lines) for b in app.screen.blocks)
    assert "all time 1" in texts and "Story version" in texts and "Uptime" in texts
    press(app, "Export CSV")
    exported = list(app.stats.path.parent.glob("foxbat-stats-*.csv"))
    assert len(exported) == 1 and "choice,pilot,resolve,go,1,1,100" in exported[0].read_text()
    press(app, "Reset statistics")
    assert app.stats.totals.sessions == 1
    press(app, "Really reset?")
    assert app.stats.totals.sessions == 0
    press(app, "Back to visitors")
    assert app.screen.name == "attract"


def test_staff_read_the_pad_and_the_screen_in_the_staff_language(make_kiosk, clock):
    app = make_kiosk("languages: [en, ja, vi]\ndefault_language: en\nstaff_language: ja\npin: '2468'\n")
    staff_gesture(app, clock)
    type_pin(app, "1111")
    assert app.screen.name == "pin" and app.screen.message == "暗証番号が違います"
    type_pin(app, "2468")
    texts = " ".join(" ".join(b.lines) for b in app.screen.blocks)
    assert "稼働時間" in texts and "選択肢ごとの統計" in texts
    assert "ベレンコ中尉" in texts  # the roles and scenes in the staff language too
    assert "統計データベースが見つからなかった" in texts  # a fresh statistics file is reported in it as well
    press(app, "統計をリセット")
    press(app, "本当にリセットしますか？")
    assert "統計をリセットしました。" in " ".join(" ".join(b.lines) for b in app.screen.blocks)
    press(app, "来場者画面に戻る")
    assert app.screen.name == "attract"


def test_a_staff_language_the_kiosk_does_not_offer_is_refused_at_its_line():
    from game.frontends.kiosk.config import ConfigError, parse_config

    with pytest.raises(ConfigError) as caught:
        parse_config("languages: [en, ja]\nstaff_language: vi\n")
    (problem,) = caught.value.problems
    assert (problem.code, problem.location.line) == ("K003", 2) and "not one of languages: en, ja" in problem.message
