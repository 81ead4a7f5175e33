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


def confidence_arg(value: str) -> float:
    """argparse type for a confidence between 0 and 1."""
    try:
        number = float(value)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from problem
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"a confidence is between 0 and 1, not {value}")
    return number


def error(message: str) -> None:
    print(f"hadath: error: {message}", file=sys.stderr)
