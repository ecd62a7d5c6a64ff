package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The desk's policy: settings every member reads and only the owner may change (the database refuses others). */
public final class PolicyRepository {
    static final String ONE_PERSON_DESK = "desk.one-person";

    private final Database database;

    public PolicyRepository(Database database) {
        this.database = database;
    }

    /** Whether a desk chief may approve their own headline (each such approval is marked self-approved). */
    public boolean onePersonDesk() {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT value FROM desk_policy WHERE name = ?")) {
            ps.setString(1, ONE_PERSON_DESK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "true".equals(rs.getString(1));
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read the desk's policy", e);
        }
    }

    /** Turns the one-person desk on or off (the owner only). */
    public void setOnePersonDesk(boolean on) {
        try (Connection c = database.connect()) {
            StoreSetup.setPolicy(c, ONE_PERSON_DESK, Boolean.toString(on));
        } catch (SQLException e) {
            throw SqlErrors.translate("change the desk's policy", e);
        }
    }
}
