"""The classroom wording lives in ui.yaml (translated), and the printed story map marks both paths."""

from __future__ import annotations

import re
import subprocess
import sys

from game.classroom.playthrough import play_historical, play_random
from game.classroom.storymap import layout_story_map
from game.classroom.render import TEMPLATES
from game.engine import historical_path, load_catalog, load_ui_strings

from ..conftest import PROJECT


def template_keys() -> set[str]:
    """Every interface key the templates ask for with t("...")."""
    keys = set()
    for path in TEMPLATES.glob("*.j2"):
        keys.update(re.findall(r"""\bt\(\s*["']([a-z_.0-9]+)["']""", path.read_text(encoding="utf-8")))
    return keys


def test_every_key_the_templates_use_has_english_text():
    english = load_ui_strings(PROJECT / "story")
    keys = template_keys()
    assert len(keys) >= 20 and not keys - set(english), sorted(keys - set(english))


def test_every_classroom_string_is_translated_into_japanese_vietnamese_and_russian():
    english = load_ui_strings(PROJECT / "story")
    wanted = [key for key in english if key.startswith("classroom.")]
    assert len(wanted) >= 60
    for language in ("ja", "vi", "ru"):
        catalog, problems = load_catalog(PROJECT / "story", language)
        missing = [k for k in wanted if not catalog.entries.get(f"ui.{k}") or catalog.is_stale(f"ui.{k}", english[k])]
        assert problems == [] and missing == [], (language, missing)


def test_the_classroom_documents_never_load_pygame():
    code = ("import sys, game.classroom.documents, game.classroom.playthrough; "
            "sys.exit(1 if 'pygame' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=False).returncode == 0


def test_the_map_of_the_record_itself_has_one_path_and_no_parting(edition_in):
    role = edition_in("en").story.roles["pilot"]
    state = play_historical(edition_in("en"), "pilot")
    player = [s.scene for s in state.path] + [state.scene]
    record = historical_path(role)
    assert player == record
    drawn = layout_story_map(role, player, record, {}, "parted", "met", {})
    assert [p.split(",")[0] for p in drawn.record_points.split()] == [p.split(",")[0] for p in drawn.player_points.split()]
    styles = {node.scene_id: node.style for node in drawn.nodes}
    assert {styles[s] for s in record} == {"both"} and not drawn.labels


def test_a_path_that_leaves_the_record_is_marked_where_it_parts(edition_in):
    role = edition_in("en").story.roles["police"]
    record = historical_path(role)
    for seed in range(50):
        state = play_random(edition_in("en"), "police", seed)
        player = [s.scene for s in state.path] + [state.scene]
        if player[1:2] != record[1:2] and player[0] == record[0]:
            break
    drawn = layout_story_map(role, player, record, {player[0]: 1}, "parted", "met", {})
    styles = {node.scene_id: node.style for node in drawn.nodes}
    assert styles[player[0]] == "both" and any(styles[s] == "player" for s in player)
    assert any(styles[s] == "record" for s in record)
    assert [label.text for label in drawn.labels][:1] == ["parted"]
    assert next(node.number for node in drawn.nodes if node.scene_id == player[0]) == "1"
    xs = {node.scene_id: node.x for node in drawn.nodes}
    assert xs[player[0]] < xs[player[1]]  # left to right, from the start


def test_map_labels_stay_inside_the_picture_even_at_its_edges(edition_in):
    from game.classroom.storymap import WIDTH, _text_width

    role = edition_in("en").story.roles["pilot"]
    start = role.start
    first = role.scenes[start].choices[0].goto
    drawn = layout_story_map(role, [start, first], [start, "nowhere"], {}, "you parted from the record here",
                             "met", {first: "An ending with a rather long title for its corner"})
    assert drawn.labels
    for label in drawn.labels:
        width = _text_width(label.text)
        left = label.x - {"start": 0, "middle": width / 2, "end": width}[label.anchor]
        assert 0 <= left and left + width <= WIDTH, label
