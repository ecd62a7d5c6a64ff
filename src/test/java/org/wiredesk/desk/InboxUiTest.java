package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.DemoWire;
import org.wiredesk.story.Status;
import org.wiredesk.story.StorySummary;

/** Triage from the keyboard, in the real inbox, headless. */
@ExtendWith(ApplicationExtension.class)
class InboxUiTest {
    @TempDir
    static Path site;

    private AppContext app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        testDesk = new SoloDesk(site);
        app = testDesk.solo();
        DeskWindows.show(stage, app);
    }

    private SoloDesk testDesk;

    /** The desk's services as another member, added with these roles. */
    private AppContext member(String name, org.wiredesk.story.Role... roles) {
        return testDesk.member(name, roles);
    }

    @AfterEach
    void tearDown() {
        app.close();
        testDesk.close();
    }

    @Test
    void triageFromTheKeyboard(FxRobot robot) throws Exception {
        TableView<StorySummary> table = robot.lookup("#inbox-table").queryTableView();
        assertThat(table.getItems()).isEmpty();
        Screenshots.save(stage, "inbox-empty");

        DemoWire.ingest(app.ingest(), "solo");
        var otto = new org.wiredesk.story.User("otto", "Otto", Set.of(org.wiredesk.story.Role.COPY_EDITOR));
        member("otto", org.wiredesk.story.Role.COPY_EDITOR).desk().claim(otto, app.stories().findAll(Set.of()).get(0).id());
        robot.clickOn("#inbox-refresh");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(9);
        assertThat(table.getItems()).noneMatch(StorySummary::read);
        assertThat(table.getItems()).filteredOn(st -> "otto".equals(st.claimedBy())).singleElement()
                .satisfies(st -> assertThat(st.claimedSince()).isNotNull());
        Screenshots.save(stage, "inbox-busy");

        // select the first two rows from the keyboard
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(2);
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().subList(0, 2)).allMatch(StorySummary::priority);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().get(0).read()).isTrue();

        // spike, then take it back
        String first = table.getItems().get(0).agencyHeadline().text();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(8);
        assertThat(app.stories().findAll(Set.of(Status.SPIKED))).singleElement()
                .satisfies(s -> assertThat(s.agencyHeadline().text()).isEqualTo(first));
        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(9);

        // search from the keyboard, then clear
        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("ferr");
        // the words go to the store once typing pauses (ADR 28)
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).singleElement()
                .satisfies(s -> assertThat(s.agencyHeadline().text()).startsWith("Ferry operators"));
        Screenshots.save(stage, "inbox-filtered");
        // clear from the Inbox menu (its items name each key)
        robot.clickOn("Inbox");
        robot.clickOn(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("Clear search"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#inbox-search").queryAs(TextField.class).getText()).isEmpty();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 9);
        assertThat(table.getItems()).hasSize(9);

        // full text: a word only in one body, then Enter
        robot.clickOn("#inbox-search").write("breakwater");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).singleElement()
                .satisfies(st -> assertThat(st.agencyHeadline().text()).startsWith("Port of Calder"));
        assertThat(table.getColumns().stream().filter(c -> c.getText().equals("Match")).findFirst().orElseThrow()
                .isVisible()).isTrue();
        // the hit's row is one line high, like every other (its snippet once stretched it to the table's height)
        robot.sleep(200);
        assertThat(robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class))
                .filteredOn(r -> r.getItem() != null && r.isVisible()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getHeight()).isLessThan(60));
        Screenshots.save(stage, "inbox-search");

        // two reports of one event, grouped
        var grouping = new org.wiredesk.store.GroupingRepository(app.database());
        var all = app.stories().findAll(Set.of());
        var rail = all.stream().filter(st -> st.agencyHeadline().text().startsWith("Rail")).findFirst().orElseThrow();
        var bank = all.stream().filter(st -> st.agencyHeadline().text().startsWith("Central bank")).findFirst()
                .orElseThrow();
        grouping.saveCluster(rail.id(), bank.id());
        grouping.saveCluster(bank.id(), bank.id());
        robot.clickOn("Inbox");
        robot.clickOn(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("Clear search"));
        robot.clickOn("#inbox-refresh");
        robot.clickOn("#inbox-group");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 8);
        robot.sleep(400); // the cleared search's reload, once typing paused, lands too
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 8);
        assertThat(table.getItems()).hasSize(8);
        Screenshots.save(stage, "inbox-grouped");

        // G on the group's row shows both reports; G again folds them back
        int groupRow = indexOfHeadline(table, "Rail");
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(groupRow);
            table.requestFocus();
        });
        robot.type(KeyCode.G);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(st -> st.agencyHeadline().text())
                .hasSize(2).anySatisfy(h -> assertThat(h).startsWith("Central bank"));
        robot.type(KeyCode.G);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 8);
        assertThat(table.getItems()).hasSize(8);

    }

    private static int indexOfHeadline(TableView<StorySummary> table, String start) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).agencyHeadline().text().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no row starting " + start);
    }

    @Test
    void thePreviewFollowsTheArrowKeysAndShowsTheSelectedStorysBody(FxRobot robot) throws Exception {
        DemoWire.ingest(app.ingest(), "solo");
        robot.clickOn("#inbox-refresh");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<StorySummary> table = robot.lookup("#inbox-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 9);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        int index = table.getSelectionModel().getSelectedIndex();
        assertThat(index).isEqualTo(2);
        org.wiredesk.story.Story selected = app.stories().find(table.getItems().get(index).id()).orElseThrow();
        String body = org.wiredesk.desk.common.StoryDetail.of(selected, java.util.List.of()).bodyText();
        javafx.scene.control.TextArea shown = robot.lookup("#inbox-preview-body").queryAs(javafx.scene.control.TextArea.class);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> body.equals(shown.getText()));
        assertThat(shown.getText()).isEqualTo(body).isNotBlank();
        assertThat(shown.isEditable()).isFalse();
        assertThat(robot.lookup("#inbox-preview-agency").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo(selected.agencyHeadline().text());
        assertThat(robot.lookup("#inbox-preview-meta").queryAs(javafx.scene.control.Label.class).getText())
                .startsWith(selected.sourceName()).contains("received").endsWith(selected.status().label());
        assertThat(table.isFocused()).as("the arrow keys stay with the list").isTrue();
        Screenshots.save(stage, "inbox-preview");

        // up once: the preview follows, and typing into it changes nothing
        robot.type(KeyCode.UP);
        org.wiredesk.story.Story above = app.stories().find(table.getItems().get(1).id()).orElseThrow();
        String aboveBody = org.wiredesk.desk.common.StoryDetail.of(above, java.util.List.of()).bodyText();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> aboveBody.equals(shown.getText()));
        robot.clickOn(shown).write("xyz");
        assertThat(shown.getText()).isEqualTo(aboveBody);

        // F8 hides the pane (from the list), and shows it again
        robot.interact(table::requestFocus);
        robot.type(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#inbox-preview").tryQuery()).isEmpty();
        robot.type(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#inbox-preview").tryQuery()).isPresent();
    }

    @Test
    void aLongInboxIsReachedToItsOldestStoryAndTheReceivedHeaderTurnsItsOrder(FxRobot robot) throws Exception {
        java.time.Instant t0 = java.time.Instant.parse("2026-11-01T06:00:00Z");
        for (int i = 1; i <= 450; i++) {
            String body = "Body of story " + i + ".";
            app.stories().insertIfNew(new org.wiredesk.story.NewStory("long-" + i, i % 2 == 0 ? "AFP" : "Reuters",
                    java.net.URI.create("https://agency.example/long/" + i),
                    new org.wiredesk.story.Headline("Long inbox story " + i),
                    new org.wiredesk.story.Body("<p>" + body + "</p>", org.wiredesk.story.Fingerprint.ofText(body)),
                    null, "en", null, t0.plusSeconds(60L * i)), "solo");
        }
        robot.clickOn("#inbox-refresh");
        TableView<StorySummary> table = robot.lookup("#inbox-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 450);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            var row = table.getSelectionModel().getSelectedIndex() == 449 ? table.getItems().get(449) : null;
            return row != null && row.agencyHeadline().text().equals("Long inbox story 1");
        }).get());
        javafx.scene.control.TextArea body = robot.lookup("#inbox-preview-body")
                .queryAs(javafx.scene.control.TextArea.class);
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> body.getText().equals("Body of story 1."));
        Screenshots.save(stage, "inbox-long-oldest");

        // the Received column orders the store's list oldest first, then newest first again
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableColumn<StorySummary, ?> received = table.getColumns().stream()
                .filter(c -> "Received".equals(c.getText())).findFirst().orElseThrow();
        robot.interact(() -> {
            received.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(java.util.List.of(received));
        });
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> "Long inbox story 1".equals(firstHeadline(table)));
        robot.interact(() -> received.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> "Long inbox story 450".equals(firstHeadline(table)));
        assertThat(table.getItems()).hasSize(450);
    }

    /** The first row's headline, read on the FX thread (null while it is on its way). */
    private static String firstHeadline(TableView<StorySummary> table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table.getItems().isEmpty() || table.getItems().get(0) == null ? null
                : table.getItems().get(0).agencyHeadline().text()).get();
    }
}
