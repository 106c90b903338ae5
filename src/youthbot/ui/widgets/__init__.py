"""The chat app's widgets; each posts typed messages upward and never reaches into the app."""

from youthbot.ui.widgets.build_bar import BuildBar
from youthbot.ui.widgets.conversation import Conversation, ExchangeView, NoticeView
from youthbot.ui.widgets.passage import PassageView
from youthbot.ui.widgets.question import QuestionBox
from youthbot.ui.widgets.sources import SourcesPanel
from youthbot.ui.widgets.status import StatusLine

__all__ = [
    "BuildBar",
    "Conversation",
    "ExchangeView",
    "NoticeView",
    "PassageView",
    "QuestionBox",
    "SourcesPanel",
    "StatusLine",
]
