"""The ledger's tables (SQLAlchemy Core): one schema for SQLite and PostgreSQL.

Indexes serve the two hot queries: a place's timeline (claims by place, newest first) and the
claims feed (newest first, filtered by type / claimant side / source).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # identity: sha256 of (source, external id, normalised text); ingesting twice adds nothing
    Column("doc_key", String(64), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("external_id", Text),
    Column("source", Text),
    Column("lang", String(8)),
    Column("date", Date),
    Column("title", Text),
    Column("url", Text),
    Column("author", Text),  # revision 0002
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # a near-duplicate (the same bulletin reposted by another channel) points at its original
    Column("echo_of", Integer, ForeignKey("documents.id"), index=True),
)

# MinHash LSH bands of each document's word shingles: a shared band marks a near-duplicate
doc_bands = Table(
    "doc_bands",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("band", String(40), nullable=False),
)
Index("ix_doc_bands_band", doc_bands.c.band)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("place", String(64)),
    Column("surface", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("actor", String(8)),
    Column("claimant", Text, nullable=False),
    Column("claimant_side", String(16), nullable=False),
    Column("stance", String(16), nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("date", Date),  # the event date, null when the text gives none
    Column("doc_date", Date),  # publication date: the timeline falls back to it
    Column("direction", Text),
    Column("sentence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("mention_start", Integer, nullable=False),
    Column("mention_end", Integer, nullable=False),
    Column("rule", String(64)),
    Column("source", Text),
)
Index("ix_claims_place_date", claims.c.place, claims.c.doc_date, claims.c.id)
Index("ix_claims_feed", claims.c.doc_date, claims.c.id)
Index("ix_claims_type", claims.c.type, claims.c.doc_date)
Index("ix_claims_side", claims.c.claimant_side, claims.c.doc_date)
Index("ix_claims_document", claims.c.document_id)

flags = Table(
    "flags",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("term", String(64), nullable=False),
    Column("category", String(32), nullable=False),
    Column("associated_side", String(8), nullable=False),
    Column("voice", String(16), nullable=False),
    Column("speaker", Text),
    Column("explanation", Text, nullable=False),
    Column("neutral", Text),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)


reference_status = Table(
    "reference_status",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dataset", String(64), nullable=False),
    Column("place", String(64), nullable=False),
    Column("date", Date, nullable=False),
    Column("status", String(16), nullable=False),  # RU, UA, contested: the control status from this date on
)
Index("ix_reference_place_date", reference_status.c.place, reference_status.c.date)
Index("ux_reference_change", reference_status.c.dataset, reference_status.c.place, reference_status.c.date, unique=True)


api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256: the token is never stored
    Column("created_at", DateTime(timezone=True), nullable=False),
)
