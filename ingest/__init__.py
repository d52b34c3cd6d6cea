"""Article intake: readers turn files into an Article; extraction proposes dates, actors, events."""

from ingest.readers import Article, ReadError, read, read_dropped  # noqa: F401
