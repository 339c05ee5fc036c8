from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp_desktop.domain.canonical import dumps, encode
from msp_desktop.storage.clock import Clock, HybridClock, format_hlc, parse_hlc

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@given(json_values)
def test_canonical_is_stable_under_key_order(value: object) -> None:
    if isinstance(value, dict):
        reordered = dict(reversed(list(value.items())))
        assert encode(value) == encode(reordered)
    assert dumps(value) == dumps(value)


def test_canonical_rejects_floats() -> None:
    with pytest.raises(TypeError):
        dumps({"a": 1.5})


def test_canonical_keeps_unicode_unescaped() -> None:
    assert encode({"w": "ŵ"}) == '{"w":"ŵ"}'.encode()


def test_hlc_is_monotonic_when_wall_clock_goes_backwards() -> None:
    now = [1000]
    hlc = HybridClock(Clock(now_ms=lambda: now[0]))
    a = hlc.tick()
    now[0] = 500  # the laptop's clock was set back
    b = hlc.tick()
    now[0] = 2000
    c = hlc.tick()
    assert a < b < c
    assert parse_hlc(b) == (1000, 1)


def test_hlc_observe_moves_past_remote() -> None:
    hlc = HybridClock(Clock(now_ms=lambda: 10))
    hlc.observe(format_hlc(99_999, 3))
    assert hlc.tick() > format_hlc(99_999, 3)
