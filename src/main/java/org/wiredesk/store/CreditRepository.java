package org.wiredesk.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wiredesk.story.CreditAddress;

/**
 * The agencies' credit addresses ({@code source_credit}, V012 / V006): set by an editor or a desk chief, kept once
 * set (the database refuses any change or removal), the latest per agency in force. An approval binds the one in
 * force to the story it approves, in the database (ADR 19).
 */
public final class CreditRepository {
    private static final String COLUMNS = "c.source_name, c.address, c.set_by, c.at_ms";

    private final Database database;

    public CreditRepository(Database database) {
        this.database = database;
    }

    /** Sets the agency's credit address as the signed-in member; it is in force from now on. */
    public void set(String sourceName, URI address, Instant at) {
        String name = StoryRepository.truncate(sourceName.strip(), 200);
        database.inTransaction("set the credit address of " + name, c -> {
            if (database.isPostgres()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT set_credit_address(?, ?)")) {
                    ps.setString(1, name);
                    ps.setString(2, address.toString());
                    ps.executeQuery().close();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO source_credit (id, source_key, "
                        + "source_name, address, set_by, at_ms) VALUES (?, ?, ?, ?, " + database.signedInMember()
                        + ", ?)")) {
                    ps.setLong(1, database.nextId(c, "source_credit_seq"));
                    ps.setString(2, CreditAddress.keyOf(name));
                    ps.setString(3, name);
                    ps.setString(4, address.toString());
                    ps.setLong(5, at.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The address in force for this agency (as its stories name it), if one was set. */
    public Optional<CreditAddress> inForce(String sourceName) {
        List<CreditAddress> found = read("SELECT " + COLUMNS + " FROM source_credit c WHERE c.source_key = ? "
                + "ORDER BY c.id DESC", CreditAddress.keyOf(sourceName));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every address ever set for this agency, newest first: what its published pages may have printed. */
    public List<CreditAddress> history(String sourceName) {
        return read("SELECT " + COLUMNS + " FROM source_credit c WHERE c.source_key = ? ORDER BY c.id DESC",
                CreditAddress.keyOf(sourceName));
    }

    /** The address in force for every agency that has one, by agency name (as last set), in name order. */
    public Map<String, CreditAddress> allInForce() {
        Map<String, CreditAddress> byKey = new java.util.TreeMap<>();
        for (CreditAddress a : read("SELECT " + COLUMNS + " FROM source_credit c ORDER BY c.id", null)) {
            byKey.put(CreditAddress.keyOf(a.sourceName()), a);
        }
        Map<String, CreditAddress> out = new LinkedHashMap<>();
        byKey.values().forEach(a -> out.put(a.sourceName(), a));
        return out;
    }

    /**
     * The agencies whose stories have no web page of their own, with how many such stories are waiting (not spiked,
     * published or killed): the ones a credit address is needed for, by name, most waiting first.
     */
    public Map<String, Integer> agenciesWithoutWebPages() {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.source_name, COUNT(*) FROM story s
                WHERE NOT (LOWER(s.url) LIKE 'http://_%' OR LOWER(s.url) LIKE 'https://_%') OR s.url IS NULL
                GROUP BY s.source_name ORDER BY COUNT(*) DESC, s.source_name""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.merge(rs.getString(1), rs.getInt(2), Integer::sum);
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("list the agencies whose stories have no web page", e);
        }
    }

    private List<CreditAddress> read(String sql, String key) {
        List<CreditAddress> out = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (key != null) {
                ps.setString(1, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CreditAddress(rs.getString(1), URI.create(rs.getString(2)), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read the credit addresses", e);
        }
    }
}
