"""Run many ``regex`` patterns over a text with exactly the matches ``finditer`` gives, but fast.

Running each of the period rules (about 60) and the cue lists of the resolution
context over a news article costs tens of microseconds per pattern, as each is
tried at almost every position. A :class:`PatternIndex` instead

1. *folds* the text to a copy of the same length over a small alphabet
   (:func:`fold_for_index`): ASCII letters lower-cased, every digit ``0``, every white
   space a space, other non-ASCII characters ``?`` (but letters that match an
   ASCII letter case-insensitively, like ``ſ`` or the Kelvin sign, that letter);
2. computes, from each pattern's source, the folded strings its matches can begin
   with (:func:`start_prefixes`, up to :data:`PREFIX_LENGTH` characters). The sets
   over-approximate: lookarounds are skipped, a class becomes the folded forms of its
   members, a construct the parser does not know cuts the prefix short - so no match
   begins where none of its pattern's prefixes does;
3. scans the folded text once with the standard ``re`` module, stopping at each
   non-word character to look for the prefixes that begin at it or just after it
   (:class:`_Stops`), and tries each pattern with ``pattern.match`` only where one of
   its prefixes begins, in order, skipping positions inside its previous match. As
   every position where a pattern can match is tried, the matches are those of
   ``pattern.finditer(text)`` over the whole text.

A branch whose prefixes say little (``[A-Za-z]{2,}ed`` spells any word) is found by
a scan translated from it instead (:func:`folded_pattern`); a pattern the parser
cannot read, or that may match anywhere, is run over the whole text as before.
Everything stays linear in the text: a prefix is at most ``PREFIX_LENGTH`` long and a
scan reads one word.

The module also makes runs such as ``\\s+`` possessive where that cannot change a
match (:func:`with_possessive_runs`), so that ``the`` followed by a million spaces is
not retried a million times.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

# folded characters per prefix: enough to tell "the year to" (a span) from "the year," and "march 00, 0"
# (a date with its year) from "march 00, w" - with 8, half the patterns tried at a stop failed there
PREFIX_LENGTH = 11
MAX_PREFIXES = 1000  # per pattern piece; beyond this prefixes are cut shorter (still a superset): a smaller
# scan pattern compiles faster but finds more places to try. Building the index is paid once per process:
# 12 and 2000 tried 58 patterns per article against 73 here, but took 0.6 s longer to build (2.4 s to a first
# result instead of 1.8 s), so a one-off extract() would wait; 8 and 500 tried 115.
MIN_LOSSY_PREFIX = 4  # a branch whose prefixes had to be cut shorter than this gets a scan of its own
RUN_REACH = 2  # a check reads a run that may give back characters (\s* before \s*-) this far, then accepts
MANY_CHARS = 8  # an unbounded run of a class with more characters than this is not spelt out
WORD_CHARS = "a-z0-9_"  # folded characters that only come from \w characters
_WORDLIKE = frozenset(string.ascii_lowercase + "0_")

# Folding ---------------------------------------------------------------------

_ASCII_FOLD = bytes(range(256)).translate(
    bytes.maketrans(
        (string.ascii_uppercase + string.digits + "\t\n\r\x0b\x0c").encode(),
        (string.ascii_lowercase + "0" * 10 + " " * 5).encode(),
    )
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_SPECIAL = regex.compile(r"(?=[^\x00-\x7f])(?:(?P<space>\s)|(?P<digit>\d)|(?P<letter>(?i:[a-z])))")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """The folded form of one character (see the module docstring)."""
    if char.isascii():
        return chr(_ASCII_FOLD[ord(char)])
    match = _NON_ASCII_SPECIAL.match(char)
    if match is None:
        return "?"
    if match.lastgroup == "space":
        return " "
    if match.lastgroup == "digit":
        return "0"
    return next(a for a in string.ascii_lowercase if regex.fullmatch(f"(?i:[{a}])", char))


def fold_for_index(text: str) -> str:
    """A same-length copy of ``text`` over the folded alphabet: position ``i`` holds ``fold_char(text[i])``."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    specials = {char: fold_char(char) for char in set(_NON_ASCII.findall(text))}
    specials = {char: folded for char, folded in specials.items() if folded != "?"}
    if specials:
        text = text.translate(str.maketrans(specials))
    return text.encode("ascii", "replace").translate(_ASCII_FOLD).decode("ascii")


