"""Run documentation snippets as real programs while MkDocs builds the site."""
