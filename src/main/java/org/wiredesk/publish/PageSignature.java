package org.wiredesk.publish;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.Objects;

/** A page's signed fields with the desk's Ed25519 signature over their canonical form, and the signing key's id. */
public record PageSignature(PageFields fields, String keyId, String signatureBase64) {
    public PageSignature {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signatureBase64, "signatureBase64");
    }

    /** Signs the fields with the desk's key pair. */
    public static PageSignature sign(PageFields fields, KeyPair keys) {
        try {
            Signature signer = Signature.getInstance(DeskKeys.ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(fields.canonical());
            return new PageSignature(fields, DeskKeys.keyId(keys.getPublic()),
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("the desk's signing key is not an Ed25519 key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a page: " + e.getMessage(), e);
        }
    }

    /** Whether the signature is the one this public key's private half made over these fields. */
    public boolean isValidFor(PublicKey key) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(DeskKeys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(fields.canonical());
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }
}
