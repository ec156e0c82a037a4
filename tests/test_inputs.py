"""Reading inputs: decoding, file formats and folder walking; every bad input is a failure with a clear cause."""

import json
import os

import pytest

from newsfigures.io import inputs
from newsfigures.io.inputs import (
    ArticleInput,
    InputFailure,
    InputRejected,
    decode_text,
    read_file,
    read_inputs,
    sniff_binary,
)


@pytest.mark.parametrize(
    "data, text, warning",
    [
        (b"Sales rose 5%.", "Sales rose 5%.", None),
        ("\ufeffcaf\u00e9 5%".encode("utf-8"), "caf\u00e9 5%", None),
        ("\ufeffUp 5 percent".encode("utf-16-le"), "Up 5 percent", None),
        ("\ufeffUp 5 percent".encode("utf-16-be"), "Up 5 percent", None),
        ("\ufeffUp 5 percent".encode("utf-32-le"), "Up 5 percent", None),
        (
            "\u8d37\u6b3e\u589e\u957f35.59%\uff0c\u8fbe105\u4ebf\u5143".encode("gb18030"),
            "\u8d37\u6b3e\u589e\u957f35.59%\uff0c\u8fbe105\u4ebf\u5143",
            "GB18030",
        ),
        ("caf\u00e9 prices rose 4 percent".encode("cp1252"), "caf\u00e9 prices rose 4 percent", "cp1252"),
        ("a na\u00efve 5 percent".encode("cp1252"), "a na\u00efve 5 percent", "cp1252"),
        ("costs \u20ac5 billion".encode("cp1252"), "costs \u20ac5 billion", "cp1252"),
    ],
)
def test_decode_text(data, text, warning):
    decoded, warnings = decode_text(data)
    assert decoded == text
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0] and "not valid UTF-8" in warnings[0]


@pytest.mark.parametrize(
    "data, cause",
    [
        (b"\xff\xfeA", "UTF-16"),  # a BOM, then half a character
        (b"\x81\x20\x8d\x20", "not valid UTF-8"),  # neither GB18030 nor cp1252
    ],
)
def test_decode_text_rejects(data, cause):
    with pytest.raises(InputRejected) as info:
        decode_text(data)
    assert info.value.code == "undecodable" and cause in str(info.value)


@pytest.mark.parametrize(
    "sample, binary",
    [
        (b"plain text\nwith lines\r\n\ttabs", False),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", True),
        (bytes(range(1, 32)) * 10, True),
        ("\ufeffUTF-16 has NUL bytes".encode("utf-16-le"), False),
        ("GB text \u589e\u957f".encode("gb18030"), False),
        (b"", False),
    ],
)
def test_sniff_binary(sample, binary):
    assert (sniff_binary(sample) is not None) == binary


