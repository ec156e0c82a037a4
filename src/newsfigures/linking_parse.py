"""Find what a figure measures from a dependency parse, when the Doc has one.

The parse-based counterpart of the subject rules in :mod:`newsfigures.linking`: from the figure's head
token, walk up the tree to the verb the figure belongs to and take that verb's subject ("Exports rose
5%"), or its direct object when the figure says by how much the object changed ("cut its policy rate by
25 basis points"). Nouns met on the way decide on their own: "revenue of $5 billion", "$2 billion in
loans", "a 5% rise in exports". When the parse gives no confident answer the result is None and the
caller falls back to the text linker.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

# fmt: off
# Links followed from a figure up to its verb: "rose [by] 5%", "climbed to 4.4%", "reached $3 billion",
# "was $3 billion", "were up 5%", "up 6.2 percent year on year", "930 points, or 1.2 per cent".
_UP = frozenset({
    "prep", "pobj", "pcomp", "npadvmod", "dobj", "attr", "advmod", "acomp", "oprd", "quantmod", "nummod", "compound",
    "conj", "appos",
})
# A figure's head noun modified by it: "a $400,000 loan", "a 5% rise in exports".
_MODIFIERS = frozenset({"nummod", "compound", "amod", "quantmod", "nmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A verb without a subject of its own borrows its head's: "Exports rose 5% and [reached] $3 billion",
# "Revenue is expected to [rise] 5%", "Exports beat forecasts, [rising] 5%".
_CLIMB = frozenset({"conj", "xcomp", "advcl"})
# Children that end a noun phrase: a relative clause, an apposition, an aside.
_CUT = frozenset({"relcl", "appos", "parataxis", "advcl"})
_BREAKS = frozenset({",", "(", "[", ";", ":", "—", "–", "--"})
_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# A figure reached through these says how much the verb's object changed: "increased loans [by] 5%",
# "cut its rate [to] 4.5%", "held rates [at] 5.25%".
_OBJECT_PREPS = frozenset({"by", "to", "at"})
# Nouns a figure passes through on its way to the verb: "climbed to [a two-year high] of 4.1%",
# "posted [an increase] of 5%". A change noun first offers its "in" phrase: "a 5% rise in [exports]".
_LEVEL_NOUNS = frozenset({
    "high", "low", "peak", "record", "level", "range", "total", "average", "pace", "clip", "amount", "sum", "tally",
})
_CHANGE_NOUNS = frozenset({
    "increase", "increases", "rise", "rises", "gain", "gains", "jump", "surge", "climb", "advance", "fall", "falls",
    "drop", "drops", "decline", "declines", "decrease", "dip", "slide", "slump", "cut", "cuts", "reduction",
})
# Percentages and points are changes or rates, never an amount spent "in" or "for" something.
_RATE_UNITS = frozenset({"%", "percent", "pct", "per", "point", "points", "bp", "bps"})
# What a noun after "in"/"for" must not be to name what money went into: a place or an organisation.
_PLACES = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})
_PRONOUNS = frozenset({
    "it", "they", "them", "this", "that", "these", "those", "he", "she", "we", "which", "who", "what", "something",
})
_RELATIVES = frozenset({"which", "that", "who"})
_TIME_WORDS = frozenset({
    "year", "years", "month", "months", "quarter", "quarters", "week", "weeks", "day", "days", "period", "periods",
    "half", "decade", "season", "end", "beginning", "start", "today", "yesterday", "tomorrow",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
# fmt: on
# Dates written as one token: "FY26", "Q3", "H1", "2024", "2024-25".
_DATE_LIKE = re.compile(r"(?:fy|q[1-4]|h[12])'?\d{0,4}|(?:19|20)\d\d(?:[-/–]\d\d(?:\d\d)?)?", re.IGNORECASE)
MAX_SUBJECT_TOKENS = 20  # a longer "subject" is a parse gone astray


def parse_subject(
    doc: Doc, start_char: int, end_char: int, *, counted: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """The character span of the phrase that the figure at ``[start_char, end_char)`` measures.

    A count's counted noun is returned as given. Otherwise, in order: "$2 billion in loans" (what the
    money went into or is for); the first noun met walking up from the figure ("revenue of $5 billion",
    "a $400,000 loan", "a 5% rise in exports"); and the verb's direct object ("increased loans to farms
    by 5%") or subject ("Exports rose 5%"), following conj, xcomp and advcl up to the clause that has one.
    None when the Doc has no parse, or the answer would be a pronoun, a time expression ("last year")
    or not found.
    """
    if counted is not None:
        return counted
    if not doc.has_annotation("DEP"):
        return None
    figure = doc.char_span(start_char, end_char, alignment_mode="expand")
    if figure is None or not len(figure):
        return None
    bounds = _figure_subject(figure)
    return _accepted(doc, bounds, figure) if bounds else None


def _figure_subject(figure: Span) -> tuple[int, int] | None:
    """Token bounds ``[start, end)`` of the figure's subject, not yet checked."""
    amount_for = _amount_for(figure)
    if amount_for is not None:
        return _phrase(amount_for)
    tok = figure.root
    while tok.head.i != tok.i:  # spaCy makes a new Token on each access: compare indices, not identity
        head = tok.head
        if head.pos_ in _VERBS:
            return _clause_subject(head, tok)
        if tok.dep_ not in _UP:
            return None
        if head.pos_ in _NOUNS and not figure.start <= head.i < figure.end and not _passable(head, figure):
            if tok.dep_ == "prep" and tok.lower_ == "of" and tok.i > head.i:
                return _phrase(head, stop=tok)  # "revenue of $5 billion", "growth of 5 percent"
            if tok.dep_ in _MODIFIERS and tok.i < head.i and _determined_before(head, figure):
                return figure.end, _right_end(head, None)  # "its $6.9 trillion balance sheet"
            if tok.dep_ in ("advmod", "appos") and tok.i > head.i:
                return _phrase(head, stop=tok)  # "with exports up 12 percent", "..., and retail sales 3.2 percent"
            return None
        if head.lower_ in _CHANGE_NOUNS and (inner := _pobj(head, "in")) is not None:
            return _phrase(inner)  # "a 5% rise in exports", "an increase of 5% in loans"
        tok = head
    return None


