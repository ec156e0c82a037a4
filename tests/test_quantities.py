"""The quantity stage on its own (no spaCy): text -> percentages, money amounts and counts.

Each row is ``(text, expected)`` where expected lists ``(span text, kind, value, extra fields)``.
Sentences come from many house styles, so that no rule is fitted to one article.
"""

from decimal import Decimal

import pytest

from newsfigures.quantities.finder import find_quantities


def _found(text):
    return [(m.text, m.kind, m.value) for m in find_quantities(text)]


def _one(text):
    found = find_quantities(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Loans to tech firms grew by 35.59 percent.", "35.59 percent", "35.59", "percent"),
        ("Inflation eased to 2.3% in May.", "2.3%", "2.3", "percent"),
        ("Unemployment held at 4.2 per cent.", "4.2 per cent", "4.2", "percent"),
        ("Exports rose 3 pct from a year earlier.", "3 pct", "3", "percent"),
        ("Prices climbed 3.2pc on the month.", "3.2pc", "3.2", "percent"),
        ("The yield jumped 0.3 percentage point.", "0.3 percentage point", "0.3", "percentage_point"),
        ("The rate is up 1.5 percentage points.", "1.5 percentage points", "1.5", "percentage_point"),
        ("Output gap narrowed by 0.4 ppt.", "0.4 ppt", "0.4", "percentage_point"),
        ("The Fed cut rates by 25 basis points.", "25 basis points", "25", "basis_point"),
        ("The central bank hiked by 50bps.", "50bps", "50", "basis_point"),
        ("Spreads widened 15 bp overnight.", "15 bp", "15", "basis_point"),
        ("Rates fell by a quarter of a percentage point.", "a quarter of a percentage point", "0.25", "percentage_point"),
        ("The bank raised rates half a percentage point.", "half a percentage point", "0.5", "percentage_point"),
        ("Growth slowed by a percentage point.", "a percentage point", "1", "percentage_point"),
        ("Prices fell -0.3% month on month.", "-0.3%", "-0.3", "percent"),
        ("Core prices were minus 0.1 per cent.", "minus 0.1 per cent", "-0.1", "percent"),
        ("Sales rose ５．２％ last month.", "５．２％", "5.2", "percent"),
        ("Margins reached twenty percent.", "twenty percent", "20", "percent"),
        ("The Fed cut rates by a quarter point.", "a quarter point", "0.25", "percentage_point"),
        ("Markets price a half-point move.", "a half-point", "0.5", "percentage_point"),
        ("Investors expect a 25-basis-point increase.", "25-basis-point", "25", "basis_point"),
        ("A 5-percent tariff applies.", "5-percent", "5", "percent"),
    ],
)
def test_percentages(text, span, value, unit):
    m = _one(text)
    assert (m.text, m.kind, m.value, m.unit) == (span, "percentage", Decimal(value), unit)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Deposits totalled 105 million yuan.", "105 million yuan", "105000000", "CNY"),
        ("Shares fell after a $14.39 million charge.", "$14.39 million", "14390000", "USD"),
        ("The budget set aside Rs 4.39 lakh crore.", "Rs 4.39 lakh crore", "4390000000000", "INR"),
        ("It will spend Rs500 crore on roads.", "Rs500 crore", "5000000000", "INR"),
        ("Each household gets ₹2,000.", "₹2,000", "2000", "INR"),
        ("Revenue hit $39 bn in the quarter.", "$39 bn", "39000000000", "USD"),
        ("The deal is worth US$5bn.", "US$5bn", "5000000000", "USD"),
        ("Profit rose to HK$3.2 billion.", "HK$3.2 billion", "3200000000", "HKD"),
        ("Siemens booked €3.5bn in orders.", "€3.5bn", "3500000000", "EUR"),
        ("The retailer lost £40m.", "£40m", "40000000", "GBP"),
        ("Toyota earned ¥500 billion.", "¥500 billion", "500000000000", "JPY"),
        ("Sony's operating profit was 1.2 trillion yen.", "1.2 trillion yen", "1200000000000", "JPY"),
        ("Local bonds worth RMB1.2 trillion were sold.", "RMB1.2 trillion", "1200000000000", "CNY"),
        ("It raised 800 million renminbi.", "800 million renminbi", "800000000", "CNY"),
        ("Investment reached 5 trillion won.", "5 trillion won", "5000000000000", "KRW"),
        ("The fund holds S$500 million.", "S$500 million", "500000000", "SGD"),
        ("Petrobras paid R$ 3 billion in dividends.", "R$ 3 billion", "3000000000", "BRL"),
        ("The bonus is EUR 2bn.", "EUR 2bn", "2000000000", "EUR"),
        ("Earnings were 50 cents a share.", "50 cents", "0.5", "USD"),
        ("Brent traded at $80 a barrel.", "$80", "80", "USD"),
        ("Fares rose to 20 pounds.", "20 pounds", "20", "GBP"),
        ("The fine was 3 million euros.", "3 million euros", "3000000", "EUR"),
        ("Pensions rise by 300 rupees a month.", "300 rupees", "300", "INR"),
        ("A $5-billion buyback was approved.", "$5-billion", "5000000000", "USD"),
        ("Tickets cost ＄１２ each.", "＄１２", "12", "USD"),
    ],
)
def test_money(text, span, value, unit):
    m = _one(text)
    assert (m.text, m.kind, m.value, m.unit) == (span, "money", Decimal(value), unit)
    assert text[m.start : m.end] == m.text


