"""The errors newscorpus raises on purpose.

Every error a user can cause (a bad file, a bad option, a broken plugin) is one of these,
and its message says where (file, line or record) and what to try. Anything else that
escapes is a bug in newscorpus or a plugin.
"""

from __future__ import annotations

__all__ = [
    "ExportError",
    "InputError",
    "NewscorpusError",
    "PluginConflictError",
    "PluginError",
    "UsageError",
]


class NewscorpusError(Exception):
    """Base class of every error newscorpus raises on purpose."""


class UsageError(NewscorpusError):
    """A bad option or argument: a name that does not exist, a missing value."""


class InputError(NewscorpusError):
    """An input that cannot be read or parsed.

    ``where`` names the file and, when known, the line or record; ``hint`` says what to
    try. ``str(error)`` puts the three together for a one-line report.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        record: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.record = record
        self.hint = hint
        super().__init__(str(self))

    @property
    def where(self) -> str:
        parts = [self.path or "<input>"]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.record is not None:
            parts.append(f"record {self.record!r}")
        return ":".join(parts[:2]) + (f" ({parts[2]})" if len(parts) > 2 else "")

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments need help to cross a process boundary (--jobs).
        return (_rebuild_input_error, (self.message, self.path, self.line, self.record, self.hint))


def _rebuild_input_error(
    message: str, path: str | None, line: int | None, record: str | None, hint: str | None
) -> InputError:
    return InputError(message, path=path, line=line, record=record, hint=hint)


class ExportError(NewscorpusError):
    """An output that cannot be written (unknown format, unwritable path)."""


class PluginError(NewscorpusError):
    """A plugin that misbehaves: raises, or returns something that is not a spec."""


class PluginConflictError(PluginError):
    """Two plugins claim the same name for a parser, extractor, exporter or command."""
