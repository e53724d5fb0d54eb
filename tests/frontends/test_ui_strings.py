"""Interface strings: every key the code uses exists in English; translations fall back per string."""

from __future__ import annotations

import io
import re

from game.engine import Catalog, Entry, Session, UiText, load_ui_strings, text_hash
from game.frontends.terminal import TerminalGame

from ..conftest import PROJECT

USES = re.compile(r"""\bui\(\s*f?["']([a-z_.{}]+)["']""")


def test_every_interface_key_the_code_uses_has_english_text():
    english = load_ui_strings(PROJECT / "story")
    used = set()
    for path in (PROJECT / "game").rglob("*.py"):
        used.update(USES.findall(path.read_text(encoding="utf-8")))
    literal = {key for key in used if "{" not in key}
    assert literal and not (literal - set(english)), sorted(literal - set(english))
    kiosk_uses = re.compile(r"""\btext\([^,()]+(?:\([^()]*\))?,\s*["']([a-z_]+)["']""")
    kiosk = set()
    for path in (PROJECT / "game" / "frontends" / "kiosk").rglob("*.py"):
        kiosk.update(f"kiosk.{key}" for key in kiosk_uses.findall(path.read_text(encoding="utf-8")))
    assert len(kiosk) >= 10 and not (kiosk - set(english)), sorted(kiosk - set(english))
    for status in ("documented", "contested", "dramatized"):
        assert f"debrief.{status}" in english
    for status in ("documented", "reconstructed", "dramatized"):  # a dossier document's status, in the window
        assert f"gui.document.{status}" in english
    for status in ("reconstructed", "dramatized"):  # and in the terminal, where 'documented' goes unsaid
        assert f"terminal.{status}" in english


def test_a_translated_string_is_used_and_an_untranslated_one_falls_back_to_english():
    english = {"a": "Saved to {slot}.", "b": "Goodbye."}
    catalog = Catalog("ja", entries={"ui.a": Entry(hash=text_hash(english["a"]), text="{slot} に保存した。")})
    ui = UiText(english, catalog)
    assert ui("a", slot="slot1") == "slot1 に保存した。" and ui("b") == "Goodbye."


def test_a_translation_with_a_broken_placeholder_falls_back_instead_of_crashing():
    english = {"a": "Saved to {slot}."}
    ui = UiText(english, Catalog("vi", entries={"ui.a": Entry(hash="x", text="Đã lưu vào {khe}.")}))
    assert ui("a", slot="slot1") == "Saved to slot1."


def test_the_terminal_speaks_the_players_language(sample_story):
    english = load_ui_strings(PROJECT / "story")
    catalog = Catalog("vi", entries={"ui.terminal.input_ended": Entry(hash="x", text="Hết dữ liệu vào. Tạm biệt.")})
    out = io.StringIO()

    def read(prompt):
        raise EOFError

    TerminalGame(Session.start(sample_story, "pilot"), read, out, ui=UiText(english, catalog), width=60).run()
    assert "Hết dữ liệu vào. Tạm biệt." in out.getvalue()
    assert "12:40 ngày 6 tháng 9 năm 1976" in out.getvalue()


def test_every_gui_key_the_desktop_game_uses_exists_in_english_and_is_translated():
    from game.engine import load_catalog

    english = load_ui_strings(PROJECT / "story")
    used = set()
    for path in (PROJECT / "game" / "frontends" / "gui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used.update(re.findall(r"""["'](gui\.[a-z_.0-9]+)["']""", text))
        used.update(re.findall(r"""\bui\(\s*["']((?:debrief|document)\.[a-z_]+)["']""", text))
    assert len(used) >= 80 and not (used - set(english)), sorted(used - set(english))
    for language in ("ja", "vi", "ru"):
        catalog, problems = load_catalog(PROJECT / "story", language)
        gui = [key for key in english if key.startswith("gui.")]
        untranslated = [key for key in gui if not catalog.entries.get(f"ui.{key}") or not catalog.entries[f"ui.{key}"].text]
        assert problems == [] and untranslated == [], (language, untranslated)
