package org.wiredesk.publish;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** The desk's signing key held in memory, as the store will hold it in a table; rotates on demand. */
final class InMemoryDeskKeys implements DeskKeys {
    private final List<PublicKey> earlier = new ArrayList<>();
    private KeyPair pair = DeskKeys.generate();

    @Override
    public KeyPair current() {
        return pair;
    }

    /** The current key first, then the earlier ones, newest first, as the store lists them. */
    @Override
    public List<PublicKey> publicKeys() {
        List<PublicKey> all = new ArrayList<>(List.of(pair.getPublic()));
        for (int i = earlier.size() - 1; i >= 0; i--) {
            all.add(earlier.get(i));
        }
        return all;
    }

    void rotate() {
        earlier.add(pair.getPublic());
        pair = DeskKeys.generate();
    }
}
