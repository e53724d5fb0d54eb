"""The debrief's "Save for class": the same PDF and HTML as `foxbat debrief`, in the documents folder, and a notice."""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from .test_play import play_to_ending_by_keyboard, start_role_by_keyboard


def reach_debrief(driver) -> None:
    """Play the first role to an ending by keyboard and open the debrief."""
    start_role_by_keyboard(driver, 0)
    play_to_ending_by_keyboard(driver)
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_RETURN)
    assert driver.screen.name == "debrief"


def finish_saving(driver) -> None:
    """Wait for the saving thread itself (not a clock), then run the frames that show its notice."""
    driver.screen.saver.join()
    driver.frames(2)


def test_p_saves_the_debrief_as_pdf_and_html_in_the_documents_folder_and_says_where(make_driver):
    driver = make_driver()
    reach_debrief(driver)
    folder = Path(os.environ["FOXBAT_DATA_DIR"]) / "documents"
    driver.key(pygame.K_p)
    assert driver.app.message == "Saving this debrief for class…"
    finish_saving(driver)
    assert driver.app.message == f"Saved for class, as PDF and HTML, in {folder}"
    files = sorted(folder.iterdir())
    assert [p.suffix for p in files] == [".html", ".pdf"]
    assert files[1].read_bytes().startswith(b"%PDF")
    page = files[0].read_text(encoding="utf-8")
    role = driver.app.session.role
    assert role.name in page and "Path: as played in the game." in page
    assert driver.screen.name == "debrief"  # the player stays where they were


def test_the_button_saves_too_and_a_failure_is_a_notice_not_a_crash(make_driver, monkeypatch, tmp_path):
    driver = make_driver()
    reach_debrief(driver)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("FOXBAT_DATA_DIR", str(blocker))  # documents/ would have to be made inside a file
    driver.click(driver.button("Save for class"))
    finish_saving(driver)
    assert driver.app.message.startswith("Could not save for class: cannot make the folder")
    assert driver.screen.name == "debrief"
