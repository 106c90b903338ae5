"""The chat app (Textual): make_app() builds it for the CLI and the tests."""

from youthbot.ui.app import YouthbotApp, make_app

__all__ = ["YouthbotApp", "make_app"]
