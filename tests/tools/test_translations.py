"""`foxbat i18n`: templates for translators, marking updated entries current, lint of translations."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.engine import load_catalog, load_story
from game.tools.translations import accept_entries, check_translations, update_templates

from ..conftest import STORIES


def _story(tmp_path):
    root = tmp_path / "story"
    shutil.copytree(STORIES / "sample", root)
    return root


def test_update_adds_every_missing_key_once_and_keeps_what_translators_wrote(tmp_path):
    root = _story(tmp_path)
    story = load_story(root).story
    added = update_templates(story, root, "vi")
    assert set(added) == {"pilot.yaml", "common.yaml"}
    path = root / "i18n" / "vi" / "pilot.yaml"
    path.write_text(path.read_text().replace("text: ''", "text: 'Đã dịch'", 1), encoding="utf-8")
    assert update_templates(story, root, "vi") == {}
    catalog, problems = load_catalog(root, "vi")
    assert problems == [] and sum(1 for e in catalog.entries.values() if e.text == "Đã dịch") == 1


def _translate_then_change_the_english(root):
    """Translate the pilot's first scene title into Japanese, then edit its English."""
    update_templates(load_story(root).story, root, "ja")
    path = root / "i18n" / "ja" / "pilot.yaml"
    path.write_text(path.read_text().replace("en: Full tanks\n    text: ''", "en: Full tanks\n    text: 満タン"),
                    encoding="utf-8")
    scene_file = root / "roles" / "pilot" / "01_flight.yaml"
    scene_file.write_text(scene_file.read_text().replace("title: Full tanks", "title: Tanks full"), encoding="utf-8")


def test_a_changed_english_makes_the_translation_stale_until_accepted(tmp_path):
    root = _story(tmp_path)
    _translate_then_change_the_english(root)
    story = load_story(root).story
    stale = [p for p in check_translations(story, root) if p.code == "W331"]
    assert len(stale) == 1 and "pilot.full_tanks.title" in stale[0].message
    assert stale[0].location.path.endswith("pilot.yaml") and stale[0].location.line > 1
    assert accept_entries(story, root, "ja", ["pilot.full_tanks.title"]) == ["pilot.full_tanks.title"]
    assert not [p for p in check_translations(story, root) if p.code == "W331"]
    catalog, _ = load_catalog(root, "ja")
    assert catalog.entries["pilot.full_tanks.title"].en == "Tanks full"
    assert catalog.entries["pilot.full_tanks.title"].text == "満タン"


def test_accept_takes_keys_written_after_the_language_option(tmp_path, capsys):
    from game.cli import main

    root = _story(tmp_path)
    _translate_then_change_the_english(root)
    assert main(["i18n", "accept", "--lang", "ja", "pilot.full_tanks.title", "--path", str(root)]) == 0
    assert "1 entry marked current" in capsys.readouterr().out
    assert not [p for p in check_translations(load_story(root).story, root) if p.code == "W331"]


def test_status_reports_on_the_story_folder_given_as_an_argument(tmp_path, capsys):
    from game.cli import main

    root = _story(tmp_path)
    update_templates(load_story(root).story, root, "ja")  # a language the shipped story has, but at 0 % here
    assert main(["i18n", "status", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ja") and "0.0% current" in out


def test_status_with_a_language_shows_the_old_and_new_english_of_each_stale_translation(tmp_path, capsys):
    from game.cli import main

    root = _story(tmp_path)
    _translate_then_change_the_english(root)
    assert main(["i18n", "status", str(root), "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    assert "pilot.full_tanks.title" in out
    assert "English then: Full tanks" in out and "English now:  Tanks full" in out and "translation:  満タン" in out


def test_status_refuses_something_that_is_not_a_story_folder(tmp_path, capsys):
    from game.cli import main

    assert main(["i18n", "status", str(tmp_path / "nowhere")]) == 2
    assert "takes one story folder" in capsys.readouterr().err


def test_a_date_pattern_may_use_any_value_the_game_gives_it_but_nothing_else(tmp_path):
    import yaml

    from game.engine import text_hash

    root = _story(tmp_path)
    english = {"date.month": "{month} {year}", "date.day": "{day} {month} {year}", "terminal.saved": "Saved to {slot}."}
    (root / "i18n" / "en").mkdir(parents=True)
    (root / "i18n" / "en" / "ui.yaml").write_text(yaml.safe_dump({"language": "en", "entries": english}))
    texts = {"date.month": "{month_number:02d}.{year}", "date.day": "{day} {weekday} {year}", "terminal.saved": "{khe}"}
    entries = {f"ui.{k}": {"hash": text_hash(english[k]), "en": english[k], "text": t} for k, t in texts.items()}
    (root / "i18n" / "xx").mkdir()
    (root / "i18n" / "xx" / "ui.yaml").write_text(
        yaml.safe_dump({"language": "xx", "scope": "ui", "entries": entries}))
    flagged = sorted(p.message.split("'")[3] for p in check_translations(load_story(root).story, root)
                     if p.code == "W333")
    assert flagged == ["ui.date.day", "ui.terminal.saved"]  # {month_number:02d} is offered; {weekday} is not


def test_lint_with_a_parse_cache_reads_unchanged_translations_without_parsing_them_and_places_them_the_same(
        tmp_path, monkeypatch):
    from game.engine import ParseCache, yamlfile
    from game.tools import catalogs
    from game.tools.lint import lint_story

    root = _story(tmp_path)
    _translate_then_change_the_english(root)
    cache = ParseCache(tmp_path / "cache")
    first = [p for p in lint_story(root, check_sources=False, cache=cache) if p.code == "W331"]
    catalogs._KEPT.clear()  # a new lint process: nothing kept in memory, only the cache on disk
    parsed: list[str] = []
    real_parse = yamlfile.parse_yaml
    monkeypatch.setattr(yamlfile, "parse_yaml", lambda text, shown: parsed.append(shown) or real_parse(text, shown))
    again = [p for p in lint_story(root, check_sources=False, cache=cache) if p.code == "W331"]
    assert len(first) == 1 and again == first  # the same warning at the same line of pilot.yaml
    assert parsed == []  # neither the story nor its Japanese files were parsed
    path = root / "i18n" / "ja" / "pilot.yaml"
    path.write_text("# a translator's note\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    catalogs._KEPT.clear()
    [moved] = [p for p in lint_story(root, check_sources=False, cache=cache) if p.code == "W331"]
    assert [Path(p).name for p in parsed] == ["pilot.yaml"]  # only the edited file is parsed again
    assert moved.location.line == first[0].location.line + 1
