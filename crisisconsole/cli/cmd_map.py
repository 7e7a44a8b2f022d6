"""The map on the command line (issue 18): the gazetteer (`place add/import/list/export/alias/
correct/remove`), `map render` (a PNG, headless) and `map area` (a measure's area).

Places belong to a municipality: `--municipality M`, else that of `--crisis ID`, else of the
newest crisis. Warnings about a position (latitude and longitude swapped, far from the other
places) go to stderr, one line each (with --json also under "warnings"); the place is kept.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from crisisconsole.cli.runtime import CommandRegistry, emit, json_flag, open_context, open_store
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr


def _municipality(args: argparse.Namespace, store: Any) -> str:
    from crisisconsole.services.places.gazetteer import municipality_of

    if getattr(args, "municipality", None):
        return args.municipality
    return municipality_of(store, getattr(args, "crisis", None))


def _warn(lines: Any) -> None:
    for line in lines:
        print(tr(f"waarschuwing: {line}", f"warning: {line}"), file=sys.stderr)


def _geometry(args: argparse.Namespace) -> Any:
    from crisisconsole.interchange.coordinates import latlon, rd_to_wgs84

    has_wgs = args.lat is not None or args.lon is not None
    has_rd = args.rd_x is not None or args.rd_y is not None
    if has_wgs == has_rd:
        raise ValidationError(tr("geef --lat en --lon, of --rd-x en --rd-y",
                                 "give --lat and --lon, or --rd-x and --rd-y"))
    if has_wgs:
        if args.lat is None or args.lon is None:
            raise ValidationError(tr("geef --lat én --lon", "give both --lat and --lon"))
        return latlon(args.lat, args.lon)
    if args.rd_x is None or args.rd_y is None:
        raise ValidationError(tr("geef --rd-x én --rd-y", "give both --rd-x and --rd-y"))
    return rd_to_wgs84(args.rd_x, args.rd_y)


def _read(path: str) -> bytes:
    try:
        return Path(path).expanduser().read_bytes()
    except OSError as error:
        raise ValidationError(tr(f"{path}: niet te lezen ({error.strerror})",
                                 f"{path}: cannot be read ({error.strerror})")) from None


def cmd_place_add(args: argparse.Namespace) -> int:
    from crisisconsole.services.places.gazetteer import add_place

    geometry = _geometry(args)
    ctx = open_context(args)
    record = add_place(ctx, _municipality(args, ctx.store), args.name, geometry,
                       args.alias or (), origin="cli")
    _warn(record.warnings)
    point = record.place.position
    emit(args, record.as_json(), f"{record.place.name}: {point.lat:.6f}, {point.lon:.6f}")
    return 0


def cmd_place_import(args: argparse.Namespace) -> int:
    from crisisconsole.services.places.gazetteer import import_places

    data = _read(args.file)
    ctx = open_context(args)
    result = import_places(ctx, _municipality(args, ctx.store), data, Path(args.file).name)
    _warn(result.warnings)
    emit(args, result.as_json(), tr(f"{len(result.added)} plaatsen geïmporteerd",
                                    f"{len(result.added)} places imported"))
    return 0


def cmd_place_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.places.gazetteer import list_places

    store = open_store(args)
    municipality = _municipality(args, store)
    records = list_places(store, municipality)
    lines = [f"{r.place.name}\t{r.place.position.lat:.6f}, {r.place.position.lon:.6f}"
             + (f"\t({', '.join(r.place.aliases)})" if r.place.aliases else "")
             for r in records]
    emit(args, {"municipality": municipality, "places": [r.as_json() for r in records]},
         "\n".join(lines) if lines else tr("geen plaatsen", "no places"))
    return 0


def cmd_place_export(args: argparse.Namespace) -> int:
    from crisisconsole import safe_files
    from crisisconsole.services.places.gazetteer import export_places

    fmt = args.format or ("geojson" if args.out.lower().endswith((".geojson", ".json"))
                          else "csv")
    store = open_store(args)
    data = export_places(store, _municipality(args, store), fmt)
    safe_files.write_bytes(Path(args.out).expanduser(), data)
    emit(args, {"out": args.out, "format": fmt}, tr(f"geschreven: {args.out}",
                                                    f"written: {args.out}"))
    return 0


def cmd_place_alias(args: argparse.Namespace) -> int:
    from crisisconsole.services.places.gazetteer import add_alias

    ctx = open_context(args)
    record = add_alias(ctx, _municipality(args, ctx.store), args.name, args.alias)
    emit(args, record.as_json() if record else {}, f"{args.name}: {', '.join(args.alias)}")
    return 0


def cmd_place_correct(args: argparse.Namespace) -> int:
    from crisisconsole.services.places.gazetteer import correct_place

    geometry = None
    if any(v is not None for v in (args.lat, args.lon, args.rd_x, args.rd_y)):
        geometry = _geometry(args)
    ctx = open_context(args)
    record = correct_place(ctx, _municipality(args, ctx.store), args.name, reason=args.reason,
                           new_name=args.new_name, geometry=geometry, aliases=args.alias)
    if record is not None:
        _warn(record.warnings)
    emit(args, record.as_json() if record else {}, tr("gecorrigeerd", "corrected"))
    return 0


def cmd_place_remove(args: argparse.Namespace) -> int:
    from crisisconsole.services.places.gazetteer import remove_place

    ctx = open_context(args)
    remove_place(ctx, _municipality(args, ctx.store), args.name, reason=args.reason)
    emit(args, {"removed": args.name}, tr(f"verwijderd: {args.name}", f"removed: {args.name}"))
    return 0


def cmd_map_render(args: argparse.Namespace) -> int:
    from crisisconsole.services.map.render import render_crisis

    if args.hours is not None and not 0 < args.hours <= 24 * 365:
        raise ValidationError(tr("--hours ligt tussen 0 en 8760", "--hours lies between 0 and 8760"))
    data = render_crisis(open_context(args), args.crisis, args.out, hours=args.hours,
                         tiles=args.tiles, width=args.width, height=args.height)
    if data["tiles_problem"]:
        _warn([data["tiles_problem"]])
    emit(args, data, tr(f"kaart geschreven: {data['out']}", f"map written: {data['out']}"))
    return 0


def cmd_map_area(args: argparse.Namespace) -> int:
    from crisisconsole.services.map import measure_areas

    given = [v for v in (args.geojson, args.place, args.cap) if v is not None]
    if len(given) != 1:
        raise ValidationError(tr("geef één van --geojson, --place of --cap",
                                 "give one of --geojson, --place or --cap"))
    ctx = open_context(args)
    if args.geojson is not None:
        area = measure_areas.area_from_file(ctx, args.measure, _read(args.geojson),
                                            Path(args.geojson).name)
    elif args.place is not None:
        area = measure_areas.area_from_place(ctx, args.measure, args.place)
    else:
        area = measure_areas.area_from_cap(ctx, args.measure, args.cap or None)
    emit(args, area.as_json(), tr(f"gebied vastgelegd ({area.source})",
                                  f"area recorded ({area.source})"))
    return 0


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _where(p: argparse.ArgumentParser) -> None:
    p.add_argument("--municipality", help="gemeente (standaard die van --crisis of de nieuwste)")
    p.add_argument("--crisis", help="neem de gemeente van deze crisis")
    json_flag(p)


def _position(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lat", type=float, help="breedtegraad (WGS84)")
    p.add_argument("--lon", type=float, help="lengtegraad (WGS84)")
    p.add_argument("--rd-x", dest="rd_x", type=float, help="RD New x in meter (EPSG:28992)")
    p.add_argument("--rd-y", dest="rd_y", type=float, help="RD New y in meter")


def _build(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("place", help="plaatsen van de gemeente (gazetteer)").add_subparsers(
        dest="sub", metavar="SUB", required=True)
    p = group.add_parser("add", help="leg een plaats vast")
    p.add_argument("--name", required=True)
    _position(p)
    p.add_argument("--alias", action="append", help="andere naam (mag vaker)")
    _where(p)
    p.set_defaults(handler=cmd_place_add)
    p = group.add_parser("import", help="importeer plaatsen uit CSV, XLSX of GeoJSON")
    p.add_argument("file")
    _where(p)
    p.set_defaults(handler=cmd_place_import)
    p = group.add_parser("list", help="toon de plaatsen")
    _where(p)
    p.set_defaults(handler=cmd_place_list)
    p = group.add_parser("export", help="exporteer de plaatsen (CSV of GeoJSON)")
    p.add_argument("--out", required=True)
    p.add_argument("--format", choices=("csv", "geojson"))
    _where(p)
    p.set_defaults(handler=cmd_place_export)
    p = group.add_parser("alias", help="geef een plaats een andere naam erbij")
    p.add_argument("--name", required=True)
    p.add_argument("--alias", action="append", required=True)
    _where(p)
    p.set_defaults(handler=cmd_place_alias)
    p = group.add_parser("correct", help="corrigeer een plaats (nieuw feit, met reden)")
    p.add_argument("--name", required=True)
    p.add_argument("--new-name", dest="new_name")
    _position(p)
    p.add_argument("--alias", action="append", help="vervangt de aliassen")
    p.add_argument("--reason", required=True)
    _where(p)
    p.set_defaults(handler=cmd_place_correct)
    p = group.add_parser("remove", help="verwijder een plaats (nieuw feit, met reden)")
    p.add_argument("--name", required=True)
    p.add_argument("--reason", required=True)
    _where(p)
    p.set_defaults(handler=cmd_place_remove)

    group = sub.add_parser("map", help="de kaart (offline)").add_subparsers(
        dest="sub", metavar="SUB", required=True)
    p = group.add_parser("render", help="teken de kaart van een crisis als PNG")
    p.add_argument("--crisis", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--hours", type=float, help="alleen de laatste N uur")
    p.add_argument("--tiles", help="MBTiles- of PMTiles-bestand")
    p.add_argument("--width", type=int, default=1280, choices=range(64, 4097), metavar="PX")
    p.add_argument("--height", type=int, default=720, choices=range(64, 4097), metavar="PX")
    json_flag(p)
    p.set_defaults(handler=cmd_map_render)
    p = group.add_parser("area", help="leg het gebied van een maatregel vast")
    p.add_argument("--measure", required=True)
    p.add_argument("--geojson", help="GeoJSON-bestand met één vlak")
    p.add_argument("--place", help="neem het gebied van deze plaats")
    p.add_argument("--cap", nargs="?", const="", help="neem het CAP-gebied (id; leeg: het enige)")
    json_flag(p)
    p.set_defaults(handler=cmd_map_area)
