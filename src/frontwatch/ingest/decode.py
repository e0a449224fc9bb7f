"""Bytes to text: UTF-8 first, then legacy Cyrillic encodings (cp1251, koi8-r) told apart by letters."""

from __future__ import annotations

from frontwatch.errors import DecodeError

# Frequent Russian/Ukrainian lower-case letters: the right decoding makes most letters these.
_COMMON = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфёъіїєґ")


def _cyrillic_score(text: str) -> float:
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c in _COMMON) / len(letters)


def decode(data: bytes, *, origin: str) -> str:
    """Decode a document; raise DecodeError for binary junk."""
    if not data.strip():
        raise DecodeError(f"{origin}: empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"{origin}: invalid UTF-16: {exc}") from exc
    sample = data[:65536]
    if sample.count(b"\x00") > len(sample) // 100:
        raise DecodeError(f"{origin}: binary content (NUL bytes); not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # legacy single-byte Cyrillic: the decoding whose letters look most like Russian/Ukrainian wins
    best, best_score = None, 0.0
    for enc in ("cp1251", "koi8-r", "koi8-u"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _cyrillic_score(text)  # case matters: mis-decoded KOI8 is mostly capitals
        if score > best_score:
            best, best_score = text, score
    if best is not None and best_score > 0.6:
        return best
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is None:
        raise DecodeError(f"{origin}: not text in any known encoding")
    return str(guess)
