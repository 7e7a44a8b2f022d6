"""`crisisconsole import ...` and `export cap`: source intake from the command line (issue 7).

Every import prints its report on stdout: one line (or JSON object) per file with its status
(imported, refused or duplicate) and reason. The exit code follows the README's rule for
expected failures: when every file given was refused (one file, one spreadsheet, or a folder
of which nothing could be taken in), one line on stderr names the first and why, and the exit
code is 2; when at least one file was imported or already present, the exit code is 0 and the
refused ones are in the report. Bad arguments or an unknown crisis: one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from crisisconsole.cli.runtime import CommandRegistry, emit, json_flag, open_context
from crisisconsole.errors import CrisisConsoleError
from crisisconsole.i18n import tr


def _report_lines(items: list[Any]) -> str:
    lines = []
    for item in items:
        where = f"  -> {item.moved_to}" if item.moved_to else ""
        lines.append(f"{item.status:<9} {item.file}: {item.reason}{where}")
        lines += [f"          waarschuwing: {w}" for w in item.warnings]
        lines += [f"          rij {p.row}: {p.message}" for p in item.skipped_rows[:20]]
    return "\n".join(lines) or "geen bestanden"


def _exit_code(items: list[Any]) -> int:
    """0, or ImportRefused (exit 2) when every file was refused; the report is out already."""
    from crisisconsole.services.intake.values import REFUSED

    refused = [item for item in items if item.status == REFUSED]
    if not refused or len(refused) < len(items):
        return 0
    first = refused[0]
    reason = " ".join(first.reason.split())  # one line, whatever the file said
    if len(refused) == 1:
        raise ImportRefused(tr(f"{first.file} geweigerd: {reason}",
                               f"{first.file} refused: {reason}"))
    raise ImportRefused(tr(
        f"alle {len(refused)} bestanden geweigerd; de eerste, {first.file}: {reason}",
        f"all {len(refused)} files refused; the first, {first.file}: {reason}"))


class ImportRefused(CrisisConsoleError):
    """Nothing was imported because every file was refused (exit 2)."""


def cmd_import_cap(args: argparse.Namespace) -> int:
    from crisisconsole.services.intake.cap import import_cap_paths

    ctx = open_context(args)
    report = import_cap_paths(ctx, args.crisis, [Path(p).expanduser() for p in args.paths])
    items = list(report.items)
    emit(args, report.as_json(), _report_lines(items))
    return _exit_code(items)


def cmd_import_table(args: argparse.Namespace) -> int:
    from crisisconsole.interchange.table_import import parse_map_args
    from crisisconsole.services.intake.table import import_table, preview_table, read_table_path

    mapping = parse_map_args(args.map) if args.map else None
    path = Path(args.file).expanduser()
    ctx = open_context(args)
    if args.preview:
        from crisisconsole.services.foundation.crises import get_crisis

        get_crisis(ctx.store, args.crisis)
        preview = preview_table(read_table_path(path, args.sheet, args.header_row), path.name,
                                ctx.now(), mapping, default_source=args.source)
        sheets = (f"werkbladen: {', '.join(preview.sheets)} (gelezen: {preview.sheet})"
                  if preview.sheets else None)
        header = (f"kopregel: rij {preview.header_row}"
                  + (f"-{preview.header_row + 1}" if preview.header_rows == 2 else "")
                  + (f" (voorgesteld: rij {preview.proposed_header_row})"
                     if preview.proposed_header_row != preview.header_row else " (voorgesteld)"))
        human = "\n".join(
            ([sheets] if sheets else []) + [header, f"kolommen: {', '.join(preview.columns)}",
             "koppeling: " + ", ".join(f"{c}={f}" for c, f in preview.mapping.items()),
             preview.mapping_error or
             f"{preview.good_rows} van {preview.total_rows} rijen goed"]
            + [f"rij {e.row}: {e.message}" for e in preview.errors[:20]])
        emit(args, preview.as_json(), human)
        return 0
    item = import_table(ctx, args.crisis, path, mapping, on_error=args.on_error,
                        default_source=args.source, sheet=args.sheet,
                        header_row=args.header_row)
    emit(args, item.as_json(), _report_lines([item]))
    return _exit_code([item])


def cmd_import_inbox(args: argparse.Namespace) -> int:
    from crisisconsole.services.intake.inbox import process_inbox

    ctx = open_context(args)
    report = process_inbox(ctx, Path(args.folder).expanduser(), args.crisis,
                           settle_seconds=args.settle)
    items = list(report.items)
    emit(args, report.as_json(), _report_lines(items))
    return _exit_code(items)


def cmd_export_cap(args: argparse.Namespace) -> int:
    from crisisconsole.services.intake.cap_export import export_entry_cap_file

    ctx = open_context(args)
    out = export_entry_cap_file(ctx, args.entry, Path(args.out).expanduser())
    emit(args, {"entry": args.entry, "out": str(out), "format": "cap-1.2"},
         f"CAP 1.2-bericht geschreven naar {out}")
    return 0


def _group(sub: argparse._SubParsersAction, name: str, help_text: str) -> Any:
    """The sub-commands of `name`, shared with any other feature that also adds some."""
    existing = sub.choices.get(name)
    if existing is not None:
        for action in existing._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action
    return sub.add_parser(name, help=help_text).add_subparsers(
        dest=f"{name}_what", metavar="WHAT", required=True)


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _build(sub: argparse._SubParsersAction) -> None:
    imports = _group(sub, "import", "importeer CAP-berichten, spreadsheets of de inbox-map")
    p = imports.add_parser("cap", help="importeer CAP 1.1/1.2-bestanden of mappen")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    p.add_argument("--crisis", required=True)
    json_flag(p)
    p.set_defaults(handler=cmd_import_cap)

    p = imports.add_parser("table", help="importeer een .xlsx-, .csv- of .json-logboek")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--crisis", required=True)
    p.add_argument("--map", action="append", metavar="COLUMN=FIELD",
                   help="koppel een kolom aan een veld (occurred_at, source, person, text, "
                        "reliability, grade, location, discipline); Datum+Tijd=occurred_at "
                        "voegt een datum- en een tijdkolom samen; zonder --map: de "
                        "onthouden of voorgestelde koppeling")
    p.add_argument("--sheet", metavar="NAAM", help="het werkblad van een .xlsx (standaard: "
                   "het eerste)")
    p.add_argument("--header-row", type=int, metavar="N", help="de kopregel (1 = eerste rij "
                   "zoals de spreadsheet hem toont); standaard: de voorgestelde (--preview)")
    p.add_argument("--on-error", choices=["refuse", "skip"], default="refuse",
                   help="rijen met fouten: weiger het hele bestand (standaard) of sla ze over")
    p.add_argument("--source", help="bron voor rijen zonder bronkolom")
    p.add_argument("--preview", action="store_true", help="alleen tonen, niets importeren")
    json_flag(p)
    p.set_defaults(handler=cmd_import_table)

    p = imports.add_parser("inbox", help="verwerk de inbox-map één keer")
    p.add_argument("folder", metavar="FOLDER")
    p.add_argument("--crisis", required=True)
    p.add_argument("--settle", type=float, default=0.0, metavar="SECONDS",
                   help="sla bestanden over die korter dan zoveel seconden geleden zijn gewijzigd")
    json_flag(p)
    p.set_defaults(handler=cmd_import_inbox)

    exports = _group(sub, "export", "exporteer naar uitwisselformaten")
    p = exports.add_parser("cap", help="een melding als CAP 1.2-bericht (voor partners)")
    p.add_argument("entry", metavar="ENTRY")
    p.add_argument("--out", required=True, metavar="FILE")
    json_flag(p)
    p.set_defaults(handler=cmd_export_cap)
