"""MSP Desktop: offline case notes for Making Safeguarding Personal."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("msp-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
