"""Background tasks deliver on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from a11y import accessible_name

from msp_desktop.ui.workers import BusyIndicator, TaskRunner


@pytest.fixture(params=[False, True], ids=["thread", "inline"])
def runner(request, qapp):
    r = TaskRunner(inline=request.param)
    yield r
    r.wait(5000)


def test_result_on_gui_thread(qtbot, runner) -> None:
    main = threading.current_thread()
    ran_on: list[threading.Thread] = []
    delivered_on: list[threading.Thread] = []

    def work(a: int, b: int) -> int:
        ran_on.append(threading.current_thread())
        return a + b

    task = runner.run(work, 2, b=3)
    task.succeeded.connect(lambda _: delivered_on.append(threading.current_thread()))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == [5]
    assert delivered_on == [main]
    if not runner._inline:
        assert ran_on[0] is not main


def test_error_delivered(qtbot, runner) -> None:
    def fail() -> None:
        raise ValueError("wrong")

    task = runner.run(fail)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)


def test_tasks_share_one_thread(qtbot, qapp) -> None:
    runner = TaskRunner()
    names: list[int] = []
    tasks = [runner.run(lambda: names.append(threading.get_ident())) for _ in range(3)]
    with qtbot.waitSignal(tasks[-1].finished, timeout=5000):
        pass
    assert len(set(names)) == 1
    qtbot.waitUntil(lambda: runner.running() == 0)


def test_busy_indicator(qtbot) -> None:
    busy = BusyIndicator()
    qtbot.addWidget(busy)
    assert accessible_name(busy) == "Working"
    assert busy.isHidden()
    busy.start("Unlocking")
    assert busy.isVisible()
    assert busy.accessibleDescription() == "Unlocking"
    assert busy.minimum() == busy.maximum() == 0
    busy.stop()
    assert busy.isHidden()
