"""Errors that reach the user as one line and exit code 2."""


class ImyaError(ValueError):
    """Bad input or bad data: the message is shown to the user as it is."""


class DataError(ImyaError):
    """A malformed data file; the message starts with file:line."""
