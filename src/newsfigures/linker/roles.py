"""A figure's role (level, change, share, target, forecast) and direction: the rules of
``patterns/linker/roles.jsonl``, each a function registered here under its id and applied by
:mod:`newsfigures.linker.rules` in table order (the table says what each rule reads and sets)."""

from __future__ import annotations

import regex

from ..resources import load_jsonl, per_patterns
from ..text.fastre import compile_fast as _compile
from ..text.prefilter import Prefilter
from . import rules
from .period import JOINED_FIGURES
from .reading import FigureReading
from .text import (
    CONTINUED,
    WORD,
    FigureRef,
    Link,
    change_in_by,
    direction_of,
)

RULES_FILE = "roles.jsonl"

DIRECTION_WINDOW = 8  # words before the figure in which a change word counts

COUNT_WINDOW = 2  # for counts, which change words govern only from right before them

_ANSWERS: dict[str, rules.Answer] = {}


def _rule(rule_id: str):
    """Register the function that answers for the rule ``rule_id`` of the table."""

    def register(function):
        _ANSWERS[rule_id] = function
        return function

    return register


@per_patterns
def role_rules() -> dict[str, tuple[rules.CompiledRule, ...]]:
    """The role and direction rules by stage, read from the table and checked against the functions here."""
    return rules.compile_table(load_jsonl(RULES_FILE), _ANSWERS, RULES_FILE)


def apply_role_rules(stage: str, reading: FigureReading, link: Link) -> None:
    """Apply the rules of ``stage`` ("clause", "before" or "subject") to one figure's link."""
    rules.apply(role_rules()[stage], reading, link)


# -- stage "clause": the direction, from the words of the figure's clause ---------------------------------


@_rule("comparative-after")
def _comparative_after(r: FigureReading, link: Link):
    """ "0.3 percentage points lower", "$180 more than a year earlier"."""
    comparatives = r.cues["comparatives"]
    if r.right_next in comparatives and r.fig.counted is None:
        return {"direction": comparatives[r.right_next], "cue": r.right_next}
    return None


# a move in index points restated as a percentage: "shed 45 points, or [0.6%]", "rose 12.5 points, or about [0.5 pct]"
_POINTS_OR = _compile(
    r"\b(?P<verb>[A-Za-z]++)\s++(?:a\s++)?[\d.,/-]++\s++(?:index\s++)?points?\s*+,?\s*+or\s++(?:[a-z]++\s++)?\Z"
)


@_rule("points-restated")
def _points_restated(r: FigureReading, link: Link):
    """ "shed 45 points, or 0.6%": the percentage restates the move in points, so it is the change, in the
    direction of the verb."""
    lo = max(0, r.fig.start - 80)  # ", or" ends the clause: read past it
    m = _POINTS_OR.search(r.text, lo, r.fig.start) if _POINTS_OR_NEEDS.may_match(r.text[lo : r.fig.start]) else None
    direction = direction_of(m["verb"].lower(), r.cues) if m else None
    return {"direction": direction, "role": "change"} if direction else None


@_rule("change-word-before")
def _change_word_before(r: FigureReading, link: Link):
    """The nearest change word before the figure that governs it, in a window of words (the clause when the
    figure is reached by "to" or "by"); a change noun reached by "to" yields to a verb before it."""
    left, fig = r.left, r.fig
    window = len(left) if r.reached_by_to else COUNT_WINDOW if fig.kind == "count" else DIRECTION_WINDOW
    lo = max(0, len(left) - window)
    # the change word of each word in the window (direction_of's table), read in C (most words are none), then
    # read closer
    directions = list(map(r.cues["direction_forms"].get, map(WORD, left[lo:])))
    if not (any(directions) or fig.kind == "count"):
        return None
    noun = None
    for i in range(len(left) - 1, lo - 1, -1):
        direction = _word_direction(r, i, directions[i - lo])
        if direction is None:
            continue
        verdict = _governs(r, i)
        if verdict == "stop":
            break
        if verdict == "skip":
            continue
        if verdict == "noun" and noun is None:
            noun = (i, direction)
            continue
        r.verb_index = i
        return {"direction": direction, "cue": left[i][2]}
    if noun is None:
        return None
    r.verb_index = noun[0]
    return {"direction": noun[1], "cue": left[noun[0]][2]}


