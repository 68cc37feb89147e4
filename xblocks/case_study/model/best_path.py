"""The maximum score of a case study: the most points on any path from the start to an
ending that visits no node twice.

A decision's choice earns its points; a mapping earns its points for every statement, as
if all were placed as expected. Case studies are small, so when the graph has loops the
paths are searched exhaustively; a graph with so many loops that the search would take too
long is refused instead. Without loops one pass in depth-first order is enough. Both
searches keep their own stack, so a long story cannot exhaust Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Mapping as MappingABC

from .case_study_types import Decision, Ending, Mapping, Node, successors

SEARCH_LIMIT = 200_000
_NO_WAY = -1


class TooManyPaths(ValueError):
    """The graph has more simple paths than SEARCH_LIMIT steps can explore."""


def max_points(nodes: MappingABC[str, Node], start: str) -> int:
    """The best points on a simple path from `start` to an ending (0 if there is none).

    Raises TooManyPaths when loops make the paths too many to search.
    """
    if start not in nodes:
        return 0
    order, has_loop = _depth_first(nodes, start)
    best = _best_with_loops(nodes, start) if has_loop else _best_without_loops(nodes, order)
    return max(best, 0)


def _edges(node: Node) -> list[tuple[str, int]]:
    """(next node, points for leaving `node` that way), its own points included."""
    if isinstance(node, Decision):
        return [(choice.target, choice.points) for choice in node.choices]
    if isinstance(node, Ending):
        return []
    own = node.max_points if isinstance(node, Mapping) else 0
    return [(node.next, own)]


def _targets(nodes: MappingABC[str, Node], node_id: str) -> Iterator[str]:
    return iter([target for target in successors(nodes[node_id]) if target in nodes])


def _depth_first(nodes: MappingABC[str, Node], start: str) -> tuple[list[str], bool]:
    """The nodes reachable from `start` in post-order, and whether a loop was met."""
    on_path = {start}
    done: set[str] = set()
    order: list[str] = []
    has_loop = False
    stack = [(start, _targets(nodes, start))]
    while stack:
        node_id, targets = stack[-1]
        for target in targets:
            if target in on_path:
                has_loop = True
            elif target not in done:
                on_path.add(target)
                stack.append((target, _targets(nodes, target)))
                break
        else:
            stack.pop()
            on_path.discard(node_id)
            done.add(node_id)
            order.append(node_id)
    return order, has_loop


def _best_without_loops(nodes: MappingABC[str, Node], order: list[str]) -> int:
    best: dict[str, int] = {}
    for node_id in order:  # every target comes before the nodes that lead to it
        node = nodes[node_id]
        if isinstance(node, Ending):
            best[node_id] = 0
            continue
        ways = [
            points + best[target]
            for target, points in _edges(node)
            if best.get(target, _NO_WAY) != _NO_WAY
        ]
        best[node_id] = max(ways, default=_NO_WAY)
    return best[order[-1]]


def _best_with_loops(nodes: MappingABC[str, Node], start: str) -> int:
    best = _NO_WAY
    steps = 0
    on_path = {start}
    stack: list[tuple[str, int, Iterator[tuple[str, int]]]] = [
        (start, 0, iter(_edges(nodes[start])))
    ]
    while stack:
        steps += 1
        if steps > SEARCH_LIMIT:
            raise TooManyPaths(start)
        node_id, earned, edges = stack[-1]
        for target, points in edges:
            if target in on_path or target not in nodes:
                continue
            if isinstance(nodes[target], Ending):
                best = max(best, earned + points)
                continue
            on_path.add(target)
            stack.append((target, earned + points, iter(_edges(nodes[target]))))
            break
        else:
            stack.pop()
            on_path.discard(node_id)
    return best
