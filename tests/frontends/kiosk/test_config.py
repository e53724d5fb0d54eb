"""kiosk.yaml: defaults, and every mistake reported with its line before the kiosk starts."""

from __future__ import annotations

import pytest

from game.frontends.kiosk.config import ConfigError, check_against_story, load_config, parse_config


def test_an_absent_config_gives_the_documented_defaults():
    config = load_config(None).config
    assert config.idle_timeout == 90 and config.warning_seconds == 20 and config.min_sessions == 30
    assert config.languages == ["en"] and config.default_language == "en"
    assert config.show_dossier is False and config.show_cursor is False


def test_a_config_with_several_mistakes_lists_every_one_with_its_line():
    text = ("languages: [en, ja]\n"
            "default_language: de\n"
            "idle_timout: 120\n"
            "idle_timeout: 10\n"
            "pin: 12\n"
            "screen:\n"
            "  diagonal_inches: 32\n"
            "  dpi: 90\n")
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "kiosk.yaml")
    lines = {p.location.line: p for p in caught.value.problems}
    assert set(lines) == {2, 3, 4, 5, 8}
    assert "idle_timeout" in lines[3].hint
    assert "30" in lines[4].message
    assert str(caught.value).splitlines()[0].startswith("kiosk.yaml:2:")
    assert str(caught.value).endswith("5 errors, 0 warnings")


def test_an_idle_timeout_below_thirty_seconds_is_refused():
    with pytest.raises(ConfigError):
        parse_config("idle_timeout: 29\n")
    assert parse_config("idle_timeout: 30\n").config.idle_timeout == 30


def test_a_yaml_syntax_error_points_at_its_line(tmp_path):
    path = tmp_path / "kiosk.yaml"
    path.write_text("languages: [en\npin: '1234'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.problems[0].location.line >= 1
    assert "syntax" in caught.value.problems[0].message


def test_a_missing_config_file_is_a_problem_not_a_traceback(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "nope.yaml")
    assert "cannot read" in str(caught.value)


def test_roles_and_languages_the_story_lacks_are_reported_at_their_lines():
    loaded = parse_config("languages: [en, jp]\nroles:\n  - pilot\n  - polce\n")
    problems = check_against_story(loaded, ["pilot", "police", "diplomat"], ["en", "ja", "vi"])
    assert [(p.location.line, p.code) for p in problems] == [(4, "K010"), (1, "K011")]
    assert "police" in problems[0].hint and "ja" in problems[1].hint


def test_the_shipped_example_config_is_valid():
    from tests.frontends.kiosk.conftest import PROJECT

    loaded = load_config(PROJECT / "docs" / "kiosk.example.yaml")
    # No PIN in the example: the kiosk refuses to start until staff run `foxbat kiosk set-pin`.
    assert loaded.config.pin is None and loaded.config.pin_hash is None and not loaded.config.allow_default_pin


@pytest.mark.parametrize("content, code, line", [
    ("pin: " + "[" * 100_000 + "]" * 100_000 + "\n", "E003", 1),
    ("languages:\n" + "  - en\n" * 200_001, "E009", 199_999),
    ('pin: "1234"\nidle_timeout: ' + "9" * 5000 + "\n", "K", 2),
], ids=["nested 100,000 deep", "200,001 values", "5,000-digit number"])
def test_a_hostile_config_file_is_a_located_config_error(tmp_path, content, code, line):
    path = tmp_path / "kiosk.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    first = caught.value.problems[0]
    assert first.code.startswith(code) and first.location.line == line, first.format()


def test_a_config_that_is_a_named_pipe_is_refused_at_once(tmp_path):
    import os
    import threading

    pipe = tmp_path / "kiosk.yaml"
    os.mkfifo(pipe)
    outcome: list = []

    def load():
        try:
            load_config(pipe)
        except ConfigError as exc:
            outcome.append(exc)

    reader = threading.Thread(target=load, daemon=True)
    reader.start()
    reader.join(60)  # a guard against a regression hanging the suite, not a time limit
    if reader.is_alive():
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(5)
        pytest.fail("reading a named pipe waited for a writer")
    assert outcome and outcome[0].problems[0].code == "E008"
