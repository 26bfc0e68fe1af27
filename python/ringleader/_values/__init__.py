"""Values of real exports: text tables in any encoding, times, numbers.

The one place where text from an investigation's files becomes values, used
by :func:`ringleader.read_csv` (when the C++ reader cannot read the file as
it is), by :meth:`ringleader.Network.from_pandas` and, per table, by loaders
of several tables.  Every function names the place of a bad value through a
:class:`Where` (file, column and the line of each row), so its error is a
:class:`ringleader.ParseError` naming file, line and column, with what to do.

- :func:`read_text_table`: a delimited text file (gzip, any encoding, RFC 4180
  quoting) as a DataFrame of strings indexed by line number.
- :func:`parse_times`: ISO 8601, Unix seconds, day-first dates or an explicit
  ``time_format``; naive times local to ``tz``; int64 ns UTC.
- :func:`parse_numbers`: decimal point or decimal comma; float64.
- :func:`infer_column`: an attribute column of text typed as the C++ reader
  types it (number, time or string).

The rules are the same as the C++ reader's for what both read (ids, ISO 8601,
numbers), so the two give the same network for the same file.
"""
from .parse import infer_column, number_or_none, parse_numbers, parse_times
from .tables import check_regular, decode_text, read_bytes, read_text_table, where_of
from .where import Where, check_options, delimiter_hint, parse_error, zone

__all__ = ["Where", "parse_error", "check_options", "delimiter_hint", "zone", "read_bytes", "check_regular", "decode_text", "read_text_table",
           "where_of", "parse_times", "parse_numbers", "number_or_none", "infer_column"]
