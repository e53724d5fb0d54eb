"""The desktop game in Japanese, Vietnamese and English (and Russian interface strings)."""

from __future__ import annotations

import warnings

import pygame
import pytest

from .conftest import SHIPPED_STORY
from .language_check import broken_lines, clipped, kinsoku_breaches
from .layout_check import problems
from .test_layout import visit_every_screen

SIZES = [(1280, 720), (1920, 1080), (3840, 2160), (2560, 1080)]
JAPANESE_START = "ただひとつの出口"


def play_along_the_record(driver, check=None) -> None:
    """Keyboard only: finish the text, take the record's choice (else the first), to the debrief."""
    from game.engine import historical_path

    app = driver.app
    record = set(historical_path(app.session.role))
    while not app.session.is_finished:
        driver.key(pygame.K_SPACE)
        if check:
            check(driver)
        choices = app.session.choices
        wanted = next((n for n, c in enumerate(choices) if any(app.session.scene.choice(c.id).goto == s for s in record)),
                      0)
        driver.key(pygame.K_1 + wanted)
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_RETURN)
    assert driver.screen.name == "debrief"


@pytest.mark.parametrize("lang", ["ja", "vi"])
@pytest.mark.parametrize("role", ["pilot", "police", "diplomat"])
def test_each_role_plays_to_an_ending_by_keyboard_in_japanese_and_vietnamese(make_driver, role, lang):
    driver = make_driver(story=SHIPPED_STORY, role=role, lang=lang)
    assert driver.app.story.language == lang and driver.app.ui.language == lang
    breaches = []

    def check(d):
        if d.screen.name == "scene":
            breaches.extend(kinsoku_breaches(d.screen))

    play_along_the_record(driver, check)
    breaches.extend(kinsoku_breaches(driver.screen))
    assert breaches == []
    assert driver.button(driver.app.ui("gui.debrief.again"))


def test_switching_language_mid_scene_keeps_the_scene_and_variables_and_changes_the_text(make_driver):
    driver = make_driver(story=SHIPPED_STORY, role="pilot")
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_1)
    before = driver.app.session.save()
    english = driver.screen.scene_html()
    driver.key(pygame.K_ESCAPE)
    driver.click(driver.button("Settings"))
    row = len(driver.screen.changers) - 1
    driver.screen.focus.set(row)
    driver.key(pygame.K_RIGHT)  # English -> the next language, at once
    assert driver.app.settings.language != "en"
    while driver.app.settings.language != "ja":
        driver.key(pygame.K_RIGHT)
    assert driver.button("‹  日本語  ›")
    driver.key(pygame.K_ESCAPE)
    driver.key(pygame.K_ESCAPE)
    assert driver.screen.name == "scene"
    after = driver.app.session.save()
    assert (after["scene"], after["variables"], after["path"]) == (before["scene"], before["variables"], before["path"])
    japanese = driver.screen.scene_html()
    assert japanese != english and "。" in japanese
    assert driver.button("メニュー")
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_1)  # and play goes on in Japanese
    assert driver.app.session.scene_id != before["scene"]


def test_the_settings_name_every_language_in_its_own_script(make_driver):
    driver = make_driver(story=SHIPPED_STORY)
    screen = driver.screen
    from game.frontends.gui.screens.settings_screen import SettingsScreen

    driver.app.push(SettingsScreen(driver.app))
    driver.frames(2)
    assert driver.screen.names == {"en": "English", "ja": "日本語", "ru": "Русский", "vi": "Tiếng Việt"}
    assert screen is not None


def test_russian_shows_its_interface_strings_over_the_english_story(make_driver):
    driver = make_driver(story=SHIPPED_STORY, lang="ru")
    assert driver.button("Новая игра")
    driver.key(pygame.K_RETURN)
    assert driver.screen.name == "roles"
    assert clipped(driver.screen) == []


