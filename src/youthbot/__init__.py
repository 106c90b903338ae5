"""youthbot: cited answers about youth-work projects from Latvian documents."""

__version__ = "0.1.0"