# Parsing a pattern -------------------------------------------------------------
#
# Nodes: ("chars", frozenset of folded characters) | ("any",) one unknown character
# | ("word",) one \w character | ("empty",) | ("seq", [nodes]) | ("alt", [nodes])
# | ("repeat", node, min, max or None, source offset after the quantifier, plain greedy or not)
# | ("look", node, behind, positive).


class UnsupportedPattern(ValueError):
    """A construct the parser does not read; the caller then scans the whole text with the pattern."""


_ANY = ("any",)
_WORD = ("word",)  # \w: one unknown character, kept apart for the (?<!\w) word-start idiom
_EMPTY = ("empty",)
_CLASS_ESCAPES = {"s": " ", "d": "0"}  # folded forms of \s and \d; \w, \S, \D, \W match "any"
_ZERO_WIDTH_ESCAPES = set("bBAZGmM")
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_MAX_RANGE = 5000


@lru_cache(maxsize=1024)
def _char_node(char: str) -> tuple:
    return ("chars", frozenset(fold_char(char)))


class _Parser:
    def __init__(self, source: str, verbose: bool) -> None:
        self.source = source
        self.pos = 0
        self.verbose = [verbose]

    def parse(self) -> tuple:
        node = self._alternation()
        if self.pos != len(self.source):
            raise UnsupportedPattern(f"unbalanced ')' at {self.pos}")
        return node

    def _peek(self) -> str:
        return self.source[self.pos] if self.pos < len(self.source) else ""

    def _skip_verbose(self) -> None:
        if not self.verbose[-1]:
            return
        while self.pos < len(self.source):
            char = self.source[self.pos]
            if char.isspace():
                self.pos += 1
            elif char == "#":
                stop = self.source.find("\n", self.pos)
                self.pos = len(self.source) if stop == -1 else stop + 1
            else:
                return

    def _alternation(self) -> tuple:
        branches = [self._sequence()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self._sequence())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def _sequence(self) -> tuple:
        items = []
        while True:
            self._skip_verbose()
            if self._peek() in ("", "|", ")"):
                break
            items.append(self._quantified(self._atom()))
        return items[0] if len(items) == 1 else ("seq", items)

    def _quantified(self, node: tuple) -> tuple:
        while True:
            self._skip_verbose()
            char = self._peek()
            if char in ("?", "*", "+"):
                self.pos += 1
                low, high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[char]
            elif char == "{":
                match = _QUANTIFIER.match(self.source, self.pos)
                if match is None or match.group(0) == "{}":  # a literal brace, or a fuzzy constraint
                    raise UnsupportedPattern(f"brace at {self.pos}")
                self.pos = match.end()
                low = int(match.group(1) or 0)
                high = int(match.group(3)) if match.group(3) else (None if match.group(2) else low)
            else:
                return node
            greedy = self._peek() not in ("?", "+")
            if not greedy:  # lazy or possessive: the same strings can match
                self.pos += 1
            node = ("repeat", node, low, high, self.pos, greedy)

    def _atom(self) -> tuple:
        char = self.source[self.pos]
        self.pos += 1
        if char == "(":
            return self._group()
        if char == "[":
            return self._class()
        if char == "\\":
            return self._escape()
        if char == ".":
            return _ANY
        if char in "^$":
            return _EMPTY
        if char in "*+?{":  # a control verb such as (*SKIP), or a literal brace
            raise UnsupportedPattern(f"{char!r} at {self.pos - 1}")
        return _char_node(char)

    def _group(self) -> tuple:
        src, start = self.source, self.pos
        verbose = self.verbose[-1]
        look = None
        if src.startswith("?#", start):
            stop = src.find(")", start)
            if stop == -1:
                raise UnsupportedPattern("unterminated comment")
            self.pos = stop + 1
            return _EMPTY
        if src.startswith("?P=", start) or src.startswith("?P>", start) or src.startswith("?&", start):
            stop = src.find(")", start)
            if stop == -1:
                raise UnsupportedPattern("unterminated group reference")
            self.pos = stop + 1
            return _ANY  # a back-reference: cut the prefix here
        if src.startswith("?P<", start) or src.startswith("?<", start) and src[start + 2 : start + 3] not in "=!":
            stop = src.find(">", start)
            if stop == -1:
                raise UnsupportedPattern("unterminated group name")
            self.pos = stop + 1
        elif src.startswith("?:", start) or src.startswith("?>", start) or src.startswith("?|", start):
            self.pos = start + 2  # (?>...) atomic: a subset of the plain group's matches
        elif src.startswith("?=", start) or src.startswith("?!", start):
            look = (False, src[start + 1] == "=")
            self.pos = start + 2
        elif src.startswith("?<=", start) or src.startswith("?<!", start):
            look = (True, src[start + 2] == "=")
            self.pos = start + 3
        elif src.startswith("?", start):
            match = re.compile(r"\?([a-zA-Z]*)(?:-([a-zA-Z]*))?:").match(src, start)
            if match is None or set(match.group(1)) & set("frbe"):  # full case, reversed or fuzzy matching
                raise UnsupportedPattern(f"group syntax at {start}")
            if "x" in match.group(1):
                verbose = True
            if match.group(2) and "x" in match.group(2):
                verbose = False
            self.pos = match.end()
        self.verbose.append(verbose)
        node = self._alternation()
        self.verbose.pop()
        if self._peek() != ")":
            raise UnsupportedPattern("missing ')'")
        self.pos += 1
        return ("look", node, *look) if look else node

    def _escape(self) -> tuple:
        if self.pos >= len(self.source):
            raise UnsupportedPattern("trailing backslash")
        char = self.source[self.pos]
        self.pos += 1
        if char in _CLASS_ESCAPES:
            return ("chars", frozenset(_CLASS_ESCAPES[char]))
        if char == "w":
            return _WORD
        if char in "SDWpPX" or char.isdigit() or char == "g":
            if char in "pPg":
                self._skip_braced()
            return _ANY
        if char in _ZERO_WIDTH_ESCAPES:
            return _EMPTY
        return _char_node(self._escaped_char(char))

    def _skip_braced(self) -> None:
        if self._peek() in "{<":
            stop = self.source.find("}" if self._peek() == "{" else ">", self.pos)
            if stop == -1:
                raise UnsupportedPattern("unterminated escape")
            self.pos = stop + 1
        elif self.pos < len(self.source):
            self.pos += 1

    def _escaped_char(self, char: str) -> str:
        if char in _CHAR_ESCAPES:
            return _CHAR_ESCAPES[char]
        if char in "xuU":
            size = {"x": 2, "u": 4, "U": 8}[char]
            digits = self.source[self.pos : self.pos + size]
            if len(digits) != size or any(c not in string.hexdigits for c in digits):
                raise UnsupportedPattern(f"escape \\{char}{digits}")
            self.pos += size
            return chr(int(digits, 16))
        if char.isalnum():
            raise UnsupportedPattern(f"unknown escape \\{char}")
        return char

    def _class(self) -> tuple:
        src = self.source
        negated = self._peek() == "^"
        if negated:
            self.pos += 1
        members: set[str] = set()
        unknown = False
        first = True
        while True:
            if self.pos >= len(src):
                raise UnsupportedPattern("unterminated class")
            char = src[self.pos]
            if char == "]" and not first:
                self.pos += 1
                break
            first = False
            if char == "[" and src[self.pos + 1 : self.pos + 2] in (":", "=", "."):
                raise UnsupportedPattern("POSIX class")
            self.pos += 1
            if char == "\\":
                escaped = src[self.pos]
                self.pos += 1
                if escaped in _CLASS_ESCAPES:
                    members.add(_CLASS_ESCAPES[escaped])
                    continue
                if escaped in "wSDWpP":
                    if escaped in "pP":
                        self._skip_braced()
                    unknown = True
                    continue
                char = "\b" if escaped == "b" else self._escaped_char(escaped)
            if src[self.pos : self.pos + 1] == "-" and src[self.pos + 1 : self.pos + 2] not in ("]", ""):
                self.pos += 1
                high = src[self.pos]
                self.pos += 1
                if high == "\\":
                    high = self._escaped_char(src[self.pos])
                    self.pos += 1
                if ord(high) - ord(char) > _MAX_RANGE:
                    unknown = True
                    continue
                members.update(fold_char(chr(c)) for c in range(ord(char), ord(high) + 1))
                continue
            members.add(fold_char(char))
        if negated or unknown:
            return _ANY
        return ("chars", frozenset(members))


