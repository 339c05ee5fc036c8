"""Vault health: `vault check` runs every check the vault can make on itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from msp_desktop.services.session import Session


@dataclass
class CheckReport:
    checks: list[tuple[str, bool, str]] = field(default_factory=list)

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        self.checks.append((name, ok, detail))

    @property
    def ok(self) -> bool:
        return all(ok for _, ok, _ in self.checks)

    def lines(self) -> list[str]:
        return [f"{'ok  ' if ok else 'FAIL'}  {name}{': ' + d if d else ''}"
                for name, ok, d in self.checks]


def projection_snapshot(session: Session) -> list[tuple[object, ...]]:
    conn = session.conn
    rows: list[tuple[object, ...]] = []
    rows += [tuple(r) for r in conn.execute(
        "SELECT record_id, kind, case_id, status, title, sort_date, payload, head_count,"
        " conflicts FROM records ORDER BY record_id")]
    rows += [tuple(r) for r in conn.execute("SELECT * FROM heads ORDER BY 1, 2")]
    rows += [tuple(r) for r in conn.execute("SELECT * FROM case_summary ORDER BY case_id")]
    rows += [tuple(r) for r in conn.execute(
        "SELECT r.record_id, f.body FROM search_fts f JOIN records r ON r.rowid = f.rowid"
        " ORDER BY r.record_id")]
    return rows


def check_vault(session: Session) -> CheckReport:
    report = CheckReport()
    vault_report = session.vault.check()
    for name, ok, detail in vault_report.items():
        report.add(name, ok, detail)
    problems = session.audit.verify()
    report.add("audit chain", not problems, "; ".join(problems))
    bad = session.store.verify_revisions()
    report.add("revision hashes and signatures", not bad,
               "; ".join(bad[:5]) + (f" (+{len(bad) - 5} more)" if len(bad) > 5 else ""))
    # Rebuild the projections inside a transaction that is rolled back, and compare.
    before = projection_snapshot(session)
    conn = session.conn
    conn.execute("SAVEPOINT rebuild_check")
    try:
        session.store.rebuild_projections()
        after = projection_snapshot(session)
    finally:
        conn.execute("ROLLBACK TO rebuild_check")
        conn.execute("RELEASE rebuild_check")
    report.add("projections match the revisions", before == after,
               "" if before == after else "run a rebuild")
    return report


def background_integrity_check(session: Session) -> list[str]:
    """The full page check that unlock skips for large vaults; safe on a worker thread (it
    uses its own connection). On damage the vault becomes read-only: nothing more is
    written to it, and everything already saved stays readable."""
    problems = session.vault.background_check()
    if problems:
        session.vault.set_read_only("; ".join(problems[:3]))
    return problems
