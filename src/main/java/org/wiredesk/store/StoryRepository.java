package org.wiredesk.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.Timing;

/**
 * Stories in the store. New stories are inserted once; their content is only ever read back.
 * There is no method here that writes a body after insert, and the database refuses one anyway.
 */
public final class StoryRepository {
    private static final String SUMMARY_COLUMNS =
            "id, source_name, agency_headline, house_headline, received_ms, status, updated_ms, updated_at_source_ms";
    private static final String FULL_COLUMNS = """
            id, dedup_key, source_name, url, agency_headline, house_headline, body_html, body_sha256, body_html_sha256,
            byline, language, published_at_source, received_ms, status, updated_ms, credit_url""";

    private final Database database;

    /** A stated embargo that lifts this soon after the story arrives is not recorded (ADR 17). */
    static final java.time.Duration EMBARGO_MARGIN = java.time.Duration.ofMinutes(1);

    public StoryRepository(Database database) {
        this.database = database;
    }

    /** The key under which a guid or URL is recognised when it arrives again. */
    public static String dedupHash(String dedupKey) {
        return Fingerprint.sha256Hex(dedupKey.strip().toLowerCase(Locale.ROOT));
    }

    /** What storing an arriving item came to. */
    public enum Outcome {
        /** A story the store did not have. */
        NEW,
        /** The same item, unchanged. */
        DUPLICATE,
        /** The same item with changed text: kept as a new source version; the stored body is untouched. */
        UPDATED_AT_SOURCE
    }

    /** The outcome and the story it concerns. */
    public record Stored(Outcome outcome, StoryId id) {
    }

    /** Stores a new story with its first history entry, or returns empty when that item is already stored. */
    public Optional<StoryId> insertIfNew(NewStory story, String actor) {
        Stored stored = store(story, actor);
        return stored.outcome() == Outcome.NEW ? Optional.of(stored.id()) : Optional.empty();
    }

    /**
     * Stores an arriving item once: new, it becomes a story with its first history entry (one transaction); known
     * by its guid or URL with different text, the text is kept as a source version and the story flagged updated
     * at source; known and unchanged, nothing is written.
     */
    public Stored store(NewStory story, String actor) {
        return store(story, actor, null, null);
    }

    /**
     * Stores an arriving item as {@link #store(NewStory, String)} does, and archives the original it was derived from
     * with it (ADR 30): a new story or a later source version names the fetch of {@code original}, archived in the
     * same transaction (its bytes once), and {@code derivedBy}, what made the body from it. A duplicate archives
     * nothing. {@code original} may be null: nothing is archived.
     */
    public Stored store(NewStory story, String actor, Original original, String derivedBy) {
        String doing = "store the story \"" + story.agencyHeadline() + "\"";
        long[] archivedAs = {0};
        try {
            Stored stored = database.inTransaction(doing, c -> {
                archivedAs[0] = 0;
                Optional<StoryId> existing = find(c, story);
                if (existing.isPresent()) {
                    return new Stored(recordVersionIfChanged(c, existing.get(), story, () -> {
                        archivedAs[0] = original == null ? 0 : SourceArchiveRepository.fetchIn(c, database, original);
                        return archivedAs[0];
                    }, derivedBy), existing.get());
                }
                if (original != null) {
                    archivedAs[0] = SourceArchiveRepository.fetchIn(c, database, original);
                }
                StoryId id = insert(c, story, archivedAs[0], derivedBy);
                insertKeys(c, id, keysOf(story));
                linkToTheFirstWithItsAddress(c, id, story);
                AgencyRecords.insertNotes(c, database, id, null, story.agency().edNotes());
                database.moves().arrival(c, id, "ingested from " + story.sourceName(), story.received());
                if (story.embargo() != null && story.embargo().isAfter(story.received().plus(EMBARGO_MARGIN))) {
                    // as the source states it, the next link after the arrival (ADR 17); one that lifts within the
                    // margin is moot, and a clock a little off the database's must not fail the story's storing
                    database.moves().timing(c, id, Status.NEW, Timing.Kind.EMBARGO, story.embargo(),
                            "embargo stated by " + story.sourceName(), story.received());
                }
                return new Stored(Outcome.NEW, id);
            });
            if (archivedAs[0] != 0) {
                original.archivedAs(archivedAs[0]); // committed: the document's other items name the same fetch
            }
            return stored;
        } catch (StoreException e) {
            // another writer stored the same item first: it is a duplicate now
            if (e.getCause() instanceof SQLException sql && SqlErrors.hasState(sql, SqlErrors.UNIQUE_VIOLATION)
                    && !SqlErrors.isChainRace(sql)) {
                try (Connection c = database.connect()) {
                    return new Stored(Outcome.DUPLICATE, find(c, story).orElse(null));
                } catch (SQLException again) {
                    throw SqlErrors.translate(doing, again);
                }
            }
            throw e;
        }
    }

