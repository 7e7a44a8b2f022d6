"""The pages of the left navigation, in one explicit tuple: each with its title, the roles that
see it, its shortcut and the factory that builds it.

A factory imports its page when it is called, not when this module is: the window paints
before the database opens, and a page's module pulls in the services (SQLAlchemy, SQLCipher).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

ALL_ROLES = ("aide", "team", "mayor", "viewer")


def _log_page(window: object) -> QWidget:
    from crisisconsole.ui.views.log_page import make_page

    return make_page(window)


def _picture_page(window: object) -> QWidget:
    from crisisconsole.ui.views.picture_page import make_page

    return make_page(window)


def _measures_page(window: object) -> QWidget:
    from crisisconsole.ui.views.measures_page import make_page

    return make_page(window)


def _cards_page(window: object) -> QWidget:
    from crisisconsole.ui.views.cards_page import make_page

    return make_page(window)


def _decisions_page(window: object) -> QWidget:
    from crisisconsole.ui.views.decisions_page import make_page

    return make_page(window)


def _intake_page(window: object) -> QWidget:
    from crisisconsole.ui.views.intake_page import make_page

    return make_page(window)


def _map_page(window: object) -> QWidget:
    from crisisconsole.ui.views.map_page import make_page

    return make_page(window)


def _requests_page(window: object) -> QWidget:
    from crisisconsole.ui.views.requests_page import make_page

    return make_page(window)


def _timeline_page(window: object) -> QWidget:
    from crisisconsole.ui.views.timeline_page import make_page

    return make_page(window)


def _evaluation_page(window: object) -> QWidget:
    from crisisconsole.ui.views.evaluation_page import make_page

    return make_page(window)


def _network_page(window: object) -> QWidget:
    from crisisconsole.ui.views.network_page import make_page

    return make_page(window)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    factory: Callable[[object], QWidget]
    roles: tuple[str, ...] = ALL_ROLES
    shortcut: str = ""


def page_specs() -> tuple[PageSpec, ...]:
    """Every page, in navigation order (titles in the UI language, so made once the app runs)."""
    translate = QCoreApplication.translate
    return (
        PageSpec("log", translate("pages", "Logboek"), _log_page, shortcut="Ctrl+1"),
        PageSpec("picture", translate("pages", "Totaalbeeld"), _picture_page, shortcut="Ctrl+2"),
        PageSpec("measures", translate("pages", "Maatregelen"), _measures_page, shortcut="Ctrl+3"),
        PageSpec("cards", translate("pages", "Personen"), _cards_page, roles=("aide", "mayor"),
                 shortcut="Ctrl+4"),
        PageSpec("decisions", translate("pages", "Besluiten & acties"), _decisions_page, shortcut="Ctrl+5"),
        PageSpec("intake", translate("pages", "Bronnen/Import"), _intake_page, shortcut="Ctrl+6"),
        PageSpec("map", translate("pages", "Kaart"), _map_page, shortcut="Ctrl+7"),
        PageSpec("requests", translate("pages", "Uitvragen"), _requests_page, shortcut="Ctrl+8"),
        PageSpec("network", translate("pages", "Partners & rooster"), _network_page,
                 shortcut="Ctrl+9"),
        # No window-wide Ctrl+0: the Kaart uses it for "show everything".
        PageSpec("timeline", translate("pages", "Tijdlijn"), _timeline_page),
        PageSpec("evaluation", translate("pages", "Evaluatie"), _evaluation_page),
    )
