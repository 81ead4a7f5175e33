"""Helpers shared by the command modules: argument types and error messages."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from hadath.io.readers import parse_date


def date_arg(value: str) -> date:
    """argparse type for ``YYYY-MM-DD`` (or an ISO datetime, of which the date is kept)."""
    try:
        return parse_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def error(message: str) -> None:
    print(f"hadath: error: {message}", file=sys.stderr)
