"""Interface strings: every key the code uses exists in English; translations fall back per string."""

from __future__ import annotations

import io
import re
import shutil

import yaml

from game.engine import Catalog, Edition, Entry, UiText, format_moment, load_catalog, load_ui_strings, text_hash
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
    catalog, _ = load_catalog(PROJECT / "story", "vi")
    catalog.entries["ui.terminal.input_ended"] = Entry(hash="x", text="Hết dữ liệu vào. Tạm biệt.")
    out = io.StringIO()

    def read(prompt):
        raise EOFError

    TerminalGame(Edition.build(sample_story).start("pilot"), read, out, ui=UiText(english, catalog), width=60).run()
    assert "Hết dữ liệu vào. Tạm biệt." in out.getvalue()
    assert "12:40 ngày 6 tháng 9 năm 1976" in out.getvalue()


def test_a_language_added_with_files_only_writes_dates_its_own_way(sample_story, tmp_path):
    shutil.copytree(PROJECT / "story" / "i18n" / "en", tmp_path / "i18n" / "en")
    english = load_ui_strings(tmp_path)
    german = {"date.months": "Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, "
                             "Dezember", "date.day": "{day}. {month} {year}", "date.with_time": "{date}, {time} Uhr"}
    entries = {f"ui.{key}": {"hash": text_hash(english[key]), "en": english[key], "text": text}
               for key, text in german.items()}
    (tmp_path / "i18n" / "de").mkdir()
    (tmp_path / "i18n" / "de" / "ui.yaml").write_text(
        yaml.safe_dump({"language": "de", "name": "Deutsch", "scope": "ui", "entries": entries}, allow_unicode=True),
        encoding="utf-8")
    edition = Edition.build(sample_story, "de", ui_root=tmp_path)
    assert edition.problems == ()
    assert format_moment("1976-09-06T13:50+09:00", edition.ui) == "6. September 1976, 13:50 Uhr"
    assert format_moment("1976-10", edition.ui) == "Oktober 1976"  # date.month not translated: English order


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
