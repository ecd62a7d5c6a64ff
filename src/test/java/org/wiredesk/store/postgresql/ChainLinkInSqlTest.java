package org.wiredesk.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.ChainLink;

/** The database computes each history link itself; its SQL must give ChainLink's hash, character for character. */
class ChainLinkInSqlTest {
    private static final String PREV = "ab".repeat(32);
    private static final List<String> TRICKY = Arrays.asList(
            null, "", "plain", "Émile Zola", "E\u0301mile (combining accent)", "flag 🇪🇺 and 👩‍👩‍👧 family",
            "line one\nline two\r\nline three", "3:colon-looking 12:prefix", "-", "tab\tand \\ backslash",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP", "ελληνικά, кириллица, 中文", "trailing blank ");

    private static PgTestDesk desk;

    @BeforeAll
    static void install() throws SQLException {
        desk = PgTestDesk.create();
    }

    private static String one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aStatusLinkComputedInSqlEqualsChainLinkForTrickyFields() throws SQLException {
        try (Connection c = desk.owner()) {
            for (String reason : TRICKY) {
                for (String from : Arrays.asList(null, "NEW")) {
                    String java = ChainLink.status(PREV, 7, 42, from, "SPIKED", "émile_1", reason, 1_700_000_000_123L);
                    String sql = one(c, "SELECT desk.chain_status(?, ?, ?, ?, ?, ?, ?, ?)", PREV, 7L, 42L, from,
                            "SPIKED", "émile_1", reason, 1_700_000_000_123L);
                    assertThat(sql).as("reason %s", reason).isEqualTo(java);
                }
            }
        }
    }

    @Test
    void headlineApprovalAndPublicationLinksComputedInSqlEqualChainLink() throws SQLException {
        try (Connection c = desk.owner()) {
            for (String text : TRICKY) {
                String headline = text == null || text.isEmpty() ? "H" : text;
                assertThat(one(c, "SELECT desk.chain_headline(?, ?, ?, ?, ?, ?)", PREV, 1L, 2L, headline, "cora_1", -5L))
                        .isEqualTo(ChainLink.headline(PREV, 1, 2, headline, "cora_1", -5));
                assertThat(one(c, "SELECT desk.chain_approval(?, ?, ?, ?, ?, ?, ?, ?, ?)", PREV, 3L, 4L, headline,
                        "c".repeat(64), "d".repeat(64), "dee_1", 1, 9L))
                        .isEqualTo(ChainLink.approval(PREV, 3, 4, headline, "c".repeat(64), "d".repeat(64), "dee_1", 1, 9));
                assertThat(one(c, "SELECT desk.chain_publication(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", PREV, 5L, 6L,
                        "CORRECTED", headline, "e".repeat(64), "dee_1", 11L, text, text))
                        .isEqualTo(ChainLink.publication(PREV, 5, 6, "CORRECTED", headline, "e".repeat(64), "dee_1",
                                11, text, text));
            }
        }
    }

    @Test
    void aNoteLinkComputedInSqlEqualsChainLink() throws SQLException {
        try (Connection c = desk.owner()) {
            for (String text : TRICKY) {
                String message = text == null || text.isEmpty() ? "M" : text;
                assertThat(one(c, "SELECT desk.chain_note(?, ?, ?, ?, ?, ?, ?, ?)", PREV, 13L, 14L, "STYLE_OVERRIDE",
                        message, text, "cora_1", 15L))
                        .as("note %s", text)
                        .isEqualTo(ChainLink.note(PREV, 13, 14, "STYLE_OVERRIDE", message, text, "cora_1", 15));
            }
        }
    }

    @Test
    void aTimingLinkComputedInSqlEqualsChainLinkWithAndWithoutATime() throws SQLException {
        try (Connection c = desk.owner()) {
            for (String reason : TRICKY) {
                for (Long until : Arrays.asList(null, 1_800_000_000_000L)) {
                    // a null time is sent as text and cast, as WireDesk sends it
                    assertThat(one(c, "SELECT desk.chain_timing(?, ?, ?, ?, CAST(? AS bigint), ?, ?, ?)", PREV, 16L,
                            17L, "EMBARGO", until == null ? null : until.toString(), reason, "dee_1", 18L))
                            .as("timing %s %s", until, reason)
                            .isEqualTo(ChainLink.timing(PREV, 16, 17, "EMBARGO", until, reason, "dee_1", 18));
                }
            }
        }
    }

    @Test
    void theDatabaseIsUtf8SoLengthsAreCodePoints() throws SQLException {
        try (Connection c = desk.owner()) {
            assertThat(one(c, "SELECT current_setting('server_encoding')")).isEqualTo("UTF8");
            assertThat(one(c, "SELECT char_length(?)", "👩‍👩‍👧")).isEqualTo(String.valueOf("👩‍👩‍👧".codePointCount(0, 8)));
        }
    }
}
