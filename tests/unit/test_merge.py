from __future__ import annotations

from msp_desktop.domain.merge import Node, common_base, merge


def _graph(*nodes: Node):  # type: ignore[no-untyped-def]
    by_id = {n.revision_id: n for n in nodes}
    return by_id.get


def test_single_head_is_its_payload() -> None:
    a = Node("a", (), "1", "d1", {"x": 1})
    assert merge([a], _graph(a)).payload == {"x": 1}


def test_fields_changed_on_one_side_each_merge() -> None:
    base = Node("b", (), "1", "d1", {"x": 1, "y": 1})
    left = Node("l", ("b",), "2", "d1", {"x": 2, "y": 1})
    right = Node("r", ("b",), "3", "d2", {"x": 1, "y": 3})
    res = merge([left, right], _graph(base, left, right))
    assert res.payload == {"x": 2, "y": 3}
    assert res.conflicts == ()


def test_same_change_on_both_sides_is_not_a_conflict() -> None:
    base = Node("b", (), "1", "d1", {"x": 1})
    left = Node("l", ("b",), "2", "d1", {"x": 5})
    right = Node("r", ("b",), "3", "d2", {"x": 5})
    res = merge([left, right], _graph(base, left, right))
    assert res.payload == {"x": 5} and res.conflicts == ()


def test_different_changes_to_one_field_conflict_and_keep_both_values() -> None:
    base = Node("b", (), "1", "d1", {"x": 1})
    left = Node("l", ("b",), "2", "d1", {"x": 2})
    right = Node("r", ("b",), "3", "d2", {"x": 3})
    res = merge([right, left], _graph(base, left, right))
    (conflict,) = res.conflicts
    assert conflict.field == "x" and conflict.base == 1
    assert dict(conflict.candidates) == {"l": 2, "r": 3}
    # Order of the heads given does not change the result.
    assert merge([left, right], _graph(base, left, right)) == res


def test_removal_versus_change_conflicts() -> None:
    base = Node("b", (), "1", "d1", {"x": 1})
    left = Node("l", ("b",), "2", "d1", {})
    right = Node("r", ("b",), "3", "d2", {"x": 3})
    res = merge([left, right], _graph(base, left, right))
    assert [c.field for c in res.conflicts] == ["x"]


def test_common_base_is_most_recent_common_ancestor() -> None:
    a = Node("a", (), "1", "d1", {})
    b = Node("b", ("a",), "2", "d1", {})
    left = Node("l", ("b",), "3", "d1", {})
    right = Node("r", ("b",), "4", "d2", {})
    base = common_base([left, right], _graph(a, b, left, right))
    assert base is not None and base.revision_id == "b"
