"""Periods in wire copy: story scope, earnings tables and figures dated by a comparison said after them.

Our own sentences in wire house style (GUIDELINES, "Newswire"); none is copied from a wire story.
"""

from datetime import date

import pytest

import newsfigures
from newsfigures.linker.link import BasisRef, FigureRef, PeriodRef, link_figures
from newsfigures.linker.compared import shifted_dates

P = "1987-04-15"

# wire copy: an indented paragraph per sentence
STORY = (
    "Acme Corp said its net profit rose 14 pct in the first quarter.\n"
    "    Sales climbed 9.2 pct to 310 mln dlrs, the company said.\n"
    "    Margins widened to 11.5 pct as costs eased.\n"
)

TABLE = (
    "Shr 42 cts vs 35 cts\n"
    "    Net 6.1 mln vs 5.0 mln\n"
    "    Nine mths\n"
    "    Shr 1.21 dlrs vs 1.02 dlrs\n"
    "    Net 17.6 mln vs 14.8 mln\n"
)


def _mention(article, text):
    found = [m for m in article.mentions if m.text == text]
    assert found, [m.text for m in article.mentions]
    return found[0]


def test_story_scope_lends_the_lead_s_period_in_wire_copy(nlp):
    article = newsfigures.extract(STORY, published=P, nlp=nlp)
    quarter = next(i for i, m in enumerate(article.mentions) if m.kind == "period")
    for figure in ("9.2 pct", "310 mln dlrs", "11.5 pct"):
        m = _mention(article, figure)
        assert m.period_index == quarter and m.period_start == date(1987, 1, 1), figure


def test_story_scope_is_not_taken_in_text_with_paragraphs_of_several_sentences(nlp):
    text = (
        "Acme Corp said its net profit rose 14 pct in the first quarter. Demand was firm.\n"
        "Margins widened to 11.5 pct as costs eased. The firm hired new staff.\n"
        "Its shares trade in New York. Analysts like them.\n"
    )
    m = _mention(newsfigures.extract(text, published=P, nlp=nlp), "11.5 pct")
    assert m.period_index is None


def test_story_scope_keeps_the_exclusions(nlp):
    # a standing fact borrows no period, in story scope as in a paragraph
    text = STORY + "    The group employs about 4,000 people.\n"
    m = _mention(newsfigures.extract(text, published=P, nlp=nlp), "about 4,000")
    assert m.period_index is None


def test_table_rows_take_the_period_of_the_heading_above(nlp):
    article = newsfigures.extract(TABLE, published=P, nlp=nlp)
    heading = next(i for i, m in enumerate(article.mentions) if m.kind == "period" and m.text == "Nine mths")
    for figure in ("1.21 dlrs", "17.6 mln"):
        assert _mention(article, figure).period_index == heading, figure


def _refs(text, figures, periods, bases=()):
    """Figures, periods and bases found in ``text`` in the order given (a repeated string: its next occurrence)."""

    def spans(strings):
        out, at = [], 0
        for s in strings:
            start = text.index(s, at if out and s == strings[len(out) - 1] else 0)
            out.append((start, start + len(s)))
            at = start + len(s)
        return out

    fig_refs = [FigureRef(s, e, "money") for s, e in spans(figures)]
    period_refs = [PeriodRef(s, e) for s, e in spans(periods)]
    base_refs = [BasisRef(s, e, kind) for (s, e), (_, kind) in zip(spans([b for b, _ in bases]), bases)]
    return link_figures(text, fig_refs, period_refs, base_refs)


def test_the_figure_after_vs_is_the_heading_s_period_a_year_earlier():
    links = _refs(TABLE, ["1.21 dlrs", "1.02 dlrs", "17.6 mln", "14.8 mln"], ["Nine mths"])
    assert [(k.period, k.period_shift) for k in links] == [(0, None), (0, (-12, 0)), (0, None), (0, (-12, 0))]


def test_a_dividend_vs_prior_is_the_previous_payment_with_no_period():
    text = "Qtr\n    Qtly div 15 cts vs 15 cts prior\n"
    links = _refs(text, ["15 cts", "15 cts"], ["Qtr"])
    assert links[1].period is None and links[1].period_shift is None


@pytest.mark.parametrize(
    "text, compared, basis, shift",
    [
        ("Exports rose to 5.5 billion dlrs in March from 5.1 billion a year earlier.", ["5.1 billion"],
         ("a year earlier", "year_on_year"), (-12, 0)),
        ("Claims fell to 310,000 in March from 335,000 the previous month.", ["335,000"],
         ("the previous month", "month_on_month"), (-1, 0)),
        # two figures compared by one phrase: both take the earlier period
        ("Profit in March rose to 12 mln dlrs or 40 cts a share from 9.5 mln dlrs or 31 cts in the same period a year "
         "ago.", ["9.5 mln dlrs", "31 cts"], ("in the same period a year ago", "year_on_year"), (-12, 0)),
    ],
)
def test_a_figure_compared_by_a_phrase_after_it_takes_the_earlier_period(text, compared, basis, shift):
    figures = [f for f in ("5.5 billion dlrs", "12 mln dlrs", "40 cts", "310,000") if f in text] + compared
    figures.sort(key=text.index)
    links = _refs(text, figures, ["March"], [basis])
    for figure, link in zip(figures, links):
        if figure in compared:
            assert (link.period, link.period_shift) == (0, shift), figure
        else:  # the change it is compared with keeps its own period
            assert (link.period, link.period_shift) == (0, None), figure


