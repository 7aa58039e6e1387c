"""The MkDocs plugins of the site: snippets, notebooks, languages, lean pages."""
