"""The subject of a figure, read from the text around it: the noun phrase that names what the figure measures
("loans to technology enterprises", "the number of loan accounts"); the linker asks it of every figure."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..text.fastre import compile_fast as _compile
from .text import (
    _CHANGE_IN_BY,
    _CHANGE_NOUN_WORDS,
    _CLAUSE_BREAK,
    _CONTINUED,
    _COUNT_FILLERS,
    _DETERMINERS,
    _PREPOSITIONS,
    _WORD,
    MAX_SUBJECT_WORDS,
    FigureRef,
    IndexedText,
    PeriodRef,
    _at_word_start,
    _attributive_at,
    _clause_start,
    _cues,
    _determiner_before,
    _direction_of,
    _is_past,
    _Periods,
    _Sorted,
)

_ALSO_NOUNS = frozenset(
    "total worth record high low peak cut cuts issue plan plans target targets quota allocation cap ceiling goal goals "
    "objective guidance outlook consensus projection projections prediction".split()
)


def _subject(
    doc: IndexedText,
    fig: FigureRef,
    sent_start: int,
    clause_start: int,
    left: list[tuple[int, int, str]],
    periods: _Periods,
) -> tuple[int, int] | None:
    """The phrase naming what the figure measures, tried in order:

    the counted noun of a count; "revenue of $5 billion" (the noun before "of"); "$2 billion in loans";
    "increased loans to farms by 5%" (the object after the verb); "Exports rose 5%" (the phrase before the verb).
    """
    text, cues = doc.text, _cues()
    if fig.counted is not None:
        of_the = _OF_THE.match(text, fig.counted[1])  # "the nine members [of the committee]"
        if of_the:
            np = _phrase_until_cut(doc, of_the.start("np"), of_the.end("np"), periods)
            if np:
                return fig.counted[0], np[1]
        return fig.counted
    attributive = _attributive_at(text, fig.end)
    headline = fig.start < text.find("\n")  # headlines drop their articles: "Ireland unveils €10.5 billion budget"
    if attributive and (headline or _determiner_before(text, fig.start)):
        # "a $400,000 loan", "its $6.9 trillion balance sheet": the figure modifies the noun after it
        words = doc.words(attributive.start("np"), attributive.end("np"))
        if len(words) == 2 and _is_past(words[1][2]) and not _direction_of(words[1][2]):
            words = words[:1]  # "whose $3.6 billion programme [expired]"
        if (
            words and all(w[2] not in _PREPOSITIONS for w in words)
            and not _direction_of(words[0][2])  # "a 4% rise" is a change; "a 2% pay raise" names one
            and all(not _direction_of(w[2]) or w[2] in _CHANGE_NOUN_WORDS for w in words[1:])
            and not _TIME_START.match(attributive["np"]) and words[0][2] not in ("a", "an", "per", "each")
            and not all(w[2] in _BARE_RATE for w in words)  # "grew at a 2.8% annualized rate": the economy's
        ):  # fmt: skip
            return words[0][0], words[-1][1]
    change_after = _CHANGE_AFTER_IN.match(text, fig.end)
    if change_after:  # "a 41 per cent rise in [standalone net profit]", "a 0.5 point cut in [the ratio]"
        np = _phrase_until_cut(doc, change_after.start("np"), change_after.end("np"), periods)
        if np:
            return np
    change_in = _CHANGE_IN_BY.search(text, clause_start, fig.start) if left and left[-1][2] == "by" else None
    if change_in and not _is_period((change_in.start("np"), change_in.end("np")), periods, text):
        return change_in.start("np"), change_in.end("np")  # "an increase in [green credit balances] by 10.9%"
    expected = None
    if not _EXPECTING.isdisjoint(map(_WORD, left)):
        expected = _EXPECTED_SUBJECT.search(text, clause_start, fig.start)
        if expected and expected["ing"] and expected["ing"].lower() in _ING_NOUNS:
            expected = None  # "expects underlying operating profit of": a noun, not "sees output rising"
    if (
        expected
        and expected["verb"]
        and expected["verb"].lower() in _TRANSITIVE
        and expected["next"]
        and (expected["next"].strip().lower() not in _PREPOSITIONS | cues["aux"])
    ):
        expected = None  # "expect the central bank to cut [the ratio] by 25 basis points": its object
    if expected and any(
        w[2] in cues["verbs"] and w[2] not in _PREPOSITIONS for w in doc.words(expected.end(), fig.start)
    ):
        expected = None  # "expects revenue to grow 4% and forecasts [adjusted earnings] of $1.15": a verb between
    if expected and not _is_period((expected.start("np"), expected.end("np")), periods, text):
        return expected.start("np"), expected.end("np")  # "expect core inflation to end the year at 2.5%"
    of = len(left) - 1
    while of > 0 and left[of][2] in _FILLERS_BEFORE_OF:
        of -= 1  # "growth of just 0.3 per cent"
    if left and left[of][2] == "of" and not (of > 0 and left[of - 1][2] in _NOT_SUBJECT_HEADS):
        np = _noun_phrase_before(left[:of], cues)
        if np is None and of == 0 and clause_start > sent_start and text[clause_start - 1] == ")":
            # "a gross domestic product (GDP) of 4.52 trillion yuan": the phrase before the brackets
            opening = text.rfind("(", sent_start, clause_start - 1)
            if opening > sent_start:
                np = _noun_phrase_before(doc.words(_clause_start(text, sent_start, opening), opening), cues)
        for_after = _FOR_AFTER.match(text, fig.end) if np and doc.words(*np)[-1][2] in _FORECAST_HEADS else None
        if for_after and not _TIME_START.match(for_after["np"]):
            # "its interim target of 21% for [inflation]"
            np = _phrase_until_cut(doc, for_after.start("np"), for_after.end("np"), periods) or np
        if np and not _is_period(np, periods, text):
            return np
    after = _AFTER_IN.match(text, fig.end)
    if after is None and fig.kind == "money" and left and left[-1][2] in _SPEND:
        after = _ON_AFTER.match(text, fig.end)  # "will spend $350 million on [a packaging line]"
    if fig.kind == "money" and after and not _TIME_START.match(after["np"]) and not _SESSION.search(after["np"]):
        np = after["np"]
        cut = _NP_CUT.search(np)
        np = np[: cut.start()] if cut else np
        start = fig.end + (after.start("np") - after.start())
        if np.strip() and not _is_period((start, start + len(np.rstrip())), periods, text):
            return start, start + len(np.rstrip())
    verb = None

    verb_words = _verb_words()

    def is_verb(i: int) -> bool:
        w = left[i][2]
        if w in ("account", "accounts"):  # "which account for 20 per cent", not "the current account"
            return i + 1 < len(left) and left[i + 1][2] == "for"
        return w in verb_words

    for i in range(len(left) - 1, -1, -1):
        w = left[i][2]
        if w in _PREPOSITIONS or not is_verb(i):
            continue  # a preposition is never the verb
        if (
            w == "up"
            and i
            and left[i - 1][2] in ("made", "make", "makes", "making", "picked", "set", "ended", "summed")
        ):
            continue  # "which made up 40%": a particle of the verb before it
        if w in ("up", "down") and i > 1 and not is_verb(i - 1) and any(is_verb(k) for k in range(i)):
            continue  # "revised January's gain down to 229,000": a particle after the object
        if w in ("total", "record", "high", "low", "peak") and (
            i and (left[i - 1][2] in _DETERMINERS or left[i - 1][2].endswith(("'s", "’s")))
        ):
            continue  # "the year's total", "a record": a noun here
        verb = i
        break
    if verb is None and _CONTINUED.match(text, clause_start, fig.start):
        return _previous_object(doc, sent_start, clause_start, periods)  # "cut the rate again, by a quarter point"
    if verb is None:
        phrase = _trim(left, cues)  # "energy conservation by 18.23 percent": a list item names itself
        return (phrase[0][0], phrase[-1][1]) if phrase else None
    between = left[verb + 1 :]
    gap = None if _AND_WHILE.isdisjoint(map(_WORD, between)) else max(
        (k for k in range(1, len(between)) if between[k][2] in _AND_WHILE and between[k - 1][2][0].isdigit()),
        default=None,
    )  # fmt: skip
    if gap is not None and gap + 1 < len(between):
        rest = between[gap + 1 :]  # "imports grew 11.2% and [exports] 8.9%": the verb is understood
        if all(not is_verb(verb + 1 + gap + 1 + k) and w[2] not in _PREPOSITIONS for k, w in enumerate(rest)):
            return rest[0][0], rest[-1][1]
    if any(w[2][0].isdigit() for w in between):
        # "raised its policy rate by 50 basis points to a range of X": the object ends at the first "by"/"to"
        cut = next((k for k, w in enumerate(between) if w[2] in ("by", "to", "at")), None)
        between = between[: cut + 1] if cut is not None and not any(w[2][0].isdigit() for w in between[:cut]) else []
    obj = _object_after(between, cues)
    if obj and text[obj[0] : obj[1]].lower() in ("it", "them"):
        return _previous_object(doc, sent_start, clause_start, periods)  # "raised its rate, lifting it to 0.1%"
    if obj and not _is_period(obj, periods, text):
        return obj
    np = _noun_phrase_before(left[:verb], cues)
    if np is None and all(w[2] in _RELATIVE or w[2] in cues["aux"] or w[2].endswith("ly") for w in left[:verb]):
        # "Carmakers, which account for 20 per cent", "Exports (NODX) fell 9.3%": the clause has no subject
        # of its own; it is the noun phrase before the aside
        relative = any(w[2] in _RELATIVE for w in left[:verb])
        return _antecedent(doc, sent_start, clause_start, periods, relative)
    return None if np is None or _is_period(np, periods, text) else np


@lru_cache(maxsize=1)
def _verb_words() -> frozenset[str]:
    """The words ``_subject`` takes for a verb: change, level and other verbs."""
    cues = _cues()
    return cues["increase"] | cues["decrease"] | cues["level"] | cues["verbs"]


def _previous_object(doc: IndexedText, sent_start: int, clause_start: int, periods: _Periods) -> tuple[int, int] | None:
    """What the clauses before act on, for a clause that continues them: "The bank raised [its policy rate] on
    Tuesday, lifting it to 0.1%", "expect the SNB to cut [the policy rate] again, by a quarter point"."""
    text, cues = doc.text, _cues()
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