def test_a_compared_figure_with_a_period_of_its_own_keeps_it():
    text = "Exports rose to 5.5 billion dlrs in 1986 from 5.1 billion in 1985."
    links = _refs(text, ["5.5 billion dlrs", "5.1 billion"], ["1986", "1985"])
    assert [(k.period, k.period_shift) for k in links] == [(0, None), (1, None)]


def test_shifted_dates():
    assert shifted_dates(date(1987, 1, 1), date(1987, 9, 30), (-12, 0)) == (date(1986, 1, 1), date(1986, 9, 30))
    assert shifted_dates(date(1987, 3, 1), date(1987, 3, 31), (-1, 0)) == (date(1987, 2, 1), date(1987, 2, 28))
    assert shifted_dates(date(1987, 3, 1), date(1987, 3, 7), (0, -7)) == (date(1987, 2, 22), date(1987, 2, 28))
    assert shifted_dates(date(1987, 3, 1), date(1987, 3, 7), None) == (date(1987, 3, 1), date(1987, 3, 7))


def test_the_vs_figure_of_a_table_row_is_the_same_period_a_year_earlier():
    import newsfigures

    text = "Qtr\n    Shr 31 cts vs 56 cts\n    Net 13.7 mln vs 25.2 mln\n"
    money = [m for m in newsfigures.extract(text, published="1987-03-02").mentions if m.kind == "money"]
    dates = [(m.text, str(m.period_start), str(m.period_end), m.period_index is None) for m in money]
    assert dates[0] == ("31 cts", "1986-10-01", "1986-12-31", False)
    assert dates[1] == ("56 cts", "1985-10-01", "1985-12-31", True)  # no mention of its own names that period
    assert dates[3][1:] == ("1985-10-01", "1985-12-31", True)


@pytest.mark.parametrize(
    ("published", "current", "prior"),
    [
        ("1987-03-02", ("1986-10-01", "1986-12-31"), ("1985-10-01", "1985-12-31")),
        ("1987-08-14", ("1987-04-01", "1987-06-30"), ("1986-04-01", "1986-06-30")),
    ],
)
def test_a_table_with_no_heading_is_the_quarter_the_report_covers(published, current, prior):
    import newsfigures

    text = "Shr 31 cts vs 56 cts\n    Net 13.7 mln vs 25.2 mln\n    Revs 112 mln vs 98 mln\n"
    money = [m for m in newsfigures.extract(text, published=published).mentions if m.kind == "money"]
    assert {(str(m.period_start), str(m.period_end)) for m in money[0::2]} == {current}
    assert {(str(m.period_start), str(m.period_end)) for m in money[1::2]} == {prior}
    assert all(m.period_index is None for m in money)


@pytest.mark.parametrize(
    ("text", "published", "current", "prior"),
    [
        # a final dividend row: the block is a year's results
        ("Shr 21.6 cts vs 12 cts\n    Final div six cents vs three\n    Net 121 mln vs 67.4 mln\n", "1987-03-20",
         ("1986-01-01", "1986-12-31"), ("1985-01-01", "1985-12-31")),
        # an interim dividend row: a half year's
        ("Shr 8.1p vs 7.2p\n    Interim div 2p vs 1.8p\n    Pretax profit 4.1 mln vs 3.3 mln\n", "1987-03-20",
         ("1986-07-01", "1986-12-31"), ("1985-07-01", "1985-12-31")),
        # a dividend row "making" a total, or a note on the "Latest year": a year's results
        ("Shr 53.5p vs 45.7p\n    Div 8.8p vs 7.35p making 14.3p vs 12.1p\n    Turnover 19.2 billion stg vs 17.1 billion\n",
         "1987-03-20", ("1986-01-01", "1986-12-31"), ("1985-01-01", "1985-12-31")),
        ("Shr 4.45 dlrs vs 3.44 dlrs\n    Net 423.5 mln vs 319.1 mln\n    NOTE: Latest year net includes a charge.\n",
         "1987-03-20", ("1986-01-01", "1986-12-31"), ("1985-01-01", "1985-12-31")),
        # a "Year" heading below: the block above is that year's last quarter
        ("Shr loss 2.27 dlrs vs loss 1.62 dlrs\n    Revs 60.0 mln vs 26.2 mln\n    Year\n    Shr loss 5.16 dlrs vs "
         "loss 2.10 dlrs\n", "1987-04-20", ("1986-10-01", "1986-12-31"), ("1985-10-01", "1985-12-31")),
    ],
)
def test_a_headless_block_takes_the_period_its_table_shows(text, published, current, prior):
    import newsfigures

    money = [m for m in newsfigures.extract(text, published=published).mentions if m.kind == "money"][:4]
    assert [(str(m.period_start), str(m.period_end)) for m in money] == [current, prior, current, prior]


