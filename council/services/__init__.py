"""Use cases shared by the web pages, the API and the CLI: one function, one commit."""
