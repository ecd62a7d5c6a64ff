package org.wiredesk.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns the engines' errors into the store's own, with messages a user can act on. A guard's refusal names its rule
 * as a constraint: Derby's check constraint on a guard table (SQLState 23513, the name in the message), PostgreSQL's
 * {@code RAISE ... CONSTRAINT} (23514, the name in the error's constraint field).
 */
final class SqlErrors {
    static final String CHECK_VIOLATION = "23513";
    static final String PG_CHECK_VIOLATION = "23514";
    static final String UNIQUE_VIOLATION = "23505";
    private static final String GUARD_CONSTRAINT = "NO_CHANGE_TO_THE_CONTENT";
    private static final String CHAIN_CONSTRAINT = "HISTORY_CHAIN_HOLDS";

    /** The guards of V007, by constraint name, and the sentence a refusal by each says. */
    private static final Map<String, String> REFUSALS = Map.of(
            "REFUSED_BY_THE_WORKFLOW", "the workflow does not allow this for your roles",
            "ACTS_ONLY_AS_THE_SIGNED_IN_MEMBER", "a member acts only as themselves",
            "FOUR_EYES", "four eyes: the desk chief who approves must not have written the headline or submitted "
                    + "the story",
            "APPROVAL_COVERS_WHAT_RUNS", "an approval covers exactly the headline and body that run, of an item "
                    + "its agency has not withdrawn, with a web address to print under its source (its own page or "
                    + "its agency's credit address)",
            CHAIN_CONSTRAINT, "history must extend the chain",
            "CLOCK_WITHIN_FIVE_MINUTES", "this workstation's clock is more than five minutes off the desk server's: "
                    + "set it right (NTP) and try again",
            "STORY_MOVED_MEANWHILE", "someone else moved the story meanwhile: reload and try again",
            "EMBARGO_HOLDS", "an embargoed story is not published before its embargo lifts",
            "SHARED_DESK_POLLS_THE_WEB", "a shared desk polls web sources only (feeds and pages by their http or "
                    + "https address), not folders on one workstation");

    /** SQL states of privilege refusals: no permission on a table, column, routine or schema. */
    private static final java.util.Set<String> NOT_PERMITTED = java.util.Set.of("42500", "42502", "42504", "42505",
            "42506", "42507", "2850H", "42501");

    private SqlErrors() {
    }

    static StoreException translate(String doing, SQLException e) {
        if (isContentGuard(e)) {
            return new ContentChangeRefusedException(
                    "Refused by the store: no change to the content (" + doing + ")", e);
        }
        String guard = guardOf(e);
        if (guard != null) {
            return new RefusedByStoreException("Refused by the store: " + REFUSALS.get(guard) + " (" + doing + ")", e);
        }
        if (hasState(e, "55P03")) {
            return new StoreException("The desk is busy: another member's step has held the history for seconds. "
                    + "Try again (" + doing + ")", e);
        }
        if (connectionLost(e)) {
            return new StoreException("Lost the connection to the store while trying to " + doing + ": nothing of it "
                    + "was saved. Try again when the store is back (" + firstMessage(e) + ")", e);
        }
        if (notPermitted(e)) {
            return new RefusedByStoreException("Refused by the store: your roles do not allow this (" + doing + ")", e);
        }
        return new StoreException("Could not " + doing + ": " + firstMessage(e), e);
    }

    static boolean isContentGuard(SQLException e) {
        return hasGuard(e, GUARD_CONSTRAINT);
    }

    /** Another writer took the chain's next link first: the transaction can be tried again. */
    static boolean isChainRace(SQLException e) {
        if (hasGuard(e, CHAIN_CONSTRAINT)) {
            return true;
        }
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toUpperCase(Locale.ROOT).contains("_CHAIN'")) {
                return true;
            }
        }
        return false;
    }

    static boolean notPermitted(SQLException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException sql && NOT_PERMITTED.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String guardOf(SQLException e) {
        for (String name : REFUSALS.keySet()) {
            if (hasGuard(e, name)) {
                return name;
            }
        }
        return null;
    }

    private static boolean hasGuard(SQLException e, String constraint) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException sql && CHECK_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toUpperCase(Locale.ROOT).contains("'" + constraint + "'")) {
                return true;
            }
            if (t instanceof PSQLException pg && PG_CHECK_VIOLATION.equals(pg.getSQLState())
                    && constraint.equalsIgnoreCase(pgConstraint(pg))) {
                return true;
            }
        }
        return false;
    }

    /** The rule a PostgreSQL refusal names (lower case), or null. */
    static String constraintOf(SQLException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof PSQLException pg && pgConstraint(pg) != null) {
                return pgConstraint(pg).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String pgConstraint(PSQLException pg) {
        ServerErrorMessage server = pg.getServerErrorMessage();
        return server == null ? null : server.getConstraint();
    }

    /**
     * Whether the connection went away under the work: a network failure (08…), or the server ended the session
     * (57P01 an administrator, 57P02 a crash, 57P03 not accepting connections yet).
     */
    static boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether any exception in the chain has one of these SQLStates. */
    static boolean anyState(SQLException e, java.util.Set<String> states) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException sql && states.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether any exception in the chain (causes and next-exceptions) has this SQLState. */
    static boolean hasState(SQLException e, String state) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String firstMessage(SQLException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
