package org.wiredesk.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.wiredesk.story.BlockChoice;
import org.wiredesk.story.Body;
import org.wiredesk.story.StoryId;

/**
 * The article's extent chosen from its original's own blocks (issue 11, point 6; ADR 32): each choice an append-only
 * row ({@code body_choice}) recording the fetch, the blocks' indexes and their texts' hash, the body it replaced and
 * the body it makes, who and when; the story's body follows the latest choice in the same transaction. The database
 * checks who may choose, when, and (on Derby) that the body is the original's blocks; it refuses any other change.
 */
public final class BodyChoiceRepository {
    private final Database database;

    public BodyChoiceRepository(Database database) {
        this.database = database;
    }

    /** One recorded choice. */
    public record Choice(long id, StoryId story, long fetchId, List<Integer> indexes, String blocksSha256,
                         Body prior, Body body, String chosenBy, Instant chosen) {
    }

    /**
     * Records the choice and makes its body the story's, in one transaction, as the signed-in member.
     *
     * @param current the body the member saw (the database refuses the choice when the story's is another by now)
     */
    public void choose(StoryId id, long fetchId, BlockChoice choice, Body current, Instant at) {
        Body made = new Body(choice.html(), choice.bodySha256());
        database.inTransaction("choose the blocks of story " + id, c -> {
            if (database.isPostgres()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT desk.choose_blocks(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, id.value());
                    ps.setLong(2, fetchId);
                    ps.setString(3, choice.indexesText());
                    Array texts = c.createArrayOf("text", choice.texts().toArray());
                    ps.setArray(4, texts);
                    ps.setString(5, choice.blocksSha256());
                    ps.setString(6, current.sha256());
                    ps.setString(7, current.htmlSha256());
                    ps.setString(8, made.html());
                    ps.setString(9, made.sha256());
                    ps.executeQuery().close();
                }
                return null;
            }
            long choiceId = database.nextId(c, "body_choice_seq");
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO body_choice (id, story_id, source_fetch_id, block_indexes, blocks_sha256,
                        prior_body_html, prior_body_sha256, prior_body_html_sha256, body_html, body_sha256,
                        body_html_sha256, chosen_by, chosen_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, """ + database.signedInMember() + ", ?)")) {
                ps.setLong(1, choiceId);
                ps.setLong(2, id.value());
                ps.setLong(3, fetchId);
                ps.setString(4, choice.indexesText());
                ps.setString(5, choice.blocksSha256());
                ps.setString(6, current.html());
                ps.setString(7, current.sha256());
                ps.setString(8, current.htmlSha256());
                ps.setString(9, made.html());
                ps.setString(10, made.sha256());
                ps.setString(11, made.htmlSha256());
                ps.setLong(12, at.toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE story SET body_html = ?, body_sha256 = ?, body_html_sha256 = ?, updated_ms = ?
                    WHERE id = ?""")) {
                ps.setString(1, made.html());
                ps.setString(2, made.sha256());
                ps.setString(3, made.htmlSha256());
                ps.setLong(4, at.toEpochMilli());
                ps.setLong(5, id.value());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A story's choices, oldest first; empty when its body is still what ingest made. */
    public List<Choice> of(StoryId id) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, story_id, source_fetch_id, block_indexes, blocks_sha256, prior_body_html, prior_body_sha256,
                       prior_body_html_sha256, body_html, body_sha256, body_html_sha256, chosen_by, chosen_ms
                FROM body_choice WHERE story_id = ? ORDER BY id""")) {
            ps.setLong(1, id.value());
            List<Choice> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Choice(rs.getLong(1), new StoryId(rs.getLong(2)), rs.getLong(3),
                            BlockChoice.parseIndexes(rs.getString(4)), rs.getString(5).strip(),
                            new Body(rs.getString(6), rs.getString(7).strip(), rs.getString(8).strip()),
                            new Body(rs.getString(9), rs.getString(10).strip(), rs.getString(11).strip()),
                            rs.getString(12), Instant.ofEpochMilli(rs.getLong(13))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read the chosen blocks of story " + id, e);
        }
    }

    /** The latest choice of a story, if any. */
    public Optional<Choice> latest(StoryId id) {
        List<Choice> all = of(id);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The blocks of an original as the desk lists them (ingest's lister, found through the service loader). */
    static List<String> blocksOf(byte[] bytes, String contentType, String url, String kind) {
        for (OriginalBlocks lister : ServiceLoader.load(OriginalBlocks.class, OriginalBlocks.class.getClassLoader())) {
            return lister.blocks(bytes, contentType, url, kind);
        }
        throw new IllegalStateException("no block lister on the class path");
    }
}
