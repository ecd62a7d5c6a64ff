package org.wiredesk.publish;

import java.util.List;
import java.util.Optional;

/**
 * What checking one page with the desk's public key found: the signature as the page carries it (when it carries
 * one that can be read) and each difference, in one sentence. No differences and a signature: the page verified.
 */
public record PageCheck(Optional<PageSignature> signature, List<String> differences) {
    public PageCheck {
        differences = List.copyOf(differences);
    }

    public boolean verified() {
        return signature.isPresent() && differences.isEmpty();
    }
}
