"""Reading the JSONL/text inputs of `frontwatch extract` and `eval` (bad lines become skips)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.model import Document

MAX_DOCUMENT_CHARS = 5_000_000  # larger documents are skipped with a reason, not half-processed


@dataclass(frozen=True, slots=True)
class Skip:
    origin: str
    reason: str


def parse_date(value: object) -> dt.date | None:
    """An ISO date from the first ten characters of a string ("2024-12-08T10:00:00"), else None."""
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def document_from_record(rec: object, origin: str) -> Document:
    """A Document from one JSON object {"doc_id", "text", "lang"?, "date"?, "source"?}."""
    if not isinstance(rec, dict):
        raise InputError(f"{origin}: expected a JSON object with a 'text' field")
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError(f"{origin}: no 'text' string")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(f"{origin}: document of {len(text):,} characters exceeds {MAX_DOCUMENT_CHARS:,}")
    lang = rec.get("lang") if rec.get("lang") in ("en", "ru", "uk") else None
    return Document(
        doc_id=str(rec.get("doc_id") or rec.get("id") or origin),
        text=text.replace("\x00", ""),
        lang=lang,
        date=parse_date(rec.get("date")),
        source=_str(rec.get("source")),
        title=_str(rec.get("title")),
        url=_str(rec.get("url")),
        author=_str(rec.get("author")),
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


FIELDS = ("text", "doc_id", "date", "lang", "source", "url", "title", "author")


def parse_mapping(spec: str | None) -> dict[str, str] | None:
    """``"text=body,date=published"`` → {"text": "body", "date": "published"} (our field = their column)."""
    if not spec:
        return None
    out: dict[str, str] = {}
    for part in spec.split(","):
        ours, sep, theirs = part.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not sep or not ours or not theirs:
            raise InputError(f"bad mapping {part!r}: write FIELD=COLUMN, e.g. text=body,date=published")
        if ours not in FIELDS:
            raise InputError(f"bad mapping {part!r}: {ours!r} is not one of {', '.join(FIELDS)}")
        out[ours] = theirs
    return out


def remap(rec: object, mapping: dict[str, str] | None) -> object:
    """A record with the mapped columns renamed to our field names (other keys kept)."""
    if not mapping or not isinstance(rec, dict):
        return rec
    out = dict(rec)
    for ours, theirs in mapping.items():
        out[ours] = rec.get(theirs)
    return out


def jsonl_documents(text: str, name: str, mapping: dict[str, str] | None = None) -> Iterator[Document | Skip]:
    """One document per JSONL line; a bad line is a Skip with its line number, the rest goes on."""
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{name}#line {i}"
        try:
            yield document_from_record(remap(json.loads(line), mapping), origin)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield Skip(origin, f"invalid JSON: {exc}")
        except InputError as exc:
            yield Skip(origin, str(exc))


def read_inputs(path: str) -> Iterator[Document | Skip]:
    """Documents of a JSONL file, a plain text file, or stdin (``-``)."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "stdin"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        data = p.read_bytes()
        name = p.name
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            yield Skip(name, "not text: could not detect an encoding")
            return
        text = str(best)
    if path.endswith(".jsonl") or text.lstrip().startswith("{"):
        yield from jsonl_documents(text, name)
    else:
        if len(text) > MAX_DOCUMENT_CHARS:
            yield Skip(name, f"document of {len(text):,} characters exceeds {MAX_DOCUMENT_CHARS:,}")
            return
        yield Document(doc_id=Path(name).stem, text=text.replace("\x00", ""))