@pytest.mark.parametrize(
    ("row", "subject"),
    [
        ("Shr loss 9.42 dlrs vs loss 3.85 dlrs", "Shr loss"),
        ("dOper net loss 55.5 mln vs loss 21.4 mln", "Oper net loss"),
        ("Revs 114.9 mln vs 120.0 mln", "Revs"),
        ("Qtly div 15 cts vs 12 cts", "Qtly div"),
        # a first figure in words ends the label as digits do
        ("Shr profit two cts vs loss 1.05 dlrs", "Shr profit"),
        ("Oper shr nine cts vs 12 cts", "Oper shr"),
    ],
)
def test_an_earnings_table_row_is_the_subject_of_its_figures(row, subject):
    import newsfigures

    figures = [m for m in newsfigures.extract(f"Qtr\n    {row}\n", published="1987-03-02").mentions if m.kind != "period"]
    assert [m.subject for m in figures] == [subject, subject]


def test_a_sentence_that_starts_like_a_row_keeps_its_own_subject():
    import newsfigures

    [pct] = [m for m in newsfigures.extract("Sales rose 5 pct in the quarter.", published="1987-03-02").mentions
             if m.kind == "percentage"]  # fmt: skip
    assert pct.subject == "Sales"


@pytest.mark.parametrize(
    ("text", "figure", "period"),
    [
        # a period right after the figure's own noun phrase is its own, nearer ones before it notwithstanding
        ("Output will fall two pct this year after a 2.5 pct increase in 1986, the institute said.", "2.5 pct", "1986"),
        ("Exports should rise 4 pct next year after a 6 pct gain in 1986.", "6 pct", "1986"),
        # a compared figure may carry a few words ("a provisional", "a deficit of") and keeps its period to itself
        ("The surplus widened to 8.8 bln marks in March from a slightly revised 6.5 bln in February.", "8.8 bln marks",
         "March"),
        ("It posted a deficit of 98.1 bln escudos compared with a deficit of 2.4 bln escudos in 1985.", "2.4 bln escudos",
         "1985"),
        # compared figures joined with nothing of their own between them share the period said after the last
        ("Imports were 1,412 bln escudos and exports 1,076 bln, against 1,326 bln and 971 bln in 1985.", "1,326 bln",
         "1985"),
        ("Sales reached 40 mln stg and profits 4 mln, compared with 35 mln stg, 3 mln and 2 mln in 1986.", "35 mln stg",
         "1986"),
    ],
)
def test_a_figure_s_own_period_and_a_compared_figure_s(text, figure, period):
    import newsfigures

    mentions = newsfigures.extract(text, published="1987-04-10").mentions
    fig = next(m for m in mentions if m.text == figure)
    ref = next(m for m in mentions if m.kind == "period" and m.text == period)
    assert (fig.period_start, fig.period_end) == (ref.period_start, ref.period_end)


def test_a_figure_compared_with_a_deficit_of_does_not_lend_its_period():
    import newsfigures

    text = "It posted a deficit of 98.1 bln escudos compared with a deficit of 2.4 bln escudos in 1985."
    first = next(m for m in newsfigures.extract(text, published="1987-04-10").mentions if m.text == "98.1 bln escudos")
    assert first.period_start is None


@pytest.mark.parametrize(
    ("text", "published", "span", "label"),
    [
        ("Claims fell to 340,000 in the week ended March 7, the most since the prior week.", "1987-03-12",
         "the prior week", "1987-02-22/1987-02-28"),
        ("Stocks rose in the week to Friday, April 3, after a fall in the previous week.", "1987-04-06",
         "the previous week", "1987-03-21/1987-03-27"),
    ],
)
def test_the_week_before_a_week_ending_on_a_named_day(text, published, span, label):
    import newsfigures

    periods = [(m.text, m.label) for m in newsfigures.extract(text, published=published).mentions if m.kind == "period"]
    assert (span, label) in periods


def test_a_record_since_a_year_long_ago_lends_no_period():
    import newsfigures

    text = ("Unemployment rose to 3.0 pct in January, the highest since the agency began compiling the figures in 1953."
            " Unemployment was up from 2.8 pct a year earlier.")
    second = next(m for m in newsfigures.extract(text, published="1987-03-02").mentions if m.text == "2.8 pct")
    assert (str(second.period_start), str(second.period_end)) == ("1986-01-01", "1986-01-31")


