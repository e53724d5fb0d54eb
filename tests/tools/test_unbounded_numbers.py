"""A number variable with no declared range still has one: a self-multiplying loop stays small in play, saves and lint."""

from __future__ import annotations

import json
import subprocess
import sys

from game.engine import Edition, SaveStore, load_story

from ..bad_stories import corpus

#: A guard only: lint of this three-scene story takes about a second; a regression must fail, not hang.
GUARD_SECONDS = 120


def _doubling_story(tmp_path):
    """The corpus base story with a counter that squares itself in a loop and declares no range."""
    root = _copy_base(tmp_path)
    role = root / "roles" / "pilot" / "role.yaml"
    role.write_text(role.read_text(encoding="utf-8") + "  count: {type: int, initial: 2, label: Count}\n",
                    encoding="utf-8")
    scenes = root / "roles" / "pilot" / "01_scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    loop = ("      - id: again\n        text: Again\n        set: count = count * count + 1\n"
            "        goto: over_the_sea\n        record: invented\n        if: count > 0\n")
    text = text.replace("      - id: land\n", loop + "      - id: land\n")
    text = text.replace("        text: Land\n        goto: the_end\n",
                        "        text: Land\n        goto: the_end\n        record: actual\n")
    scenes.write_text(text, encoding="utf-8")
    return root


def _copy_base(tmp_path):
    import shutil

    return shutil.copytree(corpus.BASE, tmp_path / "story")


def test_a_self_squaring_number_is_clamped_to_the_default_bound_and_autosaves(tmp_path):
    story = load_story(_doubling_story(tmp_path))
    session = Edition.build(story).start("pilot")
    session.choose("go")
    saves = SaveStore(tmp_path / "saves")
    for _ in range(16):  # unbounded, 16 squarings make 20,000 digits: too many to save, yet quick to compute
        session.choose("again")
        saves.write("autosave", session.save())
    assert session.variables["count"] == 1_000_000
    assert json.loads((tmp_path / "saves" / "autosave.json").read_text())["state"]["variables"]["count"] == 1_000_000


def test_lint_of_a_self_squaring_loop_finishes_and_names_the_default_bound(tmp_path):
    root = _doubling_story(tmp_path)
    done = subprocess.run([sys.executable, "-m", "game", "lint", "--no-sources", str(root)],
                          capture_output=True, text=True, timeout=GUARD_SECONDS)
    assert "Traceback" not in done.stderr
    assert "warning[W310]" in done.stdout
    assert "above its maximum 1000000 (the default for a number that declares none)" in done.stdout


def test_a_save_with_numbers_past_their_range_restores_within_it(tmp_path):
    edition = Edition.build(load_story(_doubling_story(tmp_path)))
    data = edition.start("pilot").save()
    data["variables"]["count"] = 10 ** 4000
    restored, _ = edition.restore(data)
    assert restored.variables["count"] == 1_000_000
