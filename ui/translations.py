"""Dutch is the source language of every string, so Dutch needs no file. English comes from
resources/translations/crisisconsole_en.ts, compiled to .qm by the install or, failing that, at
start into the cache folder with the lrelease that ships with PySide6.

Qt's own texts (OK/Cancel/Save, the file dialog, context menus) are English in Qt's source, so
Dutch needs Qt's qtbase_nl.qm, shipped by PySide6 in its translations folder:
``install_translations`` installs both for the chosen language, one language at a time."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from crisisconsole import safe_files
from crisisconsole.paths import cache_dir
from crisisconsole.resources_access import resource_bytes, resource_path


def compiled_qm(language: str) -> Path | None:
    name = f"crisisconsole_{language}"
    shipped = resource_path("translations", f"{name}.qm")
    if shipped.is_file():
        return Path(str(shipped))
    try:
        source = resource_bytes("translations", f"{name}.ts")
    except FileNotFoundError:
        return None
    digest = hashlib.sha256(source).hexdigest()[:16]
    target = cache_dir() / "translations" / f"{name}-{digest}.qm"
    if target.is_file():
        return target
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    if not lrelease.exists():
        return None
    ts_copy = safe_files.write_bytes(target.with_suffix(".ts"), source)

    def compile_into(temp: Path) -> None:
        subprocess.run([str(lrelease), "-silent", str(ts_copy), "-qm", str(temp)], check=True,
                       capture_output=True)

    safe_files.write_with(target, compile_into)
    return target if target.is_file() else None


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    if language.startswith("nl"):
        return None
    path = compiled_qm(language[:2])
    if path is None:
        return None
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        return translator
    return None


def install_qt_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Qt's own strings in ``language`` (qtbase_nl for Dutch; English is Qt's source)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language[:2]}", folder):
        app.installTranslator(translator)
        return translator
    return None


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """The app's strings and Qt's own in one language; remove them with
    ``remove_translations``."""
    found = [install_qt_translator(app, language), install_translator(app, language)]
    return [translator for translator in found if translator is not None]


def remove_translations(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
