"""The window's toolbar: the buttons of tms_info.ui.actions.TOOLBAR, then the search box, the clinic's
name if it has one, and Help now at the end, coloured so that a person in crisis finds it."""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QToolBar, QToolButton, QWidget

from tms_info.content.style import Theme
from tms_info.ui.actions import SEPARATOR, TOOLBAR
from tms_info.ui.clinic_name import ClinicName
from tms_info.ui.texts import translate
from tms_info.ui.theme import HELP_NOW_STYLES
from tms_info.ui.window_text_size import steady_width


class WindowToolbar(QToolBar):
    def __init__(self, actions: Mapping[str, QAction], search: QWidget, clinic_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("MainWindow", "Navigation"), parent)
        self.setObjectName("mainToolbar")
        self.setAccessibleName(translate("MainWindow", "Navigation"))
        self.setMovable(False)
        self.setIconSize(QSize(20, 20))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for entry in TOOLBAR:
            if entry == SEPARATOR:
                self.addSeparator()
            else:
                self.addAction(actions[entry])
                self.widgetForAction(actions[entry]).setAccessibleName(actions[entry].text().replace("&", ""))
        self.addWidget(search)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.clinic_label = ClinicName(clinic_name) if clinic_name else None
        if self.clinic_label is not None:  # the title bar that names the clinic too is not seen in a kiosk
            self.addWidget(self.clinic_label)
        help_now = actions["help_now"]
        self.addAction(help_now)
        self.help_button = self.widgetForAction(help_now)
        self.help_button.setObjectName("helpNowButton")
        self.help_button.setAccessibleName(help_now.text())
        self.help_button.setAccessibleDescription(help_now.toolTip())
        self._save_button = self.widgetForAction(actions["save"])
        extension = self.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None:
            extension.setAccessibleName(translate("MainWindow", "More buttons"))

    def set_look(self, theme: Theme) -> None:
        """Help now in the theme's crisis colours; Save as wide as its widest words ("Save", "Saved"),
        so the buttons after it do not move when a page is saved."""
        self.help_button.setStyleSheet(f"QToolButton#helpNowButton {{ {HELP_NOW_STYLES[theme.name]}"
                                       " border-radius: 4px; padding: 4px 12px; font-weight: bold; }")
        steady_width(self._save_button, (translate("MainWindow", "Save"), translate("MainWindow", "Saved")))
