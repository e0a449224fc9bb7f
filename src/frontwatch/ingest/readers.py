"""Readers for text/Markdown, HTML, RSS/Atom, Telegram Desktop exports, JSONL and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.ingest.decode import decode
from frontwatch.io_jsonl import FIELDS, MAX_DOCUMENT_CHARS, Skip, document_from_record, jsonl_documents, parse_date
from frontwatch.model import Document

MAX_FILE_BYTES = 200_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def _doc(text: str, *, doc_id: str, origin: str, **fields: object) -> Document | Skip:
    text = _clean(text).strip()
    if not text:
        return Skip(origin, "no text")
    if len(text) > MAX_DOCUMENT_CHARS:
        return Skip(origin, f"document of {len(text):,} characters exceeds {MAX_DOCUMENT_CHARS:,}")
    return Document(doc_id=doc_id, text=text, meta=(("origin", origin),), **fields)  # type: ignore[arg-type]


def _sniff(data: bytes, name: str) -> str:
    head = data[:2048].lstrip().lower()
    suffix = Path(name).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if head.startswith((b"<?xml", b"<rss", b"<feed")) or suffix in (".rss", ".atom", ".xml"):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or suffix in (".html", ".htm"):
        return "html"
    if suffix == ".json" or head.startswith(b"{"):
        return "json"
    return "text"


def read_path(path: str, mapping: dict[str, str] | None = None) -> Iterator[Document | Skip]:
    """Documents of one file (the reader is chosen by content and extension)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        yield Skip(path, f"cannot read: {exc.strerror or exc}")
        return
    if size > MAX_FILE_BYTES:
        yield Skip(path, f"file of {size:,} bytes exceeds {MAX_FILE_BYTES:,}; split it")
        return
    yield from read_bytes(p.read_bytes(), origin=path, mapping=mapping)


def read_bytes(data: bytes, *, origin: str, source: str | None = None, mapping: dict[str, str] | None = None) -> Iterator[Document | Skip]:
    """Documents of one input; ``mapping`` names the JSONL/CSV columns of our fields (text=body)."""
    kind = _sniff(data, origin)
    try:
        if kind == "jsonl":
            yield from jsonl_documents(decode(data, origin=origin), origin, mapping)
        elif kind == "json":
            yield from _telegram(decode(data, origin=origin), origin)
        elif kind == "csv":
            yield from _csv(decode(data, origin=origin), origin, mapping)
        elif kind == "feed":
            yield from _feed(data, origin)
        elif kind == "html":
            yield from _html(decode(data, origin=origin), origin)
        else:
            text = decode(data, origin=origin)
            yield _doc(text, doc_id=Path(origin).stem, origin=origin, source=source)
    except InputError as exc:
        yield Skip(origin, str(exc))
    except RecursionError:
        yield Skip(origin, "nested too deeply to parse")


def _entities_text(value: object) -> str:
    """Telegram's `text`: a string, or a list of strings and {"type", "text"} entities."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(v if isinstance(v, str) else str(v.get("text", "")) if isinstance(v, dict) else "" for v in value)
    return ""


def _telegram(text: str, origin: str) -> Iterator[Document | Skip]:
    """A Telegram Desktop export (result.json): one document per message with text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Skip(origin, f"invalid JSON: {exc}")
        return
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        if isinstance(data, dict) and isinstance(data.get("text"), str):
            yield document_from_record(data, origin)
            return
        yield Skip(origin, "JSON that is neither a Telegram export (with 'messages') nor a document (with 'text')")
        return
    channel = str(data.get("name") or "Telegram")
    for msg in data["messages"]:
        if not isinstance(msg, dict) or msg.get("type", "message") != "message":
            continue
        body = _entities_text(msg.get("text"))
        if not body.strip():
            continue
        mid = msg.get("id")
        fwd = msg.get("forwarded_from")
        meta_source = f"Telegram: {fwd}" if isinstance(fwd, str) and fwd else f"Telegram: {channel}"
        item = _doc(body, doc_id=f"{channel}/{mid}", origin=f"{origin}#message {mid}", source=meta_source, date=parse_date(msg.get("date")))
        yield item


