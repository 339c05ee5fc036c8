"""The PySide6 user interface. Only this package and msp_desktop.app import Qt."""

from msp_desktop.ui.pyside_fix import protect_singletons

protect_singletons()
