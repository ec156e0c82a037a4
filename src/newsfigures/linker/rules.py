"""A small engine for the linker's rule tables, in the style of medspaCy's ConText rules: each rule of a table
(one JSON object a line in ``patterns/linker/``) names its cue, the side of the figure it reads, its scope, the
conditions under which it is asked (``when``), what it sets and whether it ends its stage (``stop``); the code of
a rule is a function registered under the rule's id that answers whether the cue is there (and what it found).

Rules are applied in table order, stage by stage; every rule that answers is recorded on the link
(``Link.rules``), so a figure's role and direction say which rules gave them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import RuleError

FOUND = "<found>"  # a value of ``sets`` taken from the rule function's answer

STAGES = ("clause", "before", "subject")  # the figure's clause; the figure before it; its subject once known

_REQUIRED = ("id", "stage", "cue", "side", "scope", "sets", "description", "examples")
_OPTIONAL = ("when", "exceptions", "stop")
_SIDES = frozenset(("before", "after", "both"))
_SETTABLE = frozenset(("role", "direction", "cue"))

# what a rule may require of the link (and of the reading of its figure) before it is asked
CONDITIONS: dict[str, Callable[[Any, Any], bool]] = {
    "direction_unset": lambda reading, link: link.direction is None,
    "role_unset": lambda reading, link: link.role is None,
    "compared": lambda reading, link: "from" in link.cues,  # the comparison rule set its cue
    "not_compared": lambda reading, link: "from" not in link.cues,
}


@dataclass(frozen=True, slots=True)
class LinkRule:
    """One rule of a linker table, checked: unknown keys, stages, sides, conditions and fields are refused."""

    id: str
    stage: str
    cue: str
    side: str
    scope: str
    sets: dict[str, Any]
    description: str
    examples: tuple[dict, ...]
    when: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    stop: bool = False

    @classmethod
    def from_spec(cls, spec: dict, where: str) -> LinkRule:
        """The rule of one table line; a RuleError naming the file and the rule id when it is malformed."""
        name = f"{where}: rule {spec.get('id')!r}"
        unknown = set(spec) - set(_REQUIRED) - set(_OPTIONAL)
        missing = [key for key in _REQUIRED if key not in spec]
        if unknown or missing:
            raise RuleError(f"{name}: unknown keys {sorted(unknown)}, missing keys {missing}")
        if spec["stage"] not in STAGES or spec["side"] not in _SIDES:
            raise RuleError(f"{name}: stage must be one of {STAGES}, side one of {sorted(_SIDES)}")
        if not set(spec["sets"]) <= _SETTABLE or not set(spec.get("when", ())) <= set(CONDITIONS):
            raise RuleError(f"{name}: sets only {sorted(_SETTABLE)}; when only {sorted(CONDITIONS)}")
        if not spec["examples"]:
            raise RuleError(f"{name}: a rule needs an example")
        fields = {**spec, "examples": tuple(spec["examples"])}
        fields["when"] = tuple(spec.get("when", ()))
        fields["exceptions"] = tuple(spec.get("exceptions", ()))
        return cls(**fields)


Answer = Callable[[Any, Any], Any]
CompiledRule = tuple[LinkRule, Answer, Callable[[Any, Any], bool] | None]


def compile_table(specs: tuple[dict, ...], answers: dict[str, Answer], where: str) -> dict[str, tuple[CompiledRule, ...]]:
    """The rules of a table by stage, in table order, each with its function and conditions. Every rule needs a
    function registered under its id, and every function a rule."""
    rules = [LinkRule.from_spec(spec, where) for spec in specs]
    ids = [rule.id for rule in rules]
    if len(set(ids)) != len(ids) or set(ids) != set(answers):
        raise RuleError(
            f"{where}: duplicate ids, or ids without a function {sorted(set(ids) - set(answers))}"
            f" / functions without a rule {sorted(set(answers) - set(ids))}"
        )
    return {
        stage: tuple((rule, answers[rule.id], _all_of(rule.when)) for rule in rules if rule.stage == stage)
        for stage in STAGES
    }


def _all_of(names: tuple[str, ...]) -> Callable[[Any, Any], bool] | None:
    """One test for all the conditions named (None for none): asked before every rule, so composed once here."""
    if not names:
        return None
    first, *rest = (CONDITIONS[name] for name in names)
    if not rest:
        return first
    others = _all_of(names[1:])
    return lambda reading, link: first(reading, link) and others(reading, link)


def apply(rules: tuple[CompiledRule, ...], reading: Any, link: Any) -> None:
    """Ask the rules of one stage in order; each that answers sets what its ``sets`` says (a constant, or what the
    function found for ``<found>``) and is recorded on ``link.rules``; a rule with ``stop`` ends the stage."""
    for rule, answer, condition in rules:
        if condition is not None and not condition(reading, link):
            continue
        found = answer(reading, link)
        if not found:
            continue
        for name, value in rule.sets.items():
            if value == FOUND:
                value = found[name]
            if name == "cue":
                link.cues.append(value)
            else:
                setattr(link, name, value)
        link.rules.append(rule.id)
        if rule.stop:
            return