def _read(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return [(i.source.replace(str(tmp_path) + os.sep, ""), _outcome(i)) for i in read_file(path)]


def _outcome(item):
    return ("error", item.type) if isinstance(item, InputFailure) else ("text", item.text)


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("a.txt", "Title\nUpdated: 2024-12-23\nUp 5%.", [("a.txt", ("text", "Title\nUpdated: 2024-12-23\nUp 5%."))]),
        ("empty.txt", b"", [("empty.txt", ("error", "empty"))]),
        ("blank.txt", b" \n\t\n", [("blank.txt", ("error", "empty"))]),
        ("nul.txt", b"abc\x00def", [("nul.txt", ("error", "binary"))]),
        ("noise.md", bytes(range(1, 9)) * 50, [("noise.md", ("error", "binary"))]),
        ("bad.txt", b"\xff\xfeA", [("bad.txt", ("error", "undecodable"))]),
        ("unknown.dat", "Up 5%.", [("unknown.dat", ("text", "Up 5%."))]),
        ("one.json", '{"text": "Up 5%.", "id": 3}', [("one.json", ("text", "Up 5%."))]),
        (
            "list.json",
            '[{"text": "A 1%"}, {"text": "B 2%"}]',
            [("list.json#1", ("text", "A 1%")), ("list.json#2", ("text", "B 2%"))],
        ),
        ("nolist.json", "[]", [("nolist.json", ("error", "empty"))]),
        ("broken.json", '{"text": ', [("broken.json", ("error", "invalid_json"))]),
        ("notext.json", '{"title": "x"}', [("notext.json", ("error", "invalid_record"))]),
        ("number.json", "5", [("number.json", ("error", "invalid_record"))]),
        ("textnum.json", '{"text": 5}', [("textnum.json", ("error", "invalid_record"))]),
        ("emptytext.json", '{"text": "  "}', [("emptytext.json", ("error", "empty"))]),
        ("baddate.json", '{"text": "x", "published": "someday"}', [("baddate.json", ("error", "invalid_date"))]),
        ("intdate.json", '{"text": "x", "date": 20240101}', [("intdate.json", ("error", "invalid_date"))]),
        (
            "lines.jsonl",
            '{"text": "A 1%"}\n\n{"text": \n[1, 2]\n{"text": "B 2%", "date": "2024-01-31"}\n{"id": 1}\n{"text": "C", "published": "x"}',
            [
                ("lines.jsonl#1", ("text", "A 1%")),
                ("lines.jsonl#3", ("error", "invalid_json")),
                ("lines.jsonl#4", ("error", "invalid_record")),
                ("lines.jsonl#5", ("text", "B 2%")),
                ("lines.jsonl#6", ("error", "invalid_record")),
                ("lines.jsonl#7", ("error", "invalid_date")),
            ],
        ),
        (
            "crlf.jsonl",
            b'\xef\xbb\xbf{"text": "A 1%"}\r\n{"text": "B"}\r\n',
            [("crlf.jsonl#1", ("text", "A 1%")), ("crlf.jsonl#2", ("text", "B"))],
        ),
        ("latin.jsonl", b'{"text": "caf\xe9 up 5%"}\n', [("latin.jsonl#1", ("text", "caf\u00e9 up 5%"))]),
        (
            "utf16.jsonl",
            '\ufeff{"text": "A"}\n{"text": "B"}\n'.encode("utf-16-le"),
            [("utf16.jsonl#1", ("text", "A")), ("utf16.jsonl#2", ("text", "B"))],
        ),
        ("blank.jsonl", b"\n\n", [("blank.jsonl", ("error", "empty"))]),
        ("binary.jsonl", b"\x00\x01\x02" * 100, [("binary.jsonl", ("error", "binary"))]),
    ],
)
def test_read_file(tmp_path, name, data, expected):
    assert _read(tmp_path, name, data) == expected