@pytest.mark.parametrize(
    ("text", "figure", "direction"),
    [
        # a money gain named by a noun is an item of accounts, a level like a loss
        ("Net includes a gain of 432,000 dlrs on the sale of a unit.", "432,000 dlrs", None),
        ("Note: Extraordinary gains 72 mln dlrs vs 2.7 mln.", "72 mln dlrs", None),
        ("The quarter includes realized capital gains of 2,610,000 dlrs.", "2,610,000 dlrs", None),
        # a verb still gives the direction, and a percentage gain is a change
        ("Analysts said the company gained 2.5 mln dlrs from the sale.", "2.5 mln dlrs", "increase"),
        ("The index posted a gain of 1.2 pct on Friday.", "1.2 pct", "increase"),
        # money-market flows: what drains, is repaid or withdrawn leaves the market; what is injected enters it
        ("Maturing bills will drain some 1.07 billion stg from the market.", "some 1.07 billion stg", "decrease"),
        ("An earlier pact expires next week, draining 8.5 billion marks from the system.", "8.5 billion marks", "decrease"),
        ("Banks repaid around 5.8 billion francs of central bank credit.", "around 5.8 billion francs", "decrease"),
        ("The central bank injected 2 billion yuan into the money market.", "2 billion yuan", "increase"),
        # a stock price "off" is down
        ("Acme shares closed at 27.50 dlrs, off 2.50 dlrs.", "2.50 dlrs", "decrease"),
    ],
)
def test_wire_amounts_have_their_direction(text, figure, direction):
    import newsfigures

    fig = next(m for m in newsfigures.extract(text, published="1987-03-02").mentions if m.text == figure)
    assert fig.direction == direction


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # an item of accounts named before "of": the whole item, its gain or loss included
        ("Net also includes a gain on termination of a pension plan of 2,614,000 dlrs.", "2,614,000 dlrs",
         "a gain on termination of a pension plan"),
        ("Earnings exclude a loss from discontinued operations of 87,449 dlrs.", "87,449 dlrs",
         "a loss from discontinued operations"),
        ("The bank booked a gain on the sale of its leasing unit of 12 mln stg.", "12 mln stg",
         "a gain on the sale of its leasing unit"),
        # clause words and verbs that only introduce are no part of a subject
        ("If oil prices rise to 18 dlrs, earnings will rise.", "18 dlrs", "oil prices"),
        ("Earnings exclude profits of 19.5 mln dlrs in the quarter.", "19.5 mln dlrs", "profits"),
        # "from" after an amount's noun says where it comes from, inside the subject
        ("Net earnings from continuing operations rose to 18 mln dlrs.", "18 mln dlrs",
         "Net earnings from continuing operations"),
        ("Revenue from exports fell 5 pct.", "5 pct", "Revenue from exports"),
        # a verb at a subject's end is cut off
        ("The trade deficit with the West almost quadrupled to 2.72 billion roubles.", "2.72 billion roubles",
         "The trade deficit with the West"),
    ],
)
def test_subjects_of_items_of_accounts_and_trimmed_edges(text, figure, subject):
    import newsfigures

    fig = next(m for m in newsfigures.extract(text, published="1987-03-02").mentions if m.text == figure)
    assert fig.subject == subject


def test_every_row_of_a_long_table_takes_its_heading():
    import newsfigures

    labels = ["Group turnover", "Parent turnover", "Domestic turnover", "Foreign turnover", "Parent pre-tax profit",
              "Group sales", "Parent sales", "Export sales", "Group investment in fixed assets",
              "Parent investment in fixed assets"]
    rows = [f"{label} {n}.5 billion vs {n}.0 billion." for n, label in enumerate(labels, start=1)]
    text = "Year to December 31.\n    " + "\n    ".join(["Group net profit 2.63 billion marks vs 3.04 billion."] + rows)
    money = [m for m in newsfigures.extract(text, published="1987-03-30").mentions if m.kind == "money"]
    assert len(money) == 22
    assert {(str(m.period_start), str(m.period_end)) for m in money[0::2]} == {("1986-01-01", "1986-12-31")}
    assert {(str(m.period_start), str(m.period_end)) for m in money[1::2]} == {("1985-01-01", "1985-12-31")}


def test_a_compared_figure_keeps_its_own_fiscal_year():
    import newsfigures

    text = "Sales were 258 mln dlrs, up 30 pct from 198 mln dlrs in its 1985 fiscal year."
    mentions = newsfigures.extract(text, published="1987-03-02").mentions
    first = next(m for m in mentions if m.text == "258 mln dlrs")
    year = next(m for m in mentions if m.kind == "period")
    assert first.period_index is None or mentions[first.period_index] is not year


def test_a_figure_compared_with_the_previous_week_takes_that_week():
    import newsfigures

    text = "Claims fell to 340,000 in the week ended March 7 from 373,000 in the prior week."
    mentions = newsfigures.extract(text, published="1987-03-12").mentions
    compared = next(m for m in mentions if m.text == "373,000")
    assert (str(compared.period_start), str(compared.period_end)) == ("1987-02-22", "1987-02-28")
    assert [m.text for m in mentions if m.kind == "period"] == ["the week ended March 7"]


# a results note under a table: "Qtr" above "Year", published in early 1987 (the table is 1986's)
NOTED = "Shr 10 cts vs 8 cts\n    Year\n    Shr 40 cts vs 33 cts\n    NOTE: "