def _word_direction(r: FigureReading, i: int, direction: str | None) -> str | None:
    """The direction of the i-th word before the figure: its change word, none for a loss or a money gain (a
    level); for a count, also a verb that opens or closes things ("opened 37 stores") unless after "had" (a total by
    then)."""
    word, cues = r.left[i][2], r.cues
    if direction is not None and (word in cues["losses"] or (r.fig.kind == "money" and word in cues["money_gains"])):
        direction = None  # "a loss of $5 million", "a gain of 432,000 dlrs on the sale": an amount
    if direction is not None or r.fig.kind != "count" or (i and r.left[i - 1][2] == "had"):
        return direction
    if word in cues["count_increase"]:
        return "increase"
    if word in cues["count_decrease"]:
        return "decrease"
    return None


def _governs(r: FigureReading, i: int) -> str:
    """Whether the change word at ``i`` governs the figure: "verb", "noun" (a change noun reached by "to", taken
    when no verb is), "skip" (look further back) or "stop" (nothing further back governs)."""
    word, fig, cues = r.left[i][2], r.fig, r.cues
    if r.attributive:
        return "stop"  # "shrinking its $6.9 trillion balance sheet": the verb acts on the noun, not on the figure
    after_cue = [w[2] for w in r.left[i + 1 :]]
    # counts take a change verb only right before them ("employers added 58,200 jobs"), not "grew in 20 regions"
    if fig.kind == "count" and not r.reached_by_to and any(w not in cues["count_fillers"] for w in after_cue):
        return "stop"
    if word in cues["noun_like"] and any(w not in ("by", "of") for w in after_cue):
        return "skip"  # "signed contracts worth $100 million"
    if fig.kind == "money" and not after_cue and _RAISE.fullmatch(word):
        return "stop"  # "hopes to raise ₹50,000 crore from disinvestment": money raised, not a rise
    if after_cue and after_cue[0] in cues["level_verbs_after_noun"]:
        return "stop"  # "growth averaged about 2.5%", "the increase was 3%": a noun that a level verb describes
    if r.reached_by_to and word in cues["trend_nouns"]:
        return "noun"  # "lower its forecast for GDP growth to 6.5%": the verb, if any
    return "verb"


@_rule("continued-clause")
def _continued_clause(r: FigureReading, link: Link):
    """ ", by a quarter point" continues the clause before it: its change word governs."""
    if not CONTINUED.match(r.text, r.clause_start, r.fig.start):
        return None
    for _, _, word in reversed(r.doc.words(max(0, r.clause_start - 60), r.clause_start)[-DIRECTION_WINDOW:]):
        if direction_of(word, r.cues):
            return {"direction": direction_of(word, r.cues), "cue": word}
    return None


@_rule("change-in-by")
def _change_in_by(r: FigureReading, link: Link):
    """ "saw a year-on-year increase in green credit balances by 10.9%"."""
    change_in = change_in_by().search(r.left_text) if r.before == "by" else None
    if change_in:
        return {"direction": direction_of(change_in["noun"], r.cues), "cue": change_in["noun"]}
    return None


@_rule("word-after")
def _word_after(r: FigureReading, link: Link):
    """The word right after an uncounted figure: "two rate cuts", "5% higher" (only that word: "contributed 2.5
    points to growth" is no increase)."""
    if r.fig.counted is not None or not r.right:
        return None
    word = r.right_next
    direction = r.cues["up_or_down"].get(word) or direction_of(word, r.cues)
    return {"direction": direction, "cue": word} if direction else None


@_rule("change-noun-after-next")
def _change_noun_after_next(r: FigureReading, link: Link):
    """ "18-20 per cent loan growth", "a 3% price rise": a change noun after one word that is not a verb."""
    right, cues = r.right, r.cues
    if r.fig.counted is not None or len(right) < 2 or right[1][2] not in cues["change_nouns"]:
        return None
    first = right[0][2]
    if first in cues["prepositions"] or direction_of(first, cues) or first in cues["verbs"]:
        return None
    return {"direction": direction_of(right[1][2], cues), "cue": right[1][2]}


# -- stage "clause": a comparison, then the role ---------------------------------------------------------


