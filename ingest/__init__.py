"""Article intake: readers turn files into articles; extraction proposes events and actors."""

from ingest.extract import Extraction, extract
from ingest.readers import Article, ReadError, read, read_dropped

__all__ = ["Article", "Extraction", "ReadError", "extract", "read", "read_dropped"]
