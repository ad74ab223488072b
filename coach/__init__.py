"""Coach: step-by-step digital skills lessons for digital help desks."""

__version__ = "0.1.0"