@lru_cache(maxsize=256)
def parse_pattern(source: str, *, verbose: bool) -> tuple:
    """The node tree of a ``regex`` pattern (see the comment above ``_Parser``). Cached: the rules
    are read once to make their runs possessive and once more for the index."""
    try:
        return _Parser(source, verbose).parse()
    except IndexError as err:
        raise UnsupportedPattern(str(err)) from err


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
    return prefixes, says_little or any(len(p) == 1 and p in _WORDLIKE for p in prefixes), lossy


# Translating a pattern for the folded text -------------------------------------------


def folded_pattern(node: tuple) -> str:
    """A standard ``re`` pattern over the folded text that matches wherever ``node`` matches the text.

    Lookarounds are dropped, except a negative one on a single ``\\w`` (kept as one on
    :data:`WORD_CHARS`: only \\w characters fold into those).
    """
    kind = node[0]
    if kind == "chars":
        return _class_source(node[1])
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
    if not positive and inner == _WORD:
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
    return _check(node, frozenset(_possessive_offsets(node)))[0]


def _check(node: tuple, possessive: frozenset[int]) -> tuple[str, bool, str]:
    """``node`` as :func:`check_source` writes it, whether whole (False: the check ends there), and
    its shape: "atom" (takes a quantifier), "seq" or "alt" (to be wrapped where that matters)."""
    kind = node[0]
    if kind == "chars":
        chars = node[1] | {"?"} if "i" in node[1] else node[1]
        return (re.escape(next(iter(chars))) if len(chars) == 1 else _class_source(chars)), True, "atom"
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


