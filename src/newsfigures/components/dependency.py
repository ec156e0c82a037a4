"""Find what a figure measures from a dependency parse, when the Doc has one.

The parse-based counterpart of the subject rules in :mod:`newsfigures.linker.link`: from the figure's head
token, walk up the tree to the predicate the figure belongs to and take its subject ("Exports rose
5%"), or its direct object when the figure says by how much the object changed ("cut its policy rate by
25 basis points"). Nouns met on the way may decide first: "revenue of $5 billion", "$2 billion in
loans", "a 5% rise in exports", "contracts worth $100 million". When the parse gives no confident answer
the result is None and the caller falls back to the text linker.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..linker.text import linker_cues

# fmt: off
# Links followed from a figure up to its predicate: "rose [by] 5%", "climbed to 4.4%", "reached $3 billion",
# "was $3 billion", "were up 5%", "up 6.2 percent year on year", "930 points, or 1.2 per cent".
_UP = frozenset({
    "prep", "pobj", "pcomp", "npadvmod", "dobj", "attr", "advmod", "acomp", "oprd", "quantmod", "nummod", "compound",
    "amod", "nmod", "conj", "appos",
})
# A figure before the noun it modifies: "a $400,000 loan", "a 5% rise in exports".
_MODIFIERS = frozenset({"nummod", "compound", "amod", "quantmod", "nmod"})
# A figure after the noun it describes: "revenue [of] $5 billion", "exports [up] 12 percent",
# "contracts [worth] $100 million", "..., and retail sales [3.2 percent]".
_DESCRIBES = frozenset({"advmod", "amod", "appos"})
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
# "cut its rate [to] 4.5%", "held rates [at] 5.25%", "lifted its rate [from] minus 0.1%".
_OBJECT_PREPS = frozenset({"by", "to", "at", "from"})
# Money "in", "for" or "of" something: "$2 billion in loans", "Rs 500 crore for roads", "$749 billion of bonds".
_AMOUNT_PREPS = frozenset({"in", "for", "of"})
_PLACES = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})
# fmt: on
# Dates written as one token: "FY26", "Q3", "H1", "2024", "2024-25".
_DATE_LIKE = re.compile(r"(?:fy|q[1-4]|h[12])'?\d{0,4}|(?:19|20)\d\d(?:[-/–]\d\d(?:\d\d)?)?", re.IGNORECASE)
MAX_SUBJECT_TOKENS = 20  # a longer "subject" is a parse gone astray


def parse_subject(
    doc: Doc, start_char: int, end_char: int, *, counted: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """The character span of the phrase that the figure at ``[start_char, end_char)`` measures.

    A count's counted noun is returned as given. Otherwise, in order: money in, for or of something
    ("$2 billion in loans"); a noun the figure describes ("revenue of $5 billion", "a $400,000 loan",
    "a 5% rise in exports", "exports up 12 percent"); and the predicate's direct object ("increased loans
    to farms by 5%") or subject ("Exports rose 5%"), following conj, xcomp and advcl to the clause that
    has one. None when the Doc has no parse, or the answer would be a pronoun, a time expression ("last
    year"), on another line than the figure, or not found.
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
    tok, object_changed, words = figure.root, False, linker_cues()
    while tok.head.i != tok.i:  # spaCy makes a new Token on each access: compare indices, not identity
        head = tok.head
        object_changed |= tok.dep_ == "prep" and tok.lower_ in _OBJECT_PREPS
        if head.pos_ in _VERBS or any(c.dep_ in _SUBJECTS for c in head.children):
            # a verb, or a verbless predicate: "with exports up 12 percent", "trade worth 800 billion yuan"
            return _clause_subject(head, tok, figure, object_changed)
        if tok.dep_ not in _UP:
            return None
        if head.pos_ in _NOUNS and not figure.start <= head.i < figure.end and not _passable(head, figure):
            return _described_noun(tok, head, figure)
        if head.lower_ in words["parse_change_nouns"] and (inner := _pobj(head, "in")) is not None:
            return _phrase(inner)  # "a 5% rise in exports", "an increase of 5% in loans"
        tok = head
    return None


def _described_noun(tok: Token, noun: Token, figure: Span) -> tuple[int, int] | None:
    """The noun that the figure describes, reached through ``tok``: "revenue of $5 billion", "exports up 12
    percent", "its $6.9 trillion balance sheet". None for any other link."""
    if tok.i > noun.i and (tok.dep_ in _DESCRIBES or tok.dep_ == "prep" and tok.lower_ == "of"):
        return _phrase(noun, stop=tok)
    if (
        tok.dep_ in _MODIFIERS
        and tok.i < noun.i
        and any(c.dep_ in ("det", "poss") and c.i < figure.start for c in noun.lefts)
    ):
        # a determiner before the figure shows it modifies the noun ("a $400,000 loan"), and that
        # "Revenue of $5 billion beat estimates" with "beat" tagged a noun is a misparse, not a phrase
        return figure.end, _right_end(noun, None)
    return None


def _amount_for(figure: Span) -> Token | None:
    """ "issued $2 billion in loans", "allocated Rs 500 crore for rural roads", "sold 5.46 trillion yuan ($749
    billion) of bonds": the noun the money is in, for or of.

    Not for percentages, nor for an amount of change ("rose by $2 billion in the province").
    """
    root, words = figure.root, linker_cues()
    if any(t.lower_ in words["parse_rate_words"] for t in figure):
        return None
    if root.dep_ == "npadvmod" or root.dep_ == "pobj" and root.head.lower_ in _OBJECT_PREPS:
        return None
    prep = _next_word(figure)
    if prep is None or prep.lower_ not in _AMOUNT_PREPS or prep.dep_ != "prep":
        return None
    if not (figure.start <= prep.head.i < figure.end or prep.head in root.ancestors):
        return None
    pobj = _object_of(prep)
    return (
        None if pobj is None or pobj.lower_ in words["parse_level_nouns"] else pobj
    )  # "5.74 trillion yuan of the total"


def _next_word(figure: Span) -> Token | None:
    """The first word after the figure, past a bracketed conversion and a time: "10.5 billion yuan ($1.46
    billion) this year [in] subsidies"."""
    doc, depth, words = figure.doc, 0, linker_cues()
    for tok in doc[figure.end :]:
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth = max(0, depth - 1)  # also the bracket that closes around the figure itself
        elif (
            not depth
            and not tok.is_space
            and not _is_time(tok, words)
            and not (_is_time(tok.head, words) and tok.head.i > tok.i)
        ):
            return tok
    return None


def _pobj(head: Token, preposition: str) -> Token | None:
    """The object of ``head``'s first ``preposition`` child, as :func:`_object_of` allows."""
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == preposition), None)
    return None if prep is None else _object_of(prep)