@pytest.mark.parametrize(
    ("note", "figure", "dates"),
    [
        # the period said after a chain of figures is all of theirs; the one after "vs" is a year earlier
        ("Net includes gains of 1,250,000 vs 980,000 for qtr and 4.1 mln vs 3.2 mln for year.", "1,250,000",
         ("1986-10-01", "1986-12-31")),
        ("Net includes gains of 1,250,000 vs 980,000 for qtr and 4.1 mln vs 3.2 mln for year.", "980,000",
         ("1985-10-01", "1985-12-31")),
        ("Net includes gains of 1,250,000 vs 980,000 for qtr and 4.1 mln vs 3.2 mln for year.", "3.2 mln",
         ("1985-01-01", "1985-12-31")),
        # a restated per-share figure shares its amount's period, and the year-earlier shift after "vs"
        ("Earnings exclude a gain of 310,000 dlrs, or four cts a share, vs a loss of 52,000 dlrs, or one ct a share, "
         "in the quarter.", "four cts", ("1986-10-01", "1986-12-31")),
        ("Earnings exclude a gain of 310,000 dlrs, or four cts a share, vs a loss of 52,000 dlrs, or one ct a share, "
         "in the quarter.", "52,000 dlrs", ("1985-10-01", "1985-12-31")),
        ("Earnings exclude a gain of 310,000 dlrs, or four cts a share, vs a loss of 52,000 dlrs, or one ct a share, "
         "in the quarter.", "one ct", ("1985-10-01", "1985-12-31")),
        # "nil vs X": X is the year before's
        ("Results include writedowns of nil vs 2.3 mln dlrs, or 12 cts a share, in year.", "2.3 mln dlrs",
         ("1985-01-01", "1985-12-31")),
        # a note that opens with the year before is on that year's quarter and year
        ("1985 results exclude charges of 7.5 mln dlrs, or 41 cts a share, in quarter.", "41 cts",
         ("1985-10-01", "1985-12-31")),
    ],
)
def test_a_results_note_dates_its_chains_of_figures(note, figure, dates):
    mentions = newsfigures.extract(NOTED + note, published="1987-03-10").mentions
    fig = next(m for m in mentions if m.text == figure and m.start > len(NOTED))
    assert (str(fig.period_start), str(fig.period_end)) == dates


def test_a_lone_figure_compared_with_keeps_its_own_period():
    text = "The trade deficit narrowed to 1.2 bln dlrs from 1.9 bln dlrs in January."
    mentions = newsfigures.extract(text, published="1987-03-10").mentions
    first, second = (m for m in mentions if m.kind == "money")
    assert (str(second.period_start), str(second.period_end)) == ("1987-01-01", "1987-01-31")
    assert first.period_start != second.period_start or first.period_start is None


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # the figures of a results note's chain share the item they measure
        ("Net includes realized capital gains of 2,610,000 dlrs vs 2,442,000 for qtr and 18.1 mln vs 13.6 mln "
         "for year.", ["capital gains"] * 4),
        ("Oper net excludes tax credits of 1.5 mln dlrs vs 940,000 dlrs for the nine months.", ["tax credits"] * 2),
        ("Results include a writedown of 3.1 mln dlrs, or 18 cts a share, in quarter.", ["a writedown"] * 2),
        # a charge is an item of accounts, not a verb
        ("1985 loss includes a pre-tax charge of 16.9 mln dlrs, or 95 cts a share.", ["a pre-tax charge"] * 2),
        ("Earnings were cut by charges of 12 mln dlrs in the year.", ["charges"]),
        ("The caps are 25 bln dlrs for Treasuries and 35 bln dlrs for mortgage bonds.", ["Treasuries", "mortgage bonds"]),
    ],
)
def test_a_results_note_chain_shares_its_subject(text, subjects):
    mentions = newsfigures.extract(text, published="1987-03-10").mentions
    assert [m.subject for m in mentions if m.kind != "period"] == subjects


def test_a_count_of_its_own_things_after_or_keeps_its_subject():
    text = "Tariffs will cover 74 pct of imports, or some 6,600 product categories."
    [count] = [m for m in newsfigures.extract(text, published="1987-03-10").mentions if m.kind == "count"]
    assert count.subject == "product categories"


@pytest.mark.parametrize(
    ("text", "figure", "dates"),
    [
        # "the year-ago quarter", "the prior 2nd qtr": the compared figures are the same period a year earlier, and
        # the phrase is no period mention
        ("For the quarter ended January 31, the grocer earned 74 mln dlrs, up from 63 mln dlrs, or 46 cts a share, "
         "for the year-ago quarter.", "46 cts", ("1985-11-01", "1986-01-31")),
        ("For the quarter ended January 31, the grocer earned 74 mln dlrs, up from 63 mln dlrs, or 46 cts a share, "
         "for the year-ago quarter.", "63 mln dlrs", ("1985-11-01", "1986-01-31")),
        ("In the quarter ended March 31 the bank lost 1.2 mln dlrs, versus a profit of 597,000 dlrs in the prior 1st "
         "qtr.", "597,000 dlrs", ("1986-01-01", "1986-03-31")),
        # "the prior quarter" in prose is the quarter before
        ("In the quarter ended March 31 the bank lost 1.2 mln dlrs, versus a profit of 597,000 dlrs in the prior "
         "quarter.", "597,000 dlrs", ("1986-10-01", "1986-12-31")),
    ],
)
def test_a_year_ago_period_said_after_a_compared_figure_dates_it(text, figure, dates):
    mentions = newsfigures.extract(text, published="1987-04-20").mentions
    fig = next(m for m in mentions if m.text == figure)
    assert (str(fig.period_start), str(fig.period_end)) == dates
    assert not [m for m in mentions if m.kind == "period" and ("ago" in m.text or "prior" in m.text)]