def _class_source(chars: frozenset[str]) -> str:
    if not chars:
        return "(?!)"
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


# Possessive runs ---------------------------------------------------------------


def _first_chars(node: tuple) -> tuple[frozenset[str] | None, bool]:
    """The folded characters a match of ``node`` can begin with (None: any), and whether it can be empty."""
    kind = node[0]
    if kind == "chars":
        return node[1], False
    if kind in ("any", "word"):
        return None, False
    if kind in ("empty", "look"):
        return frozenset(), True
    if kind == "repeat":
        chars, empty = _first_chars(node[1])
        return chars, empty or node[2] == 0
    items = node[1] if kind == "seq" else None
    found: set[str] = set()
    if kind == "alt":
        empty = False
        for branch in node[1]:
            chars, can_be_empty = _first_chars(branch)
            if chars is None:
                return None, False
            found |= chars
            empty = empty or can_be_empty
        return frozenset(found), empty
    for item in items:
        chars, empty = _first_chars(item)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def _then(chars: frozenset[str] | None, empty: bool, follow: frozenset[str] | None) -> frozenset[str] | None:
    """What may come first after a point: ``chars`` (None: anything), and ``follow`` too if that can be empty."""
    if chars is None or (empty and follow is None):
        return None
    return chars | follow if empty else chars