def test_conversion_in_parentheses_is_a_positive_second_amount():
    found = find_quantities("Deposits reached 105 million yuan ($14.39 million) in all.")
    assert [(m.text, m.value, m.unit) for m in found] == [
        ("105 million yuan", Decimal("105000000"), "CNY"),
        ("$14.39 million", Decimal("14390000"), "USD"),
    ]


def test_yen_sign_follows_the_article():
    chinese = find_quantities("The yuan firmed. Retail sales hit ¥4 trillion, the renminbi data showed.")
    japanese = find_quantities("The yen weakened. Exports hit ¥9 trillion.")
    assert chinese[0].unit == "CNY"
    assert japanese[0].unit == "JPY"


@pytest.mark.parametrize(
    "text, span, unit",
    [
        # pesos are the peso of the country the article names; Mexico's when it names none
        ("Banxico said the Mexican economy lost 9 billion pesos in tourism receipts.", "9 billion pesos", "MXN"),
        ("Philippine lenders booked 40 billion pesos in new loans, Manila data showed.", "40 billion pesos", "PHP"),
        ("Argentina's budget sets aside 3 trillion pesos for pensions.", "3 trillion pesos", "ARS"),
        ("Bogota's metro will cost 22 trillion pesos, Colombian officials said.", "22 trillion pesos", "COP"),
        # rupees likewise: Pakistan's in an article about Pakistan, else India's
        ("Karachi traders paid 450 billion rupees in sales tax, Pakistan's revenue board said.", "450 billion rupees", "PKR"),
        ("Mumbai lenders disbursed 3 trillion rupees in home loans.", "3 trillion rupees", "INR"),
        # a shilling before the noun it prices
        ("Nairobi unveiled a 3.1 trillion shilling spending plan.", "3.1 trillion shilling", "KES"),
        ("The fare rose to 15 pesos.", "15 pesos", "MXN"),
        # "R" glued to a number is the rand where the article speaks of the rand or South Africa
        ("South Africa's revenue reached R1.7 trillion.", "R1.7 trillion", "ZAR"),
        ("The rand traded at R18.40 against the dollar.", "R18.40", "ZAR"),
        # explicit US cents stay US cents after an amount in another currency
        ("A$1 bought 64.2 US cents on Friday.", "64.2 US cents", "USD"),
    ],
)
def test_currency_follows_the_article(text, span, unit):
    found = {m.text: m.unit for m in find_quantities(text)}
    assert found.get(span) == unit, found


@pytest.mark.parametrize(
    "text",
    [
        "He said 20 were injured.",  # no count of named things before it
        "Revenue was 20 million yuan and 5 were sold.",  # the earlier figure is money
        "Nine governors met. Three voted to cut.",  # another sentence
        "Shares rose 12 and 5 closing higher.",  # "and" alone, with no elided count before
    ],
)
def test_an_elided_count_needs_a_count_of_things_before_it_in_the_sentence(text):
    assert not [m for m in find_quantities(text) if m.rule == "count_elided"]


