package org.wiredesk.desk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.DemoWire;
import org.wiredesk.desk.common.Debouncer;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.TestDesk;
import org.wiredesk.story.Role;

/** A copy editor's workstation is killed (SIGKILL) a second after they typed; the headline is there on restart. */
class DraftRecoveryTest {
    @TempDir
    Path home;

    @Test
    void aHeadlineTypedASecondBeforeAKillIsRecoveredOnRestart() throws Exception {
        Path store = home.resolve("store");
        StoryId id;
        try (TestDesk desk = TestDesk.inDirectory(store, false)) {
            desk.add("kim", Role.EDITOR, Role.COPY_EDITOR);
            try (AppContext app = AppContext.open(desk.as("kim"), home.resolve("site"), Clock.systemUTC())) {
                DemoWire.ingest(app.ingest(), "kim");
                id = app.stories().findAll(Set.of()).get(0).id();
            }
        }
        String typed = "Calder port reopens after three-day storm";
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dderby.stream.error.file=" + home.resolve("child.log"),
                EditingHarness.class.getName(), store.toString(), Long.toString(id.value()), typed))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("done")) {
                // the harness prints nothing else unless something breaks
            }
            assertThat(line).as("the editing JVM finished typing").isEqualTo("done");
        }
        Thread.sleep(1000);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (TestDesk owner = TestDesk.reopen(store);
             AppContext app = AppContext.open(owner.as("kim"), home.resolve("site"), Clock.systemUTC())) {
            EditorViewModel vm = new EditorViewModel(id, app.desk(), app.user(), new DirectTaskRunner(),
                    new StoreChanges(), app.houseStyle(), Debouncer.IMMEDIATE);
            vm.load();
            assertThat(vm.houseHeadlineProperty().get()).isEqualTo(typed);
            assertThat(vm.messageProperty().get()).startsWith("Recovered your unsaved headline");
            assertThat(vm.editableProperty().get()).as("the same member gets the story back").isTrue();
        }
    }
}