@_rule("compared-with")
def _compared_with(r: FigureReading, link: Link) -> bool:
    """ "down from 6.5%", "from a record $5.02", "compared with 6.8%", "below the £104.4bn the OBR expected"; a
    figure joined to a compared one ("up from 4.2 bln in January and 3.9 bln in February 1986")."""
    if r.previous is not None and "from" in r.previous[1].cues:
        prev = r.previous[0]
        if JOINED_FIGURES.fullmatch(r.text, prev.end, r.fig.start):
            return True
    left_text = r.left_text
    # "from" among the last four words: read only where the clause has it
    recent = [w[2] for w in r.left[-4:]] if "from" in left_text else ()
    return bool(
        "from" in recent
        and not any(direction_of(w, r.cues) for w in recent[recent.index("from") :])
        or _COMPARED_WITH_NEEDS.may_match(left_text)
        and _COMPARED_WITH.search(left_text)
        or _SHORT_OF_NEEDS.may_match(left_text)
        and _SHORT_OF.search(left_text)
        and not r.right_text.lstrip().startswith(r.cues["target_after"])
    )


@_rule("compared-change-noun-after")
def _compared_change_noun_after(r: FigureReading, link: Link):
    """ "a smaller drop than the 10.6 percent decline": a decline."""
    word = r.right_next
    if word in r.cues["change_nouns"] and word not in r.cues["trend_nouns"]:
        return {"direction": direction_of(word, r.cues)}
    return None


@_rule("compared-expected")
def _compared_expected(r: FigureReading, link: Link) -> bool:
    """ "above the 1.5% economists had forecast"."""
    return r.expected_after()


@_rule("compared-share")
def _compared_share(r: FigureReading, link: Link) -> bool:
    """ "its share rose to 9.4% from 9.2%", "compared with 53.5% of the market"."""
    fig = r.fig
    return (
        fig.kind == "percentage"
        and fig.unit == "percent"
        and (r.share_of_before() or _OF_AFTER.match(r.right_text) is not None)
    )


@_rule("target")
def _target(r: FigureReading, link: Link) -> bool:
    """ "the 2 per cent inflation target", "aims for growth of 5%"."""
    right_text = r.right_text
    return bool(
        right_text.lstrip().startswith(r.cues["target_after"])
        or (_TARGET_AFTER_NEEDS.may_match(right_text) and _TARGET_AFTER.match(right_text))
        or r.cue_word
        and r.cues["target_re"].search(r.governing)
    )


@_rule("forecast")
def _forecast(r: FigureReading, link: Link) -> bool:
    """ "economists expect GDP to expand 2.3%", "the $2.21 analysts had expected", "it now projects 1.2%"."""
    governing = r.governing
    return bool(
        r.cue_word
        and r.cues["forecast_re"].search(governing)
        or r.expected_after()
        or (_PROJECTS_NEEDS.may_match(governing) and _PROJECTS.search(governing))
    )


@_rule("share")
def _share(r: FigureReading, link: Link):
    """ "accounted for 48.6 percent of the total", "77 percent of the annual quota"; a share merely "made up"
    has no direction, one reached by "by" or "to" keeps its verb's."""
    fig, cues = r.fig, r.cues
    if fig.kind != "percentage":
        return None
    if (
        r.left_text.rstrip().endswith(cues["share_before"])
        or r.share_of_before()  # "the US share of Taiwan's exports was 26.9%"
        or r.right_text.lstrip().startswith(cues["share_after"])
        or (fig.unit == "percent" and _OF_AFTER.match(r.right_text))
    ):
        return {"direction": link.direction if r.before in ("by", "to") else None}
    return None


@_rule("verb-reached")
def _verb_reached(r: FigureReading, link: Link):
    """A figure after a change verb: reached by "to" or "at", a level ("rose to 4.4%", "climbed to a two-year
    high of 3.9%"); else the change ("rose 5%")."""
    if r.verb_index is None:
        return None
    between = [w for _, _, w in r.left[r.verb_index + 1 :]]
    reached = "to" in between[-2:] or r.before in ("to", "at") or r.to_a
    return {"role": "level" if reached else "change"}


