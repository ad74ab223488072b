"""`python -m coach` runs the command line (the GUI by default)."""

from coach.cli import main

raise SystemExit(main())