def _determined_before(noun: Token, figure: Span) -> bool:
    """ "a $400,000 loan", "its $6.9 trillion balance sheet": a determiner before the figure shows that the
    figure modifies the noun (and that "$5 billion beat estimates" is a misparse, not a noun phrase)."""
    return any(c.dep_ in ("det", "poss") and c.i < figure.start for c in noun.lefts)


def _amount_for(figure: Span) -> Token | None:
    """ "issued $2 billion in loans", "allocated Rs 500 crore for rural roads": the noun the money is in or for.

    Not for percentages, nor for an amount of change ("rose by $2 billion in the province").
    """
    doc, root = figure.doc, figure.root
    if figure.end >= len(doc) or any(t.lower_ in _RATE_UNITS for t in figure):
        return None
    if root.dep_ == "npadvmod" or root.dep_ == "pobj" and root.head.lower_ in _OBJECT_PREPS | {"from"}:
        return None
    prep = doc[figure.end]
    if prep.lower_ not in ("in", "for") or prep.dep_ != "prep":
        return None
    if not (figure.start <= prep.head.i < figure.end or prep.head in root.ancestors):
        return None
    return _object_of(prep)


def _pobj(head: Token, preposition: str) -> Token | None:
    """The object of ``head``'s first ``preposition`` child, as :func:`_object_of` allows."""
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == preposition), None)
    return None if prep is None else _object_of(prep)