def _possessive_offsets(node: tuple, follow: frozenset[str] | None = None) -> list[int]:
    """Source offsets after greedy unbounded runs of a character class (``\\s+``, ``[\\s-]*``) that
    what follows them (``follow``: the folded characters it may begin with, None: any) can never
    begin with: giving back characters of such a run cannot help the match, so the run can be
    made possessive without changing any match. Lookarounds are left alone."""
    kind = node[0]
    if kind == "alt":
        return [offset for branch in node[1] for offset in _possessive_offsets(branch, follow)]
    if kind == "repeat":
        found = []
        if node[3] is None and node[5] and node[1][0] == "chars" and follow is not None and not follow & node[1][1]:
            found.append(node[4])
        # inside a repeat, what follows may also be the repeat's next round
        inner = follow
        if node[3] is None or node[3] > 1:
            again = _first_chars(node[1])[0]
            inner = None if again is None or follow is None else again | follow
        return found + _possessive_offsets(node[1], inner)
    if kind != "seq":
        return []
    found = []
    items = node[1]
    for index, item in enumerate(items):
        found += _possessive_offsets(item, _then(*_first_chars(("seq", items[index + 1 :])), follow))
    return found


def with_possessive_runs(source: str, *, verbose: bool) -> str:
    """``source`` with the runs of :func:`_possessive_offsets` made possessive (``\\s+`` -> ``\\s++``).

    A run that cannot give back characters fails in time linear in its length where a greedy
    one may retry what follows at every shorter length (``the`` followed by a million spaces)."""
    try:
        tree = parse_pattern(source, verbose=verbose)
    except UnsupportedPattern:
        return source
    rewritten = source
    for offset in sorted(_possessive_offsets(tree), reverse=True):
        rewritten = rewritten[:offset] + "+" + rewritten[offset:]
    if rewritten != source:  # the same strings match: the index can read the tree it already has
        _PARSED[(rewritten, verbose)] = tree
    return rewritten


_PARSED: dict[tuple[str, bool], tuple] = {}  # trees of patterns made possessive, by their new source


def _consumed(node: tuple) -> frozenset[str] | None:
    kind = node[0]
    if kind == "chars":
        return node[1]
    if kind in ("any", "word"):
        return None
    if kind in ("empty", "look"):
        return frozenset()
    if kind == "repeat":
        return _consumed(node[1])
    found: set[str] = set()
    for item in node[1]:
        chars = _consumed(item)
        if chars is None:
            return None
        found |= chars
    return frozenset(found)


def consumed_chars(pattern: Any) -> frozenset[str] | None:
    """The folded characters a match of a compiled ``regex`` pattern may hold (lookarounds aside),
    or None if any (or if the pattern cannot be read)."""
    if pattern.flags & (regex.FULLCASE | regex.REVERSE | regex.BESTMATCH | regex.ENHANCEMATCH):
        return None
    verbose = bool(pattern.flags & regex.VERBOSE)
    try:
        return _consumed(_PARSED.get((pattern.pattern, verbose)) or parse_pattern(pattern.pattern, verbose=verbose))
    except UnsupportedPattern:
        return None


# Running patterns at their candidate starts --------------------------------------------


