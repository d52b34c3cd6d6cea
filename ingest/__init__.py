"""Article intake: readers turn files into an Article; extraction proposes dates, actors, events."""

from ingest.extract import Extraction, extract  # noqa: F401
from ingest.readers import Article, ReadError, read, read_dropped  # noqa: F401
