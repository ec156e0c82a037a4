"""The folded strings a parsed pattern's matches begin with, and the pattern as a standard ``re`` pattern over
the folded text (:mod:`newsfigures.text.regex_tree`): what :class:`~newsfigures.text.pattern_index.PatternIndex`
looks for, and the cheap checks it makes before trying a pattern."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .regex_tree import WORDLIKE, WORD_CHARS, WORD_NODE, possessive_offsets

# folded characters per prefix: enough to tell "the year to" (a span) from "the year," and "march 00, 0"
# (a date with its year) from "march 00, w"
PREFIX_LENGTH = 11
MAX_PREFIXES = 1000  # per pattern piece; beyond this prefixes are cut shorter (still a superset)
MIN_LOSSY_PREFIX = 4  # a branch whose prefixes had to be cut shorter than this gets a scan of its own
RUN_REACH = 2  # a check reads a run that may give back characters (\s* before \s*-) this far, then accepts
MANY_CHARS = 8  # an unbounded run of a class with more characters than this is not spelt out


# Prefixes ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Strings:
    """Folded strings a node can match, cut to ``PREFIX_LENGTH``: ``done`` ones may go on, ``cut`` ones may not.

    ``cut_at``: the length some were cut to, to keep the set small (``[a-z]{2,}`` would spell every word).
    A space stands for a run of white space (``the\\s+year`` begins ``"the year"`` however many
    spaces there are): the scans read it as one or more spaces, and so see past a long run.
    """

    done: AbstractSet[str]
    cut: AbstractSet[str] = frozenset()
    cut_at: int = PREFIX_LENGTH


_NOTHING = _Strings(frozenset({""}))


def _shorten(done: set[str], cut: set[str], cut_at: int) -> _Strings:
    """Keep at most ``MAX_PREFIXES`` strings by cutting the bushiest groups shorter: the strings
    that share the longest common beginnings with the most others give way to that beginning."""
    for depth in range(PREFIX_LENGTH - 1, -1, -1):
        if len(done) + len(cut) <= MAX_PREFIXES:
            break
        groups: dict[str, list[str]] = {}
        for text in (*done, *cut):
            if len(text) > depth:
                groups.setdefault(text[:depth], []).append(text)
        for head, members in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
            if len(done) + len(cut) <= MAX_PREFIXES or len(members) < 2:
                break
            done.difference_update(members)
            cut.difference_update(members)
            done.discard(head)
            cut.add(head)
            cut_at = min(cut_at, depth)
    return _Strings(done, cut, cut_at)


def _concat(left: _Strings, right: _Strings) -> _Strings:
    done: set[str] = set()
    cut = set(left.cut)
    # a space that ends the head and one that begins the tail are one run (see _Strings)
    joinable = [tail[1:] if tail[:1] == " " else tail for tail in right.done]
    joinable_cut = [tail[1:] if tail[:1] == " " else tail for tail in right.cut]
    for head in left.done:
        room = PREFIX_LENGTH - len(head)
        run = head[-1:] == " "
        for tail in joinable if run else right.done:
            if len(tail) >= room:
                cut.add(head + tail[:room])
            else:
                done.add(head + tail)
        for tail in joinable_cut if run else right.cut:
            cut.add(head + tail[:room])
    return _shorten(done, cut, min(left.cut_at, right.cut_at))


def _union(*parts: _Strings) -> _Strings:
    return _shorten(
        set().union(*(p.done for p in parts)), set().union(*(p.cut for p in parts)), min(p.cut_at for p in parts)
    )


def _strings(node: tuple) -> _Strings:
    kind = node[0]
    if kind == "chars":
        return _Strings(node[1]) if node[1] else _Strings(frozenset(), frozenset({""}))
    if kind in ("any", "word"):
        return _Strings(frozenset(), frozenset({""}))
    if kind in ("empty", "look"):
        return _NOTHING
    if kind == "seq":
        result = _NOTHING
        for item in node[1]:
            if not result.done:
                break
            result = _concat(result, _strings(item))
        return result
    if kind == "alt":
        return _union(*(_strings(branch) for branch in node[1]))
    if kind == "repeat":
        _, item, low, high = node[:4]
        body = _strings(item)
        result = _NOTHING
        for _ in range(low):
            if not result.done:
                return result
            result = _concat(result, body)
        if high is None and item[0] == "chars" and len(item[1]) > MANY_CHARS:
            # [A-Za-z]+ would spell every word: what follows the required rounds is anything
            longest = max((len(s) for s in (*result.done, *result.cut)), default=0)
            return _Strings(frozenset(), set(result.done) | set(result.cut), min(result.cut_at, longest))
        # each further repetition either adds a character or adds nothing new, so after
        # PREFIX_LENGTH more rounds every string shorter than PREFIX_LENGTH has been seen
        rounds = PREFIX_LENGTH + 1 if high is None else min(high - low, PREFIX_LENGTH + 1)
        frontier = result
        for _ in range(rounds):
            if not frontier.done:
                break
            step = _concat(_Strings(frontier.done), body)
            frontier = _Strings(step.done - result.done)
            result = _union(result, step)
        return result
    raise AssertionError(kind)


def start_prefixes(node: tuple) -> tuple[frozenset[str], bool, bool]:
    """The folded strings (at most ``PREFIX_LENGTH`` long) that every match of ``node`` begins
    with one of, whether they say little (they would find it almost anywhere: a lone letter,
    or a set that had to be cut short), and whether some were cut shorter than ``PREFIX_LENGTH``
    to keep the set small."""
    found = _strings(node)
    prefixes = found.done | found.cut
    shortest = min((len(p) for p in prefixes), default=0)
    says_little = shortest == 0 or found.cut_at < MIN_LOSSY_PREFIX
    lossy = found.cut_at < PREFIX_LENGTH
    return prefixes, says_little or any(len(p) == 1 and p in WORDLIKE for p in prefixes), lossy


# Translating a pattern for the folded text -------------------------------------------


def folded_pattern(node: tuple) -> str:
    """A standard ``re`` pattern over the folded text that matches wherever ``node`` matches the text.

    Lookarounds are dropped, except a negative one on a single ``\\w`` (kept as one on
    :data:`WORD_CHARS`: only \\w characters fold into those).
    """
    kind = node[0]
    if kind == "chars":
        return class_source(node[1])
    if kind == "any":
        return "[\\s\\S]"
    if kind == "word":
        return f"[{WORD_CHARS}?]"
    if kind == "empty":
        return ""
    if kind == "seq":
        return "".join(f"(?:{folded_pattern(item)})" for item in node[1])
    if kind == "alt":
        return "|".join(f"(?:{folded_pattern(branch)})" for branch in node[1])
    if kind == "repeat":
        _, item, low, high = node[:4]
        return f"(?:{folded_pattern(item)}){{{low},{'' if high is None else high}}}"
    _, inner, behind, positive = node
    if not positive and inner == WORD_NODE:
        return f"(?<![{WORD_CHARS}])" if behind else f"(?![{WORD_CHARS}])"
    return ""


def check_source(node: tuple) -> str:
    """A standard ``re`` pattern that matches at a position of the folded text wherever ``node``
    can match there in the text: a cheap check before a pattern whose prefixes had to be cut
    short is tried (:class:`PatternIndex`).

    It reads the pattern as :func:`folded_pattern` does, as far as it can cheaply: a class with an
    "i" also takes "?" (``(?i)I`` matches the dotless i, which folds to "?"; no other ASCII letter
    matches a character folded to "?", a test checks), and the check ends - accepting
    whatever follows - at a character it does not know (``.``, ``\\X``, a back-reference) and at an
    unbounded run that :func:`with_possessive_runs` would not make possessive, so that like the
    pattern it never retries a run at every length."""
    return _check(node, frozenset(possessive_offsets(node)))[0]


def _check(node: tuple, possessive: frozenset[int]) -> tuple[str, bool, str]:
    """``node`` as :func:`check_source` writes it, whether whole (False: the check ends there), and
    its shape: "atom" (takes a quantifier), "seq" or "alt" (to be wrapped where that matters)."""
    kind = node[0]
    if kind == "chars":
        chars = node[1] | {"?"} if "i" in node[1] else node[1]
        return (re.escape(next(iter(chars))) if len(chars) == 1 else class_source(chars)), True, "atom"
    if kind == "word":
        return f"[{WORD_CHARS}?]", True, "atom"
    if kind in ("empty", "look"):
        return "", True, "seq"
    if kind == "any":
        return "", False, "seq"
    if kind == "seq":
        parts = []
        for index, item in enumerate(node[1]):
            if _greedy_class_run(item, possessive):
                # C* before what may begin with C: up to RUN_REACH rounds, then the rest; a longer run accepts
                run, low = _check(item[1], possessive)[0], item[2]
                if low > RUN_REACH:
                    return "".join(parts) + f"{run}{{{low}}}", False, "seq"
                rest = _check(("seq", node[1][index + 1 :]), possessive)[0]
                parts.append(f"(?:{run}{{{RUN_REACH + 1}}}|{run}{{{low},{RUN_REACH}}}(?:{rest}))")
                return "".join(parts), False, "seq"
            source, whole, shape = _check(item, possessive)
            parts.append(f"(?:{source})" if shape == "alt" else source)
            if not whole:
                return "".join(parts), False, "seq"
        return "".join(parts), True, "seq"
    if kind == "alt":
        branches = [_check(branch, possessive) for branch in node[1]]
        return "|".join(source for source, _, _ in branches), all(whole for _, whole, _ in branches), "alt"
    _, item, low, high = node[:4]
    source, whole, shape = _check(item, possessive)
    if not source:
        return "", whole, "seq"
    if shape != "atom":
        source = f"(?:{source})"
    if not whole:  # a match begins with a round of the item, or with what follows the repeat
        return source if low else f"{source}?", False, "seq"
    if high is not None:
        return f"{source}{{{low},{high}}}", True, "seq"
    # possessive where the pattern's run may be: a class no character of what follows can begin with
    if node[4] in possessive and item[0] == "chars" and not item[1] & {"i", "?"}:
        return f"{source}{{{low},}}+", True, "seq"
    return (f"{source}{{{low}}}" if low else ""), False, "seq"


def _greedy_class_run(node: tuple, possessive: frozenset[int]) -> bool:
    """Whether ``node`` is an unbounded run of a class that :func:`_check` does not make possessive."""
    return (
        node[0] == "repeat"
        and node[3] is None
        and node[1][0] == "chars"
        and not (node[4] in possessive and not node[1][1] & {"i", "?"})
    )


def class_source(chars: frozenset[str]) -> str:
    if not chars:
        return "(?!)"
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
