"""Input: documents from files, directories and stdin (see :mod:`hadath.io.readers`)."""

from hadath.io.readers import MAX_DOCUMENT_CHARS, STDIN, SUPPORTED_SUFFIXES, parse_date, read_documents

__all__ = ["MAX_DOCUMENT_CHARS", "STDIN", "SUPPORTED_SUFFIXES", "parse_date", "read_documents"]