def _csv(text: str, origin: str, mapping: dict[str, str] | None = None) -> Iterator[Document | Skip]:
    """CSV with a header; columns text/doc_id/date/lang/source (or mapped names)."""
    m = {f: f for f in FIELDS} | (mapping or {})
    # newline="" as the csv module requires: with the default a lone "\r" (an old Mac line end, or a
    # stray byte) inside an unquoted field raised csv.Error (found by benchmarks/fuzz_readers.py)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        yield Skip(origin, f"malformed CSV header: {exc}")
        return
    if not fieldnames or m["text"] not in fieldnames:
        yield Skip(origin, f"CSV needs a '{m['text']}' column; found {fieldnames}")
        return
    rows, i = enumerate(reader, start=2), 1
    while True:
        try:
            i, row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            # csv.Error is no InputError: a NUL, a field over csv.field_size_limit() (131,072 characters)
            # or bad quoting would end the batch; skip the rest of this file with the reason instead
            yield Skip(f"{origin}#row {i + 1}", f"malformed CSV, rest of the file skipped: {exc}")
            return
        rec = {k: row.get(v) or None for k, v in m.items()}
        rec["doc_id"] = rec.get("doc_id") or f"{Path(origin).stem}-{i}"
        try:
            yield document_from_record(rec, f"{origin}#row {i}")
        except InputError as exc:
            yield Skip(f"{origin}#row {i}", str(exc))


def _html(text: str, origin: str) -> Iterator[Document | Skip]:
    """An HTML page: main text, title, date and author by trafilatura (scripts are never run)."""
    import trafilatura

    result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if result is None:
        yield Skip(origin, "no main text found in the HTML page")
        return
    get = (lambda k: getattr(result, k, None)) if not isinstance(result, dict) else result.get
    body = get("text") or ""
    title = get("title")
    full = f"{title}\n\n{body}" if title and title not in body[:200] else body
    yield _doc(full, doc_id=hashlib.sha256(full.encode()).hexdigest()[:16], origin=origin, title=title, date=parse_date(get("date")), url=get("url"), source=get("sitename"))


def _feed(data: bytes, origin: str) -> Iterator[Document | Skip]:
    """RSS/Atom: one document per item (title + summary). Entity declarations are refused (XXE, billion laughs)."""
    if _ENTITY_DECL.search(data[:200_000]):
        yield Skip(origin, "feed declares XML entities (possible billion-laughs/XXE attack); refused")
        return
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - feedparser promises `bozo`, not exceptions; any that escapes is its bug
        # feedparser reports malformed feeds as `bozo`, yet benchmarks/fuzz_readers.py found it raising:
        # an XML declaration whose encoding name holds a NUL ("utf\x00-8": ValueError) or non-UTF-8
        # bytes (UnicodeDecodeError) in its encoding detection, and KeyError('links') in its loose
        # parser on a </link> after its item was closed. One bad feed must not end the batch.
        yield Skip(origin, f"feed that cannot be parsed ({type(exc).__name__}: {exc})")
        return
    if not parsed.entries:
        yield Skip(origin, f"no feed items ({parsed.get('bozo_exception', 'empty feed')})")
        return
    feed_title = parsed.feed.get("title") or Path(origin).name
    for i, entry in enumerate(parsed.entries):
        title = entry.get("title", "")
        summary = re.sub(r"<[^>]+>", " ", entry.get("summary", "") or "")
        text = f"{title}\n{summary}".strip()
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(*published[:3]) if published else None
        yield _doc(text, doc_id=str(entry.get("id") or entry.get("link") or f"{origin}#{i}"), origin=f"{origin}#item {i}", source=f"RSS: {feed_title}", date=date, url=entry.get("link"), title=title)