def finditer_at(pattern: Any, text: str, starts: Sequence[int]) -> Iterator[Any]:
    """``pattern.finditer(text)``, trying only ``starts`` (sorted): exact when every match starts at one of them."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            end = max(match.end(), start + 1)


@dataclass(frozen=True)
class _Branch:
    """Where one top-level alternative of a pattern may match."""

    prefixes: frozenset[str] = frozenset()  # ... where one of these begins,
    scan: str | None = None  # ... or (when its prefixes say little) where this folded pattern matches,
    word_start: bool = False  # ... and only after a non-word character
    lossy: bool = False  # some prefixes were cut shorter than PREFIX_LENGTH


_WORD_START = ("look", _WORD, True, False)  # (?<!\w)


def _split(node: tuple, word_start: bool = False) -> list[tuple[tuple, tuple, bool]]:
    """The top-level alternatives of a pattern: each as read for prefixes (without zero-width
    items at either end) and whole, with whether it matches only at word starts."""
    items = list(node[1]) if node[0] == "seq" else [node]
    while items and items[0][0] in ("look", "empty"):
        word_start = word_start or items[0] == _WORD_START
        items.pop(0)
    while items and items[-1][0] in ("look", "empty"):
        items.pop()
    if len(items) == 1 and items[0][0] == "alt":
        return [found for branch in items[0][1] for found in _split(branch, word_start)]
    return [(("seq", items), node, word_start)]


def _tree(pattern: Any) -> tuple:
    """The node tree of a compiled ``regex`` pattern (raises :class:`UnsupportedPattern`)."""
    verbose = bool(pattern.flags & regex.VERBOSE)
    return _PARSED.get((pattern.pattern, verbose)) or parse_pattern(pattern.pattern, verbose=verbose)


def pattern_branches(pattern: Any) -> list[_Branch] | None:
    """Where the alternatives of a compiled ``regex`` pattern may match, or None if anywhere."""
    if pattern.flags & (regex.FULLCASE | regex.REVERSE | regex.BESTMATCH | regex.ENHANCEMATCH):
        return None  # a character may match two (full case folding), or matches run backwards
    try:
        node = _tree(pattern)
    except UnsupportedPattern:
        return None
    branches = []
    for branch, whole, word_start in _split(node):
        prefixes, says_little, lossy = start_prefixes(branch)
        if "" in prefixes:  # it may match anywhere, even the empty string
            return None
        if word_start and any(p.startswith(" ") for p in prefixes):
            return None  # (?<!\w)\s+...: the stops look for word-start prefixes after a non-word character only
        if not says_little:
            branches.append(_Branch(prefixes=prefixes, word_start=word_start, lossy=lossy))
        elif word_start and _within_a_word(whole):
            # read from each word start, a scan reads each word once: linear in the text
            branches.append(_Branch(scan=folded_pattern(whole), word_start=True))
        else:
            return None
    return branches


def _within_a_word(node: tuple) -> bool:
    """Whether every character ``node`` consumes is a word character (lookarounds aside)."""
    kind = node[0]
    if kind == "chars":
        return node[1] <= _WORDLIKE | {"?"}
    if kind in ("seq", "alt"):
        return all(_within_a_word(item) for item in node[1])
    if kind == "repeat":
        return _within_a_word(node[1])
    return kind in ("word", "empty", "look")


class PatternIndex:
    """Runs a fixed list of compiled ``regex`` patterns over texts, each only where it can start.

    ``index.finditer(text)`` gives, for each pattern in order, the list of matches of
    ``pattern.finditer(text)``, from one pass over the folded text that stops at each non-word
    character (see :class:`_Stops`) and tries there only the patterns whose prefixes begin.
    Build once per list of patterns.
    """

    def __init__(self, patterns: Sequence[Any]) -> None:
        self.patterns = tuple(patterns)
        branches = [pattern_branches(p) for p in self.patterns]
        owners: dict[str, dict[str, set[int]]] = {"word": {}, "lead": {}, "other": {}}
        scans = []
        for number, found in enumerate(branches):
            for branch in found or ():
                if branch.scan is not None:
                    scans.append((branch.scan, number))
                for prefix in branch.prefixes:
                    # a prefix that begins with a non-word character is found where the scan stops on it
                    kind = "word" if branch.word_start else "other" if re.match(f"[{WORD_CHARS}]", prefix) else "lead"
                    owners[kind].setdefault(prefix, set()).add(number)
        self._stops = _Stops(owners["word"], owners["lead"], scans)
        # prefixes that begin with a word character anywhere (not after a non-word one) need a pass
        # of their own, stepping on each such character; their patterns are tried after the stops
        self._other = None
        if owners["other"]:
            trie = _Trie(owners["other"])
            first = _class_source(frozenset(p[0] for p in owners["other"]))
            self._other = (re.compile(f"{first}(?<=(?=({trie.source})).)"), trie.owners)
        self._deferred = [any(n in numbers for numbers in owners["other"].values()) for n in range(len(self.patterns))]
        self._whole = [number for number, found in enumerate(branches) if found is None]
        self._matchers = [pattern.match for pattern in self.patterns]
        # a pattern some of whose prefixes had to be cut short is checked on the folded text first
        # ("the year" may begin "the year to March": most places found are not): an re match costs
        # a fraction of a regex one, most of it the call
        self._checks = [
            re.compile(check_source(_tree(pattern))).match if any(b.lossy for b in found or ()) else None
            for pattern, found in zip(self.patterns, branches)
        ]
        # whether finditer can read a stretch of a text: every pattern is found from the stops alone
        self.sliceable = self._other is None and not self._whole and not any(self._deferred)

    def reference_finditer(self, text: str) -> list[list[Any]]:
        """The plain reference mode: for each pattern, the list of ``pattern.finditer(text)``. Slower by far
        (each pattern is tried at every position), and what :meth:`finditer` must give; tests compare them."""
        return [list(pattern.finditer(text)) for pattern in self.patterns]

    def finditer(
        self, text: str, folded: str | None = None, start: int = 0, stop: int | None = None
    ) -> list[list[Any]]:
        """For each pattern, the list of its ``finditer`` matches over ``text`` (``folded``: ``fold_for_index(text)``).

        With ``start``/``stop`` (only if :attr:`sliceable`): the matches that begin in ``start:stop``
        of ``pattern.finditer(text, start)``, the same as those of the whole text when no match
        of the whole text runs across ``start`` (the caller's to know). ``text[start - 1]`` must not be
        white space (a prefix that begins with a run of spaces is read from the start of the run).
        """
        folded = fold_for_index(text) if folded is None else folded
        limit = len(text) if stop is None else stop
        if (start or stop is not None) and not self.sliceable:
            raise ValueError("this index reads whole texts only")
        matchers, checks = self._matchers, self._checks
        results: list[list[Any]] = [[] for _ in self.patterns]
        ends = [start] * len(self.patterns)
        deferred = self._deferred
        pending: dict[int, list[int]] = {}
        stops = self._stops
        for stop_match in stops.pattern.finditer(" " + folded, start) if stops.pattern is not None else ():
            stop = stop_match.start()
            if stop > limit:  # its positions lie at or after the limit
                break
            groups = stop_match.groups()
            for offset, owners, indices in stops.parts:
                for index in indices:
                    prefix = groups[index]
                    if prefix is not None:
                        break
                else:
                    continue
                position = stop + offset
                if prefix[:1] == " ":  # a prefix that begins with a run of spaces may begin anywhere in it
                    positions = range(max(position, 0), position + len(prefix) - len(prefix.lstrip(" ")))
                elif position >= 0:
                    positions = (position,)
                else:
                    continue
                numbers = owners[prefix]
                for position in positions:
                    if position >= limit:
                        break
                    for number in numbers:
                        if position < ends[number]:
                            continue  # inside this pattern's previous match, as in finditer
                        if deferred[number]:
                            pending.setdefault(number, []).append(position)
                            continue
                        check = checks[number]
                        if check is not None and check(folded, position) is None:
                            continue  # no match can begin here
                        match = matchers[number](text, position)
                        if match is not None:
                            results[number].append(match)
                            end = match.end()
                            ends[number] = end if end > position else position + 1
        if self._other is not None:  # its prefixes begin with a word character, so not with a run
            pattern, owners = self._other
            for match in pattern.finditer(folded):
                for number in owners[match.group(1)]:
                    pending.setdefault(number, []).append(match.start())
        for number, positions in pending.items():
            results[number] = list(finditer_at(self.patterns[number], text, sorted(set(positions))))
        for number in self._whole:
            results[number] = list(self.patterns[number].finditer(text))
        return results


class _Trie:
    """Prefixes as one ``re`` pattern (``source``) that captures the longest one beginning at a
    position, with the patterns owning it or any shorter prefix of it (``owners``)."""

    def __init__(self, owners: dict[str, set[int]]) -> None:
        root: dict = {}
        for prefix in owners:
            node = root
            for char in prefix:
                node = node.setdefault(char, {})
            node[""] = {}
        self.source = _trie_source(root, top=True)
        self.owners = _Owners(
            (prefix, tuple(sorted(set().union(*(owners.get(prefix[:size], ()) for size in range(1, len(prefix) + 1))))))
            for prefix in owners
        )


class _Always(dict):
    """The owners of a scan: its one pattern, whatever the scan read."""

    def __init__(self, numbers: tuple[int, ...]) -> None:
        super().__init__()
        self.numbers = numbers

    def __missing__(self, key: str) -> tuple[int, ...]:
        return self.numbers


class _Owners(dict):
    """Patterns by prefix; a prefix read from the text has a run of spaces where the key has one space."""

    def __missing__(self, key: str) -> tuple[int, ...]:
        return self[_SPACE_RUN.sub(" ", key)]


_SPACE_RUN = re.compile(" {2,}")


class _Stops:
    """One pass over the folded text that stops at each non-word character and looks, after it,
    for word-start prefixes and scans, and at it, for prefixes that begin with it (``", "``, ``" and "``).

    For parts P0..Pn the pattern is ``[^\\w](?:P0 P1? .. Pn? | P1 P2? .. Pn? | .. | Pn)``, each part
    a capturing lookaround: a stop needs one part, and reports all the parts found there. The
    text is read with a space in front, so that a word at its very start follows a stop too.
    """

    def __init__(self, word: dict[str, set[int]], lead: dict[str, set[int]], scans: list[tuple[str, int]]) -> None:
        # (offset of the position from the stop, owners by prefix, lookaround with a group);
        # the big trie of word prefixes comes first, so that it is written (and compiled) once
        parts: list[tuple[int, dict[str, tuple[int, ...]], str]] = []
        if word:
            trie = _Trie(word)
            parts.append((0, trie.owners, f"(?=({trie.source}))"))
        if lead:
            trie = _Trie(lead)
            parts.append((-1, trie.owners, f"(?<=(?=({trie.source})).)"))
        parts += [(0, _Always((number,)), f"(?=({scan}))") for scan, number in scans]
        self.pattern = None
        if not parts:
            return
        branches = []
        groups: list[list[int]] = [[] for _ in parts]  # where each part's capture may be
        for first in range(len(parts)):
            branch = []
            for index in range(first, len(parts)):
                branch.append(f"(?:{parts[index][2]}){'?' if index > first else ''}")
                groups[index].append(sum(len(g) for g in groups))
            branches.append("".join(branch))
        self.pattern = re.compile(f"[^{WORD_CHARS}](?:{'|'.join(branches)})")
        # report a stop's parts in the order of their positions: the stop itself, then what follows it
        order = sorted(range(len(parts)), key=lambda index: parts[index][0])
        self.parts = tuple((parts[index][0], parts[index][1], tuple(groups[index])) for index in order)


def _trie_source(node: dict, top: bool = False) -> str:
    """The trie as a pattern that tries longer prefixes first (so a match captures the longest).

    A space reads a run of spaces; one that begins a prefix, only from the start of the run
    (each run is then read once; the caller tries every position of the run). Besides runs, it
    reads at most ``PREFIX_LENGTH`` characters, so that a scan stays linear in the text."""
    parts = []
    for char, child in sorted(node.items()):
        if char == " ":
            parts.append(("(?<! ) +" if top else " +") + _trie_source(child))
        elif char:
            parts.append(re.escape(char) + _trie_source(child))
    if "" in node:
        parts.append("")
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"