_RELATIVE = frozenset("which who that".split())


_NEVER_VERBS = frozenset("growth expansion contraction reduction loss losses gains".split())  # nouns only


# a clause that is an aside, not a subject: ", which ...", ", a gauge of ...", "(NODX)"
_ASIDE_OPENERS = frozenset(
    "which who whose whom where including excluding a an mostly mainly chiefly especially notably or however also "
    "though".split()
)


_CLAUSE_OPENERS = frozenset("that while whereas when as but although though because if".split())


def _clause_bounds(text: str, sent_start: int, clause_start: int) -> list[int]:
    """Where the clauses of a sentence start, up to ``clause_start`` (a break's lookahead reads one character
    past it, so the search runs one character further and keeps the breaks that end in time)."""
    breaks = _CLAUSE_BREAK.finditer(text, sent_start, min(len(text), clause_start + 1))
    return [sent_start] + [m.end() for m in breaks if m.end() <= clause_start]


def _verbish(word: str, cues: dict) -> bool:
    """A word that acts as a verb of a clause: a change word, a level verb or another verb of the lexicons."""
    return word not in _PREPOSITIONS and (
        word in cues["verbs"] or word in cues["level"] or _direction_of(word) is not None
    )


def _antecedent(
    doc: IndexedText, sent_start: int, clause_start: int, periods: _Periods, relative: bool = False
) -> tuple[int, int] | None:
    """The noun phrase that a subjectless clause continues, read back past asides and appositions:
    "Remittances from Mexicans working abroad, [which support 5 million households,] fell 4.8%",
    "Exports to the US, [Germany's largest market,] were worth €13.5 billion", "exports (NODX) fell".
    None when the clause before is a clause of its own ("..., up 13.3 per cent" continues its figure)."""
    text, cues = doc.text, _cues()
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
            or words[0][2] in _ASIDE_OPENERS
            or (words[0][2].endswith("ed") and words[0][2] not in _PREPOSITIONS and len(words) > 1)
        ):
            found = None  # an aside between the noun phrase and its clause, with any list inside it
            continue
        if words[0][2] == "with" and len(words) > 1:
            words = words[1:]  # "..., with [online sales], which make up a third of revenue, up 7.4%"
        elif words[0][2] in _PREPOSITIONS or _INTRO.match(words[0][2]):
            break  # "In local currency terms,": an introduction, not a subject
        cut = _after_last(words, _clause_cuts())
        if relative and found is None:
            # "ended [purchases of ETFs], which had run at ¥12 trillion": the noun phrase right before "which"
            words = words[cut:]
            verbs = [
                i for i, w in enumerate(words) if _verbish(w[2], cues) or "-" not in w[2] and _is_past(w[2])
            ]  # fmt: skip
            words = words[verbs[-1] + 1 :] if verbs else words
            while words and (
                words[0][2] in cues["openers"] or words[0][2] in cues["aux"] or words[0][2] in _PREPOSITIONS
            ):
                words = words[1:]
            if not words or len(words) > MAX_SUBJECT_WORDS:
                return None
            span = (words[0][0], words[-1][1])
            return None if _is_period(span, periods, text) else span
        joined = _after_last(words, _AND_BUT)
        if joined > cut and any(_is_past(w[2]) or w[2] in cues["verbs"] for w in words[cut : joined - 1]):
            cut = joined  # "industrial output rose 5.4% and [retail sales], a key gauge, grew 3.2%"
        words = words[cut:]
        if any(w[2] not in _ALSO_NOUNS and _verbish(w[2], cues) for w in words):
            break  # a clause of its own
        while words and words[0][2] in cues["openers"]:
            words = words[1:]
        if not words or len(words) > MAX_SUBJECT_WORDS:
            break
        found = (words[0][0], words[-1][1])  # the earliest of noun phrases in a row: "X, the largest market,"
        if cut:
            break
    return None if found is None or _is_period(found, periods, text) else found


