"""The subject of a figure, read from the text around it: the noun phrase that names what the figure measures
("loans to technology enterprises", "the number of loan accounts"); the linker asks it of every figure."""

from __future__ import annotations

import re

import regex

from ..resources import per_patterns
from ..text.fastre import compile_fast as _compile
from ..text.fastre import prefix_alternation
from ..text.prefilter import Prefilter
from .phrases import (
    antecedent,
    clause_verb,
    is_period,
    is_verb,
    noun_phrase_before,
    object_after,
    phrase_until_cut,
    previous_object,
    trim_phrase,
)
from .text import (
    CONTINUED,
    WORD,
    FigureRef,
    IndexedText,
    SortedPeriods,
    at_word_start,
    attributive_at,
    change_in_by,
    computed_once,
    determiner_before,
    direction_of,
    find_clause_start,
    is_past,
    linker_cues,
    number_word,
)

NO_SUBJECT = (-1, -1)  # a strategy's answer that the figure has no subject: the sieve stops there


class _Where:
    """What the subject strategies read of one figure: the text, the figure, its sentence and clause starts,
    the words of its clause before it, the periods that may bound a subject, the linker's word lists (``cues``,
    read once per figure) and its clause's verb (found once)."""

    def __init__(self, doc, fig, sent_start, clause_start, left, periods) -> None:
        self.doc, self.text, self.fig, self.left, self.periods = doc, doc.text, fig, left, periods
        self.sent_start, self.clause_start, self.cues = sent_start, clause_start, linker_cues()

    @computed_once
    def verb(self) -> int | None:
        """The index in ``left`` of the clause's last verb before the figure."""
        return clause_verb(self.left, self.cues)

    def unless_period(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None or is_period(span, self.periods, self.text) else span


def sieve_subject(
    doc: IndexedText,
    fig: FigureRef,
    sent_start: int,
    clause_start: int,
    left: list[tuple[int, int, str]],
    periods: SortedPeriods,
) -> tuple[str | None, tuple[int, int] | None]:
    """The phrase naming what the figure measures, and the name of the strategy that found it: the strategies of
    ``SUBJECT_STRATEGIES`` are asked in order and the first that answers wins (a span, or ``NO_SUBJECT``)."""
    where = _Where(doc, fig, sent_start, clause_start, left, periods)
    for name, strategy in SUBJECT_STRATEGIES:
        found = strategy(where)
        if found is not None:
            return name, None if found is NO_SUBJECT else found
    return None, None


def _row_label(w: _Where):
    """The label of the earnings-table row a figure is on: "Shr loss", "Net", "Revs" (a row compares by "vs")."""
    row = w.doc.row(w.fig.start)
    if row is None or row.label is None or not row.compares or not w.text[row.label[0]].isupper():
        return None
    return row.label


def _counted_noun(w: _Where):
    """The counted noun of a count, with what it is part of: "the nine members [of the committee]"."""
    fig = w.fig
    if fig.counted is None:
        return None
    of_the = _OF_THE.match(w.text, fig.counted[1])
    np = phrase_until_cut(w.doc, of_the.start("np"), of_the.end("np"), w.periods) if of_the else None
    return (fig.counted[0], np[1]) if np else fig.counted


def _noun_after(w: _Where):
    """ "a $400,000 loan", "its $6.9 trillion balance sheet": the figure modifies the noun after it (headlines
    drop their articles: "Ireland unveils €10.5 billion budget")."""
    text, fig, cues = w.text, w.fig, w.cues
    attributive = attributive_at(text, fig.end)
    if not attributive or not (fig.start < text.find("\n") or determiner_before(text, fig.start)):
        return None
    words = w.doc.words(attributive.start("np"), attributive.end("np"))
    if len(words) == 2 and is_past(words[1][2], cues) and not direction_of(words[1][2], cues):
        words = words[:1]  # "whose $3.6 billion programme [expired]"
    if (
        words and all(x[2] not in cues["prepositions"] for x in words)
        and not direction_of(words[0][2], cues)  # "a 4% rise" is a change; "a 2% pay raise" names one
        and all(not direction_of(x[2], cues) or x[2] in cues["change_nouns"] for x in words[1:])
        and not _TIME_START.match(attributive["np"]) and words[0][2] not in ("a", "an", "per", "each")
        and not all(x[2] in cues["bare_rate_words"] for x in words)  # "grew at a 2.8% annualized rate": the economy's
        and words[-1][2] not in cues["not_subject_heads"]  # "in the 2.0 to 2.2 pct range", "the 12 billion dollars average": a level
        and not _no_noun(words[0][2], cues)  # "the 480 mln marks announced recently", "the three pct originally"
    ):  # fmt: skip
        end = words[-1][1]
        partner = _PARTNER_AFTER.match(text, end) if words[-1][2] in cues["partner_nouns"] else None
        more = phrase_until_cut(w.doc, partner.start("np"), partner.end("np"), w.periods) if partner else None
        return words[0][0], (more[1] if more else end)  # "a 400 mln mark deficit [in supplementary trade items]"
    return None


def _no_noun(word: str, cues: dict) -> bool:
    """A word after a figure that starts no noun it modifies: a participle, an adverb or a time word."""
    return (
        word.endswith("ly") or word in cues["time_adverbs"] or word in cues["time_words"] or word == "worth"
        or is_past(word, cues) and word not in cues["ing_nouns"]
    )  # fmt: skip


def _change_after_in(w: _Where):
    """ "a 41 per cent rise in [standalone net profit]", "a 0.5 point cut in [the ratio]"."""
    change_after = _change_after_in_pattern().match(w.text, w.fig.end)
    return phrase_until_cut(w.doc, change_after.start("np"), change_after.end("np"), w.periods) if change_after else None


def _change_in_by(w: _Where):
    """ "an increase in [green credit balances] by 10.9%"."""
    left = w.left
    change_in = change_in_by().search(w.text, w.clause_start, w.fig.start) if left and left[-1][2] == "by" else None
    return w.unless_period((change_in.start("np"), change_in.end("np"))) if change_in else None


def _expected_thing(w: _Where):
    """ "expect core inflation to end the year at 2.5%": what is expected, seen or forecast."""
    cues = w.cues
    if cues["expecting_verbs"].isdisjoint(map(WORD, w.left)):
        return None
    expected = _expected_subject().search(w.text, w.clause_start, w.fig.start)
    if not expected or expected["ing"] and expected["ing"].lower() in cues["ing_nouns"]:
        return None  # "expects underlying operating profit of": a noun, not "sees output rising"
    if (
        expected["verb"]
        and expected["verb"].lower() in cues["transitive_verbs"]
        and expected["next"]
        and (expected["next"].strip().lower() not in cues["prepositions"] | cues["aux"])
    ):
        return None  # "expect the central bank to cut [the ratio] by 25 basis points": its object
    between = w.doc.words(expected.end(), w.fig.start)
    if any(x[2] in cues["verbs"] and x[2] not in cues["prepositions"] for x in between):
        return None  # "expects revenue to grow 4% and forecasts [adjusted earnings] of $1.15": a verb between
    return w.unless_period((expected.start("np"), expected.end("np")))


def _noun_before_of(w: _Where):
    """ "revenue of $5 billion", "growth of just 0.3 per cent", "a gross domestic product (GDP) of 4.52 trillion
    yuan", "its interim target of 21% for [inflation]"."""
    left, text, doc, cues = w.left, w.text, w.doc, w.cues
    of = len(left) - 1
    while of > 0 and left[of][2] in cues["fillers_before_of"]:
        of -= 1
    if not left or left[of][2] != "of" or of > 0 and left[of - 1][2] in cues["not_subject_heads"]:
        return None
    np = noun_phrase_before(left[:of], w.cues, items=w.fig.kind == "money")
    if np is None and of == 0 and w.clause_start > w.sent_start and text[w.clause_start - 1] == ")":
        opening = text.rfind("(", w.sent_start, w.clause_start - 1)  # the phrase before the brackets
        if opening > w.sent_start:
            np = noun_phrase_before(doc.words(find_clause_start(text, w.sent_start, opening), opening), w.cues)
    for_after = _FOR_AFTER.match(text, w.fig.end) if np and doc.words(*np)[-1][2] in cues["forecast_heads"] else None
    if for_after and not _TIME_START.match(for_after["np"]):
        np = phrase_until_cut(doc, for_after.start("np"), for_after.end("np"), w.periods) or np
    return w.unless_period(np)


def _money_for(w: _Where):
    """ "$2 billion in [loans]", "will spend $350 million on [a packaging line]"."""
    fig, left, text, cues = w.fig, w.left, w.text, w.cues
    if fig.kind != "money":
        return None
    after = _AFTER_IN.match(text, fig.end)
    if after is None and left and left[-1][2] in cues["spending_verbs"]:
        after = _ON_AFTER.match(text, fig.end)
    if not after or _TIME_START.match(after["np"]) or _SESSION.search(after["np"]):
        return None
    np = after["np"]
    cut = _NP_CUT.search(np)
    np = np[: cut.start()] if cut else np
    start = fig.end + (after.start("np") - after.start())
    return w.unless_period((start, start + len(np.rstrip()))) if np.strip() else None


def _band_rate(w: _Where):
    """ "393 mln stg in [band one] at 9-7/8 pct": a rate said after a band of bills is that band's."""
    if w.fig.kind != "percentage":
        return None
    m = _BAND_AT.search(w.text, max(w.sent_start, w.fig.start - 40), w.fig.start)
    return (m.start("band"), m.end("band")) if m else None


def _list_head(w: _Where):
    """ "purchased [bank bills] outright comprising 393 mln stg in band one, 649 mln stg in band two": the items of
    a list after "comprising" are amounts of what comes before it."""
    if w.fig.kind != "money":
        return None
    lo = max(w.sent_start, w.fig.start - 160)
    if w.doc.lower is not None and not _COMPRISING_NEEDS.may_match(w.doc.lower[lo : w.fig.start]):
        return None
    m = _COMPRISING.search(w.text, lo, w.fig.start)
    if m is None or not _LIST_ITEMS.fullmatch(w.text, m.end(), w.fig.start):
        return None
    own = _ITEM_NOUN.match(w.text, w.fig.end)
    if own:  # "comprising 267 mln stg bank bills, four mln stg local authority bills": each item names itself
        return own.start("np"), own.end("np")
    words = w.doc.words(w.sent_start, m.start())
    verb = clause_verb(words, w.cues)
    if verb is None:
        return w.unless_period(noun_phrase_before(words, w.cues))
    head = words[verb + 1 :]
    after = max((k + 1 for k, x in enumerate(head) if x[2] in w.cues["prepositions"]), default=0)
    head = head[after:]  # "made outright purchases of [bank bills] comprising"
    if not head or any(x[2][0].isdigit() for x in head):
        return None
    return w.unless_period((head[0][0], head[-1][1]))  # the object of the verb before "comprising"


def _stake_of(w: _Where):
    """ "acquires 20 pct or more of [its outstanding common]", "owns 80 pct of [Cable and Wireless]": a stake
    bought, sold or owned is a share of the company or stock named after "of"."""
    if w.fig.kind != "percentage" or not w.left:
        return None
    of = _STAKE_OF.match(w.text, w.fig.end)
    words = [x[2] for x in w.left[-3:]]
    while words and words[-1] in w.cues["qualifier_words"]:
        words.pop()
    if len(words) > 1 and words[-1] == "for" and words[-2].startswith("tender"):
        words.pop()  # "tenders for 30 pct of its stock"
    if of is None or not words or words[-1] not in w.cues["stake_verbs"]:
        return None
    np = phrase_until_cut(w.doc, of.start("np"), of.end("np"), w.periods)
    if np is None:
        return None
    words = w.doc.words(*np)
    tail = _IN_AFTER.match(w.text, np[1]) if words[-1][2] in w.cues["stake_nouns"] else None
    more = phrase_until_cut(w.doc, tail.start("np"), tail.end("np"), w.periods) if tail else None
    if more is not None:
        np = (np[0], more[1])  # "75 pct of [shares in A/S Ferrosan]"
    first = w.text[words[0][0] : words[0][1]]
    named = first[0].isupper() and not first.endswith(("'s", "’s"))  # "of AMC", not "of Canada's goods exports"
    return np if named or not w.cues["stake_nouns"].isdisjoint(x[2] for x in words) else None


def _place_item(w: _Where):
    """ "4.4 pct in Italy, 3.9 pct in Britain and Canada, three pct in France": in a list of figures each said for
    a place, each item names its own head, the place."""
    after = _IN_PLACE.match(w.text, w.fig.end)
    if after is None or w.periods.near(after.start("place"), after.end("place")):
        return None
    listed = _NEXT_ITEM.match(w.text, after.end()) or _ITEM_BEFORE.search(w.text, max(0, w.fig.start - 40), w.fig.start)
    if not listed:
        return None
    end = after.end("place")
    if w.text[end - 1] == "." and "." not in w.text[after.start("place") : end - 1]:
        end -= 1  # "in Japan." ends the sentence; "in the U.S." keeps its stop
    return after.start("place"), end


def _verbless(w: _Where):
    """A clause without a verb: one that continues the clause before ("cut the rate again, by a quarter point")
    takes its object; a list item names itself ("energy conservation by 18.23 percent")."""
    if w.verb is not None:
        return None
    if CONTINUED.match(w.text, w.clause_start, w.fig.start):
        return previous_object(w.doc, w.sent_start, w.clause_start, w.periods) or NO_SUBJECT
    phrase = trim_phrase(w.left, w.cues)
    return (phrase[0][0], phrase[-1][1]) if phrase else NO_SUBJECT


def _understood_verb(w: _Where):
    """ "imports grew 11.2% and [exports] 8.9%": the verb is understood."""
    verb, left, cues = w.verb, w.left, w.cues
    between = left[verb + 1 :]
    if _AND_WHILE.isdisjoint(map(WORD, between)):
        return None
    gap = max(
        (k for k in range(1, len(between)) if between[k][2] in _AND_WHILE and between[k - 1][2][0].isdigit()),
        default=None,
    )
    if gap is None or gap + 1 >= len(between):
        return None
    rest = between[gap + 1 :]
    if all(not is_verb(left, verb + gap + 2 + k, cues) and x[2] not in cues["prepositions"] for k, x in enumerate(rest)):
        return rest[0][0], rest[-1][1]
    return None


def _object_of_verb(w: _Where):
    """ "increased [loans to farms] by 5%"; "raised its rate, lifting it to 0.1%": what the clauses before act on."""
    between = w.left[w.verb + 1 :]
    if any(number_word(x[2]) for x in between):
        # "raised its policy rate by 50 basis points to a range of X": the object ends at the first "by"/"to"
        cut = next((k for k, x in enumerate(between) if x[2] in ("by", "to", "at")), None)
        between = between[: cut + 1] if cut is not None and not any(number_word(x[2]) for x in between[:cut]) else []
    obj = object_after(between, w.cues)
    if obj and w.text[obj[0] : obj[1]].lower() in ("it", "them"):
        return previous_object(w.doc, w.sent_start, w.clause_start, w.periods) or NO_SUBJECT
    return w.unless_period(obj)


def _subject_of_verb(w: _Where):
    """ "Exports rose 5%": the phrase before the verb; for a clause without a subject of its own ("Carmakers,
    which account for 20 per cent", "Exports (NODX) fell 9.3%"), the noun phrase before the aside."""
    before_verb, cues = w.left[: w.verb], w.cues
    np = noun_phrase_before(before_verb, cues)
    relatives, aux = cues["relative_pronouns"], cues["aux"]
    if np is None and all(x[2] in relatives or x[2] in aux or x[2].endswith("ly") for x in before_verb):
        relative = any(x[2] in relatives for x in before_verb)
        return antecedent(w.doc, w.sent_start, w.clause_start, w.periods, relative) or NO_SUBJECT
    return w.unless_period(np) or NO_SUBJECT


# the subject strategies, in the order they are asked: the first that answers wins (its name is recorded on
# the figure's data as ``subject_rule``); the last four read the clause's verb
SUBJECT_STRATEGIES = (
    ("table-row-label", _row_label),
    ("counted-noun", _counted_noun),
    ("noun-after", _noun_after),
    ("change-after-in", _change_after_in),
    ("change-in-by", _change_in_by),
    ("expected-thing", _expected_thing),
    ("band-rate", _band_rate),
    ("noun-before-of", _noun_before_of),
    ("money-for", _money_for),
    ("list-head", _list_head),
    ("stake-of", _stake_of),
    ("place-item", _place_item),
    ("verbless-clause", _verbless),
    ("understood-verb", _understood_verb),
    ("object-of-verb", _object_of_verb),
    ("subject-of-verb", _subject_of_verb),
)


_AND_WHILE = frozenset(("and", "while"))


_AFTER_IN = _compile(
    r"\s*+(?:\([^()\n]{1,40}\)\s*+)?(?<=\s)(?:in|for|worth\s+of|of(?!\s++(?:which|whom|the\s+total)\b))\s++"
    r"(?P<np>[^,;:.()\n]{2,80})"
)


# a change noun right after the figure, and what changed: "a 15% decline in [Victorian furniture sales]"
@per_patterns
def _change_after_in_pattern() -> re.Pattern:
    """A change noun of the lexicon right after the figure, and what changed after "in"."""
    cues = linker_cues()
    nouns = prefix_alternation(sorted(cues["change_nouns"] | cues["change_nouns_before_in"]))
    return _compile(rf"[ -](?:[a-z-]++\s++)?{nouns}s?\s++in\s++(?P<np>[^,;:.()\n]{{2,80}})")


# where a noun phrase read forward ends: a preposition or word that starts what follows it, or a number
_OF_THE = _compile(r"\s++of\s++(?P<np>(?:the|its|their|his|her)\s++[^,;:.()\n]{2,80})")


_ON_AFTER = _compile(r"\s*+(?:\([^()\n]{1,40}\)\s*+)?(?<=\s)on\s++(?P<np>[^,;:.()\n]{2,80})")


# "in Frankfurt trading", "in response to", "in cash", "in a generally depressed market", "in band one" (of bills
# by maturity): not what the money is
_SESSION = _compile(
    r"^(?:band\b|[^,;:]{0,30}?\b(?:trading|deals|dealings|session|hours|response|cash|addition)\b"
    r"|an?\s[^,;:]{0,30}?\bmarket\b)"
)
# "of" and what a stake is of, after a percentage ("or more" may stand between)
_STAKE_OF = _compile(r"(?:\s++or\s++(?:more|less))?\s++of\s++(?P<np>(?:(?!\s(?:or|and)\s)[^,;:.()\n]){2,80})")
# a place a list item's figure is said for: "3.9 pct in Britain and Canada", "1.4 pct in the U.S."
_IN_PLACE = _compile(
    r"\s++in\s++(?P<place>(?:the\s++)?[A-Z][\w.&-]*+(?:\s++(?:and\s++)?[A-Z][\w.&-]*+){0,3})(?=\s*+(?:,|and\b|\.(?!\w)|$))"
)
# the next item of such a list, or the separator before this one
_NEXT_ITEM = _compile(r"\s*+(?:,\s*+(?:and\s++)?|\s++and\s++)(?:[Mm]inus\s++)?(?:\d|[a-z]+\s++(?:pct|percent))")
_ITEM_BEFORE = _compile(r"[A-Za-z.](?:\s*+,\s*+(?:and\s++)?|\s++and\s++)(?:[Mm]inus\s++)?\Z")
# what a balance is of, after it: "deficit in the services account", "surplus with Japan"
_PARTNER_AFTER = _compile(r"\s++(?:in|with)\s++(?P<np>(?:the\s++)?[^,;:.()\n]{2,60})")
_IN_AFTER = _compile(r"\s++in\s++(?P<np>[^,;:.()\n]{2,60})")
# a band of bills right before a rate: "in band one at 9-7/8 pct"
_BAND_AT = _compile(r"\bin\s++(?P<band>band\s++[A-Za-z0-9-]++)\s++at\s++\Z", regex.IGNORECASE)
# a list's head noun, then its items: "bank bills outright comprising", "assets consisting of"
_COMPRISING = _compile(r"(?:\s++outright)?\s++(?:comprising|consisting\s++of)\s++", regex.IGNORECASE)
# the noun an item of such a list names right after its amount: "267 mln stg [bank bills],"
_ITEM_NOUN = _compile(
    r"[ \t]++(?P<np>(?!(?:in|at|of|and|or|for|to|from|on|with|a|the)\b)[a-z][a-z-]*+"
    r"(?:[ \t]++(?!(?:in|at|of|and|or|for|to|from|on|with)\b)[a-z][a-z-]*+){0,3})(?=\s*+(?:[,.;]|and\b|$))"
)
_COMPRISING_NEEDS = Prefilter(_COMPRISING)  # read from the pattern
# between "comprising" and a later item: earlier items ("393 mln stg in band one at 9-7/8 pct, ")
_LIST_ITEMS = _compile(r"(?:[^.;:\n]{0,60}?(?:,\s*+(?:and\s++)?|\s++and\s++))*+")


_TIME_START = _compile(
    r"(?:(?:the|its|their)\s+)?(?:first|second|third|fourth|last|past|next|same|previous|prior|year|month|quarter|qtr"
    r"|week|period|fiscal|calendar|\d"
    r"|(?:morning|afternoon|evening|early|late|midday|overnight|after-hours|extended|premarket|pre-market)\b)",
    regex.I,
)


_NP_CUT = _compile(
    r"\s(?:from|in\s+(?:the|\d|band\b)|during|since|as|compared|which|that|and\s+\d|last|this|on|by|over|through|with)\b"
)


@per_patterns
def _expected_subject() -> re.Pattern:
    """What is expected, after a verb of ``expecting_verbs`` (``lexicon.json``): "expect [core inflation] to end the
    year at", "sees [output] rising", "forecasts [revenue] will average" (groups ``np``, ``verb``, ``next``,
    ``ing``); built from the list, with the lookahead on the letters its verbs begin with."""
    verbs = sorted(linker_cues()["expecting_verbs"])
    return _compile(
        at_word_start(
            rf"\b{prefix_alternation(verbs)}\s++"
            r"(?P<np>(?!(?:to|that|it|them|this)\b)[A-Za-z][\w'’-]*+(?:\s++(?!to\b)[A-Za-z][\w'’-]*+){0,5})"
            # "to end the year at", "averaging", "will average"
            r"\s++(?:to\s++(?P<verb>[a-z]++)\b(?P<next>\s++[a-z]++)?|(?P<ing>[a-z]+ing)\b|will\s++[a-z]++\b)",
        ),
        regex.IGNORECASE,
    )


_FOR_AFTER = _compile(r"\s++for\s++(?P<np>[^,;:.()\n]{2,80})")


