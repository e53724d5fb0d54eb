"""The shared Host: screens by route name, the stack, deferred actions and recovery from a failing screen."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.frontends.shell.host import Host  # noqa: E402
from game.frontends.shell.screen import Screen  # noqa: E402


class Plain(Screen):
    """A screen that writes down what the host does to it."""

    def __init__(self, host, label: str = "plain", fail_on_enter: bool = False):
        super().__init__(host)
        self.name = label
        self.fail_on_enter = fail_on_enter
        self.log: list[str] = []

    def on_enter(self) -> None:
        self.log.append("enter")
        if self.fail_on_enter:
            raise RuntimeError(f"{self.name} is broken")

    def on_exit(self) -> None:
        self.log.append("exit")


class Little(Host):
    """A host with three routes whose recovery goes to the 'safe' route."""

    def __init__(self):
        super().__init__()
        self.surface = pygame.display.set_mode((320, 200))
        self.failures: list[str] = []

    def routes(self):
        return {"plain": Plain, "broken": lambda host: Plain(host, "broken", fail_on_enter=True),
                "safe": lambda host: Plain(host, "safe")}

    def recover(self, exc: Exception) -> None:
        self.failures.append(str(exc))
        self.forget_screens()
        self.go("safe")


@pytest.fixture
def host():
    made = Little()
    yield made
    made.close()


def test_a_route_builds_its_screen_with_the_data_it_shows_and_enters_it(host):
    host.go("plain", label="first")
    assert host.screen.name == "first" and host.screen.log == ["enter"]


def test_an_opened_screen_covers_the_one_underneath_and_back_returns_to_it(host):
    host.go("plain", label="under")
    under = host.screen
    host.open("plain", label="over")
    assert host.stack == [under] and under.log == ["enter", "exit"]
    host.back()
    assert host.screen is under and host.stack == [] and under.log == ["enter", "exit", "enter"]


def test_deferred_actions_run_once_after_the_frame(host):
    ran = []
    host.later(lambda: ran.append(1))
    assert ran == []
    assert host.run_later() and ran == [1]
    assert not host.run_later() and ran == [1]


def test_a_screen_that_fails_to_enter_goes_to_recovery_and_the_host_carries_on(host):
    host.go("broken")
    assert host.failures == ["broken is broken"] and host.screen.name == "safe" and host.running


def test_a_failure_while_recovering_is_raised_to_the_recovery_instead_of_looping(host):
    host.routes = lambda: {"broken": lambda h: Plain(h, "broken", fail_on_enter=True),
                           "safe": lambda h: Plain(h, "safe", fail_on_enter=True)}
    with pytest.raises(RuntimeError, match="safe is broken"):
        host.go("broken")
    assert host.failures == ["broken is broken"]


def test_closing_drops_every_screen_and_can_be_done_twice(host):
    host.go("plain")
    host.open("plain", label="top")
    top = host.screen
    host.close()
    host.close()
    assert host.screen is None and host.stack == [] and not host.running and top.log[-1] == "exit"
