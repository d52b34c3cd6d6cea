"""Article intake: readers turn files into articles; extraction proposes events and actors."""

from ingest.extract import Extraction, extract

# ``read`` (ingest.readers) is added by the readers work.

__all__ = ["Extraction", "extract"]
