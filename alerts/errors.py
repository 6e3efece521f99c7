"""The few exception types a user can see; the CLI turns each into a message and exit code."""

from __future__ import annotations

from dataclasses import dataclass


class AlertsError(Exception):
    """Base class: the message is a sentence a user can act on."""


@dataclass(frozen=True)
class Problem:
    """One problem in a user's file, located as precisely as we can."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class FileProblems(AlertsError):
    """One or more problems found in user-written files (config or rules), all reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ConfigError(FileProblems):
    pass


class RuleError(FileProblems):
    pass


class FeedError(AlertsError):
    """A feed could not be fetched or parsed; `kind` groups errors for feed health."""

    def __init__(self, message: str, kind: str = "error", *, status: int | None = None,
                 retry_after: str | None = None):
        self.kind = kind
        self.status = status  # the HTTP status, when the server answered with an error
        self.retry_after = retry_after  # its Retry-After header, as sent
        super().__init__(message)


class StateError(AlertsError):
    pass


class StateDamaged(StateError):
    """The state database fails SQLite's own checks: it is not used, so nothing more is lost."""

    def __init__(self, message: str, problems: list[str]):
        self.problems = problems
        super().__init__(message)


class NotifyError(AlertsError):
    pass
