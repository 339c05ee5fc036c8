"""The accessibility walker itself must catch unnamed controls."""

from __future__ import annotations

import pytest
from a11y import assert_accessible, focus_chain, unnamed_widgets
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


def test_walker_flags_unnamed_field(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QLineEdit(root))
    layout.addWidget(QPushButton("", root))
    root.show()
    assert len(unnamed_widgets(root)) == 2
    with pytest.raises(AssertionError):
        assert_accessible(root)


def test_buddy_label_names_a_field(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    edit = QLineEdit(root)
    label = QLabel("&Name:", root)
    label.setBuddy(edit)
    layout.addWidget(label)
    layout.addWidget(edit)
    button = QPushButton("OK", root)
    layout.addWidget(button)
    root.show()
    assert_accessible(root)
    assert focus_chain(root) == [edit, button]
