"""Paper: printing a page as a handout and saving it as a PDF, with their dialogs and their errors.

The handout itself is made by tms_info.handouts; this module asks the reader where it goes and says
what happened. Qt's print support is loaded only when someone first prints, so start-up stays light.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tms_info.config import Config
from tms_info.content.model import Page
from tms_info.content.render import Renderer
from tms_info.ui.texts import count_pages, translate


NOTHING_TO_PRINT = QT_TRANSLATE_NOOP("MainWindow", "There is nothing to print on this page.")


def print_page(parent: QWidget, renderer: Renderer, page: Page | None, ticked: frozenset[int], config: Config,
               to_file: bool = True) -> str | None:
    """Prints `page` after the print dialog: what to tell the reader, or None if they cancelled (with
    no page, one that was not found: that there is nothing to print). Without `to_file` (a kiosk), it
    prints on paper only and never writes or browses files."""
    if page is None:  # a page that was not found
        return translate("MainWindow", NOTHING_TO_PRINT)
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from tms_info import handouts

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setDocName(page.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("MainWindow", "Print “{title}”").format(title=page.title))
    if not to_file:
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    if not to_file:
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    try:
        document = handouts.handout_document(renderer, page, ticked, config.clinic_name, config.clinic_phone)
        handouts.paint_pages(document, printer, handouts.footer_text(page, config.clinic_name), keep_paper=True)
    except handouts.HandoutError as error:
        QMessageBox.warning(parent, translate("MainWindow", "Could not print"),
                            translate("MainWindow", "The page could not be printed: {reason}.").format(reason=error))
        return None
    return translate("MainWindow", "Sent “{title}” to the printer.").format(title=page.title)


def save_pdf(parent: QWidget, renderer: Renderer, page: Page | None, ticked: frozenset[int], config: Config,
             target: str | None = None) -> str | None:
    """Saves `page` as a PDF handout at `target`, asked for in a dialog when None: what to tell
    the reader, or None if they cancelled or it failed (a failure is explained in a message box; with
    no page, one that was not found: that there is nothing to print)."""
    if page is None:
        return translate("MainWindow", NOTHING_TO_PRINT)
    if target is None:
        dialog = QFileDialog(parent, translate("MainWindow", "Save this page as a PDF"),
                             str(Path.home() / (page.id.replace("/", "-") + ".pdf")),
                             translate("MainWindow", "PDF files (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")  # so the dialog asks before replacing the file really written
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        target = dialog.selectedFiles()[0]
    from tms_info import handouts

    try:
        pages = handouts.write_pdf(renderer, page, Path(target), ticked, config.clinic_name, config.clinic_phone)
    except handouts.HandoutError as error:
        QMessageBox.warning(parent, translate("MainWindow", "Could not save the PDF"),
                            translate("MainWindow", "The PDF was not saved: {reason}. Nothing was changed. "
                                      "Try another folder.").format(reason=error))
        return None
    return translate("MainWindow", "Saved {file} ({pages}).").format(file=target, pages=count_pages(pages))
