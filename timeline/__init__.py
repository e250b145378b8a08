"""timeline: turn news articles into a verified, chronological timeline of events."""

__version__ = "0.1.0"