def test_a_verb_after_a_number_is_not_its_counted_noun():
    [total, part] = [m for m in find_quantities("Of the 60 cities surveyed, 41 posted higher prices.") if m.kind == "count"]
    assert (total.counted, part.counted, part.rule) == ("cities", None, "count_elided")


@pytest.mark.parametrize("text", ["Its R2 score was 0.93.", "The rand fell, R 15 analysts said.", "Route R101 reopened."])
def test_r_is_not_the_rand_without_the_rand(text):
    assert not [m for m in find_quantities(text) if m.kind == "money"]


@pytest.mark.parametrize(
    "text, span, value, counted",
    [
        ("Shanxi opened 691,400 personal pension accounts.", "691,400", "691400", "personal pension accounts"),
        ("Loans went to 248 pension industry projects.", "248", "248", "pension industry projects"),
        ("The app serves over 1.25 million elderly customers.", "over 1.25 million", "1250000", "elderly customers"),
        ("The bureau set out eight tasks.", "eight", "8", "tasks"),
        ("It proposed 20 measures focusing on pensions.", "20", "20", "measures"),
        ("Employers added 3 million jobs last year.", "3 million", "3000000", "jobs"),
        ("Twenty-five banks joined the scheme.", "Twenty-five", "25", "banks"),
        ("A dozen lenders cut rates.", "A dozen", "12", "lenders"),
        ("The plan covers half a million households.", "half a million", "500000", "households"),
        ("The mill laid off more than 1,200 workers.", "more than 1,200", "1200", "workers"),
        ("At least 30 companies defaulted.", "At least 30", "30", "companies"),
        ("The scheme reached 3 lakh farmers.", "3 lakh", "300000", "farmers"),
        ("Some 2,000 people attended the fair.", "Some 2,000", "2000", "people"),
        ("Turnout hit 1\u00a0250\u00a0000 voters.", "1\u00a0250\u00a0000", "1250000", "voters"),
        ("China is among the three biggest U.S. trading partners.", "three", "3", "biggest U.S. trading partners"),
        ("Hainan operates 75 international and regional air routes.", "75", "75", "international and regional air routes"),
        # a possessive before the number is no name the number belongs to ("Nifty 50")
        ("Each of Norway's 2.4 million households got a rebate.", "2.4 million", "2400000", "households"),
        # plurals of -man, -person and -child nouns
        ("He addressed about 500 visiting businessmen.", "about 500", "500", "visiting businessmen"),
        ("The strike idled 3,000 seamen at the port.", "3,000", "3000", "seamen"),
        ("Twelve salespeople were let go.", "Twelve", "12", "salespeople"),
        ("The bill was signed by 40 congressmen.", "40", "40", "congressmen"),
    ],
)
def test_counts(text, span, value, counted):
    m = _one(text)
    assert (m.text, m.kind, m.value, m.counted) == (span, "count", Decimal(value), counted)
    assert text[m.counted_start : m.counted_end] == counted


def test_a_singular_with_a_plural_ending_is_not_counted_there():
    m = _one("The lab keeps 20 specimen jars on site.")
    assert m.counted == "specimen jars"


@pytest.mark.parametrize(
    "text, spans",
    [
        ("The number of rigs fell by eight to 507.", ["eight"]),
        ("Jobless claims fell by 12,000 to 210,000.", ["12,000", "210,000"]),
        ("Harvests grew in 20 of the country's 31 regions.", ["20", "31"]),
        ("The RRR may fall by 25 to 50 basis points.", ["25 to 50 basis points"]),
    ],
)
def test_changes_levels_and_partitives(text, spans):
    assert [m.text for m in find_quantities(text)] == spans


def test_bare_large_count_has_no_counted_noun():
    m = _one("Payrolls rose by 150,000 in the month.")
    assert (m.kind, m.value, m.counted) == ("count", Decimal("150000"), None)


