package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.DeskKeys;
import org.wiredesk.publish.PemKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Shows the desk's public signing keys (newest first), or, for the owner, makes a new one with "
                + "--rotate: the old key is retired (pages signed with it still verify) and the next publish "
                + "signs with the new key and publishes it as desk-key.pem."})
final class KeysCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--rotate", description = "Retire the current key and make a new one (the owner only).")
    boolean rotate;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            if (rotate) {
                if (!app.users().signedInAsOwner()) {
                    throw new org.wiredesk.store.StoreException("Only the store's owner rotates the desk's key");
                }
                PublicKey key = app.keys().rotate();
                out.println("new desk key " + DeskKeys.keyId(key));
            }
            boolean first = true;
            for (PublicKey key : app.keys().publicKeys()) {
                out.println("key " + DeskKeys.keyId(key) + (first ? " (signs now)" : " (retired: checks older pages)"));
                out.print(PemKeys.toPem(key));
                first = false;
            }
        }
        return 0;
    }
}
