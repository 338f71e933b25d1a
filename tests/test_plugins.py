"""The plugin registry: built-ins as plugins, entry points, allow/block lists, clashes."""

from __future__ import annotations

import importlib.metadata
import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest

from newscorpus import ExporterSpec, Issue, ValidatorSpec, hookimpl
from newscorpus import plugins as plugins_module
from newscorpus.errors import PluginConflictError, UsageError
from newscorpus.plugins import BUILTIN_PLUGINS, PluginLoadWarning, Registry


class _Dist:
    def __init__(self, name: str, version: str) -> None:
        self.name = name
        self.version = version


class _EntryPoint:
    """Enough of importlib.metadata.EntryPoint for the registry (pluggy's test trick)."""

    group = "newscorpus"

    def __init__(self, name: str, value: str, dist: _Dist | None = None) -> None:
        self.name = name
        self.value = value
        self.dist = dist

    def load(self) -> Any:
        return importlib.import_module(self.value)


def _plugin_module(name: str, exporter: str = "fancy") -> types.ModuleType:
    module = types.ModuleType(name)

    class _Exporter:
        def __init__(self, target: Any, options: dict[str, Any]) -> None:
            self.out = target.open()

        def write(self, article: Any) -> None:
            self.out.write(article.id.encode() + b"\n")

        def close(self) -> None:
            self.out.close()

    @hookimpl
    def newscorpus_register_exporters() -> list[ExporterSpec]:
        return [ExporterSpec(name=exporter, description="test", factory=_Exporter, suffixes=(".fancy",))]

    @hookimpl
    def newscorpus_register_validators() -> list[ValidatorSpec]:
        return [ValidatorSpec(name=f"{name}-check", description="test", check=lambda a: iter(()))]

    module.newscorpus_register_exporters = newscorpus_register_exporters  # type: ignore[attr-defined]
    module.newscorpus_register_validators = newscorpus_register_validators  # type: ignore[attr-defined]
    return module


class _EntryPoints(list[_EntryPoint]):
    install: Any


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[_EntryPoints]:
    """Fake installed entry points; their modules live only in sys.modules."""
    eps = _EntryPoints()
    monkeypatch.setattr(plugins_module, "_entry_points", lambda: eps)
    added: list[str] = []

    def install(name: str, **kwargs: Any) -> None:
        module = _plugin_module(f"fake_{name}", **kwargs)
        sys.modules[module.__name__] = module
        added.append(module.__name__)
        eps.append(_EntryPoint(name, module.__name__, _Dist(f"newscorpus-{name}", "1.2.3")))

    eps.install = install
    yield eps
    for name in added:
        sys.modules.pop(name, None)


def test_builtins_are_registered_as_plugins() -> None:
    registry = Registry(environ={})
    names = {p.name for p in registry.plugins() if p.builtin}
    assert names == set(BUILTIN_PLUGINS)
    assert {"jsonl", "json", "csv", "geojson"} <= set(registry.exporters())
    assert registry.owner("exporters", "csv") == "newscorpus.exporters.csv"


def test_entry_point_plugin_is_loaded_with_distribution_and_version(entry_points: Any) -> None:
    entry_points.install("fancy")
    registry = Registry(environ={})
    info = {p.name: p for p in registry.plugins()}["fancy"]
    assert (info.distribution, info.version, info.builtin) == ("newscorpus-fancy", "1.2.3", False)
    assert info.provides == {"exporters": ("fancy",), "validators": ("fake_fancy-check",)}


def test_entry_points_are_not_imported_while_builtins_answer(entry_points: Any) -> None:
    entry_points.install("fancy")
    registry = Registry(environ={})
    registry.get("exporters", "csv")
    assert registry.pm.get_plugin("fancy") is None
    registry.get("exporters", "fancy")  # unknown to the built-ins: now the plugins load
    assert registry.pm.get_plugin("fancy") is not None


