package org.wiredesk.store;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The desk's Ed25519 signing keys, kept in the store: the newest key not retired signs pages; retired keys stay,
 * public halves readable by everyone so old pages can still be checked. Private keys are readable by desk chiefs
 * (who publish) and the owner only: the database refuses anyone else (42502).
 */
public final class DeskKeyRepository {
    private final Database database;

    public DeskKeyRepository(Database database) {
        this.database = database;
    }

    /** The key that signs now, if the signed-in member may read it. */
    public Optional<KeyPair> current() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT public_key, private_key FROM desk_key WHERE retired_ms IS NULL
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return Optional.of(new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(rs.getString(1)))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(rs.getString(2))))));
        } catch (SQLException e) {
            throw SqlErrors.translate("read the desk's signing key", e);
        } catch (GeneralSecurityException e) {
            throw new StoreException("The desk's signing key in the store cannot be read: " + e.getMessage(), e);
        }
    }

    /** Retires the current key and makes a new one (the owner only). Returns the new public key. */
    public PublicKey rotate() {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE desk_key SET retired_ms = ? WHERE retired_ms IS NULL")) {
                    ps.setLong(1, Instant.now().toEpochMilli());
                    ps.executeUpdate();
                }
                PublicKey key = insertNew(c);
                c.commit();
                return key;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("rotate the desk's signing key", e);
        }
    }

    /** Makes the desk's first (or next) key, in the caller's transaction. */
    static PublicKey insertNew(Connection c) throws SQLException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM desk_key");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO desk_key (id, public_key, private_key, created_ms) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            ps.setString(3, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            ps.setLong(4, Instant.now().toEpochMilli());
            ps.executeUpdate();
        }
        return pair.getPublic();
    }

    /** Every public key the desk has signed with, newest first (readable by every member). */
    public List<PublicKey> publicKeys() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT public_key FROM desk_public_key ORDER BY id DESC");
             ResultSet rs = ps.executeQuery()) {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            List<PublicKey> out = new ArrayList<>();
            while (rs.next()) {
                out.add(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(rs.getString(1)))));
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read the desk's public keys", e);
        } catch (GeneralSecurityException e) {
            throw new StoreException("A public key in the store cannot be read: " + e.getMessage(), e);
        }
    }
}
