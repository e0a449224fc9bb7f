"""Inputs that crashed a reader under benchmarks/fuzz_readers.py (issue 8), kept after the fix.

Each case is the payload of a saved crash input (the fuzz input without its last, routing byte)
and the origin name the harness gave it, plus a hand-shortened input with the same bug. A reader
must yield Documents or Skips, or raise an error of frontwatch.errors; nothing else.
"""

from __future__ import annotations

import pytest

from frontwatch.errors import FrontwatchError
from frontwatch.ingest import read_bytes
from frontwatch.ingest.decode import decode
from frontwatch.io_jsonl import Skip
from frontwatch.model import Document

# (case id, origin name, input bytes)
READER_CRASHES = [
    # feedparser: an encoding name with a NUL in the XML declaration -> ValueError("embedded null character")
    (
        "feed-encoding-nul-fuzzed",
        "feed.xml",
        b'<?xml version="1.0" encoding="utf\x01\x00-8"?><feed xmlns="http://www.w3.org/2005/Atom"><Title>A</title><entry><title>'
        b"\xd0\xa1\xd0\xb8\xd0\xbb\xd0\xb8 \xd0\xbe\xd0\xb1\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd\xd0\xb8 \xd0\xb2\xd1\x96\xd0\xb4\xd0\xb1"
        b"\xd0\xb8\xd0\xbb\xd0\xb8 \xd0\xb0\xd1\x82\xd0\xb0\xd0\xba\xd1\x83 \xd0\xb1\xd1\x96\xd0\xbb\xd1\x8f \xd0\x92\xd0\xbe\xd0\xb2"
        b"\xd1\x87\xd0\xb0\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba\xd0http://ecials&lt;/b&0gt; said.</description><pubDate>Mon, 09 Dec 2024"
        b" 10:00:00 GMT</pubDate><guid>1</guid<item><title>Tw><link>xample.org/1</link></item><item><title>Two</title></it\xb0 8 "
        b"\xd0\xb3\xd1\x80\xd1\x83\xd0\xb4\xd0\xbd\xd1\x8f.</title><id>urn:1</id><updated>2024-12-08T10:00:00Z</updated>"
        b"<summary>s</summary></entry></feed>",
    ),
    (
        "feed-encoding-nul-sniffed",
        "upload",
        b'<?xml \x00\x00\x00er{"name": "Chan", "messages": [{"id": 1, "typeversion="1.0" encoding="utf\x01\x00": "mivakhaname": '
        b'"Chan", "messages": [{"id": 1, "type": "mivakhaK, rkiv oK, rkiv oblast, on Dec 7, officials said.</p>?/bodye-8"?><feed '
        b's></html>\x01sage", "da\x8be"xmlns="http://www.w3.org/2005/Atom"><: "Title>A</title><entr2',
    ),
    ("feed-encoding-nul-short", "feed.rss", b'<?xml version="1.0" encoding="utf\x00-8"?><rss><channel><item><title>x</title></item></channel></rss>'),
    # feedparser: non-UTF-8 bytes in the encoding name -> UnicodeDecodeError; .html loses to the <?xml sniff
    (
        "feed-encoding-bytes-fuzzed",
        "page.html",
        b'<?xml version="1.0" encoding="w3.org/2\xff\xff\xff\xff\xff\xff\xff\xff0/5/Atom"><Title>A</title><entry><title>\xd0\xa1'
        b"\xd0\xb8\xd0\xd0\xd0\xbe \xd0\xb8\xbb\xb1\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd\xd0\xb8 \xd0\xb2\xd1\x96\xd0\xb4\xd0\xb1\xd0\xb8"
        b"\xd0\xbb\xd0\xb8 \xd0\xb0\xd1\x82\xd0\xb0\xd0\xba\xd1\x83 \xd0\xb1\xd1\x96\xd0\xbb\xd1\x8f \xd0\x92<?xml version=\"1.0\"?>"
        b'<rss v\x94rsion="2.0"><channel><title>Wire</title><ite\x1bm><titlRussian forces ca\xd0\xbe\xd0\xb2\xd1\x87\xd0\xb0\xd0\xbd'
        b"\xd1\x81\xd1\x8c\xd0\xba\xd0http://ecials&lt;/b&0gt; said.</description><pubDate>Mon, 09 Dec 202\xff\xff4 10:0ptur K0:u00",
    ),
    ("feed-encoding-bytes-short", "feed.xml", b'<?xml version="1.0" encoding="\xff\xfe"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title></entry></feed>'),
    # feedparser's loose parser: a </link> after its <item> was closed -> KeyError('links')
    (
        "feed-loose-link-fuzzed",
        "page.html",
        b'<?xml version="1.0"?><rss v2.0"><channel><titl/>&>Wire</title><item><title>Russian fol version="1.0"'
        b'?><rss version="2.0"><channel><titl/>e>Wire</title><item><title>Russian foerces captured Kucherivka<'
        b'tithannel><titl/>&>Wire</title><item><title>Russian fol version="1.0"?><rss version="2.0"><channel><'
        b'titl/>e>Wire</tle>Wire</titlDate><guid\xff\xff</guid><link>http://exk></item\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff1</link></item><it'
        b'em><title>Two</title></item></channel></rss>\x01itle>Russian',
    ),
    ("feed-loose-link-short", "feed.rss", b'<?xml version="1.0"?><rss v2.0"><channel><item><link>http://x</item>1</link></channel></rss>'),
    # csv: a lone "\r" inside an unquoted field (a cp1251 row here) -> _csv.Error, not an InputError
    (
        "csv-lone-cr-fuzzed",
        "data.csv",
        b'doc_id,text,date,lang\n8,Russian forces c'
        b'aptured Kucherivka, Kharkiv oblast, on D'
        b'ec 7, officials said,.2024-12-08,en\n2,"\xd0'
        b'\xa0\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd0\xb9\xd1\x81\xd0\xba\xd0\xb8\xd0\xb5 \xd0\xb2\xd0\xbe\xd0\xb9\xd1\x81\xd0\xba\xd0\xb0 \xd0\xbe\xd1\x81\xd0\xb2\xd0'
        b'\xbe\xd0\xb1\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbb\xd0\xb8 \xd0\x9a\xd1\x83\xd1\x87\xd0\xb5\xd1\x80\xd0\xbe\xd0\xb2\xd0\xba\xd1\x83 \xd0\xa5\xd0\xb0\xd1\x80\xd1'
        b'\x8c\xd0\xba\xd0\xbe\xd0\xb2\xd1\x81\xd0\xba\xd0\xbe\xff\xff\xff\xff\xff\xff\xd0\xb9 \xd0\xbe\xd0\xb1\xd0\xbb\xd0\xb0\xd1\x81\xd1\x82\xd0\xb8.",,'
        b'rucapt\xff\xff\xff\xff\xff\xff\xff\rured Kucherivka, Kharkiv o'
        b'blast, on Dec 7, officials said.,2024-12'
        b'-08,en\n2,"\xd0\xa0\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd0\xb9\xd1\x81\xd0\xba\xd0\xb8\xd0\xb5 \xd0\xb2\xd0\xbe\xd0\xb9\xd1\x81\xd0'
        b'\xba\xd0\xb0 \xd0\xbe\xd1\x81\xd0\xb2\xd0\xbe\xd0\xb1\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbb\xd0\xb8 \xd0\x9a\xd1\x83\xd1\x87\xd0\xb5\xd1\x80\xd0\xbe\xd0\xb2\xd0'
        b'\xba\xd1\x83 \xd0\xa5\xd0\xb0\xd1\x80\xd1\x8c\xd0\xba\xd0\xbe\xd0\xb2\xd1\x81\xd0\xba\xd0\xbe\xff\xff\xff\xff\xff\xff\xd0\xb9 \xd0\xbe\xd0\xb1\xd0\xbb\xd0'
        b'\xb0\xd1\x81\n',
    ),
    ("csv-lone-cr-short", "data.csv", b"text\nab\rcd\n"),
    # csv: a field over csv.field_size_limit() -> _csv.Error (same fix; too long for the fuzzer's inputs)
    ("csv-field-over-limit", "data.csv", b"text\n" + b"a" * 200_000 + b"\n"),
]

