"""The directory's view of text/'s personal-name morphology (in ``youthbot.text.names``)."""

from youthbot.text.names import (
    GivenName,
    clean_name,
    given_names,
    name_key,
    read_given,
    surname_base,
)

__all__ = ["GivenName", "clean_name", "given_names", "name_key", "read_given", "surname_base"]
