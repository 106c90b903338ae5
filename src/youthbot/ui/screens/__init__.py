"""The chat app's screens: the conversation, a whole document, the directory."""

from youthbot.ui.screens.chat import ChatScreen
from youthbot.ui.screens.document import DocumentScreen

__all__ = ["ChatScreen", "DocumentScreen"]