@pytest.mark.parametrize(
    "text, span, kind, low, high",
    [
        ("Prices rose 12-15% this spring.", "12-15%", "percentage", "12", "15"),
        ("Growth of 5 to 7 percent is likely.", "5 to 7 percent", "percentage", "5", "7"),
        ("The target is 6.5-7 per cent.", "6.5-7 per cent", "percentage", "6.5", "7"),
        ("The Fed funds range is 4.25%-4.50%.", "4.25%-4.50%", "percentage", "4.25", "4.50"),
        ("It sees revenue of $1.2-1.5 billion.", "$1.2-1.5 billion", "money", "1200000000", "1500000000"),
        ("Guidance is $5.1 billion to $5.3 billion.", "$5.1 billion to $5.3 billion", "money", "5100000000", "5300000000"),
        ("It hires between 5 million and 6 million people.", "between 5 million and 6 million", "count", "5000000", "6000000"),
        ("The site needs 5,000-6,000 workers.", "5,000-6,000", "count", "5000", "6000"),
        ("Between Rs 200 and Rs 250 per share.", "Between Rs 200 and Rs 250", "money", "200", "250"),
    ],
)
def test_ranges(text, span, kind, low, high):
    m = _one(text)
    assert (m.text, m.kind, m.value, m.value_high) == (span, kind, Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("Banks lent nearly 7.7 billion yuan.", "nearly"),
        ("It serves about 20 million users.", "about"),
        ("Prices rose around 3%.", "around"),
        ("Sales topped more than $2 billion.", "more than"),
        ("They could lose up to 5 percent.", "up to"),
        ("Roughly 400 branches closed.", "roughly"),
        ("Almost 90 percent agreed.", "almost"),
    ],
)
def test_qualifiers_are_kept_apart_from_the_value(text, qualifier):
    m = _one(text)
    assert m.qualifier == qualifier
    assert m.text.lower().startswith(qualifier)


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Unemployment edged up to 4.2 percent.", "4.2 percent"),
        ("The yield ticked up to 4.31% on Friday.", "4.31%"),
        ("Growth was revised up to 2.8 per cent.", "2.8 per cent"),
        ("Mortgage rates went up to 7.1%.", "7.1%"),
    ],
)
def test_a_move_up_then_to_is_not_the_qualifier_up_to(text, figure):
    m = _one(text)
    assert m.text == figure and m.qualifier is None


def test_change_between_two_levels_is_two_figures():
    assert [t for t, _, _ in _found("Inflation fell from 5% to 3.1% in a year.")] == ["5%", "3.1%"]
    assert [t for t, _, _ in _found("The rate rose 3% to 5.2%.")] == ["3%", "5.2%"]


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 hit demand and M2 grew while G20 leaders met.",
        "Under Article 15 and Section 80C, Line 3 opens.",
        "Investors bought three-year notes and the 10-year bond.",
        "The 65-year-old chairman retired.",
        "The Nifty 50 and the S&P 500 fell while Boeing 737 jets were grounded.",
        "Trading opens at 10 a.m. and closes at 5:30 p.m.",
        "Output reached 500,000 barrels a day and 2.5 million tonnes.",
        "The FTSE 100 closed at 8,200 points.",
        "It is one of the biggest lenders, one bank said.",
        "The 14th Five-Year Plan marks the eighth consecutive year of growth.",
        "The PMI rose to 50.2.",
        "Call 555-1234 for details.",
        "In 2024 the economy grew.",
        "The 5G rollout and 737MAX jets.",
        "Hundreds of firms and thousands of workers.",
        "See figure (3) and page 12.",
        "It has 30 square metres and 5 GW of capacity.",
        "Hiring has slowed for 25 straight months.",
        "The Dow rose 300 points to 39,000.",
        "The builders' index fell to 40 and the PMI slipped to 49.",
        "The Sensex closed at 72,000.",
        "About one in five households rent, and one out of 10 workers is self-employed.",
        "The mine produced 3 million metric tonnes.",
    ],
)
def test_not_figures(text):
    assert _found(text) == []


def test_offsets_slice_the_text_exactly():
    text = "Title\nUpdated: 2024-12-23\nNearly 7.7 billion yuan (about $1 billion) went to 248 projects, up 5.2%."
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.text


def test_exclude_skips_claimed_text():
    text = "Over the past six months, 20 firms closed."
    claimed = [(text.index("six"), text.index("six") + len("six months"))]
    assert [m.text for m in find_quantities(text, exclude=claimed)] == ["20"]
