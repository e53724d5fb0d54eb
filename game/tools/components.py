"""Strongly connected components of a graph, in linear time and without recursion (Tarjan's algorithm)."""

from __future__ import annotations

from typing import Hashable, Iterable, Mapping


def strongly_connected(nodes: Iterable[Hashable], successors: Mapping[Hashable, Iterable[Hashable]]) -> list[list]:
    """The components of a directed graph, each a list of nodes, sources first (a topological order).

    Every edge between two components goes from an earlier one in the list to a later one.
    Iterative, so a chain of 50,000 scenes does not reach Python's recursion limit.
    """
    index: dict = {}
    low: dict = {}
    on_stack: set = set()
    stack: list = []
    found: list[list] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(successors.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack and index[child] < low[node]:
                    low[node] = index[child]
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[node] < low[parent]:
                    low[parent] = low[node]
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
    found.reverse()  # Tarjan finishes sinks first
    return found
