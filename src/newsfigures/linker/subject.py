"""The subject of a figure, read from the text around it: the noun phrase that names what the figure measures
("loans to technology enterprises", "the number of loan accounts"); the linker asks it of every figure."""

from __future__ import annotations

import regex

from ..resources import per_patterns
from ..text.fastre import compile_fast as _compile
from ..text.tables import row_at
from .text import (
    CHANGE_IN_BY,
    CLAUSE_BREAK,
    CONTINUED,
    MAX_SUBJECT_WORDS,
    WORD,
    FigureRef,
    IndexedText,
    PeriodRef,
    SortedByStart,
    SortedPeriods,
    at_word_start,
    attributive_at,
    computed_once,
    determiner_before,
    direction_of,
    find_clause_start,
    is_past,
    linker_cues,
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
        return _clause_verb(self.left, self.cues)

    def unless_period(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None or _is_period(span, self.periods, self.text) else span


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
    row = row_at(w.text, w.fig.start)
    if row is None or row.label is None or not row.compares or not w.text[row.label[0]].isupper():
        return None
    return row.label


def _counted_noun(w: _Where):
    """The counted noun of a count, with what it is part of: "the nine members [of the committee]"."""
    fig = w.fig
    if fig.counted is None:
        return None
    of_the = _OF_THE.match(w.text, fig.counted[1])
    np = _phrase_until_cut(w.doc, of_the.start("np"), of_the.end("np"), w.periods) if of_the else None
    return (fig.counted[0], np[1]) if np else fig.counted


def _noun_after(w: _Where):
    """ "a $400,000 loan", "its $6.9 trillion balance sheet": the figure modifies the noun after it (headlines
    drop their articles: "Ireland unveils €10.5 billion budget")."""
    text, fig, cues = w.text, w.fig, w.cues
    attributive = attributive_at(text, fig.end)
    if not attributive or not (fig.start < text.find("\n") or determiner_before(text, fig.start)):
        return None
    words = w.doc.words(attributive.start("np"), attributive.end("np"))
    if len(words) == 2 and is_past(words[1][2], cues) and not direction_of(words[1][2]):
        words = words[:1]  # "whose $3.6 billion programme [expired]"
    if (
        words and all(x[2] not in cues["prepositions"] for x in words)
        and not direction_of(words[0][2])  # "a 4% rise" is a change; "a 2% pay raise" names one
        and all(not direction_of(x[2]) or x[2] in cues["change_nouns"] for x in words[1:])
        and not _TIME_START.match(attributive["np"]) and words[0][2] not in ("a", "an", "per", "each")
        and not all(x[2] in cues["bare_rate_words"] for x in words)  # "grew at a 2.8% annualized rate": the economy's
    ):  # fmt: skip
        return words[0][0], words[-1][1]
    return None


def _change_after_in(w: _Where):
    """ "a 41 per cent rise in [standalone net profit]", "a 0.5 point cut in [the ratio]"."""
    change_after = _CHANGE_AFTER_IN.match(w.text, w.fig.end)
    return _phrase_until_cut(w.doc, change_after.start("np"), change_after.end("np"), w.periods) if change_after else None


def _change_in_by(w: _Where):
    """ "an increase in [green credit balances] by 10.9%"."""
    left = w.left
    change_in = CHANGE_IN_BY.search(w.text, w.clause_start, w.fig.start) if left and left[-1][2] == "by" else None
    return w.unless_period((change_in.start("np"), change_in.end("np"))) if change_in else None


def _expected_thing(w: _Where):
    """ "expect core inflation to end the year at 2.5%": what is expected, seen or forecast."""
    cues = w.cues
    if cues["expecting_verbs"].isdisjoint(map(WORD, w.left)):
        return None
    expected = _EXPECTED_SUBJECT.search(w.text, w.clause_start, w.fig.start)
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
    np = _noun_phrase_before(left[:of], w.cues)
    if np is None and of == 0 and w.clause_start > w.sent_start and text[w.clause_start - 1] == ")":
        opening = text.rfind("(", w.sent_start, w.clause_start - 1)  # the phrase before the brackets
        if opening > w.sent_start:
            np = _noun_phrase_before(doc.words(find_clause_start(text, w.sent_start, opening), opening), w.cues)
    for_after = _FOR_AFTER.match(text, w.fig.end) if np and doc.words(*np)[-1][2] in cues["forecast_heads"] else None
    if for_after and not _TIME_START.match(for_after["np"]):
        np = _phrase_until_cut(doc, for_after.start("np"), for_after.end("np"), w.periods) or np
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


def _verbless(w: _Where):
    """A clause without a verb: one that continues the clause before ("cut the rate again, by a quarter point")
    takes its object; a list item names itself ("energy conservation by 18.23 percent")."""
    if w.verb is not None:
        return None
    if CONTINUED.match(w.text, w.clause_start, w.fig.start):
        return _previous_object(w.doc, w.sent_start, w.clause_start, w.periods) or NO_SUBJECT
    phrase = _trim(w.left, w.cues)
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
    if all(not _is_verb(left, verb + gap + 2 + k) and x[2] not in cues["prepositions"] for k, x in enumerate(rest)):
        return rest[0][0], rest[-1][1]
    return None


def _object_of_verb(w: _Where):
    """ "increased [loans to farms] by 5%"; "raised its rate, lifting it to 0.1%": what the clauses before act on."""
    between = w.left[w.verb + 1 :]
    if any(x[2][0].isdigit() for x in between):
        # "raised its policy rate by 50 basis points to a range of X": the object ends at the first "by"/"to"
        cut = next((k for k, x in enumerate(between) if x[2] in ("by", "to", "at")), None)
        between = between[: cut + 1] if cut is not None and not any(x[2][0].isdigit() for x in between[:cut]) else []
    obj = _object_after(between, w.cues)
    if obj and w.text[obj[0] : obj[1]].lower() in ("it", "them"):
        return _previous_object(w.doc, w.sent_start, w.clause_start, w.periods) or NO_SUBJECT
    return w.unless_period(obj)


def _subject_of_verb(w: _Where):
    """ "Exports rose 5%": the phrase before the verb; for a clause without a subject of its own ("Carmakers,
    which account for 20 per cent", "Exports (NODX) fell 9.3%"), the noun phrase before the aside."""
    before_verb, cues = w.left[: w.verb], w.cues
    np = _noun_phrase_before(before_verb, cues)
    relatives, aux = cues["relative_pronouns"], cues["aux"]
    if np is None and all(x[2] in relatives or x[2] in aux or x[2].endswith("ly") for x in before_verb):
        relative = any(x[2] in relatives for x in before_verb)
        return _antecedent(w.doc, w.sent_start, w.clause_start, w.periods, relative) or NO_SUBJECT
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
    ("noun-before-of", _noun_before_of),
    ("money-for", _money_for),
    ("verbless-clause", _verbless),
    ("understood-verb", _understood_verb),
    ("object-of-verb", _object_of_verb),
    ("subject-of-verb", _subject_of_verb),
)


def _is_verb(left: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the i-th word is a verb ("account" only before "for": not "the current account")."""
    w = left[i][2]
    if w in ("account", "accounts"):
        return i + 1 < len(left) and left[i + 1][2] == "for"
    return w in _verb_words()


def _clause_verb(left: list[tuple[int, int, str]], cues: dict) -> int | None:
    """The index of the last verb among the words before a figure, past particles and nouns that look like verbs."""
    for i in range(len(left) - 1, -1, -1):
        w = left[i][2]
        if w in cues["prepositions"] or not _is_verb(left, i):
            continue  # a preposition is never the verb
        if w == "up" and i and left[i - 1][2] in ("made", "make", "makes", "making", "picked", "set", "ended", "summed"):
            continue  # "which made up 40%": a particle of the verb before it
        if w in ("up", "down") and i > 1 and not _is_verb(left, i - 1) and any(_is_verb(left, k) for k in range(i)):
            continue  # "revised January's gain down to 229,000": a particle after the object
        if w in ("total", "record", "high", "low", "peak") and (
            i and (left[i - 1][2] in cues["determiners"] or left[i - 1][2].endswith(("'s", "’s")))
        ):
            continue  # "the year's total", "a record": a noun here
        return i
    return None


@per_patterns
def _verb_words() -> frozenset[str]:
    """The words ``sieve_subject`` takes for a verb: change, level and other verbs."""
    cues = linker_cues()
    return cues["increase"] | cues["decrease"] | cues["level"] | cues["verbs"]


def _previous_object(
    doc: IndexedText, sent_start: int, clause_start: int, periods: SortedPeriods
) -> tuple[int, int] | None:
    """What the clauses before act on, for a clause that continues them: "The bank raised [its policy rate] on
    Tuesday, lifting it to 0.1%", "expect the SNB to cut [the policy rate] again, by a quarter point"."""
    text, cues = doc.text, linker_cues()
    bounds = _clause_bounds(text, sent_start, clause_start)
    for k in range(len(bounds) - 2, max(-1, len(bounds) - 5), -1):
        words = doc.words(bounds[k], bounds[k + 1] - 1)
        verb = next((i for i in range(len(words) - 1, -1, -1) if _verbish(words[i][2], cues)), None)
        if verb is None:
            continue
        between = words[verb + 1 :]
        while between and (between[-1][2] in cues["aux"] or between[-1][2].endswith("ly")):
            between = between[:-1]
        obj = _object_after([*between, (0, 0, "by")], cues)
        if obj and text[obj[0] : obj[1]].lower() not in ("it", "them") and not _is_period(obj, periods, text):
            return obj
        return None
    return None










def _clause_bounds(text: str, sent_start: int, clause_start: int) -> list[int]:
    """Where the clauses of a sentence start, up to ``clause_start`` (a break's lookahead reads one character
    past it, so the search runs one character further and keeps the breaks that end in time)."""
    breaks = CLAUSE_BREAK.finditer(text, sent_start, min(len(text), clause_start + 1))
    return [sent_start] + [m.end() for m in breaks if m.end() <= clause_start]


def _verbish(word: str, cues: dict) -> bool:
    """A word that acts as a verb of a clause: a change word, a level verb or another verb of the lexicons."""
    return word not in cues["prepositions"] and (
        word in cues["verbs"] or word in cues["level"] or direction_of(word) is not None
    )


def _antecedent(
    doc: IndexedText, sent_start: int, clause_start: int, periods: SortedPeriods, relative: bool = False
) -> tuple[int, int] | None:
    """The noun phrase that a subjectless clause continues, read back past asides and appositions:
    "Remittances from Mexicans working abroad, [which support 5 million households,] fell 4.8%",
    "Exports to the US, [Germany's largest market,] were worth €13.5 billion", "exports (NODX) fell".
    None when the clause before is a clause of its own ("..., up 13.3 per cent" continues its figure)."""
    text, cues = doc.text, linker_cues()
    bounds = _clause_bounds(text, sent_start, clause_start)
    found = None
    for k in range(len(bounds) - 2, max(-1, len(bounds) - 8), -1):
        start = bounds[k]
        words = doc.words(start, bounds[k + 1] - 1)
        if not words:
            continue
        if (
            start
            and text[start - 1] == "("
            or words[0][2] in cues["aside_openers"]
            or (words[0][2].endswith("ed") and words[0][2] not in cues["prepositions"] and len(words) > 1)
        ):
            found = None  # an aside between the noun phrase and its clause, with any list inside it
            continue
        if words[0][2] == "with" and len(words) > 1:
            words = words[1:]  # "..., with [online sales], which make up a third of revenue, up 7.4%"
        elif words[0][2] in cues["prepositions"] or _INTRO.match(words[0][2]):
            break  # "In local currency terms,": an introduction, not a subject
        cut = after_last(words, clause_cuts())
        if relative and found is None:
            return _before_relative(words[cut:], cues, periods, text)
        joined = after_last(words, AND_BUT)
        if joined > cut and any(is_past(w[2], cues) or w[2] in cues["verbs"] for w in words[cut : joined - 1]):
            cut = joined  # "industrial output rose 5.4% and [retail sales], a key gauge, grew 3.2%"
        words = words[cut:]
        if any(w[2] not in cues["also_nouns"] and _verbish(w[2], cues) for w in words):
            break  # a clause of its own
        while words and words[0][2] in cues["openers"]:
            words = words[1:]
        if not words or len(words) > MAX_SUBJECT_WORDS:
            break
        found = (words[0][0], words[-1][1])  # the earliest of noun phrases in a row: "X, the largest market,"
        if cut:
            break
    return None if found is None or _is_period(found, periods, text) else found


def _before_relative(words: list[tuple[int, int, str]], cues: dict, periods: SortedPeriods, text: str):
    """ "ended [purchases of ETFs], which had run at ¥12 trillion": the noun phrase right before "which", after the
    last verb of its clause."""
    verbs = [i for i, w in enumerate(words) if _verbish(w[2], cues) or "-" not in w[2] and is_past(w[2], cues)]
    words = words[verbs[-1] + 1 :] if verbs else words
    lead = cues["openers"] | cues["aux"] | cues["prepositions"]
    while words and words[0][2] in lead:
        words = words[1:]
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    span = (words[0][0], words[-1][1])
    return None if _is_period(span, periods, text) else span


def after_last(words: list[tuple[int, int, str]], wanted: frozenset[str]) -> int:
    """The index after the last of ``words`` that is one of ``wanted``; 0 if none is (tested at once first)."""
    if wanted.isdisjoint(map(WORD, words)):
        return 0
    return next(i + 1 for i in range(len(words) - 1, -1, -1) if words[i][2] in wanted)


@per_patterns
def clause_cuts() -> frozenset[str]:
    """Words after which a clause's subject starts: "that", "while", ... and the reporting verbs ("said")."""
    cues = linker_cues()
    return cues["subject_openers"] | cues["reporting"]


AND_BUT = frozenset(("and", "but"))  # the words that join a second clause to a first


_AND_WHILE = frozenset(("and", "while"))


def _phrase_until_cut(doc: IndexedText, start: int, end: int, periods: SortedPeriods) -> tuple[int, int] | None:
    """A noun phrase read forward from ``start``, up to where what follows it begins."""
    text = doc.text
    cut = _PHRASE_CUT.search(text, start, end)
    end = cut.start() if cut else end
    words = doc.words(start, end)
    cues = linker_cues()
    verb = next(
        (
            i for i, w in enumerate(words)
            if i and w[2] not in cues["prepositions"]
            and (w[2] in cues["verbs"] or w[2] in cues["level"] or is_past(w[2], cues))
        ),
        None,
    )  # fmt: skip
    words = words[:verb]  # "members of the panel [voted ...]"
    if not words or len(words) > MAX_SUBJECT_WORDS or words[0][2] in cues["prepositions"]:
        return None
    span = (words[0][0], words[-1][1])
    return None if _is_period(span, periods, text) else span


def without_figures(span: tuple[int, int] | None, figures: SortedByStart) -> tuple[int, int] | None:
    """A subject stops before any figure inside it ("bank loans to 248 projects" keeps the count's noun)."""
    if span is None:
        return None
    for f in figures.within(span[0], span[1]):
        if span[0] <= f.start < span[1] and f.counted is None:
            return (span[0], f.start) if f.start > span[0] else None
    return span


def clean_subject(doc: IndexedText, span: tuple[int, int] | None, periods: SortedPeriods) -> tuple[int, int] | None:
    """Cut an embedded period off a subject ("Issuance in July" -> "Issuance") and refuse phrases
    with no noun in them ("sliding", "an increase", "could pick")."""
    if span is None:
        return None
    text, (start, end) = doc.text, span
    for p in periods.near(start, end):
        if p.start <= start < p.end < end - 2 and _modifies(text, p):
            start = p.end + len(text[p.end : end]) - len(text[p.end : end].lstrip(" -"))  # "second-quarter net income"
        if start < p.start < end:
            cut = _PREP_BEFORE.search(text, start, p.start)
            end = cut.start() if cut else p.start
            break
    words = doc.words(start, end)
    cues = linker_cues()
    while words and words[-1][2] in cues["prepositions_or_determiners"]:
        words = words[:-1]
    has_content = any(
        w[2] not in cues["determiners"] and w[2] not in cues["aux"]
        and (not direction_of(w[2]) or w[2] in cues["measured_changes"])
        and (w[2] not in cues["verbs"] and w[2] not in cues["level"] or w[2] in cues["also_nouns"])
        and not (
            w[2].endswith("ing") and w[2] not in cues["ing_nouns"] and not (w is words[0] and text[w[0]].isupper())
        )
        and not w[2][0].isdigit() and w[2] not in cues["prepositions"]
        and w[2] not in ("equivalent", "equal", "more", "less", "than")
        for w in words
    )  # fmt: skip
    if not has_content:
        return None
    return words[0][0], words[-1][1]






_PREP_BEFORE = _compile(r"\s++(?:in|during|for|over|at|by|since|on|as\s+of)\s*+\Z", regex.IGNORECASE | regex.REVERSE)


_INTRO = _compile(
    r"(?:in|by|for|during|over|after|before|since|as\s+of|at|on|meanwhile|additionally|however|also)\b", regex.I
)


def sentence_subject(
    doc: IndexedText, sent: tuple[int, int], fig: FigureRef, periods: SortedPeriods
) -> tuple[int, int] | None:
    """The subject of the sentence: its first noun phrase before a verb, past an introductory phrase."""
    text, cues = doc.text, linker_cues()
    pos = sent[0]
    for _ in range(3):  # skip "In January," / "Meanwhile," / "By the end of June,"
        m = _INTRO_PHRASE.match(text[pos : fig.start])
        opening = len(m[0]) - len(m[0].lstrip()) if m else 0
        if m and (_INTRO.match(text, pos) or any(p.start == pos + opening for p in periods)):
            pos += m.end()
        else:
            break
    words = doc.words(pos, fig.start)
    np = []
    for w in words:
        if w[2] in ("of", "at") and np:
            np.append(w)  # "Imports of capital equipment": a preposition here, not the level word of "revenue of $5bn"
            continue
        if direction_of(w[2]) or w[2] in cues["level"] or w[2] in cues["verbs"] or w[2] in cues["aux"]:
            break
        np.append(w)
    stop = next((i for i, w in enumerate(np) if text[w[1] : w[1] + 1] == ","), None)
    if stop is not None:
        np = np[: stop + 1]  # "Broad money supply, or M2, ..." -> "Broad money supply"
    if not np or len(np) > MAX_SUBJECT_WORDS:
        return None
    return clean_subject(doc, (np[0][0], np[-1][1]), periods)


_INTRO_PHRASE = regex.compile(r"[^,;:]{0,80},\s*+")  # "In January, ": what may open a sentence before its subject




_HYPHEN_OR_DIGIT = _compile(r"[-\d]")


def _modifies(text: str, p: PeriodRef) -> bool:
    """A period that can modify a noun after it: "second-quarter", "2023", "January" - not "morning"."""
    return text[p.start].isupper() or _HYPHEN_OR_DIGIT.search(text, p.start, p.end) is not None


def _is_period(span: tuple[int, int], periods: SortedPeriods, text: str) -> bool:
    """A phrase that is (mostly) a period is not a subject: "in [the three months to June]"."""
    for p in periods.near(*span):
        if p.end <= span[0] or p.start >= span[1]:
            continue
        if p.start <= span[0] and p.end < span[1] - 2 and _modifies(text, p):
            continue  # "second-quarter net income": a period that only modifies the noun after it
        overlap = min(span[1], p.end) - max(span[0], p.start)
        if overlap > 0 and overlap >= (span[1] - span[0]) / 2:
            return True
    return False


_AFTER_IN = _compile(
    r"\s*+(?:\([^()\n]{1,40}\)\s*+)?(?<=\s)(?:in|for|worth\s+of|of(?!\s++(?:which|whom|the\s+total)\b))\s++"
    r"(?P<np>[^,;:.()\n]{2,80})"
)


# a change noun right after the figure, and what changed: "a 15% decline in [Victorian furniture sales]"
_CHANGE_AFTER_IN = _compile(
    r"[ -](?:[a-z-]++\s++)?(?:rise|increase|jump|gain|growth|surge|climb|drop|fall|decline|decrease|cut|reduction"
    r"|slump|dip|slide|plunge|contraction|expansion|hike|improvement|deterioration)s?\s++in\s++(?P<np>[^,;:.()\n]{2,80})"
)


# where a noun phrase read forward ends: a preposition or word that starts what follows it, or a number
_OF_THE = _compile(r"\s++of\s++(?P<np>(?:the|its|their|his|her)\s++[^,;:.()\n]{2,80})")


_PHRASE_CUT = _compile(
    r"\s(?:to|from|in|during|since|as|compared|which|that|over|on|by|for|after|than|against|versus|amid|due|because"
    r"|with|at|year-on-year|last|this|and\s++(?=[\d$€£¥₹])|(?=[\d$€£¥₹]))\b|\s(?=[\d$€£¥₹])"
)






_ON_AFTER = _compile(r"\s*+(?:\([^()\n]{1,40}\)\s*+)?(?<=\s)on\s++(?P<np>[^,;:.()\n]{2,80})")


_SESSION = _compile(r"^[^,;:]{0,30}?\b(?:trading|deals|dealings|session|hours)\b")  # "in Frankfurt trading"


_TIME_START = _compile(
    r"(?:the\s+)?(?:first|second|third|fourth|last|past|next|same|previous|year|month|quarter|week|period|fiscal|\d"
    r"|(?:morning|afternoon|evening|early|late|midday|overnight|after-hours|extended|premarket|pre-market)\b)",
    regex.I,
)


_NP_CUT = _compile(
    r"\s(?:from|in\s+(?:the|\d)|during|since|as|compared|which|that|and\s+\d|last|this|on|by|over|through|with)\b"
)








_EXPECTED_SUBJECT = _compile(
    at_word_start(
        "aefnpsw",
        r"\b(?:expect|expects|expected|expecting|forecast|forecasts|forecasting|see|sees|project|projects|projected"
        r"|predict|predicts|predicted|estimate|estimates|estimated|want|wants|need|needs|allow|allows|allowed"
        r"|assume|assumes|assumed)\s++"
        r"(?P<np>(?!(?:to|that|it|them|this)\b)[A-Za-z][\w'’-]*+(?:\s++(?!to\b)[A-Za-z][\w'’-]*+){0,5})"
        # "to end the year at", "averaging", "will average"
        r"\s++(?:to\s++(?P<verb>[a-z]++)\b(?P<next>\s++[a-z]++)?|(?P<ing>[a-z]+ing)\b|will\s++[a-z]++\b)",
    ),
    regex.IGNORECASE,
)






_FOR_AFTER = _compile(r"\s++for\s++(?P<np>[^,;:.()\n]{2,80})")


def _object_after(words: list[tuple[int, int, str]], cues: dict) -> tuple[int, int] | None:
    """The object of a transitive verb: "increased [loans to farms] by 5%", "cut [its policy rate] by 25bp",
    "lift [annual shipments] to a record of"."""
    if words and words[-1][2] == "of":  # "to a record of", "by an average of"
        reached = next(
            (i for i in range(len(words) - 2) if words[i][2] in ("to", "at", "by") and words[i + 1][2] in ("a", "an")),
            None,
        )
        words = words[: reached + 1] if reached is not None else words
    if not words or words[-1][2] not in ("by", "to", "at"):
        return None
    words = words[:-1]
    if words and words[-1][2] in ("up", "down"):
        words = words[:-1]  # "revised [March payrolls] down to"
    while words and (words[0][2] in cues["aux"] or words[0][2].endswith("ly")):
        words = words[1:]
    if not words or words[0][2] in cues["prepositions"] or words[0][2][0].isdigit():
        return None
    cut = len(words)
    for i, w in enumerate(words):
        if i and (w[2] in ("on", "during", "by", "from", "last", "this", "than") or w[2][0].isdigit()):
            cut = i
            break
        if i and w[2] in ("to", "at") and i + 1 < len(words) and words[i + 1][2] in ("a", "an"):
            cut = i  # "to a range of", "at a 23-year high"
            break
    words = words[:cut]
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    return words[0][0], words[-1][1]


def _noun_phrase_before(words: list[tuple[int, int, str]], cues: dict) -> tuple[int, int] | None:
    """The noun phrase that ends right before a verb or "of": back to a verb, "that", or the clause start."""
    if len(words) > 2 and words[-1][2] == "to" and words[-2][2] in cues["passive_before_to"]:
        words = words[:-2]  # "ordinary revenue [expected to] rise 12%"
    while words and (
        words[-1][2] in cues["aux"] or words[-1][2].endswith("ly") or words[-1][2] in ("a", "an")
        or (words[-1][2] in cues["verbs"] or words[-1][2] in cues["level"]) and words[-1][2] not in cues["also_nouns"]
    ):  # fmt: skip
        words = words[:-1]  # "the jobless rate was edging [up to]": the verb group is not the subject
    if words and words[-1][2] in ("and", "but", "or"):
        return None  # "fell 0.9% in September and were down 1.0%": the subject of the clause before
    words = words[_phrase_start(words, cues) :]
    while words and (words[0][2] in cues["openers"] or words[0][2] in cues["prepositions"]):
        words = words[1:]
    words = words[-MAX_SUBJECT_WORDS:]
    for w in words:
        if not w[2][0].isdigit() and w[2] not in cues["determiners"]:
            return words[0][0], words[-1][1]
    return None  # only numbers and determiners: no noun phrase


def _phrase_start(words: list[tuple[int, int, str]], cues: dict) -> int:
    """Where the noun phrase ending the words starts: after the last verb, "that", "by", a reporting verb or a
    clause joined by "and" (read from the end)."""
    first_verb = None
    for i in range(len(words) - 1, -1, -1):
        w = words[i][2]
        if w == "as" and i and words[i - 1][2] == "such":
            continue  # "exports of traditional goods such as plastics"
        if w == "by" and i and words[i - 1][2].endswith("ed") and i < len(words) - 1:
            continue  # "the average rate offered by lenders": a participle inside the noun phrase
        if w.endswith("ed") and i and i + 1 < len(words) and words[i + 1][2] == "by":
            continue
        if w in ("and", "but") and i < len(words) - 1:
            if first_verb is None:
                first_verb = next(
                    (
                        k
                        for k, x in enumerate(words)
                        if x[2] in cues["verbs"] or direction_of(x[2]) and x[2] not in cues["noun_only_changes"]
                    ),
                    len(words),
                )
            if first_verb < i:
                return i + 1  # "revenue declined 10% and [spending] rose 5%"
        if (
            w in cues["reporting"]
            or w in ("that", "who", "which", "while", "as", "after", "when")
            or (w in cues["verbs"] or w in cues["increase"] or w in cues["decrease"])
            and i < len(words) - 1
            and not (i and words[i - 1][2] in ("a", "an"))
        ):  # "an advance quota": a noun
            return i + 1
        if w in ("by", "from", "with") and i < len(words) - 1:
            return i + 1
        if (
            w in ("and", "but")
            and i
            and words[i - 1][2][:1].isdigit()
            or w in ("cent", "percent")
            and i < len(words) - 1
        ):
            return i + 1  # "pay growth slowing to 6.1 per cent and [the jobless rate] edging up"
    return 0




@per_patterns
def _trim_edges() -> tuple[frozenset[str], frozenset[str]]:
    """The words cut from a subject's end, and from its start (articles aside: they are cut after the rest)."""
    cues = linker_cues()
    edge = cues["openers"] | cues["aux"] | cues["prepositions"] | {"a", "an", "year-on-year", "up", "down", "or"}
    return edge, edge - {"a", "an"}


def _trim(words: list[tuple[int, int, str]], cues: dict) -> list[tuple[int, int, str]]:
    """Drop clause openers, auxiliaries and prepositions at the edges; keep the last words."""
    edge, lead = _trim_edges()
    while words and words[0][2] in lead:
        words = words[1:]
    while words and (words[-1][2] in edge or words[-1][2].endswith("ly")):
        words = words[:-1]
    words = words[-MAX_SUBJECT_WORDS:]
    while words and words[0][2] in ("a", "an", "by", "to", "of", "in"):
        words = words[1:]
    return [w for w in words] if any(not w[2][0].isdigit() for w in words) else []
