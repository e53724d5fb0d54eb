"""`foxbat kiosk --config FILE` refuses a config with mistakes, listing each with its line."""

from __future__ import annotations

from game.cli import main


def test_foxbat_kiosk_with_a_bad_config_lists_every_problem_and_exits_1(tmp_path, capsys):
    config = tmp_path / "kiosk.yaml"
    config.write_text("languages: [en, jp]\nidle_timeout: 5\npinn: '1234'\n", encoding="utf-8")
    assert main(["kiosk", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert f"{config}:1:17: error[K011]" in err.replace(str(config.resolve()), str(config)) or ":1:17: error[K011]" in err
    assert ":2:15: error[K003]" in err and ":3:1: error[K002]" in err
    assert "3 errors" in err and "Traceback" not in err
