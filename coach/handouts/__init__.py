"""Take-home sheets: what goes on the page, without Qt.

A sheet (coach.handouts.sheet) is a plain value: every text already translated and
tagged with its language, every picture as the pack's bytes, every QR code as its
module matrix. The builders here make one from a pack's lesson, from a client's
record, or from a visit; coach.ui.handouts draws it into a PDF or onto a printer.
"""
