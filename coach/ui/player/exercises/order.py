"""Put the steps in order: tap (or drag) the pictures into the numbered places.

The pictures start jumbled (always the same way for a step). A tap, a click, or
Enter/Space on a picture puts it in the first free place; a drag puts it in the place
it is dropped on; a tap on a placed picture takes it back. When every place is filled
the order is checked: if it is wrong, the hint is said and the pictures from the first
wrong place on come back. Places are numbered in the reading direction (1 is on the
right in right-to-left languages).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSizePolicy, QWidget

from coach.domain.exercises import OrderExercise
from coach.domain.pack import Text
from coach.ui.player.exercises.base import ExerciseContext, ExerciseView
from coach.ui.player.exercises.choose import ChoiceButton

MIME = "application/x-coach-order-item"


class ItemCard(ChoiceButton):
    """A picture to put in order; it can be dragged onto a place."""

    def __init__(self, item: int, picture: bytes, has_text: bool) -> None:
        super().__init__(picture, has_text)
        self.item = item
        self._press: QPoint | None = None
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None and (event.position().toPoint() - self._press).manhattanLength() \
                >= QApplication.startDragDistance():
            self._press = None
            self.setDown(False)
            drag = QDrag(self)
            data = QMimeData()
            data.setData(MIME, str(self.item).encode())
            drag.setMimeData(data)
            drag.setPixmap(self.grab().scaledToWidth(max(60, self.width() // 2)))
            drag.exec(Qt.DropAction.MoveAction)
            return
        super().mouseMoveEvent(event)


class Place(ChoiceButton):
    """A numbered place; shows the picture put there, and accepts a dropped picture."""

    def __init__(self, number: int, view: OrderView) -> None:
        super().__init__(b"", True)
        self.number = number
        self.view = view
        self.item: int | None = None
        self.setProperty("role", "order-place")
        self.setAcceptDrops(True)
        self.badge = QLabel(str(number))
        self.badge.setProperty("role", "order-number")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = self.box
        layout.insertWidget(0, self.badge)
        from coach.ui.widgets import PictureView

        self.picture: PictureView = PictureView(minimum=80)
        self.picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.insertWidget(1, self.picture, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME) and self.item is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        item = int(bytes(event.mimeData().data(MIME).data()).decode())
        event.acceptProposedAction()
        self.view.place(item, self.number - 1)


class OrderView(ExerciseView):
    def __init__(self, context: ExerciseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        exercise = context.step.exercise
        assert isinstance(exercise, OrderExercise)
        self.exercise = exercise
        self.jumbled = exercise.shuffled(f"{context.pack.id}/{context.step.id}")
        self.cards: dict[int, ItemCard] = {}
        self.pool_label = QLabel()
        self.pool_label.setProperty("role", "small")
        self.pool_label.setWordWrap(True)  # at 200 % beside the step's texts it was wider than the practice
        self.body.addWidget(self.pool_label)
        pool = QHBoxLayout()
        pool.setSpacing(12)
        for item in self.jumbled:
            spec = exercise.items[item]
            card = ItemCard(item, context.picture(spec.picture), spec.text is not None)
            card.setMinimumHeight(120)
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            policy = card.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            card.setSizePolicy(policy)
            card.clicked.connect(lambda _checked=False, i=item: self.place(i))
            self.cards[item] = card
            pool.addWidget(card, 1)
        self.body.addLayout(pool, 1)
        self.places_label = QLabel()
        self.places_label.setProperty("role", "small")
        self.places_label.setWordWrap(True)
        self.body.addWidget(self.places_label)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.places = [Place(number, self) for number in range(1, len(exercise.items) + 1)]
        for place in self.places:
            place.clicked.connect(lambda _checked=False, p=place: self.take_back(p))
            row.addWidget(place, 1)
        self.body.addLayout(row, 1)
        self.retranslate(context)

    def hint_text(self) -> Text:
        return self.exercise.hint

    def placed(self) -> list[int | None]:
        return [place.item for place in self.places]

    def place(self, item: int, index: int | None = None) -> None:
        """Put `item` in place `index` (the first free one when None)."""
        if self.done or any(p.item == item for p in self.places):
            return
        free = [i for i, p in enumerate(self.places) if p.item is None]
        if not free:
            return
        target = index if index is not None and self.places[index].item is None else free[0]
        had_focus = self.cards[item].hasFocus()
        self._fill(self.places[target], item)
        self.cards[item].setVisible(False)
        if all(p.item is not None for p in self.places):
            self._check()
        elif had_focus:  # the keyboard goes on with the next picture still to place
            next_card = next((self.cards[i] for i in self.jumbled if self.cards[i].isVisible()), None)
            if next_card is not None:
                next_card.setFocus(Qt.FocusReason.OtherFocusReason)

    def take_back(self, place: Place) -> None:
        if self.done or place.item is None:
            return
        card = self.cards[place.item]
        self._fill(place, None)
        card.setVisible(True)
        card.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, place: Place, item: int | None) -> None:
        place.item = item
        spec = self.exercise.items[item] if item is not None else None
        place.picture.set_picture(self.context.picture(spec.picture) if spec is not None else b"")
        text = self.context.text(spec.text) if spec is not None and spec.text is not None else ""
        place.caption.set_plain_text(text)
        place.caption.setVisible(bool(text))
        self._describe_place(place)

    def _check(self) -> None:
        order = [p.item for p in self.places]
        if self.exercise.is_right([i for i in order if i is not None]):
            self.right()
            return
        first_wrong = next(index for index, item in enumerate(order) if item != index)
        for place in self.places[first_wrong:]:
            if place.item is not None:
                self.cards[place.item].setVisible(True)
                self._fill(place, None)
        visible = [self.cards[i] for i in self.jumbled if self.cards[i].isVisible()]
        if visible:
            visible[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.wrong()

    def _describe_place(self, place: Place) -> None:
        _ = self.context.gettext
        if place.item is None:
            place.setAccessibleName(_("Place {number}: empty").format(number=place.number))
        else:
            spec = self.exercise.items[place.item]
            place.setAccessibleName(_("Place {number}: {picture}").format(
                number=place.number, picture=self.context.text(spec.picture_description)))
        place.setAccessibleDescription(_("Touch to take this picture back."))

    def retranslate(self, context: ExerciseContext) -> None:
        super().retranslate(context)
        _ = context.gettext
        self.pool_label.setText(_("Pictures to put in order:"))
        self.places_label.setText(_("The order, from 1:"))
        for item, card in self.cards.items():
            spec = self.exercise.items[item]
            text = context.text(spec.text) if spec.text is not None else ""
            card.caption.set_plain_text(text)
            description = context.text(spec.picture_description)
            card.setAccessibleName(text or description)
            card.setAccessibleDescription(description + " " + _("Touch to put it in the next place."))
            card.setToolTip(description)
        for place in self.places:
            self._fill(place, place.item)

    def first_focus(self) -> QWidget:
        return self.cards[self.jumbled[0]]