def test_japanese_runs_in_english_text_are_set_in_the_japanese_face(make_driver):
    from game.frontends.shell.richtext import Rich

    driver = make_driver(story=SHIPPED_STORY)
    rich = Rich(driver.app.fonts, "en", 20, 600)
    html = rich.block("The record: 「短銃1発を威嚇発射」 in 函館市史")
    assert "<font face=noto_jp>「短銃1発を威嚇発射」</font>" in html and "<font face=noto_jp>函館市史</font>" in html
    assert "noto_jp" in driver.app.theme["#button_jp"]["font"]["name"]


def test_japanese_lines_fit_the_box_and_keep_latin_words_whole(make_driver):
    from game.frontends.shell.richtext import Rich

    driver = make_driver(story=SHIPPED_STORY, lang="ja")
    font = driver.app.fonts.get(20, face="noto_jp")
    rich = Rich(driver.app.fonts, "ja", 20, 300)
    rich.block("ベレンコ中尉はMiG-25で函館空港に着陸した。「短銃1発を威嚇発射」と記録にある。" * 3)
    lines = rich.breaks[0]
    assert len(lines) > 3 and all(font.size(line)[0] <= 300 for line in lines)
    assert not any(line[0] in "。、」ー" for line in lines)
    assert any("MiG-25" in line for line in lines)


@pytest.mark.parametrize("lang", ["en", "ja", "vi"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits_and_nothing_is_clipped_in_each_language_and_size(make_driver, size, lang):
    driver = make_driver(size=size, lang=lang)
    seen = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name in visit_every_screen(driver):
            driver.frames(2)
            seen.append(name)
            assert problems(driver.screen, size) == [], (name, lang)
            assert clipped(driver.screen) == [], (name, lang)
            assert kinsoku_breaches(driver.screen) == [], (name, lang)
    assert [str(w.message) for w in caught if "too small" in str(w.message)] == []
    assert {"title", "roles", "scene", "pause", "debrief", "quote"} <= set(seen)


@pytest.mark.parametrize("lang", ["ja", "vi"])
@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160), (2560, 1080)], ids=["1280x720", "3840x2160", "2560x1080"])
def test_the_translated_story_fits_its_scenes_and_debrief(make_driver, size, lang):
    driver = make_driver(story=SHIPPED_STORY, size=size, role="diplomat", lang=lang)

    def check(d):
        assert problems(d.screen, size) == [] and clipped(d.screen) == [] and kinsoku_breaches(d.screen) == []

    driver.key(pygame.K_SPACE)
    check(driver)
    if lang == "ja":
        assert broken_lines(driver.screen), "Japanese scene text is broken into lines by the game itself"
    driver.key(pygame.K_d)
    check(driver)
    driver.key(pygame.K_ESCAPE)
    driver.app.change_settings(text_size="large")
    driver.frames(2)
    check(driver)


def test_a_notice_from_the_engine_is_shown_in_the_players_language(make_driver):
    from game.engine import Notice

    driver = make_driver(story=SHIPPED_STORY, lang="vi")
    notice = Notice("The story has changed since this game was saved. You are back at 'X' (1 of 2 choices kept).",
                    "notice.story_changed", {"title": "X", "kept": 1, "total": 2})
    shown = driver.app.translated(notice)
    assert "Câu chuyện đã thay đổi" in shown and "1 trên 2" in shown
    assert driver.app.translated("plain English") == "plain English"


def test_lang_given_at_start_wins_over_the_saved_setting_and_none_keeps_it(make_driver, tmp_path):
    data = tmp_path / "langdata"
    first = make_driver(story=SHIPPED_STORY, data_dir=data, lang="ja")
    from game.frontends.gui.settings import load_settings, save_settings

    save_settings(data, first.app.settings)
    assert load_settings(data)[0].language == "ja"
    assert make_driver(story=SHIPPED_STORY, data_dir=data).app.settings.language == "ja"
    assert make_driver(story=SHIPPED_STORY, data_dir=data, lang="en").app.settings.language == "en"
