package org.wiredesk.desk.publish;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.StoryId;

/**
 * "Correct headline…" and "Kill…" on a story that is on the site, each defined once (label, icon, tip, when it is
 * on, what it does) and made into the buttons and context-menu items of any list that offers them. Both are the
 * desk chief's: for anyone else they stay off, and the service refuses them anyway.
 */
final class PostActions {
    /** The story a list has chosen: its id and its headline as it runs now. */
    record Chosen(StoryId id, String headline) {
    }

    /** One action: how it is shown, whether this member may take it, and what it does to the chosen story. */
    private record Definition(String label, Icons icon, String tip, String idSuffix, boolean allowed,
                              Consumer<Chosen> run) {
    }

    /** The label of the one-click kill of a story its source withdrew. */
    static final String KILL_WITHDRAWN = "Kill \u2014 the source withdrew it\u2026";

    private final Definition correct;
    private final Definition kill;
    private final PublishViewModel vm;
    private final Supplier<Window> owner;

    PostActions(PublishViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.owner = owner;
        correct = new Definition("Correct headline…", Icons.CORRECT,
                "Correct the story's headline: its page is rewritten in place (desk chief)", "correct",
                vm.mayCorrect(), chosen -> CorrectDialog.ask(owner.get(), chosen.id(), chosen.headline())
                .ifPresent(c -> vm.correct(chosen.id(), c.headline(), c.reason())));
        kill = new Definition("Kill…", Icons.KILL,
                "Withdraw the story: its page is replaced by a withdrawal notice (desk chief)", "kill",
                vm.mayKill(), chosen -> KillDialog.ask(owner.get(), chosen.id(), chosen.headline())
                .ifPresent(reason -> vm.kill(chosen.id(), reason)));
    }

    /** Whether this member may kill a story (the desk chief). */
    boolean mayKill() {
        return vm.mayKill();
    }

    /**
     * Kills a story its source withdrew: the kill dialog, with the reason filled in from what was seen (the desk
     * chief edits it or not), then the same kill as any other.
     */
    void killWithdrawn(StoryId id, String headline, SourceWithdrawal withdrawn) {
        KillDialog.ask(owner.get(), id, headline, withdrawn.killReason(java.time.ZoneId.systemDefault()))
                .ifPresent(reason -> vm.kill(id, reason));
    }

    /** "Kill — the source withdrew it…" for a list whose chosen story carries {@code withdrawn} (null: off). */
    MenuItem killWithdrawnItem(ObservableValue<Chosen> chosen, ObservableValue<SourceWithdrawal> withdrawn,
                               String idPrefix) {
        MenuItem item = new MenuItem(KILL_WITHDRAWN, Icons.WITHDRAWN.node());
        item.setId(idPrefix + "-menu-kill-withdrawn");
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.mayKill() || chosen.getValue() == null
                || withdrawn.getValue() == null, chosen, withdrawn));
        item.setOnAction(e -> {
            if (item.getParentPopup() != null) {
                item.getParentPopup().hide();
            }
            killWithdrawn(chosen.getValue().id(), chosen.getValue().headline(), withdrawn.getValue());
        });
        return item;
    }

    /** The two buttons for a list whose choice is {@code chosen} (null when nothing it offers is chosen). */
    Button[] buttons(ObservableValue<Chosen> chosen, String idPrefix) {
        return new Button[] {button(correct, chosen, idPrefix), button(kill, chosen, idPrefix)};
    }

    /** The same two as a context menu. */
    ContextMenu menu(ObservableValue<Chosen> chosen, String idPrefix) {
        return new ContextMenu(item(correct, chosen, idPrefix), item(kill, chosen, idPrefix));
    }

    private static Button button(Definition d, ObservableValue<Chosen> chosen, String idPrefix) {
        Button b = Controls.button(d.label(), d.icon(), d.tip(), idPrefix + "-" + d.idSuffix());
        b.getStyleClass().add("wd-post-action");
        b.disableProperty().bind(off(d, chosen));
        b.setOnAction(e -> d.run().accept(chosen.getValue()));
        return b;
    }

    private static MenuItem item(Definition d, ObservableValue<Chosen> chosen, String idPrefix) {
        MenuItem item = new MenuItem(d.label(), d.icon().node());
        item.setId(idPrefix + "-menu-" + d.idSuffix());
        item.disableProperty().bind(off(d, chosen));
        item.setOnAction(e -> {
            // the menu goes first: the dialog waits for its answer, and the menu would stay drawn over the window
            if (item.getParentPopup() != null) {
                item.getParentPopup().hide();
            }
            d.run().accept(chosen.getValue());
        });
        return item;
    }

    private static BooleanBinding off(Definition d, ObservableValue<Chosen> chosen) {
        return Bindings.createBooleanBinding(() -> !d.allowed() || chosen.getValue() == null, chosen);
    }
}
