package org.wiredesk.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A member's name and password: their credentials for the store itself. The password lives only in memory, for
 * opening connections during the session; it is never printed, logged or written anywhere by WireDesk.
 */
public final class Credentials {
    private static final Pattern MEMBER = Pattern.compile("[a-z][a-z0-9_]{0,59}");
    /** Names the database gives a meaning of its own (PUBLIC is every user; the rest are SQL words). */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("public", "user", "current_user",
            "session_user", "system_user", "select", "insert", "update", "delete", "grant", "revoke", "role", "from",
            "to", "on", "table", "all", "null", "true", "false", "none", "admin", "pg_signal_backend");

    private final String member;
    private final char[] password;

    public Credentials(String member, char[] password) {
        this.member = canonical(member);
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("a password cannot be empty");
        }
        this.password = password.clone();
    }

    /**
     * A member name as the store keeps it: lower case, a letter then letters, digits or '_' (at most 60), so that it
     * is a plain user name for Derby and a plain role name for PostgreSQL alike.
     */
    public static String canonical(String name) {
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!MEMBER.matcher(lower).matches() || RESERVED.contains(lower) || lower.startsWith("sys")
                || lower.startsWith("pg_") || lower.startsWith("wd_")) {
            throw new IllegalArgumentException("a member name is a letter followed by letters, digits or '_' (at most 60),"
                    + " not an SQL word such as public or user, and not starting with sys, pg_ or wd_: " + name);
        }
        return lower;
    }

    public static boolean isValidName(String name) {
        try {
            canonical(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String member() {
        return member;
    }

    String password() {
        return new String(password);
    }

    /** Forgets the password (for callers that hold credentials longer than they need them). */
    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "Credentials[" + member + ", password hidden]";
    }
}
