package org.wiredesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Online backup and restore of an embedded store, with Derby's own procedures: a backup is a consistent copy taken
 * while the desk keeps working (the owner only: Derby refuses its backup procedures to members), and a restore
 * makes a new store from one, with every member, guard and history row as it was.
 */
public final class StoreBackup {
    private StoreBackup() {
    }

    /** Backs the store up into {@code folder}; returns the backup's own directory inside it. */
    public static Path backup(Database owner, Path folder) {
        Path target = folder.toAbsolutePath().normalize();
        try (Connection c = owner.connect()) {
            if (!owner.isOwner(c)) {
                throw new StoreException("Only the store's owner backs it up");
            }
            try (CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                cs.setString(1, target.toString());
                cs.execute();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("back up the store into " + target, e);
        }
        return target.resolve(Path.of(owner.description()).getFileName());
    }

    /**
     * Makes a new store at {@code store} from a backup directory (the one {@link #backup} returned), signing in with
     * the owner's credentials as they were when the backup was taken. The target must not exist yet.
     */
    public static Database restore(Path backup, Path store, Credentials owner) {
        Path from = backup.toAbsolutePath().normalize();
        if (!Files.isRegularFile(from.resolve("service.properties"))) {
            throw new StoreException("There is no store backup at " + from + " (a backup folder holds the store's "
                    + "own folder: give that one)");
        }
        Database target = Database.embedded(store, owner);
        if (target.exists()) {
            throw new StoreException("There is already a store at " + store.toAbsolutePath()
                    + ": restore into a new folder");
        }
        try (Connection c = target.connectRestoring(from)) {
            if (!target.isOwner(c)) {
                throw new StoreException("Only the store's owner restores it");
            }
        } catch (SQLException e) {
            throw target.translateOpen(e);
        }
        return target.open();
    }
}