    /** Archives the original in the caller's transaction, when there is one: its fetch id, or 0. */
    @FunctionalInterface
    private interface Archiving {
        long fetchId() throws SQLException;
    }

    private Outcome recordVersionIfChanged(Connection c, StoryId id, NewStory story, Archiving archiving,
                                           String derivedBy) throws SQLException {
        String latest;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT COALESCE((SELECT body_sha256 FROM story_version WHERE story_id = s.id
                                 ORDER BY id DESC FETCH FIRST 1 ROWS ONLY),
                                -- what ingest made, when a copy editor has chosen the body's blocks since (V016)
                                (SELECT prior_body_sha256 FROM body_choice WHERE story_id = s.id
                                 ORDER BY id FETCH FIRST 1 ROWS ONLY), s.body_sha256),
                       COALESCE((SELECT agency_headline FROM story_version WHERE story_id = s.id
                                 ORDER BY id DESC FETCH FIRST 1 ROWS ONLY), s.agency_headline)
                FROM story s WHERE s.id = ?""")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                latest = rs.getString(1) + "|" + rs.getString(2);
            }
        }
        if (latest.equals(story.body().sha256() + "|" + story.agencyHeadline().text())
                && AgencyRecords.sameWord(c, id, story.agency())) {
            return Outcome.DUPLICATE;
        }
        long fetchId = archiving.fetchId();
        long versionId = database.nextId(c, "story_version_seq");
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO story_version (id, story_id, agency_headline, body_html, body_sha256, received_ms,
                                           urgency, agency_version, pub_status, source_fetch_id, derived_by,
                                           received_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, """ + database.signedInMember() + ")")) {
            ps.setLong(1, versionId);
            ps.setLong(2, id.value());
            ps.setString(3, story.agencyHeadline().text());
            ps.setString(4, story.body().html());
            ps.setString(5, story.body().sha256());
            ps.setLong(6, story.received().toEpochMilli());
            AgencyRecords.bindVersion(ps, 7, story.agency());
            bindOriginal(ps, 10, fetchId, derivedBy);
            ps.executeUpdate();
        }
        AgencyRecords.insertNotes(c, database, id, versionId, story.agency().edNotes());
        try (PreparedStatement ps = c.prepareStatement("UPDATE story SET updated_at_source_ms = ? WHERE id = ?")) {
            ps.setLong(1, story.received().toEpochMilli());
            ps.setLong(2, id.value());
            ps.executeUpdate();
        }
        return Outcome.UPDATED_AT_SOURCE;
    }

    /** One later version of a story at its source. */
    public record SourceVersion(Instant received, Headline agencyHeadline, String bodySha256) {
    }

    /** The later versions of a story at its source, oldest first. */
    public List<SourceVersion> sourceVersions(StoryId id) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT received_ms, agency_headline, body_sha256 FROM story_version WHERE story_id = ? ORDER BY id")) {
            ps.setLong(1, id.value());
            List<SourceVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SourceVersion(Instant.ofEpochMilli(rs.getLong(1)), new Headline(rs.getString(2)),
                            rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read the source versions of story " + id, e);
        }
    }

    public boolean contains(String dedupKey) {
        try (Connection c = database.connect()) {
            return findByKeys(c, Set.of(dedupKey)).isPresent();
        } catch (SQLException e) {
            throw SqlErrors.translate("look up a story", e);
        }
    }

    private static Optional<StoryId> findByKeys(Connection c, Set<String> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT story_id FROM story_key WHERE key_hash = ?")) {
            for (String key : keys) {
                ps.setString(1, dedupHash(key));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(new StoryId(rs.getLong(1)));
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The story this item is, if the store has it: by its keys within its source, else (a story stored before keys
     * were scoped, V013) by its bare keys, when that story came from the same source.
     */
    private static Optional<StoryId> find(Connection c, NewStory story) throws SQLException {
        Optional<StoryId> scoped = findByKeys(c, keysOf(story));
        if (scoped.isPresent()) {
            return scoped;
        }
        Optional<StoryId> bare = findByKeys(c, bareKeysOf(story));
        if (bare.isEmpty()) {
            return bare;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT source_id, source_name FROM story WHERE id = ?")) {
            ps.setLong(1, bare.get().value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long sourceId = rs.getLong(1);
                String name = rs.getString(2);
                return scopeOf(sourceId, name).equals(scopeOf(story)) ? bare : Optional.empty();
            }
        }
    }

    /**
     * The source a story belongs to, as its keys are scoped (issue 11 point 4, ADR 27): the desk source that brought
     * it, else the agency it names, as stored. Derby's V013 rules compute the same from the stored row.
     */
    static String scopeOf(NewStory story) {
        return scopeOf(story.sourceId(), truncate(story.sourceName(), 200));
    }

    private static String scopeOf(long sourceId, String storedSourceName) {
        return sourceId != 0 ? "source:" + sourceId : "agency:" + storedSourceName;
    }

    /**
     * The guid (or other dedup key) and the URL, within the story's source: an item arriving from that source under
     * either is the same item; the same address from another source is another story (linked as a copy).
     */
    private static Set<String> keysOf(NewStory story) {
        String scope = scopeOf(story) + "|";
        Set<String> keys = new LinkedHashSet<>();
        bareKeysOf(story).forEach(k -> keys.add(scope + k));
        return keys;
    }

    /** The guid and the URL as keys were written before V013: unscoped. */
    private static Set<String> bareKeysOf(NewStory story) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(story.dedupKey());
        if (story.url() != null) {
            keys.add(story.url().toString());
        }
        return keys;
    }

    /**
     * A story whose address another source brought first is a copy of that one: linked to it, never merged with it
     * (its own source is credited for its own text).
     */
    private static void linkToTheFirstWithItsAddress(Connection c, StoryId id, NewStory story) throws SQLException {
        if (story.url() == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE story SET copy_of = (SELECT MIN(f.id) FROM story f WHERE f.url_hash = ? AND f.id <> ?)
                WHERE id = ? AND EXISTS (SELECT 1 FROM story f WHERE f.url_hash = ? AND f.id <> ?)""")) {
            String hash = dedupHash(story.url().toString());
            ps.setString(1, hash);
            ps.setLong(2, id.value());
            ps.setLong(3, id.value());
            ps.setString(4, hash);
            ps.setLong(5, id.value());
            ps.executeUpdate();
        }
    }

    private static void insertKeys(Connection c, StoryId id, Set<String> keys) throws SQLException {
        Set<String> hashes = new LinkedHashSet<>();
        keys.forEach(k -> hashes.add(dedupHash(k)));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO story_key (key_hash, story_id) VALUES (?, ?)")) {
            for (String hash : hashes) {
                ps.setString(1, hash);
                ps.setLong(2, id.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private StoryId insert(Connection c, NewStory s, long fetchId, String derivedBy) throws SQLException {
        String sql = """
                INSERT INTO story (dedup_hash, dedup_key, source_name, url, agency_headline, byline, language,
                                   published_at_source, received_ms, body_html, body_sha256, status, updated_ms, id,
                                   source_id, body_html_sha256, format, urgency, agency_version, pub_status, dateline,
                                   url_hash, source_fetch_id, derived_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        StoryId id = new StoryId(database.nextId(c, "story_seq"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, dedupHash(scopeOf(s) + "|" + s.dedupKey()));
            ps.setString(2, truncate(s.dedupKey(), 4000));
            ps.setString(3, truncate(s.sourceName(), 200));
            setNullable(ps, 4, s.url() == null ? null : truncate(s.url().toString(), 4000));
            ps.setString(5, s.agencyHeadline().text());
            setNullable(ps, 6, s.byline() == null ? null : truncate(s.byline(), 500));
            setNullable(ps, 7, s.language() == null ? null : truncate(s.language(), 35));
            setNullable(ps, 8, s.publishedAtSource() == null ? null : s.publishedAtSource().toString());
            ps.setLong(9, s.received().toEpochMilli());
            ps.setString(10, s.body().html());
            ps.setString(11, s.body().sha256());
            ps.setString(12, Status.NEW.name());
            ps.setLong(13, s.received().toEpochMilli());
            ps.setLong(14, id.value());
            if (s.sourceId() == 0) {
                ps.setNull(15, Types.BIGINT);
            } else {
                ps.setLong(15, s.sourceId());
            }
            ps.setString(16, s.body().htmlSha256());
            AgencyRecords.bindStory(ps, 17, s.agency());
            setNullable(ps, 22, s.url() == null ? null : dedupHash(s.url().toString()));
            bindOriginal(ps, 23, fetchId, derivedBy);
            ps.executeUpdate();
            return id;
        }
    }

    /** The archived original's fetch (none: 0) and what derived the body from it, in two columns. */
    private static void bindOriginal(PreparedStatement ps, int first, long fetchId, String derivedBy)
            throws SQLException {
        if (fetchId == 0) {
            ps.setNull(first, Types.BIGINT);
            ps.setNull(first + 1, Types.VARCHAR);
        } else {
            ps.setLong(first, fetchId);
            setNullable(ps, first + 1, derivedBy == null ? null : truncate(derivedBy, 100));
        }
    }

    /** The archive of the originals these stories were derived from, in the same store. */
    public SourceArchiveRepository originals() {
        return new SourceArchiveRepository(database);
    }

    /** The copy editors' choices of the stories' blocks, on the same sign-in (ADR 32). */
    public BodyChoiceRepository bodyChoices() {
        return new BodyChoiceRepository(database);
    }

    /** The next value of a Derby sequence (guarded tables use sequences, not identity columns: see V001). */
    static long nextId(Connection c, String sequence) throws SQLException {
        return new DerbyDialect().nextId(c, sequence);
    }

    /** What the agency's own format said about the story, as its latest word stands (issue 13). */
    public org.wiredesk.story.AgencyMeta agency(StoryId id) {
        return new AgencyRecords(database).latest(id);
    }

    public Optional<Story> find(StoryId id) {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + FULL_COLUMNS + " FROM story WHERE id = ?")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(fullRow(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read story " + id, e);
        }
    }

    /** Whole stories with ids after {@code afterId}, oldest first, at most {@code limit}: for catching up indexes. */
    /**
     * The house headlines written after a given one (by the id of its history row), oldest first, each as {row id,
     * story id}: for the search index to catch up with headlines written since it last looked.
     */
    public List<long[]> headlinesWrittenAfter(long afterRowId, int limit) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, story_id FROM headline_draft WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, afterRowId);
            ps.setInt(2, limit);
            List<long[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read the headlines written after " + afterRowId, e);
        }
    }

    public List<Story> after(long afterId, int limit) {
        String sql = "SELECT " + FULL_COLUMNS + " FROM story WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            List<Story> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(fullRow(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read stories after " + afterId, e);
        }
    }

    /** Whole stories (with bodies) in the given statuses, newest first; all statuses when empty. */
    public List<Story> findAll(Collection<Status> statuses) {
        String sql = "SELECT " + FULL_COLUMNS + " FROM story" + whereStatus(statuses) + " ORDER BY received_ms DESC, id DESC";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindStatuses(ps, statuses, 1);
            List<Story> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(fullRow(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("list stories", e);
        }
    }

    /** Inbox rows (no bodies) in the given statuses, newest first; all statuses when empty. */
    public List<StorySummary> summaries(Collection<Status> statuses, int limit) {
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM story" + whereStatus(statuses)
                + " ORDER BY received_ms DESC, id DESC FETCH FIRST ? ROWS ONLY";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            int next = bindStatuses(ps, statuses, 1);
            ps.setInt(next, limit);
            List<StorySummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StorySummary(new StoryId(rs.getLong(1)), rs.getString(2),
                            new Headline(rs.getString(3)), headlineOrNull(rs.getString(4)),
                            Instant.ofEpochMilli(rs.getLong(5)), Status.valueOf(rs.getString(6)),
                            Instant.ofEpochMilli(rs.getLong(7)), rs.getLong(8) == 0 ? null
                            : Instant.ofEpochMilli(rs.getLong(8))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("list stories", e);
        }
    }

    public Map<Status, Integer> countByStatus() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM story GROUP BY status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(Status.valueOf(rs.getString(1)), rs.getInt(2));
            }
            return counts;
        } catch (SQLException e) {
            throw SqlErrors.translate("count stories", e);
        }
    }

    private static String whereStatus(Collection<Status> statuses) {
        if (statuses.isEmpty()) {
            return "";
        }
        return " WHERE status IN (" + statuses.stream().map(s -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private static int bindStatuses(PreparedStatement ps, Collection<Status> statuses, int first) throws SQLException {
        int i = first;
        for (Status s : statuses) {
            ps.setString(i++, s.name());
        }
        return i;
    }

    private static Story fullRow(ResultSet rs) throws SQLException {
        String url = rs.getString("url");
        String published = rs.getString("published_at_source");
        String creditUrl = rs.getString("credit_url");
        return new Story(new StoryId(rs.getLong("id")), rs.getString("dedup_key"), rs.getString("source_name"),
                url == null ? null : URI.create(url), new Headline(rs.getString("agency_headline")),
                headlineOrNull(rs.getString("house_headline")),
                new Body(rs.getString("body_html"), rs.getString("body_sha256"), rs.getString("body_html_sha256")), rs.getString("byline"),
                rs.getString("language"), published == null ? null : OffsetDateTime.parse(published),
                Instant.ofEpochMilli(rs.getLong("received_ms")), Status.valueOf(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("updated_ms")), creditUrl == null ? null : URI.create(creditUrl));
    }

    static Headline headlineOrNull(String text) {
        return text == null || text.isBlank() ? null : new Headline(text);
    }

    static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
