"""Reading noun phrases around a figure, for the subject sieve of :mod:`newsfigures.linker.subject` and the
linker's fallbacks: a clause's verb, the object of a verb, the noun phrase before a verb or "of", the phrase a
subjectless clause continues, the sentence's subject, and the cleaning of a subject (periods, figures, words
that name nothing)."""

from __future__ import annotations

import regex

from ..resources import per_patterns
from ..text.fastre import compile_fast as _compile
from .text import (
    CLAUSE_BREAK,
    MAX_SUBJECT_WORDS,
    WORD,
    FigureRef,
    IndexedText,
    PeriodRef,
    SortedByStart,
    SortedPeriods,
    direction_of,
    is_past,
    linker_cues,
    number_word,
    past_period,
)


def is_verb(left: list[tuple[int, int, str]], i: int, cues: dict) -> bool:
    """Whether the i-th word is a verb ("account" only before "for": not "the current account"); ``cues``: the
    linker's word lists (:func:`~newsfigures.linker.text.linker_cues`)."""
    w = left[i][2]
    if w in ("account", "accounts"):
        return i + 1 < len(left) and left[i + 1][2] == "for"
    return w in cues["verb_words"]


def clause_verb(left: list[tuple[int, int, str]], cues: dict) -> int | None:
    """The index of the last verb among the words before a figure, past particles and nouns that look like verbs."""
    for i in range(len(left) - 1, -1, -1):
        w = left[i][2]
        if w in cues["prepositions"] or not (is_verb(left, i, cues) or _past_verb(left, i, cues)):
            continue  # a preposition is never the verb
        if w == "up" and i and left[i - 1][2] in ("made", "make", "makes", "making", "picked", "set", "ended", "summed"):
            continue  # "which made up 40%": a particle of the verb before it
        if w in ("up", "down") and i > 1 and not is_verb(left, i - 1, cues) and any(is_verb(left, k, cues) for k in range(i)):
            continue  # "revised January's gain down to 229,000": a particle after the object
        if w in ("total", "record", "high", "low", "peak") and (
            i and (left[i - 1][2] in cues["determiners"] or left[i - 1][2].endswith(("'s", "’s")))
        ):
            continue  # "the year's total", "a record": a noun here
        return i
    return None


def _past_verb(left: list[tuple[int, int, str]], i: int, cues: dict) -> bool:
    """A verb the lists do not know, by its past tense after a noun ("The administration imposed", "Novo
    purchased"), not a participle before one ("the revised figure", "Japan's estimated output")."""
    w = left[i][2]
    if not i or "-" in w or not is_past(w, cues) or w in cues["attribution_verbs"]:
        return False
    before = left[i - 1][2]
    return before not in cues["determiners"] and before not in cues["prepositions"] and not before.endswith(("'s", "’s"))


def previous_object(
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
        obj = object_after([*between, (0, 0, "by")], cues)
        if obj and text[obj[0] : obj[1]].lower() not in ("it", "them") and not is_period(obj, periods, text):
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
        word in cues["verbs"] or word in cues["level"] or direction_of(word, cues) is not None
    )


