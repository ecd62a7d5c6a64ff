package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.ingest.Corpus;

/** An online backup while the desk works, and a restore into a new folder that verifies and holds what was backed up. */
class BackupRestoreTest {
    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    private Run run(String store, String user, String input, String... args) {
        List<String> all = new ArrayList<>(List.of("--store", home.resolve(store).toString(), "--user", user));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err),
                Map.of("WIREDESK_HOME", home.toString(), "WIREDESK_PASSWORD", "secret-" + user), Terminal.NONE,
                gui -> {
                    throw new AssertionError("no window");
                });
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aBackupTakenWhileTheDeskWorksRestoresIntoAStoreThatVerifies() {
        assertThat(run("store", "olga", "", "init", "--owner", "olga").code()).isZero();
        assertThat(run("store", "olga", "secret-cora\n", "users", "--add", "cora", "--role", "COPY_EDITOR",
                "--password-stdin").code()).isZero();
        Run ingest = run("store", "cora", "", "ingest", Corpus.path("readability/pages/aclu/source.html").toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(run("store", "cora", "", "retitle", "1", "Tracked without an account").code()).isZero();

        Run refused = run("store", "cora", "", "backup", "--to", home.resolve("backups").toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("Only the store's owner backs it up");

        Run backup = run("store", "olga", "", "backup", "--to", home.resolve("backups").toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        Path copy = Path.of(backup.out().strip().replace("backed up to ", ""));

        // the desk goes on after the backup; the restore brings back the store as it was at the backup
        assertThat(run("store", "cora", "", "submit", "1").code()).isZero();
        Run restore = run("restored", "olga", "", "restore", "--from", copy.toString());
        assertThat(restore.code()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("all holds");
        assertThat(run("restored", "cora", "", "story", "show", "1").out())
                .contains("Tracked without an account").contains("EDITING");
        assertThat(run("store", "cora", "", "story", "show", "1").out()).contains("SUBMITTED");

        Run again = run("restored", "olga", "", "restore", "--from", copy.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already a store");
    }
}
