"""The role and direction rules of ``patterns/linker/roles.jsonl``: every rule's examples, run through the pipeline,
give what the rule sets, and the rule is among those that answered for the figure (``link_rules``)."""

import pytest

from newsfigures.components.extensions import SPANS_KEY, group_data
from newsfigures.errors import RuleError
from newsfigures.linker import roles
from newsfigures.linker.rules import LinkRule
from newsfigures.resources import load_jsonl

RULES = load_jsonl(roles.RULES_FILE)
EXAMPLES = [pytest.param(rule["id"], example, id=f"{rule['id']}-{k}") for rule in RULES for k, example in enumerate(rule["examples"])]


@pytest.mark.parametrize("rule_id, example", EXAMPLES)
def test_rule_example(nlp, rule_id, example):
    doc = nlp(example["text"])
    found = [d for d in group_data(doc, SPANS_KEY) if doc.text[d["start"] : d["end"]] == example["figure"]]
    assert found, [doc.text[d["start"] : d["end"]] for d in group_data(doc, SPANS_KEY)]
    figure = found[0]
    assert rule_id in figure["link_rules"], figure["link_rules"]
    for name, value in example["expect"].items():
        assert figure[name] == value, (name, figure)


def test_every_rule_has_a_function_and_every_function_a_rule():
    stages = roles.role_rules()
    assert sum(len(rules) for rules in stages.values()) == len(RULES)


@pytest.mark.parametrize(
    "change",
    [{"colour": "red"}, {"stage": "paragraph"}, {"side": "above"}, {"sets": {"subject": "x"}}, {"when": ["raining"]}],
)
def test_a_malformed_rule_is_refused_with_its_id(change):
    spec = {**RULES[0], **change}
    with pytest.raises(RuleError, match=RULES[0]["id"]):
        LinkRule.from_spec(spec, "roles.jsonl")


@pytest.mark.parametrize(
    "text, figure, strategy, subject",
    [
        ("The bank opened 37 stores in March.", "37", "counted-noun", "stores"),
        ("The lender approved a $400,000 loan.", "$400,000", "noun-after", "loan"),
        ("Management blamed a 15% decline in furniture sales on the weak housing market.", "15%", "change-after-in", "furniture sales"),
        ("Revenue of $5 billion beat forecasts.", "$5 billion", "noun-before-of", "Revenue"),
        ("Lenders extended $2 billion in loans.", "$2 billion", "money-for", "loans"),
        ("The bank increased loans to farms by 5%.", "5%", "object-of-verb", "loans to farms"),
        ("Exports rose 5% last year.", "5%", "subject-of-verb", "Exports"),
    ],
)  # fmt: skip
def test_subject_strategy_is_recorded(nlp, text, figure, strategy, subject):
    """The subject sieve records which strategy answered (``subject_rule``, not a Mention field)."""
    from newsfigures.linker.subject import SUBJECT_STRATEGIES

    assert strategy in dict(SUBJECT_STRATEGIES)
    doc = nlp(text)
    found = [d for d in group_data(doc, SPANS_KEY) if doc.text[d["start"] : d["end"]] == figure][0]
    assert (found["subject_rule"], found["subject"]) == (strategy, subject)
