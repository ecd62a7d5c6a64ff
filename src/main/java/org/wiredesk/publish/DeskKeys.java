package org.wiredesk.publish;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the publisher gets the desk's Ed25519 signing key. The store keeps it (readable by desk chiefs only); the
 * composition root adapts that to this interface. The static helpers make and decode keys for rotation.
 */
@FunctionalInterface
public interface DeskKeys {
    String ALGORITHM = "Ed25519";

    /** The key pair pages are signed with now. */
    KeyPair current();

    /**
     * Every public key of the desk, current and earlier: a site rebuild re-renders pages signed before a key
     * rotation with the signature they were published with, and needs the key that signature names.
     */
    default List<PublicKey> publicKeys() {
        return List.of(current().getPublic());
    }

    /** A new Ed25519 key pair. */
    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    /** A key's id: the first 16 hex digits of the SHA-256 of its X.509 SubjectPublicKeyInfo encoding. */
    static String keyId(PublicKey key) {
        byte[] encoded = key.getEncoded();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A key pair from its encodings as the store keeps them ({@code getPrivate().getEncoded()}: PKCS#8;
     * {@code getPublic().getEncoded()}: X.509), refused unless both are Ed25519 and belong together.
     */
    static KeyPair fromEncoded(byte[] pkcs8Private, byte[] x509Public) {
        KeyPair pair;
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            pair = new KeyPair(factory.generatePublic(new X509EncodedKeySpec(x509Public)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8Private)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 key pair: " + e.getMessage(), e);
        }
        byte[] probe = "wiredesk key pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException("the private key does not belong to the public key");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 key pair: " + e.getMessage(), e);
        }
        return pair;
    }
}
