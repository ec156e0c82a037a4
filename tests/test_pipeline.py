"""The spaCy side: factories, span groups and extensions, serialisation, and the public API contract."""

from datetime import date
from decimal import Decimal

import pytest
import spacy

import newsfigures
from newsfigures import Article, Mention

TEXT = (
    "Exporters gain ground\nUpdated: 2024-03-01\n"
    "Exports rose 7.1 percent year-on-year to $307 billion in January, while 1,200 firms joined the scheme."
)


def test_load_builds_blank_english_with_our_components(nlp):
    assert nlp.lang == "en"
    for name in ("newsfigures_periods", "newsfigures_quantities", "newsfigures_linker"):
        assert nlp.has_pipe(name)
    assert not any(name in ("ner", "parser", "tagger") for name in nlp.pipe_names)


def test_components_are_spacy_factories_in_any_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsfigures_periods")
    nlp.add_pipe("newsfigures_quantities")
    nlp.add_pipe("newsfigures_linker")
    doc = nlp("Profit rose 12% to $5 billion.")
    assert [s.label_ for s in doc.spans["figures"]] == ["percentage", "money"]
    assert doc.spans["figures"][0]._.figure["value"] == "12"
    assert doc.spans["figures"][0].id_ == "percentage"


def test_load_adds_to_a_given_pipeline():
    base = spacy.blank("en")
    nlp = newsfigures.load(base)
    assert nlp is base and nlp.has_pipe("newsfigures_quantities")


def test_doc_figures_extension_is_sorted(nlp):
    doc = nlp(TEXT)
    starts = [s._.figure["start"] for s in doc._.figures]
    assert starts == sorted(starts) and len(starts) >= 3


def test_fast_figure_access_agrees_with_the_extension(nlp):
    """The components read and write ``span._.figure`` through spaCy's user_data key directly;
    this guards that shortcut against a change in how spaCy stores span extensions."""
    from newsfigures.components.extensions import figure_data, set_figure_data

    doc = nlp(TEXT)
    for key in ("figures", "figure_bases"):
        for span in doc.spans[key]:
            assert figure_data(span) is span._.figure is not None
    span = doc.spans["figures"][0]
    set_figure_data(span, {"kind": "test"})
    assert span._.figure == {"kind": "test"}


def test_group_data_reads_each_spans_figure_in_group_order(nlp):
    """``group_data`` is the one-pass read of a group's ``span._.figure`` dicts that the linker and the
    converter use: the same dicts, in the group's order, skipping spans that carry none."""
    from newsfigures.components.extensions import group_data

    doc = nlp(TEXT)
    for key in ("figures", "figure_bases"):
        assert group_data(doc, key) == [s._.figure for s in doc.spans[key]]
        assert all(a is s._.figure for a, s in zip(group_data(doc, key), doc.spans[key]))
    doc.spans["figures"] = [*doc.spans["figures"], doc[0:1]]  # a span of the user's, with no figure
    assert len(group_data(doc, "figures")) == len(doc.spans["figures"]) - 1
    assert group_data(doc, "no such group") == []


def test_pipeline_survives_to_disk_and_spacy_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    reloaded = spacy.load(tmp_path / "pipe")
    a = newsfigures.extract(TEXT, nlp=nlp)
    b = newsfigures.extract(TEXT, nlp=reloaded)
    assert a == b


def test_extract_returns_an_article_with_sorted_exact_mentions(nlp):
    article = newsfigures.extract(TEXT, published="2024-03-01", nlp=nlp)
    assert isinstance(article, Article)
    assert article.published == date(2024, 3, 1)
    assert [m.start for m in article.mentions] == sorted(m.start for m in article.mentions)
    for m in article.mentions:
        assert isinstance(m, Mention)
        assert article.text[m.start : m.end] == m.text
    money = [m for m in article.mentions if m.kind == "money"]
    assert (money[0].value, money[0].unit) == (Decimal("307000000000"), "USD")


def test_article_json_and_schema(nlp):
    article = newsfigures.extract(TEXT, nlp=nlp)
    again = Article.model_validate_json(article.model_dump_json())
    assert again == article
    schema = Article.model_json_schema()
    assert "mentions" in schema["properties"]


def test_dateline_is_used_when_published_is_not_given(nlp):
    article = newsfigures.extract(TEXT, nlp=nlp)
    assert article.published == date(2024, 3, 1)
    assert article.title == "Exporters gain ground"


def test_extract_many_keeps_order_and_metadata(nlp):
    items = ["Sales rose 5%.", ("Costs fell 3%.", {"id": "b", "published": "2024-01-05"}), "No figures here."]
    articles = list(newsfigures.extract_many(items, nlp=nlp))
    assert [a.text for a in articles] == ["Sales rose 5%.", "Costs fell 3%.", "No figures here."]
    assert articles[1].id == "b" and articles[1].published == date(2024, 1, 5)
    assert articles[2].mentions == []


@pytest.mark.parametrize(
    "bad, error",
    [(b"bytes", TypeError), (None, TypeError), (42, TypeError)],
)
def test_extract_rejects_non_text(bad, error):
    with pytest.raises(error, match="str"):
        newsfigures.extract(bad)


def test_extract_rejects_an_unparseable_date():
    with pytest.raises(ValueError):
        newsfigures.extract("Sales rose 5%.", published="not a date")


def test_to_table_has_one_row_per_mention(nlp):
    article = newsfigures.extract(TEXT, nlp=nlp)
    rows = article.to_table()
    assert len(rows) == len(article.mentions)
    assert {"kind", "value", "unit", "subject", "direction", "basis", "period_start"} <= set(rows[0])


def test_extract_many_with_workers_matches_one_process(nlp):
    items = [f"Exports rose {i}.5% to ${i} billion in March." for i in range(1, 40)]
    assert list(newsfigures.extract_many(items, n_process=2, nlp=nlp)) == list(newsfigures.extract_many(items, nlp=nlp))


@pytest.mark.parametrize("bad, error", [("one text", TypeError), (b"bytes", TypeError)])
def test_extract_many_rejects_a_single_text_at_once(bad, error):
    with pytest.raises(error):
        newsfigures.extract_many(bad)  # raises before iteration starts


def test_extract_many_rejects_a_bad_n_process():
    with pytest.raises(ValueError, match="n_process"):
        newsfigures.extract_many(["a"], n_process=0)


def test_linker_reads_subjects_from_a_dependency_parse(nlp):
    """With a parse (as a pretrained pipeline gives), the subject comes from it; without one, from the
    text rules. The parse here is written by hand, so the test needs no model."""
    from spacy.tokens import Doc

    from newsfigures.components.convert import doc_to_article

    words = ["Loans", "that", "banks", "made", "to", "farms", "rose", "5", "%", "."]
    spaces = [True, True, True, True, True, True, True, False, False, False]
    heads = [6, 3, 3, 0, 3, 4, 6, 8, 6, 6]
    deps = ["nsubj", "nsubj", "nsubj", "relcl", "prep", "pobj", "ROOT", "nummod", "dobj", "punct"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    for _, component in nlp.pipeline:
        doc = component(doc)
    [parsed] = doc_to_article(doc).mentions
    assert parsed.subject == "Loans" and (parsed.subject_start, parsed.subject_end) == (0, 5)
