"""`foxbat debrief` as HTML: self-contained (no remote resources, fonts inlined), and it opens in Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from game.classroom.documents import debrief_html
from game.classroom.playthrough import playthrough_from_spec
from game.cli import main

from .conftest import in_ci


class Resources(HTMLParser):
    """Every resource address in a page: src/href attributes, and url(...) in style sheets and attributes."""

    def __init__(self):
        super().__init__()
        self.addresses: list[str] = []
        self.tags: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in ("src", "href", "srcset", "data", "poster", "action") and value:
                self.addresses.append(value)
            if value:
                self.addresses.extend(re.findall(r"url\(\s*['\"]?([^'\")]+)", value))

    def handle_endtag(self, tag):
        self._in_style = False if tag == "style" else self._in_style

    def handle_data(self, data):
        if self._in_style:
            self.addresses.extend(re.findall(r"url\(\s*['\"]?([^'\")]{0,40})", data))


@pytest.fixture(scope="module")
def japanese_page(tmp_path_factory):
    """The diplomat's debrief in Japanese, written as .html by the command."""
    path = tmp_path_factory.mktemp("html") / "diplomat-ja.html"
    assert main(["debrief", "--role", "diplomat", "--path", "random:2", "--lang", "ja", "-o", str(path)]) == 0
    return path


def test_the_html_page_loads_nothing_from_outside(japanese_page):
    page = Resources()
    page.feed(japanese_page.read_text(encoding="utf-8"))
    assert page.addresses, "the fonts should be inlined as data: addresses"
    assert all(address.startswith("data:") for address in page.addresses), page.addresses
    assert not {"script", "link", "img", "iframe"} & set(page.tags)
    assert "svg" in page.tags and "polyline" in page.tags  # the story map is drawn inline


def test_the_html_page_inlines_both_japanese_font_weights_and_declares_its_language(japanese_page):
    text = japanese_page.read_text(encoding="utf-8")
    assert '<html lang="ja">' in text
    faces = re.findall(r"font-family: '([^']+)'; font-weight: (\d+)", text)
    assert ("Foxbat Sans JP", "400") in faces and ("Foxbat Sans JP", "700") in faces


def test_story_text_is_escaped_so_it_can_never_become_markup(edition_in):
    from dataclasses import replace

    edition = edition_in("en")
    story = edition.story
    tricky = story.roles["pilot"].model_copy(update={"question": "<script>alert(1)</script> & <b>bold</b>?"})
    changed = replace(edition, story=story.model_copy(update={"roles": {**story.roles, "pilot": tricky}}))
    page = debrief_html(changed, playthrough_from_spec(changed, "pilot", "historical"))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;?" in page


def test_the_same_seed_gives_the_same_page(edition_in):
    edition = edition_in("en")
    first = debrief_html(edition, playthrough_from_spec(edition, "police", "random:11"))
    again = debrief_html(edition, playthrough_from_spec(edition, "police", "random:11"))
    other = debrief_html(edition, playthrough_from_spec(edition, "police", "random:12"))
    assert first == again and first != other


def test_the_html_page_opens_in_headless_chromium(japanese_page, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        assert not in_ci(), ".ci/run installs Chromium: in CI the page must open in a real browser"
        pytest.skip("chromium is not installed (apt-get install chromium); the page is still checked by parsing")
    from PIL import Image

    shot = tmp_path / "page.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--window-size=900,1200", f"--screenshot={shot}", japanese_page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    with Image.open(shot) as image:
        assert image.size == (900, 1200)
        dark = sum(image.convert("L").histogram()[:80])
    assert dark > 5000  # text and the map were drawn, not a blank or error page
