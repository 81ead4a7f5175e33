"""The store's tables, its schema version, and the migrations between versions.

Version history (``meta.schema_version``):

1. documents, mentions, actors, event_sources, events, quotations, claims, errors.

A migration from version N is a list of SQL statements that turns a version-N store into a version-N+1
store; :class:`hadath.store.database.Store` applies them in one transaction, so a store is never left
half-migrated. A store of a version with no path to the current one is refused, never guessed at.
docs/store.md documents every column.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

# Offsets are character offsets into documents.text (the original text), end exclusive.
TABLES: dict[str, str] = {
    "meta": """
        CREATE TABLE meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL
        )""",
    "documents": """
        CREATE TABLE documents (
            doc_key VARCHAR PRIMARY KEY,      -- SHA-256 of the text: the same text is one document
            doc_id VARCHAR NOT NULL,          -- the id the input gave it
            origin VARCHAR,                   -- file (and line or archive member) it was read from
            source VARCHAR,
            url VARCHAR,
            title VARCHAR,
            date DATE,
            genre VARCHAR NOT NULL,           -- news | opinion
            text_length INTEGER NOT NULL,
            sentences INTEGER NOT NULL,
            tokens INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )""",
    "mentions": """
        CREATE TABLE mentions (
            doc_key VARCHAR NOT NULL,
            mention_no INTEGER NOT NULL,      -- order within the document
            kind VARCHAR NOT NULL,            -- actor | place
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            code VARCHAR,                     -- CAMEO actor code (actors) or country code (places)
            actor_id VARCHAR,                 -- lexicon id of a named actor
            place_id VARCHAR,
            name_en VARCHAR,
            actor_kind VARCHAR,               -- person, organisation, group, state, agent, role; place kind
            role VARCHAR,
            confidence DOUBLE,
            lat DOUBLE,
            lon DOUBLE,
            PRIMARY KEY (doc_key, mention_no)
        )""",
    "actors": """
        CREATE TABLE actors (
            actor_id VARCHAR PRIMARY KEY,     -- the lexicon id of every named actor the store has seen
            name_en VARCHAR,
            kind VARCHAR
        )""",
    "event_sources": """
        CREATE TABLE event_sources (
            doc_key VARCHAR NOT NULL,
            event_no INTEGER NOT NULL,        -- order within the document
            event_id VARCHAR,                 -- the deduplicated event (NULL for negated events)
            sentence INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            trigger VARCHAR NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            source_code VARCHAR,
            source_actor_id VARCHAR,
            source_text VARCHAR,
            source_start INTEGER,
            source_end INTEGER,
            target_code VARCHAR,
            target_actor_id VARCHAR,
            target_text VARCHAR,
            target_start INTEGER,
            target_end INTEGER,
            cameo VARCHAR NOT NULL,
            cameo_label VARCHAR,
            plover VARCHAR,
            goldstein DOUBLE,
            quad_class VARCHAR,
            modality VARCHAR NOT NULL,
            nominal BOOLEAN NOT NULL,
            place_id VARCHAR,
            place_name VARCHAR,
            place_kind VARCHAR,               -- country, city, governorate, base ...
            place_country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            date_text VARCHAR,                -- the event's date as the text gives it (YYYY[-MM[-DD]])
            event_date DATE,                  -- that day, else the document date
            confidence DOUBLE NOT NULL,
            PRIMARY KEY (doc_key, event_no)
        )""",
    "events": """
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,     -- stable: a hash of the deduplication key (docs/store.md)
            event_date DATE,
            source_code VARCHAR,
            target_code VARCHAR,
            cameo VARCHAR NOT NULL,           -- the code most of its evidence gives
            cameo_root VARCHAR NOT NULL,
            cameo_label VARCHAR,
            plover VARCHAR,
            goldstein DOUBLE,
            quad_class VARCHAR,
            factual BOOLEAN NOT NULL,         -- asserted or reported (not hypothetical, intended, future)
            place_id VARCHAR,
            place_name VARCHAR,
            place_kind VARCHAR,               -- country, city, governorate, base ...
            place_country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            mentions INTEGER NOT NULL,        -- evidence rows in event_sources
            documents INTEGER NOT NULL,       -- distinct documents among them
            sources INTEGER NOT NULL,         -- distinct publishers among them
            confidence DOUBLE NOT NULL,       -- the highest confidence of its evidence
            first_doc_key VARCHAR NOT NULL,
            url VARCHAR                       -- of the first document (GDELT's SOURCEURL)
        )""",
    "quotations": """
        CREATE TABLE quotations (
            doc_key VARCHAR NOT NULL,
            quote_no INTEGER NOT NULL,
            speaker_code VARCHAR,
            speaker_actor_id VARCHAR,
            speaker_text VARCHAR,
            speaker_start INTEGER,
            speaker_end INTEGER,
            cue VARCHAR NOT NULL,
            cue_start INTEGER NOT NULL,
            cue_end INTEGER NOT NULL,
            content VARCHAR NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            direct BOOLEAN NOT NULL,
            PRIMARY KEY (doc_key, quote_no)
        )""",
    "claims": """
        CREATE TABLE claims (
            doc_key VARCHAR NOT NULL,
            claim_no INTEGER NOT NULL,
            holder VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            hedged BOOLEAN NOT NULL,
            negated BOOLEAN NOT NULL,
            about VARCHAR[] NOT NULL,         -- actor codes the claim is about
            hedge VARCHAR,
            negated_part VARCHAR,
            relation VARCHAR,                 -- because | therefore
            relation_cue VARCHAR,
            PRIMARY KEY (doc_key, claim_no)
        )""",
    "errors": """
        CREATE TABLE errors (
            origin VARCHAR NOT NULL,          -- file (line, archive member) of the input
            doc_id VARCHAR NOT NULL,          -- '' when the input gave none
            cause VARCHAR NOT NULL,
            recorded_at TIMESTAMP NOT NULL,
            PRIMARY KEY (origin, doc_id, cause)
        )""",
}

INDEXES = (
    "CREATE INDEX event_sources_event ON event_sources (event_id)",
    "CREATE INDEX events_dyad ON events (source_code, target_code, cameo_root)",
    "CREATE INDEX mentions_code ON mentions (code)",
)

# from-version -> the statements that bring a store of that version to the next one
MIGRATIONS: dict[int, list[str]] = {}
