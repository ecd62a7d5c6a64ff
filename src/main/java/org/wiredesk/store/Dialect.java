package org.wiredesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the desk's two engines, in one place per engine: connecting and signing in, ids, the
 * owner, the schema's scripts, how workflow moves and member administration run, and how other workstations'
 * changes are noticed. Everything else (the repositories and their SQL) is shared.
 */
interface Dialect {
    /** The engine's name, for messages. */
    String engine();

    /** A new connection signed in as this member, working in the desk's schema. */
    Connection connect(String url, Credentials credentials) throws SQLException;

    /** The next value of a sequence, in the caller's transaction. */
    long nextId(Connection c, String sequence) throws SQLException;

    /** What follows {@code SELECT <expressions>} when there is no table to select from. */
    String withoutTable();

    /** The JDBC type for a null in a column of bytes (Derby's BLOB, PostgreSQL's bytea). */
    int bytesType();

    /** How the engine names a table's {@code id} column when asking for generated keys. */
    String idColumn();

    /** An SQL expression for the signed-in member's name, as history rows record it. */
    String signedInMember();

    /** The member who owns the desk's schema (Derby: the database owner). */
    String ownerName(Connection c) throws SQLException;

    /** How the workflow's moves are written: with their history, and checked by the database. */
    Moves moves(String member);

    /** How members, their credentials and roles are managed (the owner only). */
    MemberAdmin members();

    /** The schema's versioned steps for this engine. */
    SchemaMigrator migrator();

    /** A failure to connect or sign in, as one sentence. */
    StoreException translateOpen(SQLException e, String description);

    /** Whether the transaction failed for a reason that a second try can get past (a lost race, a deadlock). */
    boolean retryable(SQLException e);

    /** Whether the owner of the desk is the signed-in member. */
    boolean isOwner(Connection c) throws SQLException;
}
