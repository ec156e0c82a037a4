"""Subjects from a dependency parse (``newsfigures.components.dependency``).

Rows are our own sentences; each names a figure and the subject expected for it (None: the parse gives no
confident answer and the text linker decides). The hand-parsed rows run everywhere; the rows after them need
a pretrained English pipeline and are skipped without one.
"""

import importlib.util

import pytest
import spacy
from spacy.tokens import Doc

from newsfigures.components.dependency import parse_subject
from newsfigures.evaluation.peers import SPACY_MODELS


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _hand_parsed(blank, text: str, parse: str) -> Doc:
    """A Doc with a parse written by hand: one ``dep>head:POS`` per token, ``ROOT:POS`` for the root."""
    tokens = blank(text)
    cells = parse.split()
    assert len(cells) == len(tokens), [t.text for t in tokens]
    heads, deps, pos = [], [], []
    for i, cell in enumerate(cells):
        link, tag = cell.split(":")
        dep, _, head = link.partition(">")
        heads.append(int(head) if head else i)
        deps.append(dep)
        pos.append(tag)
    words, spaces = [t.text for t in tokens], [bool(t.whitespace_) for t in tokens]
    return Doc(blank.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def _subject(doc: Doc, figure: str) -> str | None:
    start = doc.text.index(figure)
    found = parse_subject(doc, start, start + len(figure))
    return doc.text[found[0] : found[1]] if found else None


# (text, parse, figure, subject)
HAND_PARSED = [
    pytest.param(
        "Exports rose 5% in May.",
        "nsubj>1:NOUN ROOT:VERB nummod>3:NUM npadvmod>1:NOUN prep>1:ADP pobj>4:PROPN punct>1:PUNCT",
        "5%",
        "Exports",
        id="nsubj",
    ),
    pytest.param(
        "The jobless rate, which had been flat, climbed to 4.4%.",
        "det>2:DET amod>2:ADJ nsubj>9:NOUN punct>2:PUNCT nsubj>6:PRON aux>6:AUX relcl>2:AUX acomp>6:ADJ "
        "punct>2:PUNCT ROOT:VERB prep>9:ADP nummod>12:NUM pobj>10:NOUN punct>9:PUNCT",
        "4.4%",
        "The jobless rate",
        id="relative-clause-cut",
    ),
    pytest.param(
        "M2, the broad money gauge, grew 8.7%.",
        "nsubj>7:PROPN punct>0:PUNCT det>5:DET amod>5:ADJ compound>5:NOUN appos>0:NOUN punct>0:PUNCT ROOT:VERB "
        "nummod>9:NUM npadvmod>7:NOUN punct>7:PUNCT",
        "8.7%",
        "M2",
        id="apposition-cut",
    ),
    pytest.param(
        "Shanxi's deposits reached 3.2 trillion yuan.",
        "poss>2:PROPN case>0:PART nsubj>3:NOUN ROOT:VERB compound>5:NUM nummod>6:NUM dobj>3:NOUN punct>3:PUNCT",
        "3.2 trillion yuan",
        "Shanxi's deposits",
        id="possessive-kept",
    ),
    pytest.param(
        "Exports in May dropped 7.5%.",
        "nsubj>3:NOUN prep>0:ADP pobj>1:PROPN ROOT:VERB nummod>5:NUM npadvmod>3:NOUN punct>3:PUNCT",
        "7.5%",
        "Exports",
        id="time-phrase-cut",
    ),
    pytest.param(
        "Banks increased loans to farms by 5%.",
        "nsubj>1:NOUN ROOT:VERB dobj>1:NOUN prep>1:ADP pobj>3:NOUN prep>1:ADP nummod>7:NUM pobj>5:NOUN punct>1:PUNCT",
        "5%",
        "loans to farms",
        id="object-before-by",
    ),
    pytest.param(
        "The Fed cut its policy rate by 25 basis points.",
        "det>1:DET nsubj>2:PROPN ROOT:VERB poss>5:PRON compound>5:NOUN dobj>2:NOUN prep>2:ADP nummod>9:NUM "
        "compound>9:NOUN pobj>6:NOUN punct>2:PUNCT",
        "25 basis points",
        "its policy rate",
        id="object-with-possessive",
    ),
    pytest.param(
        "Exports rose 5% and imports fell 3%.",
        "nsubj>1:NOUN ROOT:VERB nummod>3:NUM npadvmod>1:NOUN cc>1:CCONJ nsubj>6:NOUN conj>1:VERB nummod>8:NUM "
        "npadvmod>6:NOUN punct>1:PUNCT",
        "5%",
        "Exports",
        id="conj-first-verb",
    ),
    pytest.param(
        "Exports rose 5% and imports fell 3%.",
        "nsubj>1:NOUN ROOT:VERB nummod>3:NUM npadvmod>1:NOUN cc>1:CCONJ nsubj>6:NOUN conj>1:VERB nummod>8:NUM "
        "npadvmod>6:NOUN punct>1:PUNCT",
        "3%",
        "imports",
        id="conj-own-subject",
    ),
    pytest.param(
        "Exports rose 5% and reached $3 billion.",
        "nsubj>1:NOUN ROOT:VERB nummod>3:NUM npadvmod>1:NOUN cc>1:CCONJ conj>1:VERB quantmod>8:SYM compound>8:NUM "
        "dobj>5:NUM punct>1:PUNCT",
        "$3 billion",
        "Exports",
        id="conj-borrowed-subject",
    ),
    pytest.param(
        "Economists expect GDP to grow 2%.",
        "nsubj>1:NOUN ROOT:VERB dobj>1:PROPN aux>4:PART xcomp>1:VERB nummod>6:NUM npadvmod>4:NOUN punct>1:PUNCT",
        "2%",
        "GDP",
        id="xcomp-object",
    ),
    pytest.param(
        "Revenue is expected to rise 4%.",
        "nsubjpass>2:NOUN auxpass>2:AUX ROOT:VERB aux>4:PART xcomp>2:VERB nummod>6:NUM npadvmod>4:NOUN punct>2:PUNCT",
        "4%",
        "Revenue",
        id="xcomp-passive-subject",
    ),
    pytest.param(
        "The company reported revenue of $5 billion.",
        "det>1:DET nsubj>2:NOUN ROOT:VERB dobj>2:NOUN prep>3:ADP quantmod>7:SYM compound>7:NUM pobj>4:NUM "
        "punct>2:PUNCT",
        "$5 billion",
        "revenue",
        id="noun-of-figure",
    ),
    pytest.param(
        "The bank lent $2 billion in loans to small firms.",
        "det>1:DET nsubj>2:NOUN ROOT:VERB quantmod>5:SYM compound>5:NUM dobj>2:NUM prep>5:ADP pobj>6:NOUN "
        "prep>7:ADP amod>10:ADJ pobj>8:NOUN punct>2:PUNCT",
        "$2 billion",
        "loans to small firms",
        id="money-in",
    ),
    pytest.param(
        "Retailers reported a 4% rise in online sales.",
        "nsubj>1:NOUN ROOT:VERB det>5:DET nummod>4:NUM compound>5:NOUN dobj>1:NOUN prep>5:ADP amod>8:ADJ "
        "pobj>6:NOUN punct>1:PUNCT",
        "4%",
        "online sales",
        id="change-noun-in",
    ),
    pytest.param(
        "Revenue was $3 billion.",
        "nsubj>1:NOUN ROOT:AUX quantmod>4:SYM compound>4:NUM attr>1:NUM punct>1:PUNCT",
        "$3 billion",
        "Revenue",
        id="copula",
    ),
    pytest.param(
        "Exports accounted for 48.6 percent of the total.",
        "nsubj>1:NOUN ROOT:VERB prep>1:ADP nummod>4:NUM pobj>2:NOUN prep>4:ADP det>7:DET pobj>5:NOUN punct>1:PUNCT",
        "48.6 percent",
        "Exports",
        id="share-with-subject",
    ),
    pytest.param(
        "About 30% of homes sold above the asking price.",
        "advmod>1:ADV nummod>2:NUM nsubj>5:NOUN prep>2:ADP pobj>3:NOUN ROOT:VERB prep>5:ADP det>9:DET "
        "amod>9:NOUN pobj>6:NOUN punct>5:PUNCT",
        "About 30%",
        None,
        id="share-as-subject",
    ),
    pytest.param(
        "Last year saw a 5% rise.",
        "amod>1:ADJ nsubj>2:NOUN ROOT:VERB det>6:DET nummod>5:NUM compound>6:NOUN dobj>2:NOUN punct>2:PUNCT",
        "5%",
        None,
        id="time-subject",
    ),
    pytest.param(
        "It fell 2.5 per cent.",
        "nsubj>1:PRON ROOT:VERB nummod>4:NUM compound>4:ADP npadvmod>1:NOUN punct>1:PUNCT",
        "2.5 per cent",
        None,
        id="pronoun-subject",
    ),
]


@pytest.mark.parametrize("text, parse, figure, subject", HAND_PARSED)
def test_hand_parsed(blank, text, parse, figure, subject):
    assert _subject(_hand_parsed(blank, text, parse), figure) == subject


def test_counted_noun_is_returned_as_given(blank):
    assert parse_subject(blank("Employers added 58,200 jobs."), 16, 22, counted=(23, 27)) == (23, 27)


def test_no_parse_no_answer(blank):
    assert parse_subject(blank("Exports rose 5% in May."), 13, 15) is None


@pytest.fixture(scope="module")
def parser():
    for name in SPACY_MODELS:
        if importlib.util.find_spec(name):
            return spacy.load(name)
    pytest.skip(f"no pretrained English pipeline installed ({', '.join(SPACY_MODELS)})")


# (text, {figure: subject}) in several house styles
PARSED = [
    # Chinese state media
    (
        (
            "Guizhou province's outstanding green loans reached 612 billion yuan by the end of September, "
            "up 18.4 percent year on year."
        ),
        {
            "612 billion yuan": "Guizhou province's outstanding green loans",
            "18.4 percent": "Guizhou province's outstanding green loans",
        },
    ),
    (
        "Loans to private manufacturers grew by 14.6 percent, 5.1 percentage points faster than all loans.",
        {"14.6 percent": "Loans to private manufacturers", "5.1 percentage points": "Loans to private manufacturers"},
    ),
    (
        (
            "The city's high-tech manufacturing output expanded 11.7 percent, while the added value of equipment "
            "manufacturing climbed 8.4 percent."
        ),
        {
            "11.7 percent": "The city's high-tech manufacturing output",
            "8.4 percent": "the added value of equipment manufacturing",
        },
    ),
    (
        "Banks in the region issued 96.5 billion yuan in green loans during the period.",
        {"96.5 billion yuan": "green loans"},
    ),
    (
        "Foreign direct investment into the country plunged 27.9 percent to 749.7 billion yuan.",
        {
            "27.9 percent": "Foreign direct investment into the country",
            "749.7 billion yuan": "Foreign direct investment into the country",
        },
    ),
    # US wire
    (
        "U.S. retail sales rose 0.6% in October, the Commerce Department said on Tuesday.",
        {"0.6%": "U.S. retail sales"},
    ),
    (
        "The unemployment rate, which had been expected to hold steady, ticked up to 4.2% last month.",
        {"4.2%": "The unemployment rate"},
    ),
    (
        "The Federal Reserve lowered its benchmark rate by 50 basis points to a range of 4.75% to 5%.",
        {"50 basis points": "its benchmark rate", "4.75% to 5%": "its benchmark rate"},
    ),
    (
        "Acme Robotics posted revenue of $2.4 billion for the quarter, beating analysts' estimates.",
        {"$2.4 billion": "revenue"},
    ),
    ("Economists polled by Reuters had expected core inflation to ease to 3.1%.", {"3.1%": "core inflation"}),
    ("Retailers reported a 4% rise in online sales.", {"4%": "online sales"}),
    # UK
    (
        (
            "Britain's economy shrank by 0.1 per cent in the three months to September, according to the Office "
            "for National Statistics."
        ),
        {"0.1 per cent": "Britain's economy"},
    ),
    ("The Bank of England held interest rates at 5.25 per cent on Thursday.", {"5.25 per cent": "interest rates"}),
    (
        "House prices fell 1.8 per cent year-on-year in August, while average mortgage rates climbed to 5.4 per cent.",
        {"1.8 per cent": "House prices", "5.4 per cent": "average mortgage rates"},
    ),
    ("Annual wage growth, excluding bonuses, slowed to 5.1%.", {"5.1%": "Annual wage growth"}),
    ("Pre-tax profit at the lender jumped 21% to £2.9 billion.", {"21%": "Pre-tax profit at the lender"}),
    # Indian
    (
        "The government has allocated Rs 11.11 lakh crore for capital expenditure in FY26.",
        {"Rs 11.11 lakh crore": "capital expenditure"},
    ),
    ("India's GDP is projected to grow 6.5 per cent in FY26, the RBI said.", {"6.5 per cent": "India's GDP"}),
    (
        "Gross GST collections stood at Rs 1.82 lakh crore in November, an 8.5% rise over the same month last year.",
        {"Rs 1.82 lakh crore": "Gross GST collections", "8.5%": "Gross GST collections"},
    ),
    (
        "The Nifty 50 index shed 312 points, or 1.3 per cent, to end at 23,518.",
        {"312 points": "The Nifty 50 index", "1.3 per cent": "The Nifty 50 index", "23,518": "The Nifty 50 index"},
    ),
    # left to the text linker
    ("It rose 5% in May.", {"5%": None}),
    ("The past year brought a 5% rise.", {"5%": None}),
    ("About 30% of homes sold above the asking price.", {"About 30%": None}),
]
PARSED_ROWS = [
    pytest.param(text, figure, subject, id=figure) for text, pairs in PARSED for figure, subject in pairs.items()
]
PARSED_GAPS = [
    pytest.param(
        "Revenue of $5 billion beat estimates.",
        "$5 billion",
        "Revenue",
        id="misparse",
        marks=pytest.mark.xfail(reason="the small model tags 'beat' a noun, so no verb governs the subject"),
    ),
    pytest.param(
        "Investment in energy conservation increased by 18.2 percent and in clean production by 41.2 percent.",
        "41.2 percent",
        "clean production",
        id="elliptical",
        marks=pytest.mark.xfail(
            reason="elliptical list item: its 'by' hangs on the first verb, which gives the first item's subject"
        ),
    ),
]


@pytest.mark.parametrize("text, figure, subject", PARSED_ROWS + PARSED_GAPS)
def test_parsed(parser, text, figure, subject):
    assert _subject(parser(text), figure) == subject
