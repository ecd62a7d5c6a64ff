package org.wiredesk.publish;

import java.security.KeyPair;

/** The desk's signing key held in memory, as the store will hold it in a table; rotates on demand. */
final class InMemoryDeskKeys implements DeskKeys {
    private KeyPair pair = DeskKeys.generate();

    @Override
    public KeyPair current() {
        return pair;
    }

    void rotate() {
        pair = DeskKeys.generate();
    }
}
