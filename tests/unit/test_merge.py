from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from msp_desktop.domain.canonical import dumps
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


# ----- values are equal only when their canonical bytes are (issue 8) ----------------------


def _concurrent(base_value: Any, left_value: Any, right_value: Any):  # type: ignore[no-untyped-def]
    base = Node("b", (), "1", "d1", {"x": base_value})
    left = Node("l", ("b",), "2", "d1", {"x": left_value})
    right = Node("r", ("b",), "3", "d2", {"x": right_value})
    return merge([left, right], _graph(base, left, right))


def test_one_and_true_written_concurrently_are_a_conflict() -> None:
    res = _concurrent("unset", 1, True)
    (conflict,) = res.conflicts
    assert dict(conflict.candidates) == {"l": 1, "r": True}
    assert [type(v) for _, v in conflict.candidates] == [int, bool]


def test_one_and_one_point_zero_written_concurrently_are_a_conflict() -> None:
    res = _concurrent(None, 1, 1.0)
    (conflict,) = res.conflicts
    assert [type(v) for _, v in conflict.candidates] == [int, float]


def test_a_change_from_one_to_true_is_a_change() -> None:
    """`True == 1` in Python: the side that wrote True changed the field, and the other
    side's change of another field must not hide it."""
    base = Node("b", (), "1", "d1", {"x": 1, "y": "a"})
    left = Node("l", ("b",), "2", "d1", {"x": True, "y": "a"})
    right = Node("r", ("b",), "3", "d2", {"x": 1, "y": "b"})
    res = merge([left, right], _graph(base, left, right))
    assert res.conflicts == ()
    assert res.payload["x"] is True and res.payload["y"] == "b"


def test_zero_and_false_and_empty_values_stay_apart() -> None:
    for a, b in ((0, False), ([], {}), ("", None), ([1], [True]), ({"k": 1}, {"k": True})):
        assert len(_concurrent("base", a, b).conflicts) == 1, (a, b)


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([0.0, 1.0, -1.0, 2.5]),
    st.sampled_from(["", "1", "true", "a"]),
)
_json = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from("abc"), inner, max_size=3)),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None)
@given(base=_json, left=_json, right=_json)
def test_merge_never_treats_different_canonical_bytes_as_equal(
    base: Any, left: Any, right: Any,
) -> None:
    res = _concurrent(base, left, right)
    b, lt, rt = (dumps(v, check=False) for v in (base, left, right))
    changed = {v for v in (lt, rt) if v != b}
    if len(changed) > 1:
        (conflict,) = res.conflicts
        assert {dumps(v, check=False) for _, v in conflict.candidates} == changed
    else:
        assert res.conflicts == ()
        expected = changed.pop() if changed else b
        assert dumps(res.payload["x"], check=False) == expected
