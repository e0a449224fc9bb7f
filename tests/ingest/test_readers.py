"""Readers on small inputs we write, including hostile ones: each gives documents or a reasoned skip."""

from __future__ import annotations

import json

import pytest

from frontwatch.ingest import read_bytes, read_path
from frontwatch.io_jsonl import Skip
from frontwatch.model import Document

RU = "Российские войска освободили Кучеровку Харьковской области."


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def skips(items):
    return [i for i in items if isinstance(i, Skip)]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8-r", "utf-16"])
def test_reader_decodes_legacy_cyrillic(encoding):
    items = list(read_bytes(RU.encode(encoding), origin=f"a-{encoding}.txt"))
    assert [d.text for d in docs(items)] == [RU]


def test_reader_skips_binary_and_empty():
    assert "binary" in skips(read_bytes(b"\x00\x01\x02" * 100 + b"\xff" * 50, origin="junk.bin"))[0].reason
    assert "empty" in skips(read_bytes(b"   \n", origin="empty.txt"))[0].reason


def test_reader_html_main_text_without_scripts():
    html = (
        "<html><head><title>Фронт</title><script>alert('x')</script></head><body>"
        "<nav>menu</nav><article><p>" + RU + "</p><p>Бои продолжаются в районе Купянска, сообщили военные.</p>"
        "<p>Ещё один абзац текста, чтобы статья была статьёй и экстрактор её узнал.</p></article></body></html>"
    )
    d = docs(read_bytes(html.encode(), origin="page.html"))
    assert d and "Кучеровку" in d[0].text and "alert" not in d[0].text


def test_reader_rss_items_and_billion_laughs():
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Russian forces captured Vovchansk</title><description>Officials said.</description>"
        "<pubDate>Mon, 09 Dec 2024 10:00:00 GMT</pubDate><guid>1</guid></item>"
        "<item><title>Ukrainian forces repelled attacks near Kupiansk</title><guid>2</guid></item></channel></rss>"
    )
    d = docs(read_bytes(rss.encode(), origin="feed.rss"))
    assert [x.doc_id for x in d] == ["1", "2"] and d[0].source == "RSS: Wire" and str(d[0].date) == "2024-12-09"
    bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>'
    assert "entities" in skips(read_bytes(bomb.encode(), origin="bomb.xml"))[0].reason


def test_reader_telegram_export(tmp_path):
    export = {
        "name": "Test channel",
        "messages": [
            {"id": 1, "type": "message", "date": "2024-12-08T10:00:00", "text": [{"type": "bold", "text": "Срочно: "}, RU]},
            {"id": 2, "type": "service", "date": "2024-12-08T11:00:00", "text": ""},
            {"id": 3, "type": "message", "date": "2024-12-08T12:00:00", "text": "", "photo": "x.jpg"},
        ],
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    d = docs(read_path(str(path)))
    assert len(d) == 1 and d[0].text.startswith("Срочно: Российские") and d[0].source == "Telegram: Test channel"
    assert d[0].doc_id == "Test channel/1" and str(d[0].date) == "2024-12-08"


def test_reader_jsonl_bad_lines_and_deep_nesting():
    data = "\n".join([json.dumps({"doc_id": "a", "text": RU}, ensure_ascii=False), "{truncated", "[" * 100000 + "]" * 100000])
    items = list(read_bytes(data.encode(), origin="x.jsonl"))
    assert [d.doc_id for d in docs(items)] == ["a"]
    assert len(skips(items)) == 2


def test_reader_csv_with_text_column():
    data = "doc_id,text,date\n1,\"" + RU + "\",2024-12-08\n"
    d = docs(read_bytes(data.encode(), origin="x.csv"))
    assert d[0].doc_id == "1" and str(d[0].date) == "2024-12-08"
    assert "column" in skips(read_bytes(b"a,b\n1,2\n", origin="y.csv"))[0].reason


def test_reader_zero_width_inside_place_names_still_resolves():
    import frontwatch

    d = frontwatch.extract("Российские войска освободили Кучер\u200bовку.", lang="ru")
    assert d.mentions == () or all(len(m.surface) <= 12 for m in d.mentions)  # never a crash, never a glued span


def test_reader_missing_file_is_a_skip():
    assert "cannot read" in skips(read_path("/nonexistent/file.txt"))[0].reason
