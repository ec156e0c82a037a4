"""A ``regex`` pattern read as a tree over a folded alphabet, for the pattern index and the cue scanner.

The folded alphabet (:func:`fold_for_index`): ASCII letters lower-cased, every digit ``0``, every white space
a space, other non-ASCII characters ``?`` (but letters that match an ASCII letter case-insensitively, like
``ſ`` or the Kelvin sign, that letter). A folded text has the same length as the text.

:func:`parse_pattern` reads a pattern's source into nodes over that alphabet (see the comment above
``_Parser``); :func:`with_possessive_runs` makes runs such as ``\\s+`` possessive where that cannot change a
match, so that ``the`` followed by a million spaces is not retried a million times; :func:`consumed_chars`
says which folded characters a match may hold.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Any

import regex

WORD_CHARS = "a-z0-9_"  # folded characters that only come from \w characters
WORDLIKE = frozenset(string.ascii_lowercase + "0_")

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
WORD_NODE = ("word",)  # \w: one unknown character, kept apart for the (?<!\w) word-start idiom
_EMPTY = ("empty",)
_CLASS_ESCAPES = {"s": " ", "d": "0"}  # folded forms of \s and \d; \w, \S, \D, \W match "any"
_ZERO_WIDTH_ESCAPES = set("bBAZGmM")
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_MAX_RANGE = 5000


@lru_cache(maxsize=1024)
def _char_node(char: str) -> tuple:
    return ("chars", frozenset(fold_char(char)))


class _CharReader:
    """Reads the character-level pieces of a pattern at ``pos``: escapes and character classes."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0

    def _peek(self) -> str:
        return self.source[self.pos] if self.pos < len(self.source) else ""

    def _escape(self) -> tuple:
        if self.pos >= len(self.source):
            raise UnsupportedPattern("trailing backslash")
        char = self.source[self.pos]
        self.pos += 1
        if char in _CLASS_ESCAPES:
            return ("chars", frozenset(_CLASS_ESCAPES[char]))
        if char == "w":
            return WORD_NODE
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


class _Parser(_CharReader):
    """The grammar: alternations, sequences, quantifiers, atoms and groups (with verbose mode)."""

    def __init__(self, source: str, verbose: bool) -> None:
        super().__init__(source)
        self.verbose = [verbose]

    def parse(self) -> tuple:
        node = self._alternation()
        if self.pos != len(self.source):
            raise UnsupportedPattern(f"unbalanced ')' at {self.pos}")
        return node

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


@lru_cache(maxsize=256)
def parse_pattern(source: str, *, verbose: bool) -> tuple:
    """The node tree of a ``regex`` pattern (see the comment above ``_Parser``). Cached: the rules
    are read once to make their runs possessive and once more for the index."""
    try:
        return _Parser(source, verbose).parse()
    except IndexError as err:
        raise UnsupportedPattern(str(err)) from err


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


def first_letters(source: str) -> frozenset[str] | None:
    """The lower-case ASCII letters a match of the pattern ``source`` can begin with, read from the pattern; None
    when it may begin with anything else, may be empty, or is beyond the parser."""
    try:
        chars, empty = _first_chars(parse_pattern(source, verbose=False))
    except UnsupportedPattern:
        return None
    if chars is None or empty or not chars or not all(c.isascii() and c.isalpha() for c in chars):
        return None
    return frozenset(chars)


def _then(chars: frozenset[str] | None, empty: bool, follow: frozenset[str] | None) -> frozenset[str] | None:
    """What may come first after a point: ``chars`` (None: anything), and ``follow`` too if that can be empty."""
    if chars is None or (empty and follow is None):
        return None
    return chars | follow if empty else chars


def possessive_offsets(node: tuple, follow: frozenset[str] | None = None) -> list[int]:
    """Source offsets after greedy unbounded runs of a character class (``\\s+``, ``[\\s-]*``) that
    what follows them (``follow``: the folded characters it may begin with, None: any) can never
    begin with: giving back characters of such a run cannot help the match, so the run can be
    made possessive without changing any match. Lookarounds are left alone."""
    kind = node[0]
    if kind == "alt":
        return [offset for branch in node[1] for offset in possessive_offsets(branch, follow)]
    if kind == "repeat":
        found = []
        if node[3] is None and node[5] and node[1][0] == "chars" and follow is not None and not follow & node[1][1]:
            found.append(node[4])
        # inside a repeat, what follows may also be the repeat's next round
        inner = follow
        if node[3] is None or node[3] > 1:
            again = _first_chars(node[1])[0]
            inner = None if again is None or follow is None else again | follow
        return found + possessive_offsets(node[1], inner)
    if kind != "seq":
        return []
    found = []
    items = node[1]
    for index, item in enumerate(items):
        found += possessive_offsets(item, _then(*_first_chars(("seq", items[index + 1 :])), follow))
    return found


def with_possessive_runs(source: str, *, verbose: bool) -> str:
    """``source`` with the runs of :func:`possessive_offsets` made possessive (``\\s+`` -> ``\\s++``).

    A run that cannot give back characters fails in time linear in its length where a greedy
    one may retry what follows at every shorter length (``the`` followed by a million spaces)."""
    try:
        tree = parse_pattern(source, verbose=verbose)
    except UnsupportedPattern:
        return source
    rewritten = source
    for offset in sorted(possessive_offsets(tree), reverse=True):
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


def pattern_tree(pattern: Any) -> tuple:
    """The node tree of a compiled ``regex`` pattern (raises :class:`UnsupportedPattern`)."""
    verbose = bool(pattern.flags & regex.VERBOSE)
    return _PARSED.get((pattern.pattern, verbose)) or parse_pattern(pattern.pattern, verbose=verbose)
