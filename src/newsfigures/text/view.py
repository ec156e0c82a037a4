"""The text every stage reads: the article with layout that carries no meaning taken out.

A hard-wrapped wire story breaks its lines anywhere ("6.3 mln\\ndlrs", "since early\\nJanuary"); web text
carries no-break and thin spaces, ``\\r\\n`` line ends and full-width digits. None of that is meaning, so the
stages read a *view* of the text with the same length (every offset in it is an offset in the article,
and mentions keep the article's own characters):

- full-width digits and signs become ASCII (``text.fold.fold_width``);
- Unicode spaces become a space, except a no-break or thin space between digits (a group separator);
- ``\\r`` becomes a space before ``\\n`` and a line break elsewhere;
- in a text whose single line breaks wrap lines (most of them fall inside a sentence), or that has none,
  a single line break is a space, and a run of three or more white-space characters is a paragraph break
  (a line break, then spaces); a title with a short dateline under it keeps its lines. Turning a wrapped story's single line breaks into spaces therefore gives the
  same view. A text that puts one paragraph on each line keeps its line breaks.
"""

from __future__ import annotations

import re

from .fold import fold_width
from ..resources import load_json, per_patterns

# Unicode white space other than space, tab and line breaks (no-break, en/em, thin, ideographic...)
_UNICODE_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u0085\u2028\u2029\x0b\x0c]")
_DIGIT_GROUP = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d)")
_CR = re.compile(r"\r")
# a line break with no white space on either side: a wrap, or the end of a one-line paragraph
_BARE_BREAK = re.compile(r"(?<=[^\s])\n(?=[^\s])")
_INDENTED_LINE = re.compile(r"\n[ \t]{2,}\S")
# a run of two or more white-space characters, or a line break alone: every run ``_layout`` may change (it leaves
# a run of two spaces or tabs as it is); the pattern opens with one class, which the engine scans the text for
_LAYOUT_SPACE = re.compile(r"[ \t\n][ \t\n]+|\n")


def reading_text(text: str) -> str:
    """The view of ``text`` the stages read (same length; see the module docstring)."""
    view = fold_width(text)
    if _UNICODE_SPACE.search(view):
        groups = {m.start() for m in _DIGIT_GROUP.finditer(view)}
        view = _UNICODE_SPACE.sub(lambda m: m.group(0) if m.start() in groups else " ", view)
    if "\r" in view:
        view = _CR.sub(lambda m: " " if view.startswith("\n", m.end()) else "\n", view)
    if "\n" not in view or wraps_lines(view):
        header = _HEADER.match(view)
        body_start = header.end() if header else 0
        view = view[:body_start] + _LAYOUT_SPACE.sub(_layout, view[body_start:])
    return view


# A title line and a short dateline under it ("Updated: 2024-12-23"): a header whose lines stay lines even when
# the body below is hard-wrapped.
_HEADER = re.compile(
    r"[^\n]{1,200}\n(?=[^\n]{6,40}\n)(?:(?i:(?:last\s)?updated|(?:first\s)?published|posted|dated?|modified|released)\b"
    r"[^\n]*\d|\d{4}-\d\d-\d\d|\d{1,2}\s[A-Z][a-z]+\s\d{4}|[A-Z][a-z]{2,8}\.?\s\d{1,2},?\s\d{4})[^\n]*\n"
)


def wraps_lines(text: str) -> bool:
    """Whether the single line breaks of ``text`` wrap its lines rather than end its paragraphs: always in a
    text whose paragraphs are indented (as wire copy's are); else when at least one, and at least a third of
    them, fall inside a sentence: they run on into a lower-case word or a number, or follow a comma or a
    lower-case word (a title, the first line, may end in one)."""
    if _INDENTED_LINE.search(text):
        # paragraphs marked by indenting, as wire copy does: its other line breaks wrap (if it has any)
        return _BARE_BREAK.search(text) is not None
    breaks = inside = 0
    title_end = text.find("\n")
    for m in _BARE_BREAK.finditer(text):
        following, before = text[m.end()], text[m.start() - 1]
        inside += (
            following.islower()
            or following.isdigit()
            or before in ",;"
            or before.islower() and (m.start() != title_end or _last_word(text, m.start()) in _function_words())
        )
        breaks += 1
    return inside >= 1 and 3 * inside >= breaks


_WORD_BEFORE = re.compile(r"[A-Za-z]+$")


def _last_word(text: str, end: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, end - 20), end)
    return m.group(0).lower() if m else ""


@per_patterns
def _function_words() -> frozenset[str]:
    """Words a title or a paragraph does not end on ("in", "the", "of"...): the words that end a counted noun
    phrase (``patterns/quantities/counts.json``)."""
    return frozenset(load_json("counts.json")["stop_words"])


def _layout(m: re.Match) -> str:
    """A run of white space in a wrapped text: a blank line stays, and so does a run shorter than three characters
    without a line break (two spaces); three or more characters are a paragraph break; a shorter run with a line
    break (a wrap) is spaces."""
    run = m.group(0)
    if "\n\n" in run or (len(run) < 3 and "\n" not in run):
        return run
    return "\n" + " " * (len(run) - 1) if len(run) >= 3 else " " * len(run)