def antecedent(
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
    return None if found is None or is_period(found, periods, text) else found


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
    return None if is_period(span, periods, text) else span


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


def phrase_until_cut(doc: IndexedText, start: int, end: int, periods: SortedPeriods) -> tuple[int, int] | None:
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
    return None if is_period(span, periods, text) else span


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
    article = _ARTICLE.match(text, start, end)
    for p in periods.near(start, end):
        if article and p.start == article.end() and p.end < end - 2 and _modifies(text, p):
            start = p.start  # "a first quarter loss": the period modifies the noun, as it does at the start
        if p.start <= start < p.end < end - 2 and _modifies(text, p):
            start = past_period(text, p, end)  # "second-quarter net income"
        if start < p.start < end:
            cut = _PREP_BEFORE.search(text, start, p.start)
            if cut is None and p.end < end - 2 and _modifies(text, p) and not _period_noun(text, p.end, end):
                # "French 1986 Gross Domestic Product", "its 1987 earnings estimate": the noun after the period
                start = past_period(text, p, end)
                continue
            end = cut.start() if cut else p.start
            break
    words = doc.words(start, end)
    cues = linker_cues()
    edges, bare = cues["not_subject_edges"], cues["prepositions"]
    while len(words) > 1 and (words[0][2] in edges or words[0][2] in cues["aux"] or words[0][2] in bare):
        words = words[1:]  # "and pushed interbank rates", "was based on an average oil price"
    while words and (
        words[-1][2] in cues["prepositions_or_determiners"] or words[-1][2] in edges
        or len(words) > 1 and words[-1][2].endswith("ed") and direction_of(words[-1][2], cues)
        or len(words) > 1 and (words[-1][2] in cues["aux"] or words[-1][2] in cues["time_adverbs"])
        or len(words) > 2 and words[-2][2] in cues["aux"] and is_past(words[-1][2], cues)
    ):  # fmt: skip
        # "The opening compares", "The trade deficit almost quadrupled", "The Office had earlier", "shares were quoted"
        words = words[:-1]
    has_content = any(
        w[2] not in cues["determiners"] and w[2] not in cues["aux"]
        and (not direction_of(w[2], cues) or w[2] in cues["measured_changes"])
        and (w[2] not in cues["verbs"] and w[2] not in cues["level"] or w[2] in cues["also_nouns"])
        and not (
            w[2].endswith("ing") and w[2] not in cues["ing_nouns"] and not (w is words[0] and text[w[0]].isupper())
        )
        and not w[2][0].isdigit() and w[2] not in cues["prepositions"] and w[2] not in cues["time_adverbs"]
        and w[2] not in ("equivalent", "equal", "more", "less", "than", "back", "little")
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
        if direction_of(w[2], cues) or w[2] in cues["level"] or w[2] in cues["verbs"] or w[2] in cues["aux"]:
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
    """A period that can modify a noun after it: "second-quarter", "2023", "January", "first quarter [loss]" -
    not "morning"."""
    return (
        text[p.start].isupper() or _HYPHEN_OR_DIGIT.search(text, p.start, p.end) is not None
        or _ORDINAL_PART.fullmatch(text, p.start, p.end) is not None and _NOUN_NEXT.match(text, p.end) is not None
    )  # fmt: skip


# a part of a year named by its ordinal, and a noun right after it that it modifies: "first quarter [loss]"
_ORDINAL_PART = _compile(r"(?:first|second|third|fourth|1st|2nd|3rd|4th)\s++(?:quarter|half|qtr)", regex.IGNORECASE)
_NOUN_NEXT = _compile(
    r"\s++(?!(?:of|in|to|and|or|for|at|on|by|from|with|was|were|is|are|will|would|the|an?|ended|ending)\b)[a-z]"
)


def is_period(span: tuple[int, int], periods: SortedPeriods, text: str) -> bool:
    """A phrase that is (mostly) a period is not a subject: "in [the three months to June]"."""
    article = _ARTICLE.match(text, span[0], span[1])
    head_start = article.end() if article else span[0]
    for p in periods.near(*span):
        if p.end <= span[0] or p.start >= span[1]:
            continue
        if p.start <= head_start and p.end < span[1] - 2 and _modifies(text, p) and not _period_noun(text, p.end, span[1]):
            continue  # "second-quarter net income", "a first quarter loss": a period that modifies the noun after it
        overlap = min(span[1], p.end) - max(span[0], p.start)
        if overlap > 0 and overlap >= (span[1] - span[0]) / 2:
            return True
    return False


_HAVE = frozenset(("has", "had", "have"))


def _period_noun(text: str, start: int, end: int) -> bool:
    """Whether all that follows a period in a phrase is a noun naming a stretch of time: "the July-September
    [period]" is a period, not a subject."""
    return text[start:end].strip().lower() in linker_cues()["time_words"] | {"period", "periods", "season"}


def _owned_after(word: str, cues: dict) -> bool:
    """Whether the word after "has"/"had" starts what is had (a noun phrase), not the rest of a verb group."""
    return word in cues["determiners"] or not (
        is_past(word, cues) or word in cues["aux"] or word in cues["time_adverbs"] or word.endswith("ly")
        or word in ("then", "not", "never")
    )  # fmt: skip


_ARTICLE = _compile(r"(?:an?|the|its|their|his|her|our)\s++", regex.IGNORECASE)


_PHRASE_CUT = _compile(
    r"\s(?:to|from|in|during|since|as|compared|which|that|over|on|by|for|after|than|against|versus|amid|due|because"
    r"|with|at|year-on-year|last|this|and\s++(?=[\d$€£¥₹])|(?=[\d$€£¥₹]))\b|\s(?=[\d$€£¥₹])"
)


def object_after(words: list[tuple[int, int, str]], cues: dict) -> tuple[int, int] | None:
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
        if i and (w[2] in ("on", "during", "by", "from", "last", "this", "than") or number_word(w[2])):
            cut = i
            break
        if i and w[2] in ("to", "at") and i + 1 < len(words) and words[i + 1][2] in ("a", "an"):
            cut = i  # "to a range of", "at a 23-year high"
            break
    words = words[:cut]
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    return words[0][0], words[-1][1]


def noun_phrase_before(
    words: list[tuple[int, int, str]], cues: dict, items: bool = False
) -> tuple[int, int] | None:
    """The noun phrase that ends right before a verb or "of": back to a verb, "that", or the clause start.
    ``items``: a gain or a loss is an item the phrase names (a money amount's: "a gain on the sale of ...")."""
    if len(words) > 2 and words[-1][2] == "to" and words[-2][2] in cues["passive_before_to"]:
        words = words[:-2]  # "ordinary revenue [expected to] rise 12%"
    while words and (
        words[-1][2] in cues["aux"] or words[-1][2].endswith("ly") or words[-1][2] in ("a", "an")
        or (words[-1][2] in cues["verbs"] or words[-1][2] in cues["level"]) and words[-1][2] not in cues["also_nouns"]
    ):  # fmt: skip
        words = words[:-1]  # "the jobless rate was edging [up to]": the verb group is not the subject
    if words and words[-1][2] in ("and", "but", "or"):
        return None  # "fell 0.9% in September and were down 1.0%": the subject of the clause before
    words = words[_phrase_start(words, cues, items) :]
    while words and (words[0][2] in cues["openers"] or words[0][2] in cues["prepositions"]):
        words = words[1:]
    words = words[-MAX_SUBJECT_WORDS:]
    for w in words:
        if not w[2][0].isdigit() and w[2] not in cues["determiners"]:
            return words[0][0], words[-1][1]
    return None  # only numbers and determiners: no noun phrase


def _phrase_start(words: list[tuple[int, int, str]], cues: dict, items: bool = False) -> int:
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
                        if x[2] in cues["verbs"] or direction_of(x[2], cues) and x[2] not in cues["noun_only_changes"]
                    ),
                    len(words),
                )
            if first_verb < i:
                return i + 1  # "revenue declined 10% and [spending] rose 5%"
        if items and (w in cues["money_gains"] or w in cues["losses"]):
            continue  # "gain on termination of pension plan [of 2,614,000]": the item named
        if w in _HAVE and i < len(words) - 1 and _owned_after(words[i + 1][2], cues):
            return i + 1  # "said it had [a first quarter loss]", not "had then been left", "has committed to"
        if (
            w in cues["reporting"]
            or w in ("that", "who", "which", "while", "as", "after", "when")
            or (w in cues["verbs"] or w in cues["increase"] or w in cues["decrease"])
            and i < len(words) - 1
            and not (i and words[i - 1][2] in ("a", "an"))
        ):  # "an advance quota": a noun
            return i + 1
        if w in ("by", "from", "with") and i < len(words) - 1:
            if items and i and (words[i - 1][2] in cues["money_gains"] or words[i - 1][2] in cues["losses"]):
                continue  # "a loss from discontinued operations [of 87,449 dlrs]"
            if w == "from" and i and words[i - 1][2] in cues["source_nouns"]:
                continue  # "Net earnings from continuing operations [rose to 18 mln dlrs]"
            if w == "with" and i and words[i - 1][2] in cues["partner_nouns"]:
                continue  # "the trade deficit with the West [quadrupled]"
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


def trim_phrase(words: list[tuple[int, int, str]], cues: dict) -> list[tuple[int, int, str]]:
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
