"""Progress of a long step: a rich bar in a terminal, a plain line every few seconds otherwise
(CI logs, a pipe, a Prefect worker's output). Always on stderr, so stdout stays the result."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

PLAIN_EVERY_SECONDS = 2.0


class Progress:
    """Counts done out of a total for one step, shown as it goes."""

    def __init__(self, label: str, total: int, unit: str, stream: IO[str]) -> None:
        self.label, self.total, self.unit, self.stream = label, total, unit, stream
        self.done = 0
        self.started = time.monotonic()
        self._shown_at = self.started
        self._bar: Any = None
        self._task: Any = None

    def advance(self, done: int | None = None, note: str = "") -> None:
        """Move to `done` (default: one more) and show it when it is time."""
        self.done = self.done + 1 if done is None else done
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, note=note)
            return
        now = time.monotonic()
        if now - self._shown_at >= PLAIN_EVERY_SECONDS or self.done == self.total:
            self._shown_at = now
            print(f"{self.label}: {self.line()}{f' ({note})' if note else ''}", file=self.stream, flush=True)

    def line(self) -> str:
        """'done/total unit, rate/s, ETA' as plain text."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        text = f"{self.done}/{self.total} {self.unit}, {rate:.1f} {self.unit}/s"
        if 0 < self.done < self.total and rate > 0:
            text += f", about {(self.total - self.done) / rate:.0f} s to go"
        return text


@contextmanager
def progress(
    label: str, total: int, unit: str, *, stream: IO[str] | None = None, elapsed: float = 0.0
) -> Iterator[Progress]:
    """A Progress for `total` items, begun `elapsed` seconds ago; a live bar when the stream is a terminal."""
    stream = stream or sys.stderr
    shown = Progress(label, total, unit, stream)
    shown.started -= elapsed
    if not _is_terminal(stream) or total <= 0:
        yield shown
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed:.1f} {unit}/s" if task.speed else "", style="cyan")

    columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
               Rate(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
               TextColumn("{task.fields[note]}")]
    with Bar(*columns, console=Console(file=stream), transient=True) as bar:
        shown._bar, shown._task = bar, bar.add_task(label, total=total, note="")
        yield shown


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
