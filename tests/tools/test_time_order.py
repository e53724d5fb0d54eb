"""The linear time-order check finds exactly the scenes the search from every scene found, on any small graph."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from game.tools.checks_writing import Moment, _latest_before, _Routes
from game.tools.components import strongly_connected

WHENS = ["1976-09", "1976-10", "1976-09-06", "1976-09-07", "1976-09-06T13:00+09:00", "1976-09-06T13:30+10:00",
         "1976-09-06T12:45+09:00", "1976-09-07T01:00+09:00", "1976-09-06T13:10", "1976-09-06T23:59"]


def _ancestors(scene: str, successors: dict) -> set[str]:
    """Every scene with a chain of choices to this one (the slow search the check replaced)."""
    earlier = {s: {a for a, targets in successors.items() if s in targets} for s in successors}
    seen: set[str] = set()
    stack = list(earlier[scene])
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(earlier[current])
    return seen


graphs = st.integers(1, 9).flatmap(lambda n: st.tuples(
    st.lists(st.sampled_from(WHENS), min_size=n, max_size=n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n)))


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_the_culprit_of_every_scene_matches_a_search_of_all_its_ancestors(graph):
    whens, edges = graph
    names = [f"s{i}" for i in range(len(whens))]
    successors = {name: sorted({names[b] for a, b in edges if names[a] == name}) for name in names}
    moments = {name: Moment.parse(when) for name, when in zip(names, whens)}
    before = _latest_before(SimpleNamespace(scenes=dict.fromkeys(names)), moments, successors)
    for name in names:
        culprits = [a for a in _ancestors(name, successors) if moments[a].is_after(moments[name])]
        found = before[name].culprit(moments[name], moments)
        assert (found is None) == (not culprits), (name, culprits, found)
        if found is not None:
            assert found in culprits
            if not any(m.precision == 3 and not m.aware for m in moments.values()):
                assert found == max(sorted(culprits), key=lambda a: moments[a].sort_key)


def test_components_come_sources_first_and_a_long_chain_needs_no_recursion():
    chain = {f"s{i}": [f"s{i + 1}"] for i in range(50_000)}
    chain["s50000"] = ["s49999"]  # the last two form a loop
    components = strongly_connected(chain, chain)
    assert components[0] == ["s0"] and sorted(components[-1]) == ["s49999", "s50000"]
    assert len(components) == 50_000


def test_a_long_route_is_shown_by_its_ends_and_a_spent_budget_elides_it():
    chain = {f"s{i}": [f"s{i + 1}"] for i in range(20)}
    chain["s20"] = []
    routes = _Routes(chain, budget=100)
    assert routes.between("s0", "s3") == ["s0", "s1", "s2", "s3"]
    assert routes.between("s0", "s20") == ["s0", "s1", "s2", "...", "s18", "s19", "s20"]
    routes.budget = 0
    assert routes.between("s0", "s3") == ["s0", "...", "s3"]
