"""The directory: people, organisations, places, projects and events extracted from documents."""
