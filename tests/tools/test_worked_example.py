"""The writing guide's worked example, run as a writer would follow it: its YAML, its errors, its tools."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.engine import actual_choice, load_story
from game.tools.lint import lint_story
from game.tools.playtest import exhaustive, historical

from ..conftest import PROJECT

GUIDE = PROJECT / "docs" / "writing.md"


def _example() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    return text[text.index("## 7. Worked example"):]


def _block_after(marker: str, language: str) -> str:
    """The first fenced block of a language after a marker in the worked example."""
    example = _example()
    found = re.search(rf"```{language}\n(.*?)```", example[example.index(marker):], re.S)
    assert found, f"no {language} block after {marker!r} in docs/writing.md"
    return found.group(1)


@pytest.fixture
def story_try(tmp_path) -> tuple[Path, str, str]:
    """A copy of the shipped story, and the ids the guide's example hooks into (as its text says)."""
    root = tmp_path / "story-try"
    shutil.copytree(PROJECT / "story", root)
    role = load_story(root).roles["police"]
    start = role.start
    rejoin = actual_choice(role.scenes[start]).goto
    return root, start, rejoin


def _follow_steps_2_and_3(root: Path, start: str, rejoin: str) -> None:
    scene = _block_after("**Step 2.", "yaml").replace("white_flag", rejoin).replace("white_flg", rejoin[:-1])
    (root / "roles" / "police" / "01b_switchboard.yaml").write_text(scene, encoding="utf-8")
    choice = _block_after("**Step 3.", "yaml")
    for path in (root / "roles" / "police").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        opening = f"\n  {start}:\n"
        if opening not in text:
            continue
        # add the choice after the start scene's last choice, as the guide says
        head, rest = text.split(opening, 1)
        body_end = rest.index("    history:") if "    history:" in rest else len(rest)
        path.write_text(head + opening + rest[:body_end] + choice + rest[body_end:], encoding="utf-8")
        return
    raise AssertionError(f"no file defines the start scene '{start}'")


def test_step_4_catches_the_typo_with_the_place_and_a_suggestion(story_try):
    root, start, rejoin = story_try
    _follow_steps_2_and_3(root, start, rejoin)
    problems = lint_story(root)
    [typo] = [p for p in problems if p.code == "E103"]
    assert typo.location.path.endswith("01b_switchboard.yaml") and typo.location.line == 16
    assert f"Did you mean '{rejoin}'?" in typo.hint
    documented = _block_after("The typo in step 2 is caught", "text")
    assert "error[E103]: choice 'go_anyway' goes to unknown scene" in documented


def test_after_the_fix_the_branch_lints_with_only_the_warnings_the_guide_names_and_plays_out(story_try):
    root, start, rejoin = story_try
    _follow_steps_2_and_3(root, start, rejoin)
    scene_file = root / "roles" / "police" / "01b_switchboard.yaml"
    scene_file.write_text(scene_file.read_text(encoding="utf-8").replace(f"goto: {rejoin[:-1]}\n", f"goto: {rejoin}\n"),
                          encoding="utf-8")
    problems = lint_story(root)
    assert not [p for p in problems if p.is_error], [p.format() for p in problems if p.is_error]
    named_in_guide = set(re.findall(r"\b([EW]\d{3})\b", _example()))
    assert {p.code for p in problems} <= named_in_guide, {p.code for p in problems} - named_in_guide
    story = load_story(root)
    coverage = exhaustive(story, "police")
    assert not coverage.failed and "switchboard" in coverage.scenes_reached
    before = historical(load_story(PROJECT / "story"), "police").text
    assert historical(story, "police").text == before  # the branch is not on the record


def test_step_6_playtests_run_on_the_branch(story_try, capsys):
    root, start, rejoin = story_try
    _follow_steps_2_and_3(root, start, rejoin)
    scene_file = root / "roles" / "police" / "01b_switchboard.yaml"
    scene_file.write_text(scene_file.read_text(encoding="utf-8").replace(f"goto: {rejoin[:-1]}\n", f"goto: {rejoin}\n"),
                          encoding="utf-8")
    assert main(["playtest", str(root), "--role", "police", "--random", "200", "--seed", "1"]) == 0
    assert f"{start}/ring_tokyo" in capsys.readouterr().out
