"""The vault's reporting council (meta key `reporting_council`)."""

from __future__ import annotations

from msp_desktop.storage import marks
from tests.unit.conftest import make_conn


def test_reporting_council_is_kept_in_the_vault_meta() -> None:
    conn = make_conn()
    assert marks.reporting_council(conn) is None
    marks.set_reporting_council(conn, "E09000012")
    marks.set_reporting_council(conn, "E08000035")
    assert marks.reporting_council(conn) == "E08000035"
    assert marks.get(conn, "reporting_council") == "E08000035"