def _object_of(prep: Token) -> Token | None:
    """The object of a preposition unless it is a time or a place ("in May", "in India")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if (
        pobj is None
        or _is_time(pobj, linker_cues())
        or pobj.ent_type_ in _PLACES
        or prep.lower_ == "in"
        and pobj.pos_ == "PROPN"
    ):
        return None
    return pobj


def _passable(noun: Token, figure: Span) -> bool:
    """A noun that names no subject, only where the figure stands: a level, a bare change, a time, an amount."""
    words = linker_cues()
    return (
        noun.lower_ in words["parse_level_nouns"]
        or (noun.lower_ in words["parse_change_nouns"] and not _has_own_noun(noun, figure))
        or _is_time(noun, words)
        or (noun.dep_ == "pobj" and noun.head.lower_ in ("to", "at", "from"))  # "grew at an annual rate of 2.8%"
        or _is_amount(noun, figure, words)
    )


def _has_own_noun(change: Token, figure: Span) -> bool:
    """ "average pay rises of 5.28 per cent", "a 25-basis-point rate increase": the change names what changes."""
    return any(c.dep_ == "compound" and not figure.start <= c.i < figure.end for c in change.lefts)


def _is_amount(tok: Token, figure: Span, words: dict) -> bool:
    """Another figure, or a word of one: "930 points, or 1.2 per cent", "Rs 87,416 crore ($10.5 billion)"."""
    if tok.like_num or tok.is_currency or tok.lower_ in words["parse_rate_words"]:
        return True
    if any(c.like_num and not figure.start <= c.i < figure.end for c in tok.children):
        return True
    return tok.dep_ in _MODIFIERS and tok.head.i > tok.i and _is_amount(tok.head, figure, words)


def _clause_subject(verb: Token, via: Token, figure: Span, object_changed: bool) -> tuple[int, int] | None:
    """The subject of the predicate ``verb``, reached from the figure through its child ``via``.

    The direct object comes first when the figure is reached by "by", "to", "at" or "from" after it ("cut
    its policy rate by 25 basis points") or the verb is an xcomp ("expect GDP to grow 2%").
    """
    words = linker_cues()
    while True:
        if via.dep_ in _SUBJECTS:
            return None  # the figure is the subject: "30% of homes sold above the asking price"
        if object_changed or via.dep_ == "xcomp":
            obj = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "dobj" and c.i < figure.start and not _is_amount(c, figure, words)
                ),
                None,
            )
            if obj is not None:
                return _object_phrase(verb, obj, via)
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if subject.lower_ in words["relative_pronouns"] and verb.dep_ == "relcl":
                return _phrase(_antecedent(verb))  # "Exports, which rose 5% in May, ..."
            return _phrase(subject)
        if verb.dep_ == "acl":
            return _phrase(verb.head, stop=verb)  # "showed regular pay growth slowing to 6.1 per cent"
        if verb.dep_ in _CLIMB and verb.head.pos_ in _VERBS:
            via, verb = verb, verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in _VERBS:
            via, verb = verb.head, verb.head.head  # "dipped 0.1% after edging up 0.1%"
        else:
            return None
        object_changed = False


def _antecedent(relcl: Token) -> Token:
    """What a relative clause is about. After a comma it is the whole noun phrase, not only its last noun:
    "Shipments to the mainland, which took ..." are shipments."""
    noun = relcl.head
    if relcl.left_edge.i > 0 and relcl.doc[relcl.left_edge.i - 1].text == ",":
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in _NOUNS:
            noun = noun.head.head
    return noun


def _object_phrase(verb: Token, obj: Token, via: Token) -> tuple[int, int]:
    """The object's phrase, with the verb's prepositional phrases that follow it up to ``via``: the parser
    often hangs "to farms" in "increased loans to farms by 5%" on the verb."""
    start, end = _phrase(obj)
    if end == obj.right_edge.i + 1:
        for child in verb.rights:
            if child.i < end:
                continue
            if child.i >= via.i or child.dep_ != "prep" or child.left_edge.i != end or _ends_phrase(child):
                break
            if any(t.like_num for t in child.subtree):
                break  # "lowered its rate [by 50 basis points] to a range of ...": another figure's phrase
            end = child.right_edge.i + 1
    return start, end


def _phrase(head: Token, stop: Token | None = None) -> tuple[int, int]:
    """Token bounds of ``head``'s noun phrase as written ("the unemployment rate", "Shanxi's deposits"), cut
    before a relative clause, an apposition, an aside, a time phrase ("Exports in May") or ``stop``, and
    after an aside or a line break on its left."""
    doc = head.doc
    start, end = head.left_edge.i, _right_end(head, stop)
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].text in _BREAKS or "\n" in doc[i].text:
            start = i + 1
            break
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def _right_end(tok: Token, stop: Token | None) -> int:
    """Where ``tok``'s phrase ends (exclusive token index): its subtree up to the first cut. A participle
    clause cut inside goes whole: "homes sold [last year]" -> "homes"."""
    end = tok.i + 1
    rights = list(tok.rights)
    for k, child in enumerate(rights):
        before_conj = k + 1 < len(rights) and rights[k + 1].dep_ == "conj"  # "Exports, imports and ..."
        if child.left_edge.i > end or child == stop or _ends_phrase(child) or _is_break(child) and not before_conj:
            return end
        child_end = _right_end(child, stop)
        if child_end <= child.right_edge.i:
            return end if child.dep_ == "acl" else child_end
        end = child_end
    return end


def _ends_phrase(child: Token) -> bool:
    """A child that a noun phrase stops before: a relative clause, an apposition, an aside, a time ("in May",
    "last year") or a phrase with a figure in it ("the payment on a $400,000 loan")."""
    words = linker_cues()
    if child.dep_ in _CUT or child.dep_ == "npadvmod" and _is_time(child, words):
        return True
    if child.dep_ != "prep":
        return False
    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    rate_words = words["parse_rate_words"]
    return _is_time(pobj, words) or any(
        t.is_currency or t.lower_ in rate_words for t in child.doc[child.i : pobj.i + 1]
    )


def _is_break(tok: Token) -> bool:
    """Punctuation that opens an aside: a comma, a bracket, a dash ("-" only with a space before it)."""
    if tok.dep_ != "punct":
        return False
    return tok.text in _BREAKS or tok.text == "-" and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _is_time(tok: Token, words: dict) -> bool:
    """A word of a time ("year", "May", "Q3", "2024"), or a date or time entity; ``words``: :func:`linker_cues`."""
    return (
        tok.lower_ in words["time_words"] or tok.ent_type_ in ("DATE", "TIME") or bool(_DATE_LIKE.fullmatch(tok.text))
    )


def _accepted(doc: Doc, bounds: tuple[int, int], figure: Span) -> tuple[int, int] | None:
    """The bounds as a character span, unless they name no subject: empty, too long, overlapping the
    figure or holding another, a pronoun, a time, or on another line (a headline above the figure)."""
    start, end = bounds
    if end <= start or end - start > MAX_SUBJECT_TOKENS or start < figure.end and figure.start < end:
        return None
    span, words = doc[start:end], linker_cues()
    between = doc.text[min(span.end_char, figure.end_char) : max(span.start_char, figure.start_char)]
    if (
        "\n" in span.text
        or "\n" in between
        or any(t.is_currency or t.lower_ in words["parse_rate_words"] for t in span)
    ):
        return None
    content = [t for t in span if not t.is_punct and t.pos_ != "DET"] or list(span)
    root = span.root
    if (
        root.pos_ == "PRON"
        or root.lower_ in words["parse_pronouns"]
        or _is_time(root, words)
        or all(_is_time(t, words) for t in content)
    ):
        return None
    return span.start_char, span.end_char