def _object_of(prep: Token) -> Token | None:
    """The object of a preposition when it is not a time, a place or an organisation ("in May", "in India")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or _is_time(pobj) or pobj.pos_ == "PROPN" or pobj.ent_type_ in _PLACES:
        return None
    return pobj


def _passable(noun: Token, figure: Span) -> bool:
    """A noun that names no subject, only where the figure stands: a level, a change, a time, another figure."""
    return (
        noun.lower_ in _LEVEL_NOUNS
        or noun.lower_ in _CHANGE_NOUNS
        or _is_time(noun)
        or (noun.dep_ == "pobj" and noun.head.lower_ in ("to", "at"))  # "grew at an annual rate of 2.8%"
        or noun.like_num
        or any(c.like_num and not figure.start <= c.i < figure.end for c in noun.children)
    )


def _clause_subject(verb: Token, via: Token) -> tuple[int, int] | None:
    """The subject of ``verb``, reached from the figure through its child ``via``.

    The direct object comes first when the figure is reached by "by", "to" or "at" after it ("cut its
    policy rate by 25 basis points") or the verb is an xcomp ("expect GDP to grow 2%").
    """
    while True:
        if via.dep_ in _SUBJECTS:
            return None  # the figure is the subject: "30% of homes sold above the asking price"
        if via.dep_ == "xcomp" or via.dep_ == "prep" and via.lower_ in _OBJECT_PREPS:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < via.i), None)
            if obj is not None:
                return _object_phrase(verb, obj, via)
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if subject.lower_ in _RELATIVES and verb.dep_ == "relcl":
                return _phrase(verb.head)  # "Exports, which rose 5% in May, ..."
            return _phrase(subject)
        if verb.dep_ not in _CLIMB or verb.head.i == verb.i or verb.head.pos_ not in _VERBS:
            return None
        via, verb = verb, verb.head


def _object_phrase(verb: Token, obj: Token, via: Token) -> tuple[int, int]:
    """The object's phrase, with the verb's prepositional phrases that follow it up to ``via``: the parser
    often hangs "to farms" in "increased loans to farms by 5%" on the verb."""
    start, end = _phrase(obj)
    if end == obj.right_edge.i + 1:
        for child in verb.rights:
            if child.i < end:
                continue
            if child.i >= via.i or child.dep_ != "prep" or child.left_edge.i != end or _is_time_phrase(child):
                break
            if any(t.like_num for t in child.subtree):
                break  # "lowered its rate [by 50 basis points] to a range of ...": another figure's phrase
            end = child.right_edge.i + 1
    return start, end


def _phrase(head: Token, stop: Token | None = None) -> tuple[int, int]:
    """Token bounds of ``head``'s noun phrase as written ("the unemployment rate", "Shanxi's deposits"), cut
    before a relative clause, an apposition, an aside, a time phrase ("Exports in May") or ``stop``."""
    doc = head.doc
    start, end = head.left_edge.i, _right_end(head, stop)
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return start, end


def _right_end(tok: Token, stop: Token | None) -> int:
    """Where ``tok``'s phrase ends (exclusive token index): its subtree up to the first cut."""
    end = tok.i + 1
    rights = list(tok.rights)
    for k, child in enumerate(rights):
        before_conj = k + 1 < len(rights) and rights[k + 1].dep_ == "conj"  # "Exports, imports and ..."
        if child == stop or child.dep_ in _CUT or _is_time_phrase(child) or _is_break(child) and not before_conj:
            return child.left_edge.i
        end = _right_end(child, stop)
        if end <= child.right_edge.i:
            return end  # cut inside the child
    return end


def _is_break(tok: Token) -> bool:
    """Punctuation that opens an aside: a comma, a bracket, a dash ("-" only with a space before it)."""
    if tok.dep_ != "punct":
        return False
    return tok.text in _BREAKS or tok.text == "-" and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _is_time(tok: Token) -> bool:
    return tok.lower_ in _TIME_WORDS or tok.ent_type_ in ("DATE", "TIME") or bool(_DATE_LIKE.fullmatch(tok.text))


def _is_time_phrase(tok: Token) -> bool:
    """A prepositional phrase about time: "in May", "at the end of October", "during the period"."""
    if tok.dep_ != "prep":
        return False
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return pobj is not None and _is_time(pobj)


def _accepted(doc: Doc, bounds: tuple[int, int], figure: Span) -> tuple[int, int] | None:
    """The bounds as a character span, unless they are empty, a pronoun, a time, too long or overlap the figure."""
    start, end = bounds
    if end <= start or end - start > MAX_SUBJECT_TOKENS or start < figure.end and figure.start < end:
        return None
    span = doc[start:end]
    content = [t for t in span if not t.is_punct and t.pos_ != "DET"] or list(span)
    root = span.root
    if root.pos_ == "PRON" or root.lower_ in _PRONOUNS or _is_time(root) or all(_is_time(t) for t in content):
        return None
    return span.start_char, span.end_char
