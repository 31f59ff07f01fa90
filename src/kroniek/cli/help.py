"""How ``--help`` names option values: for what they are (FILE, N, CODE), never by the
Python type behind them (``<bool>``, ``<list[str]>``), which mean nothing to a user."""

from __future__ import annotations

from typing import Any

import typer.core

# A value's name by its annotation, for options that do not name their own value.
_VALUE_NAMES = {"Path": "PATH", "int": "COUNT", "float": "NUMBER", "str": "TEXT"}


def _no_type(ctx: Any) -> None:
    """An argument's type column stays empty: its name already says what it takes."""


def name_values(params: list[Any]) -> list[Any]:
    """Give every option without a metavar a plain one; a flag takes no value at all.

    Typer shows an argument's Python type whatever its metavar, so the argument's own
    type display is replaced, on that one object, by an empty one.
    """
    for param in params:
        if isinstance(param, typer.core.TyperArgument):
            param.__dict__["display_type_rich"] = _no_type
            continue
        if param.metavar is not None:
            continue
        if getattr(param, "is_flag", False):
            param.metavar = ""
            continue
        bare = param.bare_type() if isinstance(param, typer.core.TyperOption) else ""
        element = bare.removeprefix("list[").removesuffix("]")
        param.metavar = _VALUE_NAMES.get(element, element.upper() or "VALUE")
    return params


class PlainHelpCommand(typer.core.TyperCommand):
    """A command whose help names values plainly (see the module docstring)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return name_values(super().get_params(ctx))


class PlainHelpGroup(typer.core.TyperGroup):
    """A command group whose own ``--help`` shows no type either."""

    def get_params(self, ctx: Any) -> list[Any]:
        return name_values(super().get_params(ctx))