def _after_last(words: list[tuple[int, int, str]], wanted: frozenset[str]) -> int:
    """The index after the last of ``words`` that is one of ``wanted``; 0 if none is (tested at once first)."""
    if wanted.isdisjoint(map(_WORD, words)):
        return 0
    return next(i + 1 for i in range(len(words) - 1, -1, -1) if words[i][2] in wanted)


@lru_cache(maxsize=1)
def _clause_cuts() -> frozenset[str]:
    """Words after which a clause's subject starts: "that", "while", ... and the reporting verbs ("said")."""
    return _CLAUSE_OPENERS | _cues()["reporting"]


_AND_BUT = frozenset(("and", "but"))


_AND_WHILE = frozenset(("and", "while"))


def _phrase_until_cut(doc: IndexedText, start: int, end: int, periods: _Periods) -> tuple[int, int] | None:
    """A noun phrase read forward from ``start``, up to where what follows it begins."""
    text = doc.text
    cut = _PHRASE_CUT.search(text, start, end)
    end = cut.start() if cut else end
    words = doc.words(start, end)
    cues = _cues()
    verb = next(
        (
            i for i, w in enumerate(words)
            if i and w[2] not in _PREPOSITIONS and (w[2] in cues["verbs"] or w[2] in cues["level"] or _is_past(w[2]))
        ),
        None,
    )  # fmt: skip
    words = words[:verb]  # "members of the panel [voted ...]"
    if not words or len(words) > MAX_SUBJECT_WORDS or words[0][2] in _PREPOSITIONS:
        return None
    span = (words[0][0], words[-1][1])
    return None if _is_period(span, periods, text) else span


