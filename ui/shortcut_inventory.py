"""Every keyboard shortcut that is registered on the main window and its pages, read from the
widgets themselves: the window's menu actions and QShortcuts, each page's QShortcuts, QActions
and button shortcuts. The Help menu's list of shortcuts is made from this, so it cannot go
stale; the test of clashes uses it too (one key, two meanings on the same page fires neither:
Qt's "Ambiguous shortcut overload").

A shortcut of a page is live only while that page is shown (Qt ignores the shortcuts of hidden
widgets), so a key may mean one thing on one page and another on the next; it must never mean
two things on one page, nor on a page and in the window's menus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMenu, QWidget

WINDOW = ""  # the page key of shortcuts that work on every page


@dataclass(frozen=True)
class RegisteredShortcut:
    page: str  # a page key, or WINDOW
    keys: str  # portable text, e.g. "Ctrl+Shift+B"
    description: str
    owner: QObject  # the QAction, QShortcut or button
    scope: QWidget | None  # for a widget-scoped shortcut, the widget it needs focus in
    children_too: bool  # the scope includes the scope widget's children

    def native_keys(self) -> str:
        return QKeySequence(self.keys).toString(QKeySequence.SequenceFormat.NativeText)


def _clean(text: str) -> str:
    """A button or menu text as read: without its mnemonic ampersand or a key in brackets."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    if text.endswith(")") and "(" in text:
        text = text[:text.rfind("(")].strip()
    return text


def _page_of(widget: QWidget | None, pages: dict[QWidget, str]) -> str | None:
    """The key of the page holding `widget`; WINDOW for the window's own parts."""
    while widget is not None:
        if widget in pages:
            return pages[widget]
        widget = widget.parentWidget()
    return WINDOW


def _keys(sequence: QKeySequence) -> list[str]:
    text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    return [text] if text else []


def collect(window) -> list[RegisteredShortcut]:  # noqa: ANN001 - MainWindow
    """What is registered now: build the pages first (``window.page(key)``) to see them all."""
    pages = {page: key for key, page in dict.items(window.pages)}
    found: list[RegisteredShortcut] = []
    seen: set[int] = set()

    def add(owner: QObject, host: QWidget | None, keys: list[str], description: str,
            context: Qt.ShortcutContext) -> None:
        if id(owner) in seen or not keys:
            return
        seen.add(id(owner))
        page = _page_of(host, pages)
        widget_scoped = context in (Qt.ShortcutContext.WidgetShortcut,
                                    Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for key in keys:
            found.append(RegisteredShortcut(
                page, key, description, owner, host if widget_scoped else None,
                context == Qt.ShortcutContext.WidgetWithChildrenShortcut))

    for action in window.findChildren(QAction):
        hosts = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        host = next((w for w in hosts if not isinstance(w, QMenu)), None)
        if host is None:  # a menu's action: the window's (or the page owning the menu)
            parent = action.parent()
            host = parent if isinstance(parent, QWidget) else window
            if isinstance(host, QMenu) and host.parentWidget() is not None:
                host = host.parentWidget()
        keys = [k for s in action.shortcuts() for k in _keys(s)]
        add(action, host, keys, _clean(action.text()), action.shortcutContext())
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.isEnabled():
            continue
        host = shortcut.parent() if isinstance(shortcut.parent(), QWidget) else window
        add(shortcut, host, _keys(shortcut.key()), shortcut.whatsThis().strip(),
            shortcut.context())
    for button in window.findChildren(QAbstractButton):
        keys = _keys(button.shortcut())
        if not keys or button.isWindow():
            continue
        description = (_clean(button.text()) or button.accessibleName()
                       or _clean(button.toolTip()))
        add(button, button, keys, description, Qt.ShortcutContext.WindowShortcut)
    return found


def page_titles(window) -> dict[str, str]:  # noqa: ANN001 - MainWindow
    titles = {WINDOW: QCoreApplication.translate("ShortcutInventory", "Overal")}
    titles.update({spec.key: spec.title for spec in window.specs})
    return titles


def can_clash(a: RegisteredShortcut, b: RegisteredShortcut) -> bool:
    """Two shortcuts with the same key that can be live at the same moment."""
    if a.keys != b.keys or a.owner is b.owner:
        return False
    if WINDOW not in (a.page, b.page) and a.page != b.page:
        return False  # two pages: never shown together
    if a.scope is None or b.scope is None:
        return True  # a window-wide one is live wherever the focus is
    return (a.scope is b.scope
            or (a.children_too and a.scope.isAncestorOf(b.scope))
            or (b.children_too and b.scope.isAncestorOf(a.scope)))


def clashes(shortcuts: list[RegisteredShortcut]) -> list[tuple[RegisteredShortcut,
                                                                RegisteredShortcut]]:
    found = []
    for index, first in enumerate(shortcuts):
        for second in shortcuts[index + 1:]:
            if can_clash(first, second):
                found.append((first, second))
    return found
