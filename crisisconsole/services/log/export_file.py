"""One log export to a file, as the log page asks for it: the entries its filter shows,
gathered (role check and audit record: ``gather_log``), written in the file's format with
``progress`` stepped between slices, and the file written whole only at the end (a cancel
leaves no file). The app runs it in a child process (crisisconsole/cli/import_child.py,
issue 19), or on its own worker where no child can be started."""

from __future__ import annotations

from pathlib import Path

from crisisconsole import safe_files
from crisisconsole.progress import Progress
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.log.export_data import gather_log
from crisisconsole.services.log.queries import LogFilter


def export_log_file(ctx: ServiceContext, crisis_id: str, log_filter: LogFilter | None,
                    path: Path, fmt: str, progress: Progress) -> int:
    """Write the export; returns the number of entries in it."""
    from crisisconsole.interchange.log_export import WRITERS, release

    data = gather_log(ctx, crisis_id, log_filter)
    content = WRITERS[fmt](data, progress.step)
    progress.step(progress.total, progress.total)  # a last chance to stop
    safe_files.write_bytes(path, content, overwrite=True)
    count = len(data["entries"])
    release(data["entries"])  # not one long free on return (log_export.release)
    return count


__all__ = ["export_log_file"]