# (case id, input bytes) for decode(); empty until the fuzzer finds one
DECODE_CRASHES: list[tuple[str, bytes]] = []


def _contained(run):
    """The items of ``run()``, or [] when it raised the project's own error; anything else fails the test."""
    try:
        return list(run())
    except FrontwatchError:
        return []


@pytest.mark.parametrize(("origin", "data"), [c[1:] for c in READER_CRASHES], ids=[c[0] for c in READER_CRASHES])
def test_reader_survives_fuzz_crash(origin, data):
    items = _contained(lambda: read_bytes(data, origin=origin))
    assert all(isinstance(i, (Document, Skip)) for i in items)


@pytest.mark.parametrize("origin", ["feed.xml", "feed.rss", "page.html", "upload"])
def test_feed_feedparser_chokes_on_is_skipped_with_a_reason(origin):
    for data in (b'<?xml version="1.0" encoding="utf\x00-8"?><rss><channel><item><title>x</title></item></channel></rss>',
                 b'<?xml version="1.0" encoding="\xff"?><rss><channel><item><title>x</title></item></channel></rss>',
                 b'<?xml version="1.0"?><rss v2.0"><channel><item><link>http://x</item>1</link></channel></rss>'):
        items = list(read_bytes(data, origin=origin))
        assert items and all(isinstance(i, Skip) for i in items) and items[0].reason


def test_csv_lone_carriage_return_ends_a_row():
    items = list(read_bytes(b"doc_id,text\n1,Kupiansk\r2,Vovchansk\n", origin="data.csv"))
    assert [(d.doc_id, d.text) for d in items] == [("1", "Kupiansk"), ("2", "Vovchansk")]


def test_csv_field_over_limit_is_skipped_after_the_good_rows():
    items = list(read_bytes(b"doc_id,text\n1,Kupiansk\n2," + b"a" * 200_000 + b"\n3,Vovchansk\n", origin="data.csv"))
    assert isinstance(items[0], Document) and items[0].text == "Kupiansk"
    assert isinstance(items[-1], Skip) and "field" in items[-1].reason


@pytest.mark.parametrize("data", [c[1] for c in DECODE_CRASHES] or [b"\xff"], ids=[c[0] for c in DECODE_CRASHES] or ["placeholder"])
def test_decode_survives_fuzz_crash(data):
    try:
        assert isinstance(decode(data, origin="fuzz"), str)
    except FrontwatchError:
        pass