def test_a_date_to_come_lends_no_period_to_a_past_move_told_after_it():
    text = (
        "Acme said its offer for Norcros had been accepted by holders of 12 pct of the shares.\n"
        "    The offer has been extended to April 15.\n"
        "    Norcros shares eased 26p to 410p on the announcement.\n"
    )
    mentions = newsfigures.extract(text, published="1987-04-01").mentions
    price = next(m for m in mentions if m.text == "410p")
    assert price.period_start is None


def test_a_date_to_come_still_dates_what_is_planned_for_it():
    text = (
        "Acme Corp said its board will meet on April 15.\n"
        "    The board is expected to approve a dividend of 12 cts a share.\n"
        "    Analysts see sales of 40 mln dlrs.\n"
    )
    mentions = newsfigures.extract(text, published="1987-04-01").mentions
    sales = next(m for m in mentions if m.text == "40 mln dlrs")
    assert str(sales.period_start) == "1987-04-15"


def test_the_story_s_today_dates_a_later_paragraph_told_in_the_past():
    text = (
        "The Bank of England said it gave the money market 663 mln stg assistance. This takes its total help\n"
        "so far today to 928 mln stg.\n"
        "    The bank bought bills in band one at 9-7/8 pct, comprising 267 mln stg bank bills. It also\n"
        "bought 378 mln stg of treasury bills in band two.\n"
    )
    mentions = newsfigures.extract(text, published="1987-03-27").mentions
    for figure in ("9-7/8 pct", "267 mln stg", "378 mln stg"):
        fig = next(m for m in mentions if m.text == figure)
        assert str(fig.period_start) == "1987-03-27", figure


def test_a_weekday_that_is_the_article_s_day_does_not_date_later_paragraphs():
    text = (
        "The central bank raised its rate to 0.1 pct on Tuesday.\n\n"
        "Seven board members backed the change and two voted against it.\n"
    )
    mentions = newsfigures.extract(text, published="1987-03-17").mentions
    assert next(m for m in mentions if m.text == "Seven").period_start is None


def _figure(text: str, figure: str, published: str = "1987-03-10"):
    return next(m for m in newsfigures.extract(text, published=published).mentions if m.text == figure)


@pytest.mark.parametrize(
    ("text", "figure", "left_out"),
    [
        # what comes after "in" names what the money is in, unless it is a time, a manner or a market
        ("The charge rose in 1986 to 187.6 mln rand from 162.1 mln rand in the prior year.", "162.1 mln rand",
         "the prior year"),
        ("Acme agreed to buy Giorgio Inc for 185 mln dlrs in cash.", "185 mln dlrs", "cash"),
        ("Gillette shares stood at 38 dlrs in response to the bid speculation.", "38 dlrs", "response"),
        ("Unilever dipped 33p to 3,275p in a generally depressed U.K. market.", "3,275p", "market"),
        ("Equicor expects revenues of two billion dlrs in its first year of operations.", "two billion dlrs",
         "first year"),
        # a verb the lists do not know, by its past tense after a noun, is the clause's verb
        ("The U.S. administration imposed 100 pct tariffs on the goods.", "100 pct", "imposed"),
        ("In November Novo purchased 75 pct of the shares in Ferrosan.", "75 pct", "purchased"),
        ("The fund suffered a 70 mln dlr loss on its holding.", "70 mln dlr", "suffered"),
        # a participle, an adverb or a time word after a figure is no noun it modifies
        ("The losses were greater than the 480 mln marks announced recently by the carmaker.", "480 mln marks",
         "announced"),
        ("It gives Cable a five pct stake, more than the three pct originally proposed.", "three pct", "originally"),
        ("The group expects a net profit of around 600 mln dlrs tomorrow.", "around 600 mln dlrs", "tomorrow"),
        # an adverb alone is no subject
        ("He said the figure might now slide down a little to around 6.8 pct.", "around 6.8 pct", "a little"),
        ("Dome said it had earlier sold 20.9 mln Dome Mines shares.", "20.9 mln", "earlier"),
        # the noun of a period phrase is no subject
        ("The company's net loss for the July-September period came to 2.18 trillion won.", "2.18 trillion won",
         "period"),
    ],
)
def test_what_a_subject_leaves_out(text, figure, left_out):
    fig = _figure(text, figure)
    assert left_out not in (fig.subject or "")


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ("The seven largest tech companies lost about 650 bln dlrs in market value.", "about 650 bln dlrs",
         "market value"),
        # a change noun of the lexicon after the figure names what changed after "in"
        ("The ministry wants a 0.50 yen raise in issue price.", "0.50 yen", "issue price"),
        ("Exporters face a 25 pct cut in sales to the U.S.", "25 pct", "sales"),
        # a participle before a noun is no verb
        ("The revised estimate was 4.5 bln dlrs.", "4.5 bln dlrs", "estimate"),
        # an auxiliary, an adverb of time or a passive verb group ends no subject
        ("Cable shares were quoted at 375p.", "375p", "Cable shares"),
        ("The trade office had earlier revised it up to 850 mln stg.", "up to 850 mln stg", "The trade office"),
        ("The board had already set aside 40 mln dlrs.", "40 mln dlrs", "The board"),
        # what a company "had" is the subject; a period between the article and the noun only modifies it
        ("Acme said it had a first quarter loss of 104,357 dlrs.", "104,357 dlrs", "loss"),
        ("The group said it had sales of 40 mln dlrs.", "40 mln dlrs", "sales"),
        # "had" that opens a verb group is no boundary
        ("The rate had then been left at 4.35 pct for a year.", "4.35 pct", "The rate"),
    ],
)
def test_the_subject_named(text, figure, subject):
    assert (_figure(text, figure).subject or "").endswith(subject)


