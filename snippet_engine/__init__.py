"""Runs snippets and keeps their runs, with no MkDocs (README: "The run stage")."""
