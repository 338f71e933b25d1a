"""Finding, loading and listing plugins.

The built-ins are ordinary plugins registered through the same hooks as third-party ones
(the "default plugins" pattern). Third-party plugins come from the ``newscorpus``
entry-point group and are imported only when something asks for them: a name the
built-ins do not know, a listing, or a run that uses every extractor and validator.

Two environment variables control loading, read when the registry is built:

``NEWSCORPUS_LOAD_PLUGINS``
    Comma-separated allow-list of entry-point (or distribution) names. Set but empty
    means "load no third-party plugin".
``NEWSCORPUS_DISABLE_PLUGINS``
    Comma-separated block-list of plugin names, third-party or built-in
    (``newscorpus.exporters.csv`` or just ``csv``).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import types
import warnings
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, Final

import attrs
import pluggy

from . import hookspecs
from .errors import PluginConflictError, UsageError
from .specs import (
    CommandSpec,
    ExporterSpec,
    ExtractorSpec,
    ParserSpec,
    RunnerSpec,
    ValidatorSpec,
)

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "PluginLoadWarning",
    "Registry",
    "get_registry",
]

ENTRY_POINT_GROUP: Final = "newscorpus"

BUILTIN_PLUGINS: Final = (
    "newscorpus.parsers.wire",
    "newscorpus.parsers.jsonfmt",
    "newscorpus.extractors.builtin",
    "newscorpus.exporters.jsonl",
    "newscorpus.exporters.csv",
    "newscorpus.exporters.geojson",
    "newscorpus.exporters.sqlite",
    "newscorpus.exporters.html_report",
    "newscorpus.validators.builtin",
    "newscorpus.runners",
    "newscorpus.cli_commands",
)

KINDS: Final = ("parsers", "extractors", "exporters", "validators", "runners", "commands")

_SPEC_TYPES: Final[dict[str, type]] = {
    "parsers": ParserSpec,
    "extractors": ExtractorSpec,
    "exporters": ExporterSpec,
    "validators": ValidatorSpec,
    "runners": RunnerSpec,
    "commands": CommandSpec,
}

class PluginLoadWarning(UserWarning):
    """A plugin could not be imported or one of its hooks failed; it was skipped."""


@attrs.frozen
class PluginInfo:
    """One loaded (or failed) plugin, for ``newscorpus plugins``."""

    name: str
    module: str
    builtin: bool
    distribution: str | None = None
    version: str | None = None
    provides: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "module": self.module,
            "builtin": self.builtin,
            "distribution": self.distribution,
            "version": self.version,
            "provides": {k: list(v) for k, v in self.provides.items() if v},
            "error": self.error,
        }


def _entry_points() -> Iterable[importlib.metadata.EntryPoint]:
    """The installed ``newscorpus`` entry points (a seam for tests)."""
    return importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)


def _env_list(name: str, environ: Mapping[str, str]) -> frozenset[str] | None:
    if name not in environ:
        return None
    return frozenset(p.strip() for p in environ[name].split(",") if p.strip())


class Registry:
    """The plugin manager plus the specs each plugin provides, checked for clashes.

    Build one with :func:`get_registry` (cached) or directly in tests.
    """

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        environ = os.environ if environ is None else environ
        self.allow = _env_list("NEWSCORPUS_LOAD_PLUGINS", environ)
        self.block = _env_list("NEWSCORPUS_DISABLE_PLUGINS", environ) or frozenset()
        self.pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        self._info: dict[str, PluginInfo] = {}
        self._failed: list[PluginInfo] = []
        self._entry_points_loaded = False
        self._specs: dict[str, dict[str, Any]] = {}
        self._owner: dict[tuple[str, str], str] = {}
        for module_name in BUILTIN_PLUGINS:
            short = module_name.rsplit(".", 1)[-1]
            if module_name in self.block or short in self.block:
                continue
            self.register(importlib.import_module(module_name), name=module_name, builtin=True)

    # -- loading ---------------------------------------------------------------------

    def register(
        self,
        plugin: object,
        *,
        name: str | None = None,
        builtin: bool = False,
        distribution: str | None = None,
        version: str | None = None,
    ) -> None:
        """Register a plugin object or module (tests and applications use this directly)."""
        name = name or getattr(plugin, "__name__", None) or repr(plugin)
        self.pm.register(plugin, name=name)
        module = plugin.__name__ if isinstance(plugin, types.ModuleType) else type(plugin).__module__
        self._info[name] = PluginInfo(
            name=name,
            module=module,
            builtin=builtin,
            distribution=distribution,
            version=version,
        )
        self._specs.clear()
        self._owner.clear()

    def load_entry_points(self) -> None:
        """Import the third-party plugins; a failure is a warning naming the plugin."""
        if self._entry_points_loaded:
            return
        self._entry_points_loaded = True
        for ep in _entry_points():
            dist = ep.dist.name if ep.dist is not None else None
            version = ep.dist.version if ep.dist is not None else None
            if ep.name in self.block or (dist is not None and dist in self.block):
                continue
            if self.allow is not None and ep.name not in self.allow and dist not in self.allow:
                continue
            if self.pm.get_plugin(ep.name) is not None:
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not take the host down
                message = f"{type(exc).__name__}: {exc}"
                self._failed.append(
                    PluginInfo(ep.name, ep.value, False, dist, version, error=message)
                )
                warnings.warn(
                    f"newscorpus plugin {ep.name!r} ({dist or ep.value}) failed to load and "
                    f"was skipped: {message}",
                    PluginLoadWarning,
                    stacklevel=2,
                )
                continue
            self.register(plugin, name=ep.name, distribution=dist, version=version)

    # -- specs -----------------------------------------------------------------------

    def _collect(self, kind: str) -> dict[str, Any]:
        if kind in self._specs:
            return self._specs[kind]
        for key in [k for k in self._owner if k[0] == kind]:
            del self._owner[key]
        hook = getattr(self.pm.hook, f"newscorpus_register_{kind}")
        spec_type: Any = _SPEC_TYPES[kind]
        found: dict[str, Any] = {}
        # get_hookimpls() is in registration order: built-ins first, then third-party.
        for impl in hook.get_hookimpls():
            plugin_name = impl.plugin_name
            try:
                specs = list(impl.function() or ())
            except Exception as exc:
                warnings.warn(
                    f"newscorpus plugin {plugin_name!r} raised in newscorpus_register_{kind} "
                    f"and its {kind} were skipped: {type(exc).__name__}: {exc}",
                    PluginLoadWarning,
                    stacklevel=3,
                )
                continue
            for spec in specs:
                if not isinstance(spec, spec_type):
                    warnings.warn(
                        f"newscorpus plugin {plugin_name!r} returned {type(spec).__name__} "
                        f"from newscorpus_register_{kind}, expected {spec_type.__name__}; "
                        "skipped",
                        PluginLoadWarning,
                        stacklevel=3,
                    )
                    continue
                other = self._owner.get((kind, spec.name))
                if other is not None:
                    raise PluginConflictError(
                        f"two plugins provide the {kind[:-1]} {spec.name!r}: {other!r} and "
                        f"{plugin_name!r}; disable one with NEWSCORPUS_DISABLE_PLUGINS"
                    )
                self._owner[(kind, spec.name)] = plugin_name
                found[spec.name] = spec
        self._specs[kind] = found
        return found

    def all(self, kind: str) -> dict[str, Any]:
        """Every spec of a kind, third-party plugins included."""
        self.load_entry_points()
        self._specs.pop(kind, None)
        return self._collect(kind)

    def get(self, kind: str, name: str) -> Any:
        """One spec by name; third-party plugins are imported only if a built-in lacks it."""
        specs = self._collect(kind)
        if name not in specs and not self._entry_points_loaded:
            specs = self.all(kind)
        if name not in specs:
            known = ", ".join(sorted(specs)) or "none"
            raise UsageError(f"no {kind[:-1]} named {name!r} (known: {known})")
        return specs[name]

    def owner(self, kind: str, name: str) -> str | None:
        return self._owner.get((kind, name))

    def parsers(self) -> dict[str, ParserSpec]:
        return self.all("parsers")

    def extractors(self) -> dict[str, ExtractorSpec]:
        return self.all("extractors")

    def exporters(self) -> dict[str, ExporterSpec]:
        return self.all("exporters")

    def validators(self) -> dict[str, ValidatorSpec]:
        return self.all("validators")

    def runners(self) -> dict[str, RunnerSpec]:
        return self.all("runners")

    def commands(self) -> dict[str, CommandSpec]:
        return self.all("commands")

    def find_by_suffix(self, kind: str, filename: str) -> Any | None:
        """The spec whose longest suffix ends ``filename`` (built-ins answer first)."""
        lowered = filename.lower()

        def best(specs: dict[str, Any]) -> Any:
            hits = [
                (len(suffix), spec)
                for spec in specs.values()
                for suffix in getattr(spec, "suffixes", ())
                if lowered.endswith(suffix)
            ]
            return max(hits, key=lambda hit: hit[0])[1] if hits else None

        found = best(self._collect(kind))
        if found is None and not self._entry_points_loaded:
            found = best(self.all(kind))
        return found

    def plugins(self) -> list[PluginInfo]:
        """Every loaded plugin with what it provides, then every plugin that failed."""
        for kind in KINDS:
            self.all(kind)
        provided: dict[str, dict[str, list[str]]] = {}
        for (kind, name), owner in sorted(self._owner.items()):
            provided.setdefault(owner, {}).setdefault(kind, []).append(name)
        out = [
            attrs.evolve(info, provides={k: tuple(v) for k, v in provided.get(name, {}).items()})
            for name, info in self._info.items()
        ]
        return out + self._failed


@cache
def get_registry() -> Registry:
    """The process-wide registry, built on first use (never at import time)."""
    return Registry()


def reset_registry() -> None:
    """Forget the cached registry (tests, or after changing the environment variables)."""
    get_registry.cache_clear()

