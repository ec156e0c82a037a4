"""`newsfigures evaluate` prints the table and writes the JSON report with the counts users rely on."""

import json

from typer.testing import CliRunner

from newsfigures.cli import app


def test_evaluate_prints_a_table_and_writes_json(corpus_dir, tmp_path):
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["evaluate", str(corpus_dir), "--split", "dev", "--json", str(out)])
    assert result.exit_code == 0, result.output
    for kind in ("percentage", "money", "count", "period"):
        assert kind in result.output
    report = json.loads(out.read_text())
    assert report["articles"] >= 10 and report["gold_mentions"]["period"] > 0
    assert "figures_direction_acc" in report and "period_value_acc" in report


def test_evaluate_lists_errors_with_context(corpus_dir):
    result = CliRunner().invoke(app, ["evaluate", str(corpus_dir), "--split", "dev", "--errors"])
    assert result.exit_code == 0
    problem_lines = [line for line in result.output.splitlines() if line.split(" ", 1)[0] in ("miss", "false", "value")]
    assert all("|" in line for line in problem_lines)


def test_unknown_system_is_a_clear_error(corpus_dir):
    result = CliRunner().invoke(app, ["evaluate", str(corpus_dir), "--system", "nonsense"])
    assert result.exit_code == 2
    assert "nonsense" in result.output and "Traceback" not in result.output


def test_missing_corpus_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "Traceback" not in result.output