@_rule("directed-change")
def _directed_change(r: FigureReading, link: Link) -> bool:
    """A figure with a direction from elsewhere in its clause ("two rate cuts") is a change."""
    return link.direction is not None


@_rule("by-or-points")
def _by_or_points(r: FigureReading, link: Link):
    """Without other cues: "by 5%" and points are changes, the rest levels."""
    change = r.before == "by" or r.fig.unit in ("percentage_point", "basis_point")
    return {"role": "change" if change else "level"}


@_rule("up-from-after")
def _up_from_after(r: FigureReading, link: Link):
    """ "accounted for 24% of the total, down from 31%": a level higher or lower than before."""
    trailing = _UP_FROM_AFTER.match(r.text, r.fig.end)
    if trailing:
        way = trailing["way"].lower()
        return {"direction": "increase" if way == "up" else "decrease", "cue": way}
    return None


# -- stage "before": what a figure takes from the figure before it in its sentence ------------------------


@_rule("share-compared-with-share")
def _share_compared_with_share(r: FigureReading, link: Link) -> bool:
    """ "held 58% of the market, compared with 51% a year earlier": a share compared with a share is one."""
    prev = r.previous[1]
    return "from" in link.cues and prev.role == "share" and r.fig.unit == "percent" and link.role == "level"


@_rule("elliptical-item")
def _elliptical_item(r: FigureReading, link: Link):
    """ "..., clean energy by 31.48 percent": a list item reads like its head."""
    if link.cues or not _elliptical(r.left, r.fig, r.cues):
        return None
    prev = r.previous[1]
    return {"direction": prev.direction, "role": prev.role}


def _as_before(r: FigureReading, link: Link, holds: bool):
    """The direction of the figure before, where ``holds``; a listed count also takes its role."""
    if not holds:
        return None
    prev_fig, prev = r.previous
    listed_count = r.fig.kind == "count" == prev_fig.kind
    return {"direction": prev.direction, "role": prev.role if listed_count else link.role}


@_rule("consequence")
def _consequence(r: FigureReading, link: Link):
    """ "..., bringing the rate to 4.5%": the consequence of the change before it, in its direction."""
    holds = link.role == "level" and _CONSEQUENCE.match(r.text, r.clause_start) and r.doc.last_word(r.fig.start) == "to"
    return _as_before(r, link, bool(holds))


@_rule("restated")
def _restated(r: FigureReading, link: Link):
    """ "cut 1,200 jobs, or roughly 6% of its workforce": the same change restated."""
    holds = link.role != "share" and _RESTATED.fullmatch(r.text, r.previous[0].end, r.fig.start)
    return _as_before(r, link, bool(holds))


@_rule("continued-by")
def _continued_by(r: FigureReading, link: Link):
    """ ", by a quarter point", ", to a range of 4.50%-4.75%": a clause that only continues the one before."""
    return _as_before(r, link, bool(CONTINUED.match(r.text, r.clause_start, r.fig.start)))


@_rule("continued-at")
def _continued_at(r: FigureReading, link: Link):
    """ "were up 68 cents, or 0.7%, at $96.23": the level the change reached."""
    holds = r.previous[1].role == "change" and link.role == "level"
    return _as_before(r, link, holds and bool(_CONTINUED_AT.fullmatch(r.text, r.clause_start, r.fig.start)))


@_rule("count-list")
def _count_list(r: FigureReading, link: Link):
    """ "opened 14 convenience stores and two superstores": a second count in the same list."""
    prev_fig = r.previous[0]
    holds = r.fig.kind == "count" == prev_fig.kind and _COUNT_LIST.fullmatch(r.text, prev_fig.end, r.fig.start)
    return _as_before(r, link, bool(holds))


# -- stage "subject" ----------------------------------------------------------------------------------------


@_rule("count-of-forecasters")
def _count_of_forecasters(r: FigureReading, link: Link) -> bool:
    """ "12 of the 17 economists had forecast a cut": a count of people, not a forecast."""
    return bool(
        r.fig.kind == "count"
        and link.role in ("forecast", "target")
        and link.subject is not None
        and r.doc.words(*link.subject)[-1][2] in r.cues["forecasters"]
    )


# -- the words and patterns the rules read ------------------------------------------------------------------