@pytest.mark.parametrize(
    ("text", "figure", "dates"),
    [
        # a period's possessive before a figure is that figure's own period
        ("Profit rose to 30 mln dlrs in 1986 from 1985's 22.0 mln.", "22.0 mln", ("1985-01-01", "1985-12-31")),
        ("Revenues for the year rose to 6.50 billion dlrs compared with the prior year's 5.96 billion.", "5.96 billion",
         ("1986-01-01", "1986-12-31")),
        ("Sales in March were 5 mln dlrs, above February's 4.1 mln.", "4.1 mln", ("1987-02-01", "1987-02-28")),
        # a period inside the noun phrase of a compared figure ("against a 1985 deficit of") is that figure's own,
        # and lends nothing to the figure it is compared with
        ("Profit will be lower than fiscal 1986 earnings of 410,000 dlrs.", "410,000 dlrs", ("1986-01-01", "1986-12-31")),
        ("It said 1986 was its first surplus year, at 4.5 billion dlrs, against a 1985 deficit of 900 mln dlrs.",
         "4.5 billion dlrs", ("1986-01-01", "1986-12-31")),
        ("Exports reached 12 mln dlrs in 1986, up from the 1985 total of 10.5 mln.", "10.5 mln", ("1985-01-01", "1985-12-31")),
    ],
)
def test_a_possessive_period_owns_the_figure_after_it(text, figure, dates):
    fig = _figure(text, figure, "1987-04-10")
    assert (str(fig.period_start), str(fig.period_end)) == dates


def test_a_period_in_a_noun_before_of_is_not_taken_from_the_sentence_without_a_comparison():
    # "a first quarter loss of": not a compared figure, so the quarter still dates the costs after it
    text = "It had a first quarter loss of 104,357 dlrs, after incurring 70,000 dlrs in audit costs."
    fig = _figure(text, "70,000 dlrs", "1987-04-10")
    assert (str(fig.period_start), str(fig.period_end)) == ("1987-01-01", "1987-03-31")


@pytest.mark.parametrize(
    ("text", "figure", "dates"),
    [
        # "the same as in January" compares: the month is not the figure's period
        ("In February, grocery store food prices were up 0.4 pct, the same as in January.", "0.4 pct",
         ("1987-02-01", "1987-02-28")),
        ("Steel output in February grew by 1.1 pct, the same as in January.", "1.1 pct",
         ("1987-02-01", "1987-02-28")),
        # "N pct below levels of a year ago": a comparison, not a period
        ("Gasoline prices rose 4.2 pct last month, but were still 18 pct below levels of a year ago.", "18 pct",
         ("1987-02-01", "1987-02-28")),
    ],
)
def test_the_same_as_and_levels_of_a_year_ago_compare(text, figure, dates):
    fig = _figure(text, figure, "1987-03-20")
    assert (str(fig.period_start), str(fig.period_end)) == dates


@pytest.mark.parametrize(
    "text",
    ["Unadjusted sales in December were 6.9 pct higher than in January, 1986.",
     "Sales in May rose 3 pct from January."],
)
def test_a_change_compared_with_an_earlier_period_by_no_usual_step_has_no_basis(text):
    fig = _figure(text, next(w for w in ("6.9 pct", "3 pct") if w in text), "1986-12-20")
    assert fig.basis is None and fig.role == "change"


@pytest.mark.parametrize(
    ("text", "figure", "dates", "subject"),
    [
        # "respectively" pairs a list of periods with the list of figures, in order
        ("Note: Current qtr and year figures include gains on securities sales of 3.9 mln dlrs and 38 mln dlrs, "
         "respectively.", "38 mln dlrs", ("1986-01-01", "1986-12-31"), "gains on securities sales"),
        ("Exports in January and February were 2.1 billion dlrs and 2.4 billion dlrs respectively.", "2.4 billion dlrs",
         ("1987-02-01", "1987-02-28"), "Exports"),
        ("Profits for 1985 and 1986 were 12 mln stg and 15 mln stg respectively.", "12 mln stg",
         ("1985-01-01", "1985-12-31"), "Profits"),
    ],
)
def test_respectively_pairs_periods_with_figures(text, figure, dates, subject):
    fig = _figure(text, figure, "1987-03-20")
    assert (str(fig.period_start), str(fig.period_end)) == dates and fig.subject == subject