def _without_figures(span: tuple[int, int] | None, figures: _Sorted) -> tuple[int, int] | None:
    """A subject stops before any figure inside it ("bank loans to 248 projects" keeps the count's noun)."""
    if span is None:
        return None
    for f in figures.within(span[0], span[1]):
        if span[0] <= f.start < span[1] and f.counted is None:
            return (span[0], f.start) if f.start > span[0] else None
    return span


def _clean_subject(doc: IndexedText, span: tuple[int, int] | None, periods: _Periods) -> tuple[int, int] | None:
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
    while words and words[-1][2] in _PREPOSITION_OR_DETERMINER:
        words = words[:-1]
    cues = _cues()
    has_content = any(
        w[2] not in _DETERMINERS and w[2] not in cues["aux"]
        and (not _direction_of(w[2]) or w[2] in _MEASURED_CHANGES)
        and (w[2] not in cues["verbs"] and w[2] not in cues["level"] or w[2] in _ALSO_NOUNS)
        and not (w[2].endswith("ing") and w[2] not in _ING_NOUNS and not (w is words[0] and text[w[0]].isupper()))
        and not w[2][0].isdigit() and w[2] not in _PREPOSITIONS
        and w[2] not in ("equivalent", "equal", "more", "less", "than")
        for w in words
    )  # fmt: skip
    if not has_content:
        return None
    return words[0][0], words[-1][1]


