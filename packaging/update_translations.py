"""Refresh resources/translations/crisisconsole_en.ts from the sources and fill in English
text from glossary_en*.json (Dutch source -> English). Run after adding UI strings:

    python packaging/update_translations.py

Strings missing from the glossary are listed so they can be added."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "resources" / "translations" / "crisisconsole_en.ts"
GLOSSARIES = sorted((REPO / "resources" / "translations").glob("glossary_en*.json"))


def main() -> int:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (REPO / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(TS), "-no-obsolete", "-silent"],
                   check=True)
    glossary: dict[str, str] = {}
    for path in GLOSSARIES:  # glossary_en.json plus one per feature (glossary_en_<feature>.json)
        glossary.update(json.loads(path.read_text(encoding="utf-8")))
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        english = glossary.get(source)
        if english is None:
            missing.append(source)
            continue
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = english
        else:
            translation.text = english
        translation.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"no English for: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
