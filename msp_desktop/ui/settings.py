"""Typed user settings over QSettings (INI file in the platform config folder).

Each setting is declared once on `Settings` as a `SettingVar(key, default, type)`; call sites
use attributes (`settings.auto_lock_minutes`), never string keys.

Rule: settings hold preferences only. Never store case data, client names, passphrases,
keys or anything derived from them here: the INI file is not encrypted.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

import platformdirs
from PySide6.QtCore import QSettings

from msp_desktop.services.files import make_private, make_private_dirs

APP_NAME = "MSP Desktop"
SETTINGS_VERSION = 1

T = TypeVar("T", int, float, str, bool)


def default_settings_path() -> Path:
    """Return the INI file in the platform's per-user config folder."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.ini"


@dataclasses.dataclass(frozen=True)
class SettingVar(Generic[T]):
    """One typed setting: its INI key, default, type and optional bounds."""

    key: str
    default: T
    type_: type[T]
    minimum: T | None = None
    maximum: T | None = None

    def convert(self, raw: Any) -> T:
        """Turn a stored value into T; fall back to the default if it is unusable."""
        if raw is None:
            return self.default
        value: Any
        try:
            if self.type_ is bool:
                value = (
                    raw if isinstance(raw, bool) else str(raw).strip().lower() in {"1", "true"}
                )
            elif self.type_ is int:
                value = int(str(raw).strip())
            elif self.type_ is float:
                value = float(str(raw).strip())
            else:
                value = str(raw)
        except ValueError:
            return self.default
        return self.clamp(value)

    def clamp(self, value: T) -> T:
        """Bring a value within bounds."""
        if self.minimum is not None and value < self.minimum:
            return self.minimum
        if self.maximum is not None and value > self.maximum:
            return self.maximum
        return value

    def check(self, value: T) -> T:
        """Return `value` as T; raise TypeError (wrong type) or ValueError (out of range)."""
        checked: Any = value
        if self.type_ is float and isinstance(value, int) and not isinstance(value, bool):
            checked = float(value)
        wrong_bool = isinstance(checked, bool) and self.type_ is not bool
        if wrong_bool or not isinstance(checked, self.type_):
            raise TypeError(f"{self.key} takes {self.type_.__name__}, got {type(value).__name__}")
        if self.clamp(checked) != checked:
            raise ValueError(
                f"{self.key} must be between {self.minimum} and {self.maximum}, got {value}"
            )
        return checked

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> SettingVar[T]: ...

    @overload
    def __get__(self, obj: Settings, owner: type | None = None) -> T: ...

    def __get__(self, obj: Settings | None, owner: type | None = None) -> SettingVar[T] | T:
        if obj is None:
            return self
        return obj.get(self)

    def __set__(self, obj: Settings, value: T) -> None:
        obj.set(self, value)


class Settings:
    """The user's preferences, stored in an INI file."""

    auto_lock_minutes = SettingVar("security/auto_lock_minutes", 5, int, 1, 60)
    last_vault_path = SettingVar("paths/last_vault", "", str)
    default_export_dir = SettingVar("paths/default_export_dir", "", str)
    default_bundle_dir = SettingVar("paths/default_bundle_dir", "", str)
    font_scale = SettingVar("appearance/font_scale", 1.0, float, 0.75, 2.5)
    # QWidget.saveGeometry of the main window, base64: its size, place and screen only.
    main_window_geometry = SettingVar("window/main_geometry", "", str)
    chronology_newest_first = SettingVar("chronology/newest_first", True, bool)
    caseload_sort = SettingVar("caseload/sort", "name asc", str)  # "<column> asc|desc"

    def __init__(self, path: Path | str | None = None) -> None:
        self._path = Path(path) if path is not None else default_settings_path()
        make_private_dirs(self._path.parent)
        self._qsettings = QSettings(str(self._path), QSettings.Format.IniFormat)
        if self._qsettings.value("meta/version") is None:
            self._qsettings.setValue("meta/version", SETTINGS_VERSION)

    @classmethod
    def declared(cls) -> list[SettingVar[Any]]:
        """Return every declared setting."""
        return [v for v in vars(cls).values() if isinstance(v, SettingVar)]

    def path(self) -> Path:
        """Return the INI file path."""
        return self._path

    def get(self, setting: SettingVar[T]) -> T:
        """Return a setting's value (the default if unset or unreadable)."""
        return setting.convert(self._qsettings.value(setting.key))

    def set(self, setting: SettingVar[T], value: T) -> None:
        """Store a setting; raises TypeError/ValueError on a bad value."""
        self._qsettings.setValue(setting.key, setting.check(value))

    def reset(self, setting: SettingVar[Any]) -> None:
        """Forget a stored value so the default applies."""
        self._qsettings.remove(setting.key)

    def sync(self) -> None:
        """Write pending changes to disk (owner-only permissions)."""
        self._qsettings.sync()
        make_private(self._path)
