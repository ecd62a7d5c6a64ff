package org.wiredesk.store;

import java.sql.SQLException;

/** Turns Derby's errors into the store's own, with messages a user can act on. */
final class SqlErrors {
    static final String CHECK_VIOLATION = "23513";
    static final String UNIQUE_VIOLATION = "23505";
    private static final String GUARD_CONSTRAINT = "NO_CHANGE_TO_THE_CONTENT";

    private SqlErrors() {
    }

    static StoreException translate(String doing, SQLException e) {
        if (isContentGuard(e)) {
            return new ContentChangeRefusedException(
                    "Refused by the store: no change to the content (" + doing + ")", e);
        }
        return new StoreException("Could not " + doing + ": " + firstMessage(e), e);
    }

    static boolean isContentGuard(SQLException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException sql && CHECK_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toUpperCase().contains(GUARD_CONSTRAINT)) {
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
