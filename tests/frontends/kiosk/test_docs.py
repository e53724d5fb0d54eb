"""The systemd unit and the install steps in docs/kiosk.md do what they say."""

from __future__ import annotations

import configparser
import re

from .conftest import PROJECT


def _unit() -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # systemd keys are case-sensitive
    unit.read(PROJECT / "docs" / "foxbat-kiosk.service", encoding="utf-8")
    return unit


def test_the_start_limit_sits_in_unit_where_systemd_reads_it():
    unit = _unit()
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"
    assert not [key for key in unit["Service"] if key.startswith("StartLimit")]


def test_the_xinitrc_does_not_start_graphical_session_target():
    text = (PROJECT / "docs" / "kiosk.md").read_text(encoding="utf-8")
    xinitrc = re.search(r"`/home/kiosk/\.xinitrc`.*?```sh\n(.*?)```", text, re.S).group(1)
    starts = [line for line in xinitrc.splitlines() if "systemctl --user start" in line]
    assert starts and all("graphical-session.target" not in line.split("#")[0] for line in starts)
    assert "graphical-session" not in (PROJECT / "docs" / "foxbat-kiosk.service").read_text(encoding="utf-8")


def test_the_install_steps_set_the_pin_and_check_before_starting():
    text = (PROJECT / "docs" / "kiosk.md").read_text(encoding="utf-8")
    for command in ("foxbat kiosk set-pin --config", "foxbat kiosk --check --config", "foxbat stats export",
                    "createuser", "createdb", "stats_url: postgresql://"):
        assert command in text, command
