"""The exceptions of hanke.

Every exception carries the core's stable ``code`` (e.g. ``"money.sub_cent"``) and
the core's message. Errors about bad input also subclass :class:`ValueError`, so
``except ValueError`` keeps working in code that does not know hanke.

>>> import hanke
>>> try:
...     hanke.Money("1.505")
... except hanke.ValidationError as e:
...     e.code
'money.sub_cent'
"""

from __future__ import annotations

__all__ = [
    "HankeError",
    "ValidationError",
    "JsonError",
    "CsvImportError",
    "IndicatorError",
    "HankeIOError",
]


class HankeError(Exception):
    """Base class of every error hanke raises.

    >>> issubclass(ValidationError, HankeError)
    True
    """

    code: str

    def __init__(self, message: str, code: str = "hanke.error") -> None:
        super().__init__(message)
        self.code = code


class ValidationError(HankeError, ValueError):
    """A value that cannot be read: money, a rate, a business ID, an identity code,
    a date or a code. Never echoes a full identity code.

    >>> issubclass(ValidationError, ValueError)
    True
    """


class JsonError(ValidationError):
    """JSON that is not a valid project, activity log or other hanke document;
    the message names the field path, line and column.

    >>> issubclass(JsonError, ValidationError)
    True
    """


class CsvImportError(HankeError):
    """A CSV file that cannot be read at all (its header would lose data, or it is
    empty). Rows that cannot be read are not errors: they are rejected and listed in
    the import report.

    >>> issubclass(CsvImportError, HankeError)
    True
    """


class IndicatorError(HankeError):
    """Indicator sets that cannot be combined (other catalogue, rules or cut-off).

    >>> issubclass(IndicatorError, HankeError)
    True
    """


class HankeIOError(HankeError, OSError):
    """A file that cannot be opened or read.

    >>> issubclass(HankeIOError, OSError)
    True
    """
