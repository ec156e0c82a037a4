"""The reader's page of ``newsfigures show``: the article as written, figures marked by kind, links in place,
one self-contained file."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest

import newsfigures
import newsfigures.io.show
from newsfigures.io.show import figure_card, marked_text, render_article

TEXT = (
    "Shanxi lends more\nUpdated: 2024-12-23\n"
    "By the end of the third quarter, Shanxi had opened 691,400 personal pension accounts with deposits\n"
    "totaling  105 million yuan ($14.39 million), and loans to tech firms were up 35.59 percent year on year.\n"
)


@pytest.fixture(scope="module")
def article():
    return newsfigures.extract(TEXT)


def test_the_text_is_the_article_as_written(article):
    plain = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<sup>.*?</sup>", "", marked_text(article))))
    assert plain == TEXT  # whitespace, line breaks and all, nothing rebuilt from tokens


def test_every_figure_is_marked_by_kind(article):
    page = marked_text(article)
    for i, m in enumerate(article.mentions):
        pieces = re.findall(rf'<span class="f {m.kind}" data-i="{i}"[^>]*>(.*?)</span>', page)
        assert html.unescape(re.sub(r"<sup>.*?</sup>", "", "".join(pieces))) == m.text


def test_subjects_are_marked_for_their_figure(article):
    page = marked_text(article)
    pct = next(i for i, m in enumerate(article.mentions) if m.kind == "percentage")
    subject = "".join(re.findall(rf'<span[^>]*data-s="[^"]*\b{pct}\b[^"]*"[^>]*>([^<]*)', page))
    assert subject == article.mentions[pct].subject


def test_the_card_says_the_links(article):
    usd = next(i for i, m in enumerate(article.mentions) if m.unit == "USD")
    card = figure_card(article, usd)
    assert "= 105 million yuan" in card and "2024-09-30" in card
    pct = next(i for i, m in enumerate(article.mentions) if m.kind == "percentage")
    assert "▲ increase" in figure_card(article, pct) and "year on year" in figure_card(article, pct)


def test_figure_data_carries_period_and_conversion_links(article):
    section = render_article(article)
    data = json.loads(html.unescape(re.search(r"data-figures='([^']*)'", section).group(1)))
    usd = next(i for i, m in enumerate(article.mentions) if m.unit == "USD")
    assert article.mentions[usd].equivalent_of in data[str(usd)]["links"]
    assert article.mentions[usd].period_index in data[str(usd)]["links"]


def test_the_page_needs_no_network(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    page = newsfigures.io.show.show_file(tmp_path / "a.txt")
    assert not re.search(r"""(src|href)=["']?https?:""", page) and "@import" not in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_the_page_renders_in_a_browser(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "page.html").write_text(newsfigures.io.show.show_file(tmp_path / "a.txt"), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}"]  # fmt: skip
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1280,800", (tmp_path / "page.html").as_uri()],
                   capture_output=True, timeout=60)  # fmt: skip
    assert shot.is_file() and shot.stat().st_size > 5000
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", (tmp_path / "page.html").as_uri()],
                         capture_output=True, text=True, timeout=60).stdout  # fmt: skip
    assert 'class="f percentage"' in dom and "35.59 percent" in dom
