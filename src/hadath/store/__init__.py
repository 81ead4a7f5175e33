"""The event store (DuckDB): documents, their records, and deduplicated events."""

from hadath.store.database import Store, StoreError, content_key
from hadath.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "content_key"]
