"""Translations: keyed by stable ids, English per string as the fallback, stale when the English changes."""

from __future__ import annotations

import shutil

from game.engine import Session, StoryMachine, coverage, load_catalog, localize, story_strings, text_hash

from ..conftest import STORIES


def _catalog_with(tmp_path, entries, language="ja", name="日本語"):
    root = tmp_path / "story"
    shutil.copytree(STORIES / "sample", root)
    folder = root / "i18n" / language
    folder.mkdir(parents=True)
    lines = [f"language: {language}", f"name: {name}", "entries:"]
    for key, (english, text) in entries.items():
        lines += [f"  {key}:", f"    hash: {text_hash(english)}", f"    text: \"{text}\""]
    (folder / "pilot.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_every_scene_choice_and_quote_has_a_stable_key(sample_story):
    keys = dict(story_strings(sample_story.story))
    assert keys["pilot.breakaway.text"].startswith("The formation turns.")
    assert keys["pilot.breakaway.choices.low.text"] == "Stay low and fast, under the radar"
    assert keys["pilot.hakodate.ending.title"] == "Hakodate"
    assert keys["pilot.full_tanks.history.sources.0.quote"] == "After a month of waiting, Belenko found his chance."
    assert len(keys) == len(set(keys))


def test_a_localized_story_plays_the_same_with_translated_text(sample_story, tmp_path):
    root = _catalog_with(tmp_path, {
        "pilot.full_tanks.text": (sample_story.roles["pilot"].scenes["full_tanks"].text, "燃料は満タンだ。"),
        "pilot.full_tanks.choices.go.text": ("Take off, and break away when the moment comes", "離陸する"),
        "pilot.full_tanks.history.sources.0.quote": ("After a month of waiting, Belenko found his chance.", "一か月待って、好機が来た。"),
    })
    catalog, problems = load_catalog(root, "ja")
    assert problems == [] and catalog.name == "日本語"
    story = localize(sample_story.story, catalog)
    session = Session.start(story, "pilot", machine=StoryMachine(sample_story.story, sample_story.rules))
    assert session.text == "燃料は満タンだ。"
    assert [c.text for c in session.choices] == ["離陸する", "Fly the exercise as ordered and wait for another day"]
    quote = story.roles["pilot"].scenes["full_tanks"].history.sources[0]
    assert quote.quote == "After a month of waiting, Belenko found his chance." and quote.translation == "一か月待って、好機が来た。"
    session.choose("go")
    assert session.scene_id == "breakaway" and session.variables["nerve"] == 70


def test_coverage_counts_missing_stale_and_unknown_keys(sample_story, tmp_path):
    root = _catalog_with(tmp_path, {
        "pilot.full_tanks.title": ("Full tanks", "満タン"),
        "pilot.breakaway.title": ("An older English title", "古い訳"),
        "pilot.no_such_scene.title": ("Gone", "消えた"),
    })
    catalog, _ = load_catalog(root, "ja")
    report = coverage(sample_story.story, catalog)
    assert report.stale == ["pilot.breakaway.title"] and report.unknown == ["pilot.no_such_scene.title"]
    assert report.translated == 2 and len(report.missing) == report.total - 2
    assert 0 < report.percent < 1


def test_a_translation_file_with_a_mistake_is_reported_at_its_line(tmp_path):
    root = tmp_path / "story"
    (root / "i18n" / "vi").mkdir(parents=True)
    (root / "i18n" / "vi" / "pilot.yaml").write_text("language: vi\nentries:\n  a.b:\n    hash: x\n    txet: y\n")
    _, problems = load_catalog(root, "vi")
    assert [(p.code, p.location.line) for p in problems] == [("E101", 5)]


def test_a_translation_key_is_located_on_the_line_that_defines_it_when_asked(tmp_path):
    folder = tmp_path / "i18n" / "ja"
    folder.mkdir(parents=True)
    (folder / "ui.yaml").write_text("language: ja\nentries:\n  menu.play:\n    hash: a1\n    text: 遊ぶ\n"
                                    "  menu.quit:\n    hash: b2\n    text: 終了\n", encoding="utf-8")
    (folder / "z_more.yaml").write_text("language: ja\nentries:\n  menu.quit:\n    hash: b2\n    text: やめる\n",
                                        encoding="utf-8")
    catalog, problems = load_catalog(tmp_path, "ja")
    assert sorted(catalog.defined_at) == ["menu.play", "menu.quit"]
    where = catalog.defined_at["menu.quit"]
    assert where.path.endswith("ui.yaml") and (where.line, where.column) == (6, 3)
    assert catalog.defined_at.get("menu.missing") is None
    [twice] = problems
    assert twice.code == "E131" and twice.location.path.endswith("z_more.yaml") and twice.location.line == 3
    assert "ui.yaml:6:3" in twice.hint


def test_a_summary_of_a_japanese_document_is_translated_like_the_story_s_own_words():
    from game.engine import load_story, translatables

    from ..conftest import PROJECT

    story = load_story(PROJECT / "story").story
    summaries = {f"{role.id}.{scene_id}.history.sources.{i}.quote"
                 for role in story.roles.values() for scene_id, scene in role.scenes.items() if scene.history
                 for i, quote in enumerate(scene.history.sources)
                 if quote.summary and story.sources[quote.source].language == "ja"}
    found = [t for t in translatables(story) if t.key in summaries]
    assert found and all(t.quote_language == "en" for t in found)  # translated for a Japanese reader, not left in English


def test_a_translation_file_linked_outside_the_story_or_holding_escapes_is_refused_at_its_place(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("language: ja\nentries: {zq-secret: {hash: '1', text: 'zq-secret-text'}}\n", encoding="utf-8")
    folder = tmp_path / "story" / "i18n" / "ja"
    folder.mkdir(parents=True)
    (folder / "linked.yaml").symlink_to(secret)
    (folder / "story.yaml").write_text('language: ja\nentries:\n  story.title: {hash: "1", text: "\\e[2J"}\n',
                                       encoding="utf-8")
    catalog, problems = load_catalog(tmp_path / "story", "ja")
    found = {(p.code, p.location.path.rsplit("/", 1)[-1], p.location.line) for p in problems}
    assert ("E008", "linked.yaml", 1) in found and ("E110", "story.yaml", 3) in found
    assert not any("zq-secret" in p.format() for p in problems) and "zq-secret" not in catalog.entries
