"""Shared test configuration: hypothesis profiles and a fresh plugin registry per test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from newscorpus.plugins import reset_registry

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True)
def _fresh_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test sees the plugin environment variables it sets, not a cached registry."""
    monkeypatch.delenv("NEWSCORPUS_LOAD_PLUGINS", raising=False)
    monkeypatch.delenv("NEWSCORPUS_DISABLE_PLUGINS", raising=False)
    reset_registry()
    yield
    reset_registry()
