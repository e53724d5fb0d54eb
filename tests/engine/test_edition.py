"""Edition: one story in one language, and move() carrying a running session onto an edited or translated story."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from game.engine import CannotMove, Edition, load_story, text_hash

TESTS = Path(__file__).resolve().parent.parent
SHIPPED = TESTS.parent / "story"
FLIGHT = "roles/pilot/01_flight.yaml"
ROLE = "roles/pilot/role.yaml"


def _copy(tmp_path: Path, name: str = "sample") -> Path:
    root = tmp_path / name
    shutil.copytree(TESTS / "stories" / name, root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _over_the_sea(root: Path):
    """A pilot who took off and flew low: at over_the_sea with fuel 70, nerve 70."""
    session = Edition.build(load_story(root), ui_root=SHIPPED).start("pilot")
    session.choose("go")
    session.choose("low")
    assert (session.scene_id, session.variables) == ("over_the_sea", {"fuel": 70, "nerve": 70})
    return session


def test_a_renamed_choice_keeps_the_player_in_their_scene_and_leaves_the_undo_history(tmp_path):
    root = _copy(tmp_path)
    session = _over_the_sea(root)
    _edit(root / FLIGHT, "      - id: go\n", "      - id: take_off\n")
    moved, notices = Edition.build(load_story(root), ui_root=SHIPPED).move(session)
    assert moved.scene_id == "over_the_sea" and moved.variables == {"fuel": 70, "nerve": 70}
    assert [step.choice for step in moved.path] == ["low"]
    assert [(n.key, n.values) for n in notices] == [("notice.undo_trimmed", {"count": 1})]
    moved.undo()
    assert moved.scene_id == "breakaway" and moved.variables == {"fuel": 100, "nerve": 70}


def test_a_removed_scene_replays_the_choices_that_still_work(tmp_path):
    root = _copy(tmp_path)
    session = _over_the_sea(root)
    _edit(root / FLIGHT, "  over_the_sea:\n", "  over_water:\n")
    _edit(root / FLIGHT, "goto: over_the_sea\n", "goto: over_water\n")
    moved, notices = Edition.build(load_story(root), ui_root=SHIPPED).move(session)
    assert moved.scene_id == "over_water" and moved.variables == {"fuel": 70, "nerve": 70}
    assert [n.key for n in notices] == ["notice.scene_gone"]
    assert notices[0].values == {"scene": "over_the_sea", "kept": 2, "total": 2, "title": moved.scene.title or "over_water"}


def test_a_removed_scene_and_a_renamed_choice_replay_up_to_the_change(tmp_path):
    root = _copy(tmp_path)
    session = _over_the_sea(root)
    _edit(root / FLIGHT, "  over_the_sea:\n", "  over_water:\n")
    _edit(root / FLIGHT, "goto: over_the_sea\n", "goto: over_water\n")
    _edit(root / FLIGHT, "      - id: low\n", "      - id: wave_top\n")
    moved, notices = Edition.build(load_story(root), ui_root=SHIPPED).move(session)
    assert moved.scene_id == "breakaway" and moved.variables == {"fuel": 100, "nerve": 70}
    assert (notices[0].values["kept"], notices[0].values["total"]) == (1, 2)


def test_a_new_variable_starts_at_its_initial_value_and_a_removed_one_is_dropped(tmp_path):
    root = _copy(tmp_path)
    session = _over_the_sea(root)
    _edit(root / ROLE, "  nerve:\n", "  altitude:\n    type: int\n    initial: 500\n    label: Altitude\n  nerve:\n")
    moved, notices = Edition.build(load_story(root), ui_root=SHIPPED).move(session)
    assert moved.variables == {"fuel": 70, "altitude": 500, "nerve": 70}
    assert [(n.key, n.values) for n in notices] == [("notice.variable_new", {"name": "altitude", "value": 500})]
    assert all("altitude" in step.variables for step in moved.path)  # undo gives a whole set of variables


def test_a_changed_range_fits_the_value_into_it_and_says_so(tmp_path):
    root = _copy(tmp_path)
    session = _over_the_sea(root)
    _edit(root / ROLE, "    initial: 100\n    min: 0\n", "    initial: 100\n    min: 75\n")
    moved, notices = Edition.build(load_story(root), ui_root=SHIPPED).move(session)
    assert moved.scene_id == "over_the_sea" and moved.variables == {"fuel": 75, "nerve": 70}
    assert [(n.key, n.values) for n in notices] == [("notice.variable_fitted", {"name": "fuel", "old": 70, "value": 75})]


def test_a_variable_that_changed_type_is_reset(tmp_path):
    root = _copy(tmp_path)
    session = _over_the_sea(root)
    _edit(root / ROLE, "  nerve:\n    type: int\n    initial: 60\n    min: 0\n    max: 100\n",
          "  nerve:\n    type: bool\n    initial: true\n")
    for old, new in (("nerve = nerve + 10", "nerve = true"), ("nerve = nerve - 20", "nerve = false"),
                     ("fuel -= 15; nerve -= 10", "fuel -= 15")):
        _edit(root / FLIGHT, old, new)
    moved, notices = Edition.build(load_story(root), ui_root=SHIPPED).move(session)
    assert moved.variables == {"fuel": 70, "nerve": True}
    assert [n.key for n in notices] == ["notice.variable_reset"]


def _translate_over_the_sea(root: Path, english: str) -> None:
    """A Japanese translation of the pilot's over_the_sea text, current with this English."""
    folder = root / "i18n" / "ja"
    folder.mkdir(parents=True)
    (folder / "pilot.yaml").write_text(yaml.safe_dump({"language": "ja", "entries": {
        "pilot.over_the_sea.text": {"hash": text_hash(english), "en": english, "text": "海の上だ。"}}},
        allow_unicode=True), encoding="utf-8")