@pytest.mark.parametrize(
    ("text", "figure", "level_noun"),
    [
        # a noun after the figure that names a level is no subject
        ("Economists predict growth will be in the 2.0 to 2.2 pct range.", "2.0 to 2.2 pct", "range"),
        ("Brazil must raise its trade surplus to the 12 billion dollars average of 1984.", "12 billion dollars",
         "average"),
        ("Output held at the 4.1 mln tonne level.", "4.1 mln", "level"),
    ],
)
def test_a_level_noun_after_a_figure_is_no_subject(text, figure, level_noun):
    found = [m for m in newsfigures.extract(text, published="1987-04-24").mentions if m.text == figure]
    assert all(not (m.subject or "").endswith(level_noun) for m in found)


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # the items of a list after "comprising" are amounts of what comes before it, or of the noun each names
        ("The Bank bought bank bills outright comprising 393 mln stg in band one at 9-7/8 pct and 85 mln stg in band "
         "three at 9-3/4 pct.", "85 mln stg", "bank bills"),
        ("It made outright purchases of treasury bills comprising 34 mln stg in band one and 39 mln stg in band two.",
         "34 mln stg", "treasury bills"),
        ("It bought bills in band one at 9-7/8 pct comprising 267 mln stg bank bills and four mln stg local authority "
         "bills.", "four mln stg", "local authority bills"),
        # ... unless the item says what it is in
        ("The trust sold a portfolio comprising 40 mln dlrs in mortgages and 12 mln dlrs in car loans.", "40 mln dlrs",
         "mortgages"),
        ("Lenders approved a package comprising 300 mln dlrs, 150 mln stg and 20 billion yen.", "150 mln stg",
         "a package"),
        # a rate said after a band is the band's
        ("The Bank bought 393 mln stg of bills in band one at 9-7/8 pct.", "9-7/8 pct", "band one"),
        ("Dealers sold 20 mln stg in band four at 9-11/16 pct.", "9-11/16 pct", "band four"),
        # a stake bought, sold or owned is a share of the company or stock named after "of"
        ("The group said it acquired 9.8 pct of Acme Holdings last week.", "9.8 pct", "Acme Holdings"),
        ("Humana said the rights become effective after an entity acquires 20 pct or more of its outstanding common.",
         "20 pct", "its outstanding common"),
        ("The investor tendered for 30 pct of its stock.", "30 pct", "its stock"),
        ("Renfrew owns about 80 pct of Northgate Mining.", "about 80 pct", "Northgate Mining"),
        ("In November the bank sold 25 pct of shares in its leasing arm.", "25 pct", "shares in its leasing arm"),
        # a share of a market, of exports or of employment stays with what holds it
        ("The United States bought about 75 pct of Canada's goods exports.", "about 75 pct", "The United States"),
        ("Ontario accounts for nearly 40 per cent of Canadian employment.", "nearly 40 per cent", "Ontario"),
        ("Chinese brands held 61.2% of the market in June.", "61.2%", "Chinese brands"),
        # a period inside the subject before its noun is no part of it: the noun after it is the subject
        ("INSEE said French 1986 Gross Domestic Product (GDP) grew by 1.9 pct.", "1.9 pct", "Gross Domestic Product"),
        ("The group's 1987 capital spending rose 12 pct.", "12 pct", "capital spending"),
        # ... but a period after a preposition, or before "period", ends the subject
        ("Issuance in July rose 5 pct.", "5 pct", "Issuance"),
        ("Exports during the January-May period stood at 201.7 billion yuan.", "201.7 billion yuan", "Exports"),
        # a year inside the object of a verb does not end it
        ("Hutton revised its 1987 earnings estimate to 1.40 dlrs a share from 1.20 dlrs.", "1.40 dlrs",
         "earnings estimate"),
        ("The group cut its 1987 dividend payout to 40 cts a share.", "40 cts", "dividend payout"),
        # a list of figures each said for a place: each item names its own head, the place
        ("Inflation was 4.4 pct in Italy, 3.9 pct in Britain and Canada and minus 1.5 pct in Japan.", "3.9 pct",
         "Britain and Canada"),
        ("Inflation was 4.4 pct in Italy, 3.9 pct in Britain and Canada and minus 1.5 pct in Japan.", "minus 1.5 pct",
         "Japan"),
        ("Unemployment stood at 10.2 pct in France, 8.9 pct in West Germany and 7.0 pct in the U.S.", "8.9 pct",
         "West Germany"),
        # a single figure said for a place keeps the subject of its verb
        ("Sales rose 5 pct in Europe.", "5 pct", "Sales"),
        # a balance named after the figure keeps what it is of
        ("There was a 400 mln mark deficit in supplementary trade items.", "400 mln mark",
         "deficit in supplementary trade items"),
        ("Taiwan ran a 5.2 billion dlr surplus with Japan.", "5.2 billion dlr", "surplus with Japan"),
        ("It reported a 1.3 billion stg deficit in the services account last year.", "1.3 billion stg",
         "deficit in the services account"),
    ],
)
def test_the_subject_of_a_wire_figure(text, figure, subject):
    assert _figure(text, figure, "1987-04-24").subject == subject
