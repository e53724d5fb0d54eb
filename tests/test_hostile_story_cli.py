"""lint, play and export on a story with a named pipe and a link to /dev/zero end at once with located errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.bad_stories import corpus

#: A guard only (each command takes about a second): a regression must fail, not hang the suite.
GUARD_SECONDS = 120


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="needs pipes and /dev/zero")
@pytest.mark.parametrize("command", [["lint", "--no-sources", "STORY"], ["export", "STORY"],
                                     ["play", "--text", "--role", "pilot", "--story", "STORY"]])
def test_a_story_with_a_pipe_and_a_device_link_is_refused_cleanly_by_every_command(tmp_path, command):
    story = corpus.build("pipe_as_scene_file", tmp_path)
    (story / "roles" / "pilot" / "03_zero.yaml").symlink_to("/dev/zero")
    arguments = [str(story) if part == "STORY" else part for part in command]
    done = subprocess.run([sys.executable, "-m", "game", *arguments], capture_output=True, text=True, timeout=GUARD_SECONDS, stdin=subprocess.DEVNULL,
                          env={**os.environ, "FOXBAT_DATA_DIR": str(tmp_path / "data")})
    output = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in output
    assert "02_pipe.yaml:1:1: error[E008]" in output and "03_zero.yaml:1:1: error[E008]" in output
