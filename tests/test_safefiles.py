"""Only regular files inside the story folder are read, with the size checked before reading."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from game.engine import read_yaml
from game.safefiles import ReadRefused, read_bounded


def _refusal(path, limit=1000, within=None) -> ReadRefused:
    with pytest.raises(ReadRefused) as raised:
        read_bounded(path, limit, within)
    return raised.value


def test_a_regular_file_within_the_cap_is_read_whole(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"x" * 1000)
    assert read_bounded(tmp_path / "a.yaml", 1000, tmp_path) == b"x" * 1000


def test_a_file_one_byte_over_the_cap_is_refused_as_too_large(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"x" * 1001)
    assert _refusal(tmp_path / "a.yaml").kind == ReadRefused.TOO_LARGE


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_before_it_is_read_even_with_no_folder_to_stay_in():
    refused = _refusal("/dev/zero", 8 * 1024 * 1024)
    assert refused.kind == ReadRefused.NOT_REGULAR and "device" in refused.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_at_once_instead_of_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "scene.yaml"
    os.mkfifo(pipe)
    outcome: list = []
    reader = threading.Thread(target=lambda: outcome.append(_refusal(pipe, within=tmp_path)), daemon=True)
    reader.start()
    reader.join(60)  # a guard against a regression hanging the suite, not a time limit
    if reader.is_alive():
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))  # let the stuck reader go
        reader.join(5)
        pytest.fail("reading a named pipe waited for a writer")
    assert outcome and outcome[0].kind == ReadRefused.NOT_REGULAR


def test_a_symlink_that_stays_inside_the_folder_is_followed(tmp_path):
    (tmp_path / "real.yaml").write_text("a: 1\n")
    (tmp_path / "link.yaml").symlink_to("real.yaml")
    assert read_bounded(tmp_path / "link.yaml", 1000, tmp_path) == b"a: 1\n"


def test_a_symlink_out_of_the_folder_is_refused_without_reading_it(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("zq-secret-line: 1\n")
    story = tmp_path / "story"
    story.mkdir()
    (story / "link.yaml").symlink_to(outside)
    assert _refusal(story / "link.yaml", within=story).kind == ReadRefused.OUTSIDE
    document, problems = read_yaml(story / "link.yaml", within=story)
    assert document is None and [p.code for p in problems] == ["E008"]
    assert "zq-secret" not in problems[0].format()


def test_a_missing_file_is_an_unlocated_cannot_read_error(tmp_path):
    document, problems = read_yaml(tmp_path / "gone.yaml")
    assert document is None and problems[0].code == "E007" and "cannot read" in problems[0].message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_kiosk_config_pointing_at_a_device_is_a_config_error_not_a_hang():
    from game.frontends.kiosk.config import ConfigError, load_config

    with pytest.raises(ConfigError) as raised:
        load_config(Path("/dev/zero"))
    assert "E008" in str(raised.value)