# words in -ing that name things measured: "Manufacturing growth slumped to 2.2%"
_ING_NOUNS = frozenset(
    "manufacturing housing spending lending borrowing financing funding mining building shipping trading banking "
    "farming clothing pricing listing listings earnings holdings savings offering offerings bookings billings "
    "filings openings hiring processing retailing marketing advertising accounting catering printing publishing "
    "plumbing packaging heating lodging outstanding operating".split()
)


_MEASURED_CHANGES = frozenset(
    "loss losses growth advances gains".split()
)  # change words that also name what is measured


_PREP_BEFORE = _compile(r"\s++(?:in|during|for|over|at|by|since|on|as\s+of)\s*+\Z", regex.IGNORECASE | regex.REVERSE)


_INTRO = _compile(
    r"(?:in|by|for|during|over|after|before|since|as\s+of|at|on|meanwhile|additionally|however|also)\b", regex.I
)


def _sentence_subject(
    doc: IndexedText, sent: tuple[int, int], fig: FigureRef, periods: _Periods
) -> tuple[int, int] | None:
    """The subject of the sentence: its first noun phrase before a verb, past an introductory phrase."""
    text, cues = doc.text, _cues()
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
        if _direction_of(w[2]) or w[2] in cues["level"] or w[2] in cues["verbs"] or w[2] in cues["aux"]:
            break
        np.append(w)
    stop = next((i for i, w in enumerate(np) if text[w[1] : w[1] + 1] == ","), None)
    if stop is not None:
        np = np[: stop + 1]  # "Broad money supply, or M2, ..." -> "Broad money supply"
    if not np or len(np) > MAX_SUBJECT_WORDS:
        return None
    return _clean_subject(doc, (np[0][0], np[-1][1]), periods)


_INTRO_PHRASE = regex.compile(r"[^,;:]{0,80},\s*+")  # "In January, ": what may open a sentence before its subject


_NOT_SUBJECT_HEADS = frozenset("high low range record peak level pace total average rate-high".split())


_HYPHEN_OR_DIGIT = _compile(r"[-\d]")


def _modifies(text: str, p: PeriodRef) -> bool:
    """A period that can modify a noun after it: "second-quarter", "2023", "January" - not "morning"."""
    return text[p.start].isupper() or _HYPHEN_OR_DIGIT.search(text, p.start, p.end) is not None


def _is_period(span: tuple[int, int], periods: _Periods, text: str) -> bool:
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