def _elliptical(left: list[tuple[int, int, str]], fig: FigureRef, cues: dict) -> bool:
    """A list item that names only its subject: "..., clean energy by 31.48 percent" - not a clause of
    its own ("after four straight hikes") and not a count of things. ``left``: the words of its clause before it."""
    if fig.counted is not None:
        return False
    if left and left[0][2] in cues["subordinators"]:
        return False
    if any(w in cues["verbs"] or w in cues["level"] or (w.endswith("ed") and len(w) > 4) for _, _, w in left):
        return False  # "..., and contributed 2.46 points": a clause with a verb of its own
    return (
        not left
        or left[-1][2] == "by"
        or all(not direction_of(w, cues) for _, _, w in left)
        and left[-1][2] not in ("to", "at", "of", "from")
    )


# a figure followed in its sentence by ", up from ..." / ", down from ...", past a few words of its own
_UP_FROM_AFTER = _compile(
    r"(?:[^,.;:\n()]|\.(?=\d)|\([^()\n]{0,40}\)){0,50}?,\s*+(?P<way>up|down)\s++from\b", regex.IGNORECASE
)


# the figure a change is measured against: "compared with 6.8%", "down from its earlier forecast of 1.9%"
_COMPARED_WITH = _compile(
    r"(?:\bcompared\s++(?:with|to)|\bversus|\bvs\.?|\bthan|\bagainst|\bfrom\s++(?:its|their|the|an?)\s++(?:[a-z-]++\s++){0,2}"
    r"(?:forecast|estimate|projection|reading|level|figure|rate|pace|guidance)\s++of)\s++(?:the\s++|an?\s++)?\Z",
    regex.REVERSE,  # only whether it matches is used: searched from the end
)


# "below the £104.4bn the OBR had pencilled in", "ahead of the 3% analysts expected": a yardstick
_SHORT_OF = _compile(
    r"\b(?:below|above|short\s+of|ahead\s+of|under|beyond)\s++the\s++(?:[a-z]++\s++){0,2}\Z", regex.REVERSE
)


_OF_AFTER = _compile(r"\s*+of\s++(?!a\s+year|the\s+(?:previous|same|year|month|quarter))")


# "..., bringing the benchmark to 4.5%": the consequence of the change before it, in its direction
_CONSEQUENCE = _compile(
    r"\s*+(?:(?:which|that)\s++(?:would|will|could)\s++(?:take|bring|push|put|lift|lower|leave|send)"
    r"|taking|bringing|pushing|putting|lifting|lowering|leaving|sending)\b",
    regex.IGNORECASE,
)


# "were up 68 cents, or 0.7%, at $96.23": the level the change reached
_CONTINUED_AT = _compile(r"\s*+at\s++(?:about\s++|around\s++)?")


# "opened 14 convenience stores and two superstores": a second count in the same list
_COUNT_LIST = _compile(r"(?:\s++[A-Za-z-]++){1,4}(?:\s*+,)?\s++(?:and|or)\s++\Z")


# "cut 1,200 jobs, or roughly 6% of its workforce": the same change restated
_RESTATED = _compile(r"(?:\s++[A-Za-z-]++){0,3}\s*+,?\s*+or\s++\Z")


_RAISE = _compile(r"rais(?:e|ed|es|ing)")


_TARGET_AFTER = _compile(r"\s*+(?:[a-z-]+\s++){1,2}(?:target|goal)\b")  # "the 2 per cent inflation target"


# "projects" as a verb ("it now projects inflation of 1.2%"), not the noun ("solar projects")
_PROJECTS = _compile(
    r"\b(?:now|also|it|which|that|and|still|newly)\s++projects?\b"
    r"|\bprojects?\s++(?:that|an?|the|its|their|average|annual|inflation|growth|gdp|output|revenue|sales|exports)\b"
)


# the strings one of which every match of a pattern contains, read from the pattern: tried first (on lower-cased text)
_POINTS_OR_NEEDS = Prefilter(_POINTS_OR, every=True)
_COMPARED_WITH_NEEDS = Prefilter(_COMPARED_WITH)
_SHORT_OF_NEEDS = Prefilter(_SHORT_OF)
_TARGET_AFTER_NEEDS = Prefilter(_TARGET_AFTER)
_PROJECTS_NEEDS = Prefilter(_PROJECTS)
