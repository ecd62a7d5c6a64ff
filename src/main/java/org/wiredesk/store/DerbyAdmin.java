package org.wiredesk.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** The few Derby system calls the store makes: who owns the database, and its procedures with string arguments. */
final class DerbyAdmin {
    private DerbyAdmin() {
    }

    /** The database owner's (DBO's) member name, lower case. */
    static String ownerName(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT authorizationid FROM SYS.SYSSCHEMAS WHERE schemaname = 'SYS'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1).toLowerCase(Locale.ROOT);
        }
    }

    /** Calls a system procedure with these string arguments, in order. */
    static void call(Connection c, String procedure, String... arguments) throws SQLException {
        StringBuilder sql = new StringBuilder("CALL ").append(procedure).append('(');
        for (int i = 0; i < arguments.length; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        try (CallableStatement cs = c.prepareCall(sql.append(')').toString())) {
            for (int i = 0; i < arguments.length; i++) {
                cs.setString(i + 1, arguments[i]);
            }
            cs.execute();
        }
    }
}