def test_json_metadata(tmp_path):
    record = {"text": "Up 5%.", "id": 42, "title": "Headline", "date": "2024-12-23"}
    (tmp_path / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    [item] = read_file(tmp_path / "r.jsonl")
    assert item.meta == {"id": "42", "title": "Headline", "published": "2024-12-23", "source": item.source}


def test_fallback_encoding_is_a_warning_on_the_input(tmp_path):
    (tmp_path / "latin.txt").write_bytes("caf\u00e9 5 percent".encode("cp1252"))
    [item] = read_file(tmp_path / "latin.txt")
    assert item.text == "caf\u00e9 5 percent"
    assert "cp1252" in item.meta["warnings"][0]


def test_html_visible_text(tmp_path):
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title> Loans &amp; growth </title>"
        "<style>p { color: red }</style><script>var share = '99%';</script></head>"
        "<body><h1>Loans grow</h1><p>Updated: 2024-12-23</p><p>Loans rose   7.5&nbsp;percent<br>to $3 billion.</p>"
        "<noscript>Enable 100% JavaScript</noscript><ul><li>one</li><li>two</li></ul></body></html>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [item] = read_file(tmp_path / "p.html")
    assert item.meta["title"] == "Loans & growth"
    assert item.text == "Loans grow\nUpdated: 2024-12-23\nLoans rose 7.5 percent\nto $3 billion.\none\ntwo"


def test_html_declared_charset(tmp_path):
    page = "<html><head><meta charset=windows-1252></head><body><p>caf\u00e9 up 5%</p></body></html>"
    (tmp_path / "p.htm").write_bytes(page.encode("cp1252"))
    [item] = read_file(tmp_path / "p.htm")
    assert item.text == "caf\u00e9 up 5%" and "declares" in item.meta["warnings"][0]


def test_markdown_title(tmp_path):
    (tmp_path / "a.md").write_text("# Exports climb\n\nUpdated: 2024-01-02\nUp 5%.", encoding="utf-8")
    [item] = read_file(tmp_path / "a.md")
    assert item.meta["title"] == "Exports climb"
    assert item.text.startswith("# Exports climb")  # offsets are into the whole file


def _tree(tmp_path):
    root = tmp_path / "in"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a.txt").write_text("A up 1%")
    (root / "b" / "c.md").write_text("C up 3%")
    (root / "b" / "deep" / "d.html").write_text("<p>D up 4%</p>")
    (root / "b" / "notes.csv").write_text("x,y")  # unknown suffix: not an input in a folder
    (root / ".hidden.txt").write_text("hidden")
    (root / ".git").mkdir()
    (root / ".git" / "e.txt").write_text("hidden")
    return root


def _sources(items, root):
    return [(os.path.relpath(i.source, root), _outcome(i)[0] if isinstance(i, ArticleInput) else i.type) for i in items]


def test_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    root = _tree(tmp_path)
    assert _sources(read_inputs([root]), root) == [("a.txt", "text"), ("b/c.md", "text"), ("b/deep/d.html", "text")]


@pytest.mark.parametrize(
    "pattern, expected",
    [("*.md", ["b/c.md"]), ("deep/*", ["b/deep/d.html"]), ("*.csv", ["b/notes.csv"]), ("*.pdf", [])],
)
def test_walk_glob(tmp_path, pattern, expected):
    root = _tree(tmp_path)
    assert [s for s, _ in _sources(read_inputs([root], pattern=pattern), root)] == expected


def test_walk_links_and_missing_paths(tmp_path):
    root = _tree(tmp_path)
    (root / "broken.txt").symlink_to(root / "nowhere.txt")
    (root / "self.txt").symlink_to(root / "self.txt")
    (root / "b" / "up").symlink_to(root)
    (root / "same.txt").symlink_to(root / "a.txt")
    os.mkfifo(root / "pipe.txt")
    items = list(read_inputs([root, tmp_path / "missing.txt", root / "a.txt"]))
    got = _sources(items, root)
    assert got == [
        ("a.txt", "text"),
        ("b/c.md", "text"),
        ("b/deep/d.html", "text"),
        ("b/up", "symlink_loop"),
        ("broken.txt", "broken_symlink"),
        ("pipe.txt", "not_a_file"),
        ("same.txt", "text"),
        ("self.txt", "symlink_loop"),
        ("../missing.txt", "not_found"),
        ("a.txt", "text"),  # named twice: read twice
    ]
    for item in items:
        if isinstance(item, InputFailure):
            assert item.message and item.to_record().error.type == item.type


def test_walk_excludes_the_output(tmp_path):
    root = _tree(tmp_path)
    (root / "out.jsonl").write_text('{"text": "old output"}\n')
    (root / "out.jsonl.partial").write_text('{"text": "old output"}\n')
    found = _sources(read_inputs([root], exclude=[root / "out.jsonl", root / "out.jsonl.partial"]), root)
    assert [s for s, _ in found] == ["a.txt", "b/c.md", "b/deep/d.html"]


def test_skip_leaves_done_inputs_unread(tmp_path, monkeypatch):
    root = _tree(tmp_path)
    (root / "r.jsonl").write_text('{"text": "1"}\n{"text": "2"}\n{"text": "3"}\n')
    done = {str(root / "a.txt"), str(root / "r.jsonl") + "#2"}
    found = _sources(read_inputs([root], skip=done.__contains__), root)
    assert [s for s, _ in found] == ["b/c.md", "b/deep/d.html", "r.jsonl#1", "r.jsonl#3"]


def test_unreadable_file(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text("Up 5%")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs, "open", refuse, raising=False)
    [item] = read_file(tmp_path / "locked.txt")
    assert (item.type, item.message) == ("unreadable", "cannot read: Permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_and_folder_by_permissions(tmp_path):
    (tmp_path / "locked.txt").write_text("Up 5%")
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut").chmod(0)
    try:
        assert [i.type for i in read_inputs([tmp_path])] == ["unreadable", "unreadable"]
    finally:
        (tmp_path / "shut").chmod(0o755)
