"""Test doubles for external components (the speech engine)."""