def test_disable_plugins_blocks_a_third_party_plugin(entry_points: Any) -> None:
    entry_points.install("fancy")
    registry = Registry(environ={"NEWSCORPUS_DISABLE_PLUGINS": "fancy"})
    assert "fancy" not in registry.exporters()


def test_disable_plugins_blocks_a_builtin_by_short_name() -> None:
    registry = Registry(environ={"NEWSCORPUS_DISABLE_PLUGINS": "csv"})
    assert "csv" not in registry.exporters()
    assert "jsonl" in registry.exporters()


def test_load_plugins_is_an_allow_list(entry_points: Any) -> None:
    entry_points.install("fancy")
    entry_points.install("other", exporter="other")
    registry = Registry(environ={"NEWSCORPUS_LOAD_PLUGINS": "other"})
    assert "other" in registry.exporters()
    assert "fancy" not in registry.exporters()
    assert "other" not in Registry(environ={"NEWSCORPUS_LOAD_PLUGINS": ""}).exporters()


def test_two_plugins_claiming_one_name_is_an_error_naming_both(entry_points: Any) -> None:
    entry_points.install("one", exporter="same")
    entry_points.install("two", exporter="same")
    with pytest.raises(PluginConflictError, match=r"'same'.*'one' and 'two'"):
        Registry(environ={}).exporters()


def test_plugin_shadowing_a_builtin_name_is_an_error(entry_points: Any) -> None:
    entry_points.install("evil", exporter="csv")
    with pytest.raises(PluginConflictError, match=r"newscorpus\.exporters\.csv"):
        Registry(environ={}).exporters()


def test_plugin_that_fails_to_import_is_a_warning_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = _EntryPoint("broken", "no_such_module_anywhere", _Dist("newscorpus-broken", "0.1"))
    monkeypatch.setattr(plugins_module, "_entry_points", lambda: [broken])
    registry = Registry(environ={})
    with pytest.warns(PluginLoadWarning, match="'broken'.*newscorpus-broken"):
        exporters = registry.exporters()
    assert "jsonl" in exporters  # everything else keeps working
    failed = [p for p in registry.plugins() if p.error]
    assert [p.name for p in failed] == ["broken"]


def test_hook_that_raises_or_returns_junk_is_skipped_with_a_warning() -> None:
    class Bad:
        @hookimpl
        def newscorpus_register_exporters(self) -> list[Any]:
            raise RuntimeError("boom")

        @hookimpl
        def newscorpus_register_validators(self) -> list[Any]:
            return ["not a spec"]

    registry = Registry(environ={})
    registry.register(Bad(), name="bad")
    with pytest.warns(PluginLoadWarning, match="'bad' raised"):
        assert "jsonl" in registry.exporters()
    with pytest.warns(PluginLoadWarning, match="returned str"):
        assert "spans" in registry.validators()


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(UsageError, match=r"no exporter named 'nope' \(known: csv, geojson, html, json, jsonl"):
        Registry(environ={}).get("exporters", "nope")


def test_every_hookspec_is_documented_in_the_hook_reference() -> None:
    """The docs' hook reference is generated from the hookspecs; each needs a docstring."""
    from newscorpus import hookspecs

    for name in hookspecs.__all__:
        if name.startswith("newscorpus_register_"):
            assert (getattr(hookspecs, name).__doc__ or "").strip(), name


def test_issue_prints_where_and_what() -> None:
    issue = Issue("span-text", "differs", article_id="a1", start=3, end=5, path="quotes[0]")
    assert str(issue) == "error span-text a1 quotes[0] [3:5]: differs"


def test_real_entry_points_function_reads_the_group() -> None:
    # The objects may come from importlib_metadata (the backport some plugins pull in)
    # rather than the standard library: check what the registry uses, not the class.
    eps = list(plugins_module._entry_points())
    assert all(ep.group == "newscorpus" for ep in eps)
    assert all(callable(ep.load) and ep.name and ep.value for ep in eps)
