"""The staff PIN holds: a lockout outlives Cancel and restarts and grows, attempts are logged, only a hash is kept."""

from __future__ import annotations

import logging

from game.cli import main
from game.frontends.kiosk.config import load_config, parse_config
from game.frontends.kiosk.pin import PinCheck, PinEntry, PinLock, hash_pin, verify_pin
from game.frontends.kiosk.setpin import write_pin_hash

from .conftest import press
from .test_staff import staff_gesture, type_pin


def wrong_pins(app, count: int) -> None:
    for _ in range(count):
        type_pin(app, "1111")


def test_cancel_and_the_gesture_again_do_not_clear_the_lockout(make_kiosk, clock):
    app = make_kiosk("pin: '2468'\n")
    staff_gesture(app, clock)
    wrong_pins(app, 5)
    assert app.screen.message.startswith("Too many tries")
    press(app, "Cancel")
    assert app.screen.name == "attract"
    clock.advance(29)
    staff_gesture(app, clock)
    assert app.screen.name == "pin" and app.screen.message.startswith("Too many tries")
    type_pin(app, "2468")
    assert app.screen.name == "pin"  # the right PIN 29 s into the lock is refused too
    clock.advance(35)
    type_pin(app, "2468")
    assert app.screen.name == "staff"


def test_the_lockout_is_kept_on_disk_and_holds_after_a_restart(tmp_path):
    now = [1_000_000.0]
    state = tmp_path / "pin-lock.json"
    entry = PinEntry(PinCheck("2468"), PinLock(state, clock=lambda: now[0]))
    for _ in range(5):
        for digit in "1111":
            entry.press(digit)
        entry.press("ok")
    assert entry.locked
    restarted = PinEntry(PinCheck("2468"), PinLock(state, clock=lambda: now[0] + 10))
    assert restarted.locked
    for digit in "2468":
        restarted.press(digit)
    assert restarted.press("ok") is None


def test_each_further_lockout_lasts_longer_and_the_right_pin_starts_over():
    now = [0.0]
    lock = PinLock(clock=lambda: now[0])
    lengths = []
    for _ in range(4):
        for _ in range(PinLock.MAX_MISSES - 1):
            assert lock.miss() == 0
        lengths.append(lock.miss())
        now[0] += lengths[-1]
    assert lengths == [60, 120, 240, 480]
    lock.success()
    for _ in range(PinLock.MAX_MISSES - 1):
        lock.miss()
    assert lock.miss() == 60


def test_every_staff_attempt_is_logged_without_the_digits(make_kiosk, clock, caplog):
    app = make_kiosk("pin: '2468'\n")
    with caplog.at_level(logging.INFO, logger="foxbat.kiosk.staff"):
        staff_gesture(app, clock)
        type_pin(app, "1357")
        type_pin(app, "2468")
    messages = [r.getMessage() for r in caplog.records if r.name == "foxbat.kiosk.staff"]
    assert any("wrong" in m for m in messages) and any("accepted" in m for m in messages)
    assert not any("1357" in m or "2468" in m for m in caplog.text.splitlines())


def test_only_a_salted_hash_is_stored_and_it_checks_the_pin():
    first, second = hash_pin("4711"), hash_pin("4711")
    assert first != second and "4711" not in first  # salted: the same PIN never hashes the same twice
    assert verify_pin("4711", first) and not verify_pin("4712", first)
    assert not verify_pin("4711", "scrypt$nonsense")
    loaded = parse_config(f'pin_hash: "{first}"\n')
    assert PinCheck.from_config(loaded.config).matches("4711")


def test_set_pin_writes_the_hash_into_kiosk_yaml_and_removes_the_plain_pin(tmp_path, monkeypatch):
    config = tmp_path / "kiosk.yaml"
    config.write_text("# the hall by the stairs\nlanguages: [en]\npin: '1976'\nidle_timeout: 120\n", encoding="utf-8")
    answers = iter(["4711", "4711"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["kiosk", "set-pin", "--config", str(config)]) == 0
    text = config.read_text(encoding="utf-8")
    assert "4711" not in text and "pin: " not in text and "# the hall by the stairs" in text
    loaded = load_config(config)
    assert loaded.config.idle_timeout == 120 and PinCheck.from_config(loaded.config).matches("4711")
    assert not PinCheck.from_config(loaded.config).is_default


def test_set_pin_refuses_the_default_and_two_different_pins(tmp_path, monkeypatch, capsys):
    config = tmp_path / "kiosk.yaml"
    config.write_text("languages: [en]\n", encoding="utf-8")
    for answers in (["1976"], ["4711", "4712"], ["12"]):
        replies = iter(answers)
        monkeypatch.setattr("getpass.getpass", lambda prompt="", r=replies: next(r))
        assert main(["kiosk", "set-pin", "--config", str(config)]) == 1
    assert config.read_text(encoding="utf-8") == "languages: [en]\n"
    assert "nothing changed" in capsys.readouterr().err


def test_write_pin_hash_keeps_one_pin_hash_line():
    text = write_pin_hash("languages: [en]\npin_hash: \"old\"\n", "scrypt$1$1$1$a$b")
    assert text == 'languages: [en]\npin_hash: "scrypt$1$1$1$a$b"\n'


def test_the_kiosk_refuses_to_start_with_the_default_pin_in_one_line(tmp_path, capsys):
    config = tmp_path / "kiosk.yaml"
    config.write_text("languages: [en]\n", encoding="utf-8")
    assert main(["kiosk", "--config", str(config)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "default 1976" in err[0] and "set-pin" in err[0] and "Traceback" not in err[0]
