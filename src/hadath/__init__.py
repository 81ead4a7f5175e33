"""Hadath: Arabic political event data from text."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hadath")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
