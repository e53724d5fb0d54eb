"""Every setting can be changed from the settings screen, applies at once and is kept between runs."""

from __future__ import annotations

import json

import pygame

from game.frontends.gui.settings import Settings


def open_settings(driver):
    settings = driver.button("Settings")
    for _ in range(len(driver.screen.widgets)):  # down the title's menu, from New game
        if driver.screen.focus.focused is settings:
            break
        driver.key(pygame.K_DOWN)
    driver.key(pygame.K_RETURN)
    assert driver.screen.name == "settings"


def test_every_setting_changes_by_keyboard_and_is_saved(make_driver, tmp_path):
    driver = make_driver()
    open_settings(driver)
    rows = len(driver.screen.changers)
    for row in range(rows):
        driver.screen.focus.set(row)
        driver.key(pygame.K_RIGHT)
    changed = driver.app.settings
    assert changed.text_speed == "fast" and changed.text_size == "large"
    assert changed.high_contrast and changed.reduced_motion and changed.fullscreen
    assert changed.music_volume == 70 and changed.sound_volume == 90
    saved = json.loads((tmp_path / "data" / "settings.json").read_text())
    assert saved["text_size"] == "large" and saved["high_contrast"] is True and saved["fullscreen"] is True
    for row in range(rows):
        driver.screen.focus.set(row)
        driver.key(pygame.K_LEFT)
    assert driver.app.settings == Settings()


def test_settings_are_read_again_in_the_next_run(make_driver):
    first = make_driver()
    first.app.change_settings(text_speed="instant", reduced_motion=True)
    second = make_driver(role="pilot")
    assert second.app.settings.text_speed == "instant"
    assert second.screen.typewriter.done, "instant text needs no typing"


def test_clicking_a_value_cycles_it(make_driver):
    driver = make_driver()
    open_settings(driver)
    driver.click(driver.button("‹  Normal"))
    assert driver.app.settings.text_speed == "fast"
    driver.click(driver.button("‹  Fast"))
    driver.click(driver.button("‹  Instant"))
    assert driver.app.settings.text_speed == "slow"


def test_text_size_and_high_contrast_rebuild_the_screen_with_new_fonts(make_driver):
    driver = make_driver(role="pilot")
    driver.key(pygame.K_SPACE)
    small = driver.choice_buttons()[0].rect.height
    driver.app.change_settings(text_size="large", high_contrast=True)
    driver.frames(2)
    assert driver.choice_buttons()[0].rect.height > small
    assert driver.app.theme["defaults"]["colours"]["normal_bg"] == "#000000"


def test_f11_toggles_fullscreen_and_back(make_driver):
    driver = make_driver()
    driver.key(pygame.K_F11)
    assert driver.app.settings.fullscreen
    driver.key(pygame.K_F11)
    assert not driver.app.settings.fullscreen
    assert driver.app.surface.get_size() == (1280, 720)


def test_reduced_motion_turns_off_fades_and_the_radar_sweep(make_driver):
    driver = make_driver()
    driver.app.change_settings(reduced_motion=True)
    driver.key(pygame.K_RETURN)
    assert driver.app._fade is None
    driver.app.to_title()
    assert driver.screen.update(0.1) is False
