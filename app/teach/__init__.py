"""Teach it your handwriting: label a drawing, keep a personal collection, fine-tune on it.

`LabelRow` sits under the answer, `Teacher` keeps drawings (the one path for the buttons,
Ctrl+digit and `MainWindow.teach`) and opens the collection view and the fine-tune dialog.
"""

from app.teach.label_row import LabelRow, answer_with_row
from app.teach.teacher import Teacher

__all__ = ["LabelRow", "Teacher", "answer_with_row"]
