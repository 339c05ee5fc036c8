"""Translation helpers.

All user-visible text goes through Qt's translation (`self.tr` or `QCoreApplication.translate`)
so .qm files in resources/translations (Welsh first) can replace it. English source strings
with a count use `plural()`: one source string for n == 1 and one with %n for the rest, so the
untranslated English reads correctly while translators still get numerus forms for %n.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def plural(context: str, one: str, many: str, n: int) -> str:
    """Translate `one` when n == 1, else `many` (which contains %n)."""
    return QCoreApplication.translate(context, one if n == 1 else many, "", n)
