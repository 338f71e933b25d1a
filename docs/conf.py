"""Sphinx configuration: MyST markdown, furo, autodoc for the API and hook reference."""

from __future__ import annotations

import importlib.metadata

project = "newscorpus"
author = "newscorpus developers"
copyright = "2026, newscorpus developers"
release = importlib.metadata.version("newscorpus")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}


html_theme = "furo"
html_title = f"newscorpus {release}"
