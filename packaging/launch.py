"""Entry point for frozen builds: the same CLI (and GUI when no command is given)."""

import sys

from msp_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
