"""The kiosk debrief: per decision, you / other visitors / history; then one question; then attract."""

from __future__ import annotations

import pygame

from game.engine import Debrief

from ..strings import text
from ..ui import AMBER, OTHERS, PHOSPHOR, TEXT, KioskScreen


class DebriefScreen(KioskScreen):
    """Pages of decisions, the last page with the ending and the discussion question."""

    name = "debrief"
    idle = "off"  # the debrief has its own, longer timeout back to attract

    def __init__(self, app, debrief: Debrief):
        super().__init__(app)
        self.debrief = debrief
        self.role_id = app.visit.session.state.role
        # Shares as they stood before this visitor was counted: "other visitors" means others.
        self.rows = [(review, app.stats.share(self.role_id, review.scene_id, review.chosen.id))
                     for review in debrief.decisions if review.chosen is not None and review.actual is not None]
        self.page = 0
        self.pages: list[list] = []

    def build(self) -> None:
        """Split the rows into pages that fit, and put Continue or Finish at the bottom."""
        app = self.app
        sizing = app.sizing
        language = app.language
        w, h = app.surface.get_size()
        margin = sizing.margin
        width = w - 2 * margin
        self.heading = self.text(text(self.app.library.ui(language), "debrief"), width, sizing.heading, AMBER, True)
        top = margin + sizing.mm(6) + self.heading.height + margin
        bottom = h - margin - sizing.target - margin
        blocks = [self._row_blocks(review, share, width) for review, share in self.rows]
        ending = self._closing_blocks(width)
        self.pages = _paginate(blocks + [ending], bottom - top, margin)
        self.page = min(self.page, len(self.pages) - 1)
        last = self.page == len(self.pages) - 1
        label = text(self.app.library.ui(language), "done" if last else "continue")
        self.button(pygame.Rect(margin, h - margin - sizing.target, width, sizing.target), label,
                    self.done if last else self.next_page)
        self.top = top

    def _row_blocks(self, review, share, width: int) -> list:
        language = self.app.language
        sizing = self.app.sizing
        if share.percent is None:
            others = text(self.app.library.ui(language), "not_enough")
        else:
            others = text(self.app.library.ui(language), "same", percent=share.percent)
        title = review.scene.title or review.scene.where
        # Said in words, not only in colour (and Noto Sans has no check mark glyph).
        mark = f" · {text(self.app.library.ui(language), 'as_history')}" if review.matched else ""
        return ["row",
            self.text(f"{title}{mark}", width, colour=PHOSPHOR if review.matched else AMBER, bold=True),
            self.text(f"{text(self.app.library.ui(language), 'you')}: {review.chosen.text}", width - sizing.mm(8), colour=TEXT),
            # As bright as the visitor's own line: the figure is what the debrief is for (was dim grey).
            self.text(f"{text(self.app.library.ui(language), 'others')}: {others}", width - sizing.mm(8), colour=OTHERS,
                      bold=share.percent is not None),
            self.text(f"{text(self.app.library.ui(language), 'history')}: {review.actual.text}", width - sizing.mm(8), colour=TEXT),
        ]

    def _closing_blocks(self, width: int) -> list:
        language = self.app.language
        session = self.app.visit.session
        blocks: list = ["closing"]
        ending = self.debrief.ending
        if ending is not None and ending.ending is not None:
            blocks.append(self.text(f"{text(self.app.library.ui(language), 'ending')}: {ending.ending.title}", width, colour=AMBER, bold=True))
            blocks.append(self.text(ending.ending.differs, width))
        question = session.role.question
        if question:
            blocks.append(self.text(text(self.app.library.ui(language), "question"), width, colour=AMBER, bold=True))
            blocks.append(self.text(question, width, self.app.sizing.heading, TEXT, True))
        return blocks

    def next_page(self) -> None:
        """The next page of decisions."""
        self.page += 1
        self.on_exit()
        self.build()

    def done(self) -> None:
        """Back to attract."""
        self.app.end_visit()

    def update(self, dt: float) -> bool:
        """Return to attract after debrief_seconds without a touch."""
        app = self.app
        if app.clock() - app.last_touch >= app.config.attract.debrief_seconds:
            app.later(app.end_visit)
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """The heading and this page's rows."""
        surface.fill((8, 14, 18))
        margin = self.app.sizing.margin
        self.heading.draw(surface, margin, margin + self.app.sizing.mm(6))
        y = self.top
        indent = self.app.sizing.mm(8)
        for kind, *blocks in self.pages[self.page]:
            for i, block in enumerate(blocks):
                y = block.draw(surface, margin + (indent if kind == "row" and i > 0 else 0), y)
            y += margin


def _paginate(groups: list[list], height: int, gap: int) -> list[list[list]]:
    """Groups of blocks packed into pages of a height (a group taller than a page gets a page of its own)."""
    pages: list[list[list]] = [[]]
    used = 0
    for group in groups:
        need = sum(b.height for b in group[1:]) + gap
        if pages[-1] and used + need > height:
            pages.append([])
            used = 0
        pages[-1].append(group)
        used += need
    return pages
