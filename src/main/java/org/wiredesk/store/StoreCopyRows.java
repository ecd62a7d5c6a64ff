package org.wiredesk.store;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One table's rows, from a Derby store into a PostgreSQL desk, for {@link StoreCopy}: the two engines' columns must
 * match (each holding what the other holds), values are bound as PostgreSQL's columns take them, and a value
 * PostgreSQL cannot hold (a NUL character in text, nothing where a value is required) is refused naming its row.
 * Rows go in batches, kept to a bounded size so that long bodies do not pile up in memory.
 */
final class StoreCopyRows {
    private static final int BATCH_ROWS = 200;
    private static final long BATCH_CHARS = 8L << 20;

    private StoreCopyRows() {
    }

    /**
     * Columns only the PostgreSQL desk has, left empty: a disabled member's roles (memberships carry them after a
     * copy) and the transaction a story arrived in (its keys arrive with the copy, triggers off).
     */
    private static final Map<String, Set<String>> POSTGRES_ONLY = Map.of("app_user", Set.of("disabled_roles"),
            "story", Set.of("arrived_in"));

    /** A column as one engine describes it. */
    private record Column(String name, int type, int precision, boolean nullable) {
    }

    /** Copies one table's rows as they are, but {@code skipMember}'s (when not null); returns how many. */
    static int copy(Connection src, Connection dst, String table, boolean identity, String skipMember)
            throws SQLException {
        List<Column> columns = columns(dst, table).stream()
                .filter(c -> !POSTGRES_ONLY.getOrDefault(table, Set.of()).contains(c.name())).toList();
        checkColumns(table, columns(src, table), columns);
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String insert = "INSERT INTO " + table + " (" + names + ")" + (identity ? " OVERRIDING SYSTEM VALUE" : "")
                + " VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        int count = 0;
        try (PreparedStatement read = src.prepareStatement("SELECT " + names + " FROM " + table
                + (skipMember == null ? "" : " WHERE username <> ?"));
             PreparedStatement in = dst.prepareStatement(insert)) {
            if (skipMember != null) {
                read.setString(1, skipMember);
            }
            List<String> batch = new ArrayList<>();
            long chars = 0;
            int story = storyColumn(table, columns);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String row = story == 0 ? "The " + table.replace('_', ' ') + " row " + rs.getString(1)
                            : "Story " + rs.getLong(story)
                                    + (table.equals("story") ? "" : " (" + table.replace('_', ' ') + ")");
                    for (int i = 1; i <= columns.size(); i++) {
                        chars += bind(in, i, rs, columns.get(i - 1), row);
                    }
                    in.addBatch();
                    batch.add(row);
                    count++;
                    if (batch.size() >= BATCH_ROWS || chars >= BATCH_CHARS) {
                        flush(in, batch);
                        chars = 0;
                    }
                }
            }
            flush(in, batch);
        }
        return count;
    }

    private static void flush(PreparedStatement in, List<String> batch) throws SQLException {
        try {
            in.executeBatch();
        } catch (BatchUpdateException e) {
            int[] done = e.getUpdateCounts();
            int failed = 0;
            while (failed < done.length && done[failed] != Statement.EXECUTE_FAILED) {
                failed++;
            }
            SQLException why = e.getNextException() != null ? e.getNextException() : e;
            String message = String.valueOf(why.getMessage());
            int nl = message.indexOf('\n');
            throw new StoreException("Could not copy " + (failed < batch.size() ? batch.get(failed) : "a row")
                    + ": " + (nl < 0 ? message : message.substring(0, nl)) + "; nothing was copied", e);
        }
        batch.clear();
    }

    /** Binds a value as the PostgreSQL column takes it; returns its size, to keep a batch's memory in bounds. */
    private static long bind(PreparedStatement in, int i, ResultSet rs, Column column, String row)
            throws SQLException {
        long size = 8;
        Object value;
        switch (family(column.type())) {
            case 'N' -> {
                long n = rs.getLong(i);
                value = rs.wasNull() ? null : n;
            }
            case 'B' -> {
                byte[] bytes = rs.getBytes(i);
                value = bytes;
                size = bytes == null ? 0 : bytes.length;
            }
            default -> {
                String text = rs.getString(i);
                if (text != null && text.indexOf('\0') >= 0) {
                    throw new StoreException(row + " has a NUL character in its " + column.name() + ", which "
                            + "PostgreSQL cannot store in text: nothing was copied");
                }
                value = text;
                size = text == null ? 0 : text.length();
            }
        }
        if (value == null) {
            if (!column.nullable()) {
                throw new StoreException(row + " has no " + column.name() + ", which the PostgreSQL desk requires: "
                        + "nothing was copied");
            }
            in.setNull(i, column.type());
        } else if (value instanceof Long n) {
            switch (column.type()) {
                case Types.SMALLINT -> in.setShort(i, (short) n.longValue());
                case Types.INTEGER -> in.setInt(i, (int) n.longValue());
                default -> in.setLong(i, n);
            }
        } else if (value instanceof byte[] bytes) {
            in.setBytes(i, bytes);
        } else {
            in.setString(i, (String) value);
        }
        return size;
    }

    /** Which column holds the story a row belongs to (1-based; 0: none), so a sentence can name the story. */
    private static int storyColumn(String table, List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            if (name.equals("story_id") || table.equals("story") && name.equals("id")) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The Derby store's and the desk's columns of a table must match, each holding what the other holds. */
    private static void checkColumns(String table, List<Column> derby, List<Column> postgres) {
        Map<String, Column> byName = new TreeMap<>();
        derby.forEach(c -> byName.put(c.name(), c));
        for (Column p : postgres) {
            Column d = byName.remove(p.name());
            String problem = d == null ? "the Derby store has no column " + p.name() : mismatch(d, p);
            if (problem != null) {
                throw new StoreException("The Derby store does not fit the PostgreSQL desk: in table " + table
                        + ", " + problem);
            }
        }
        if (!byName.isEmpty()) {
            throw new StoreException("The Derby store does not fit the PostgreSQL desk: its table " + table
                    + " has columns the desk has no place for: " + String.join(", ", byName.keySet()));
        }
    }

    private static String mismatch(Column derby, Column postgres) {
        char family = family(derby.type());
        if (family != family(postgres.type())) {
            return derby.name() + " holds " + kind(family) + " on Derby but " + kind(family(postgres.type()))
                    + " on PostgreSQL";
        }
        if (family == 'T' && postgres.precision() > 0 && postgres.precision() < derby.precision()) {
            return derby.name() + " holds up to " + derby.precision() + " characters on Derby but "
                    + postgres.precision() + " on PostgreSQL";
        }
        if (family == 'N' && rank(postgres.type()) < rank(derby.type())) {
            return derby.name() + " holds larger numbers on Derby than on PostgreSQL";
        }
        return null;
    }

    /** N: whole numbers, B: bytes, T: text (CHAR, VARCHAR, CLOB on Derby; varchar, text on PostgreSQL). */
    private static char family(int type) {
        return switch (type) {
            case Types.SMALLINT, Types.INTEGER, Types.BIGINT -> 'N';
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> 'B';
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR -> 'T';
            default -> '?';
        };
    }

    private static String kind(char family) {
        return switch (family) {
            case 'N' -> "numbers";
            case 'B' -> "bytes";
            case 'T' -> "text";
            default -> "values of another kind";
        };
    }

    private static int rank(int type) {
        return type == Types.SMALLINT ? 1 : type == Types.INTEGER ? 2 : 3;
    }

    private static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                out.add(new Column(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnType(i),
                        meta.getPrecision(i), meta.isNullable(i) != ResultSetMetaData.columnNoNulls));
            }
        }
        return out;
    }
}
