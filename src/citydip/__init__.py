"""citydip: a research platform for city diplomacy."""

__version__ = "0.1.0"
