"""Built-in extractors: people, quotes, places, figures and dates.

Each module exposes ``build() -> Extractor``; :mod:`.builtin` registers them through the
plugin hook with their dependencies, and imports a module only when a run needs it.
"""