def test_a_language_switch_keeps_scene_variables_and_undo_and_shares_the_machine(tmp_path):
    root = _copy(tmp_path)
    english = Edition.build(load_story(root), ui_root=SHIPPED)
    session = _over_the_sea(root)
    text = english.story.roles["pilot"].scenes["over_the_sea"].text
    _translate_over_the_sea(root, text)
    japanese = english.in_language("ja")
    moved, notices = japanese.move(session)
    assert notices == [] and japanese.machine is english.machine
    assert (moved.scene_id, moved.variables, moved.path) == ("over_the_sea", {"fuel": 70, "nerve": 70}, session.path)
    assert moved.text == "海の上だ。" and moved.state.language == "ja"
    assert japanese.ui("terminal.quit") != english.ui("terminal.quit")  # the interface switched too
    back, _ = english.move(moved)
    assert back.text == text and back.state.language == "en"


def test_a_story_without_the_players_role_cannot_take_the_session(tmp_path):
    session = _over_the_sea(_copy(tmp_path))
    other = Edition.build(load_story(TESTS / "stories" / "clean"), ui_root=SHIPPED)
    with pytest.raises(CannotMove) as raised:
        other.move(session)
    assert raised.value.notice.key == "notice.role_gone" and raised.value.notice.values == {"role": "pilot"}
    assert session.scene_id == "over_the_sea"  # the caller keeps playing what it had


def test_every_notice_has_an_interface_string_with_its_placeholders_in_every_language():
    english = yaml.safe_load((SHIPPED / "i18n" / "en" / "ui.yaml").read_text(encoding="utf-8"))["entries"]
    source = (TESTS.parent / "game" / "engine" / "edition.py").read_text(encoding="utf-8")
    keys = set(re.findall(r'"(notice\.[a-z_]+)"', source))
    assert {"notice.role_gone", "notice.scene_gone", "notice.undo_trimmed", "notice.variable_new"} <= keys
    for language in ("ja", "vi", "ru"):
        entries = yaml.safe_load((SHIPPED / "i18n" / language / "ui.yaml").read_text(encoding="utf-8"))["entries"]
        for key in keys:
            wanted = set(re.findall(r"{(\w+)", english[key]))
            assert set(re.findall(r"{(\w+)", entries[f"ui.{key}"]["text"])) == wanted, (language, key)


def test_editions_in_two_languages_sharing_one_machine_each_offer_their_own_choices():
    english = Edition.build(load_story(SHIPPED), "en")
    japanese = english.in_language("ja")
    assert japanese.machine is english.machine
    first, second = english.start("pilot"), japanese.start("pilot")
    assert [c.text for c in first.choices] == [c.text for c in english.story.roles["pilot"].scenes[first.scene_id].choices]
    assert [c.text for c in second.choices] == [c.text for c in japanese.story.roles["pilot"].scenes[second.scene_id].choices]
    assert [c.text for c in first.choices] != [c.text for c in second.choices]  # translated, not the first asked


def test_a_japanese_edition_reloaded_through_a_parse_cache_parses_only_what_changed(tmp_path, monkeypatch):
    from game.engine import ParseCache, yamlfile

    root = _copy(tmp_path)
    english = Edition.build(load_story(root), ui_root=SHIPPED)
    text = english.story.roles["pilot"].scenes["over_the_sea"].text
    _translate_over_the_sea(root, text)
    cache = ParseCache(tmp_path / "cache")
    japanese = Edition.build(load_story(root, cache), "ja", ui_root=SHIPPED, cache=cache)
    parsed: list[str] = []
    real_parse = yamlfile.parse_yaml
    monkeypatch.setattr(yamlfile, "parse_yaml", lambda text, shown: parsed.append(shown) or real_parse(text, shown))
    _edit(root / FLIGHT, "title: Full tanks", "title: Tanks full")  # the writer saves a scene file
    again = japanese.reloaded(ParseCache(tmp_path / "cache"))
    assert [Path(p).name for p in parsed] == ["01_flight.yaml"]  # not the translation, nor the shipped interface's
    assert again.story.roles["pilot"].scenes["over_the_sea"].text == "海の上だ。"
    assert again.story.roles["pilot"].scenes["full_tanks"].title == "Tanks full"