_BARE_RATE = frozenset(
    "rate pace clip annual annualized annualised seasonally adjusted quarterly monthly yearly".split()
)


_SPEND = frozenset("spend spends spent spending invest invests invested investing".split())


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


_PREPOSITION_OR_DETERMINER = _PREPOSITIONS | _DETERMINERS


_FILLERS_BEFORE_OF = _COUNT_FILLERS - {"of", "by", "to"}  # "growth of just 0.3 per cent"


_EXPECTING = frozenset(
    "assume assumes assumed "
    "expect expects expected expecting forecast forecasts forecasting see sees project projects projected "
    "predict predicts "
    "predicted estimate estimates estimated want wants need needs allow allows allowed".split()
)


_EXPECTED_SUBJECT = _compile(
    _at_word_start(
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


# verbs that act on an object: "expect the Fed to lower [rates] by 50 basis points"
_TRANSITIVE = frozenset("cut lower raise hike reduce lift trim slash keep hold leave set bring boost push".split())


_FORECAST_HEADS = frozenset("target goal forecast estimate projection outlook guidance ceiling cap".split())


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
    if not words or words[0][2] in _PREPOSITIONS or words[0][2][0].isdigit():
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
    if len(words) > 2 and words[-1][2] == "to" and words[-2][2] in _PASSIVE_BEFORE_TO:
        words = words[:-2]  # "ordinary revenue [expected to] rise 12%"
    while words and (
        words[-1][2] in cues["aux"] or words[-1][2].endswith("ly") or words[-1][2] in ("a", "an")
        or (words[-1][2] in cues["verbs"] or words[-1][2] in cues["level"]) and words[-1][2] not in _ALSO_NOUNS
    ):  # fmt: skip
        words = words[:-1]  # "the jobless rate was edging [up to]": the verb group is not the subject
    if words and words[-1][2] in ("and", "but", "or"):
        return None  # "fell 0.9% in September and were down 1.0%": the subject of the clause before
    start, first_verb = 0, None
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
                        if x[2] in cues["verbs"] or _direction_of(x[2]) and x[2] not in _NEVER_VERBS
                    ),
                    len(words),
                )
            if first_verb < i:
                start = i + 1  # "revenue declined 10% and [spending] rose 5%"
                break
        if (
            w in cues["reporting"]
            or w in ("that", "who", "which", "while", "as", "after", "when")
            or (w in cues["verbs"] or w in cues["increase"] or w in cues["decrease"])
            and i < len(words) - 1
            and not (i and words[i - 1][2] in ("a", "an"))
        ):  # "an advance quota": a noun
            start = i + 1
            break
        if w in ("by", "from", "with") and i < len(words) - 1:
            start = i + 1
            break
        if (
            w in ("and", "but")
            and i
            and words[i - 1][2][:1].isdigit()
            or w in ("cent", "percent")
            and i < len(words) - 1
        ):
            start = i + 1  # "pay growth slowing to 6.1 per cent and [the jobless rate] edging up"
            break
    words = words[start:]
    while words and (words[0][2] in cues["openers"] or words[0][2] in _PREPOSITIONS):
        words = words[1:]
    words = words[-MAX_SUBJECT_WORDS:]
    for w in words:
        if not w[2][0].isdigit() and w[2] not in _DETERMINERS:
            return words[0][0], words[-1][1]
    return None  # only numbers and determiners: no noun phrase


_PASSIVE_BEFORE_TO = frozenset(
    "expected forecast forecasted projected set likely due poised seen estimated predicted tipped slated scheduled "
    "anticipated".split()
)


@lru_cache(maxsize=1)
def _trim_edges() -> tuple[frozenset[str], frozenset[str]]:
    """The words cut from a subject's end, and from its start (articles aside: they are cut after the rest)."""
    cues = _cues()
    edge = cues["openers"] | cues["aux"] | _PREPOSITIONS | {"a", "an", "year-on-year", "up", "down", "or"}
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
