"""Help > Sneltoetsen: every shortcut of the window and its pages, grouped by page, read from
what is registered (ui/shortcut_inventory.py), never from a list kept by hand."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.ui.shortcut_inventory import WINDOW, RegisteredShortcut


class ShortcutsDialog(QDialog):
    def __init__(self, shortcuts: list[RegisteredShortcut], titles: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sneltoetsen"))
        intro = QLabel(self.tr("De toetsen van een pagina werken alleen als die pagina open "
                               "is; die onder 'Overal' werken op elke pagina."))
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Sneltoetsen"))
        self.tree.setHeaderLabels([self.tr("Toets"), self.tr("Wat")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        order = list(titles)
        for page in sorted({s.page for s in shortcuts},
                           key=lambda p: order.index(p) if p in order else len(order)):
            group = QTreeWidgetItem([titles.get(page, page)])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            rows = sorted(((s.native_keys(), s.description) for s in shortcuts if s.page == page),
                          key=lambda row: (row[1].casefold(), row[0]))
            for keys, description in dict.fromkeys(rows):  # one row per key and meaning
                group.addChild(QTreeWidgetItem([keys, description]))
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def rows(self) -> list[tuple[str, str, str]]:
        """(page title, key, description) as listed."""
        listed = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child in range(group.childCount()):
                item = group.child(child)
                listed.append((group.text(0), item.text(0), item.text(1)))
        return listed


__all__ = ["WINDOW", "ShortcutsDialog"]
