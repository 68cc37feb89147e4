"""Checking the story graph: its links, then its shape (the best score is `best_path`'s).

Two passes. The links come first: `start`, every `next` and `target` and every evidence id
must name a node, and a decision needs a choice. Only when every link holds is the shape
checked (every node reachable, an ending reachable from every node), because a broken link
would otherwise be reported again as unreachable nodes and loops.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping

from xblocks.core.messages import _, one_of
from xblocks.core.problems import Problems

from .case_study_types import Decision, Ending, Evidence, Node, successors
from .ids import Ids


def check_links(
    nodes: Mapping[str, Node], start: str, root_line: int | None, ids: Ids, problems: Problems
) -> bool:
    """Report every link that names no node (or no evidence card); True if all hold."""
    count = len(problems.errors)
    known = one_of(nodes)
    if start not in nodes:
        problems.add_at(
            root_line,
            _('start="{start}" names no node'),
            _("set start to the id of the first node, one of {values}."),
            start=start,
            values=known,
        )
    evidence_ids = [node_id for node_id, node in nodes.items() if isinstance(node, Evidence)]
    for node in nodes.values():
        line = ids.line(node.id)
        if isinstance(node, Decision):
            _check_decision(node, nodes, evidence_ids, ids, problems)
        elif not isinstance(node, Ending) and node.next not in nodes:
            problems.add_at(
                line,
                _('<{kind} id="{id}">: next="{next}" names no node'),
                _("use the id of an existing node, one of {values}."),
                kind=node.kind,
                id=node.id,
                next=node.next,
                values=known,
            )
    return len(problems.errors) == count


def _check_decision(
    node: Decision,
    nodes: Mapping[str, Node],
    evidence_ids: list[str],
    ids: Ids,
    problems: Problems,
) -> None:
    if not node.choices:
        problems.add_at(
            ids.line(node.id),
            _('<decision id="{id}"> has no choices, so the learner has no way forward'),
            _('add at least one <choice id="..." target="..."> with a <label>.'),
            id=node.id,
        )
    for choice in node.choices:
        line = ids.line(choice.id)
        if choice.target not in nodes:
            problems.add_at(
                line,
                _(
                    '<choice id="{choice}"> of decision "{decision}": target="{target}" names no '
                    "node"
                ),
                _("use the id of an existing node, one of {values}."),
                choice=choice.id,
                decision=node.id,
                target=choice.target,
                values=one_of(nodes),
            )
        for evidence_id in choice.evidence_ids:
            if evidence_id in evidence_ids:
                continue
            found = nodes.get(evidence_id)
            problems.add_at(
                line,
                _(
                    '<choice id="{choice}"> of decision "{decision}": evidence="{evidence}" '
                    "names <{kind}>, not an <evidence> card"
                )
                if found
                else _(
                    '<choice id="{choice}"> of decision "{decision}": evidence="{evidence}" '
                    "names no <evidence> node"
                ),
                _("list ids of <evidence> nodes, from {values}."),
                choice=choice.id,
                decision=node.id,
                evidence=evidence_id,
                kind=found.kind if found else "",
                values=one_of(evidence_ids),
            )


def check_shape(
    nodes: Mapping[str, Node], start: str, root_line: int | None, ids: Ids, problems: Problems
) -> None:
    """Report unreachable nodes, unreachable endings and loops with no way to an ending."""
    reachable = _reach([start], lambda node_id: successors(nodes[node_id]))
    endings = [node_id for node_id, node in nodes.items() if isinstance(node, Ending)]
    predecessors: dict[str, list[str]] = {node_id: [] for node_id in nodes}
    for node_id, node in nodes.items():
        for target in successors(node):
            predecessors[target].append(node_id)
    can_end = _reach(endings, predecessors.__getitem__)
    for node_id, node in nodes.items():
        if node_id in reachable:
            continue
        problems.add_at(
            ids.line(node_id),
            _(
                '<{kind} id="{id}"> cannot be reached from start="{start}": no next or choice '
                "target leads to it"
            ),
            _('point a next or a choice target at "{id}", or remove the ending.')
            if isinstance(node, Ending)
            else _('point a next or a choice target at "{id}", or remove the node.'),
            kind=node.kind,
            id=node_id,
            start=start,
        )
    if not any(node_id in reachable for node_id in endings):
        problems.add_at(
            root_line,
            _('no ending can be reached from start="{start}"')
            if endings
            else _("the case study has no <ending>"),
            _("add an <ending> and lead a next or a choice target to it."),
            start=start,
        )
        return
    for node_id, node in nodes.items():
        if node_id in reachable and node_id not in can_end:
            loop = _reach([node_id], lambda other: successors(nodes[other]))
            problems.add_at(
                ids.line(node_id),
                _(
                    '<{kind} id="{id}"> is in a loop with no exit: no ending can be reached from '
                    "it (the loop goes through {nodes})"
                ),
                _("give one of those nodes a next or a choice that leads towards an ending."),
                kind=node.kind,
                id=node_id,
                nodes=one_of(_in_order(nodes, loop)),
            )


def _reach(starts: Iterable[str], step: Callable[[str], Iterable[str]]) -> set[str]:
    seen = set(starts)
    queue = deque(seen)
    while queue:
        for following in step(queue.popleft()):
            if following not in seen:
                seen.add(following)
                queue.append(following)
    return seen


def _in_order(nodes: Mapping[str, Node], chosen: set[str]) -> list[str]:
    return [node_id for node_id in nodes if node_id in chosen]
