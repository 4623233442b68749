"""briefgen: a folder of news articles in, a cross-referenced briefing site out."""

__version__ = "0.1.0"
