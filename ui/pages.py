"""The pages of the left navigation. A feature replaces the honest empty state of its page by
providing crisisconsole/ui/views/<key>_page.py with make_page(window)."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from crisisconsole.ui.widgets.empty_state import EmptyState


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    empty_title: str
    empty_body: str
    roles: tuple[str, ...] = ("aide", "team", "mayor", "viewer")
    shortcut: str = ""


def page_specs() -> list[PageSpec]:
    return [
        PageSpec("log", QCoreApplication.translate("pages", "Logboek"), QCoreApplication.translate("pages", "Logboek"),
                 QCoreApplication.translate("pages", "Hier komt het live logboek: elke melding met bron, betrouwbaarheid en "
                    "leeftijd. Nog niet beschikbaar in deze versie."), shortcut="Ctrl+1"),
        PageSpec("picture", QCoreApplication.translate("pages", "Totaalbeeld"), QCoreApplication.translate("pages", "Totaalbeeld"),
                 QCoreApplication.translate("pages", "Hier komt het totaalbeeld in BOB-volgorde, met de briefingmodus voor de "
                    "burgemeester. Nog niet beschikbaar in deze versie."), shortcut="Ctrl+2"),
        PageSpec("measures", QCoreApplication.translate("pages", "Maatregelen"), QCoreApplication.translate("pages", "Maatregelen"),
                 QCoreApplication.translate("pages", "Hier komen noodverordeningen en noodbevelen met hun termijnen en "
                    "herinneringen. Nog niet beschikbaar in deze versie."), shortcut="Ctrl+3"),
        PageSpec("cards", QCoreApplication.translate("pages", "Personen"), QCoreApplication.translate("pages", "Persoonskaarten"),
                 QCoreApplication.translate("pages", "Hier komen de persoonskaarten (need to know). Nog niet beschikbaar in "
                    "deze versie."), roles=("aide", "mayor"), shortcut="Ctrl+4"),
        PageSpec("decisions", QCoreApplication.translate("pages", "Besluiten & acties"), QCoreApplication.translate("pages", "Besluiten & acties"),
                 QCoreApplication.translate("pages", "Hier komen besluiten met hun onderbouwing en acties met actiehouder en "
                    "termijn. Nog niet beschikbaar in deze versie."), shortcut="Ctrl+5"),
        PageSpec("intake", QCoreApplication.translate("pages", "Bronnen/Import"), QCoreApplication.translate("pages", "Bronnen en import"),
                 QCoreApplication.translate("pages", "Hier komt de invoer van CAP-berichten, spreadsheets en de inbox-map. "
                    "Nog niet beschikbaar in deze versie."), shortcut="Ctrl+6"),
    ]


def make_page(spec: PageSpec, window: object) -> QWidget:
    """The feature's page from crisisconsole/ui/views/<key>_page.py (`make_page(window)`), or an
    honest empty state while that feature is not built."""
    name = f"crisisconsole.ui.views.{spec.key}_page"
    if importlib.util.find_spec(name) is None:
        return EmptyState(spec.empty_title, spec.empty_body)
    return importlib.import_module(name).make_page(window)
