package org.wiredesk.desk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.publish.DeskSettings;
import org.wiredesk.story.User;
import org.wiredesk.store.SettingsRepository;
import org.wiredesk.workflow.DeskFixture;

/** The Settings screen's model, as a plain object on a real desk: each member's own sign-in, no toolkit. */
class SettingsViewModelTest {
    private final DeskFixture fx = new DeskFixture();
    private final StoreChanges changes = new StoreChanges();

    @AfterEach
    void close() {
        fx.close();
    }

    private SettingsViewModel screenFor(User user, boolean owner) {
        SettingsRepository stored = new SettingsRepository(fx.as(user).database());
        SettingsViewModel vm = new SettingsViewModel(new DeskSettings(stored), stored, user, owner,
                new DirectTaskRunner(), changes);
        vm.activate();
        return vm;
    }

    @Test
    void aNewDeskShowsTheDefaultsAndTheDisclaimerAsTypedWithItsPlaceholder() {
        SettingsViewModel vm = screenFor(fx.chief, false);

        assertThat(vm.outlet().get()).isEqualTo("IFP");
        assertThat(vm.section().get()).isEqualTo("Media Wire");
        assertThat(vm.disclaimer().get()).isEqualTo(DeskSettings.DEFAULT_DISCLAIMER).contains("{outlet}");
        assertThat(vm.baseUrl().get()).isEmpty();
        assertThat(vm.labelPreviewProperty().get()).isEqualTo("IFP Media Wire");
        assertThat(vm.disclaimerPreviewProperty().get()).isEqualTo(fx.settings.disclaimer()).doesNotContain("{outlet}");
        assertThat(vm.editedProperty().get()).isFalse();
    }

    @Test
    void thePreviewFollowsTheTypingBeforeAnythingIsSaved() {
        SettingsViewModel vm = screenFor(fx.chief, false);

        vm.outlet().set("Northgate Post");
        vm.disclaimer().set("Views here are not {outlet}'s.");

        assertThat(vm.disclaimerPreviewProperty().get()).isEqualTo("Views here are not Northgate Post's.");
        assertThat(vm.labelPreviewProperty().get()).isEqualTo("Northgate Post Media Wire");
        assertThat(vm.editedProperty().get()).isTrue();
        assertThat(fx.settings.outlet()).isEqualTo("IFP");
    }

    @Test
    void savingStoresTheEditedValuesAsTheDeskKeepsThem() {
        SettingsViewModel vm = screenFor(fx.chief, false);
        vm.outlet().set("  Northgate Post ");
        vm.baseUrl().set("https://wire.northgate.example//");

        vm.save();

        assertThat(fx.settings.outlet()).isEqualTo("Northgate Post");
        assertThat(fx.settings.baseUrl()).contains("https://wire.northgate.example");
        assertThat(new SettingsRepository(fx.database).get(DeskSettings.SECTION)).as("not edited, not stored")
                .isEmpty();
        assertThat(vm.outlet().get()).isEqualTo("Northgate Post");
        assertThat(vm.baseUrl().get()).isEqualTo("https://wire.northgate.example");
        assertThat(vm.editedProperty().get()).isFalse();
        assertThat(vm.messageProperty().get())
                .isEqualTo("Saved. Pages published or corrected from now on print these settings.");
        assertThat(vm.problemProperty().get()).isFalse();
        assertThat(changes.revisionProperty().get()).as("the other screens hear of it").isEqualTo(1);
    }

    @Test
    void aBadBaseUrlIsRefusedInItsSentenceMarkedAndNothingIsStored() {
        SettingsViewModel vm = screenFor(fx.chief, false);
        vm.section().set("World Wire");
        vm.baseUrl().set("mailto:desk@example.org");

        vm.save();

        assertThat(vm.messageProperty().get())
                .isEqualTo("The site's base URL must be an http or https address: mailto:desk@example.org");
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(vm.refusedProperty().get()).isEqualTo(DeskSettings.BASE_URL);
        assertThat(fx.settings.baseUrl()).isEmpty();
        assertThat(fx.settings.section()).isEqualTo("Media Wire");
        assertThat(vm.baseUrl().get()).as("the edit stays, to be put right").isEqualTo("mailto:desk@example.org");

        vm.baseUrl().set("https://wire.example.org");
        assertThat(vm.refusedProperty().get()).as("the mark goes with the first keystroke").isEmpty();
    }

    @Test
    void aSaveIsAllOrNothingARefusalSavesNoFieldAndEveryEditStays() {
        SettingsViewModel vm = screenFor(fx.chief, false);
        vm.baseUrl().set("https://wire.example.org/");
        vm.outlet().set(" ");

        vm.save();

        assertThat(vm.messageProperty().get()).isEqualTo("The outlet's name cannot be empty");
        assertThat(vm.refusedProperty().get()).isEqualTo(DeskSettings.OUTLET);
        assertThat(fx.settings.baseUrl()).isEmpty();
        assertThat(vm.baseUrl().get()).isEqualTo("https://wire.example.org/");
        assertThat(vm.outlet().get()).isEqualTo(" ");
        assertThat(fx.settings.outlet()).isEqualTo("IFP");

        vm.outlet().set("Northgate Post");
        vm.save();
        assertThat(fx.settings.baseUrl()).contains("https://wire.example.org");
        assertThat(fx.settings.outlet()).isEqualTo("Northgate Post");
    }

    @Test
    void anotherMembersChangeReloadsTheScreenButKeepsAnUnsavedEdit() {
        SettingsViewModel vm = screenFor(fx.chief, false);
        vm.outlet().set("Northgate Post");

        new DeskSettings(new SettingsRepository(fx.as(fx.chief2).database())).setSection("World Wire");
        changes.changed();

        assertThat(vm.section().get()).isEqualTo("World Wire");
        assertThat(vm.outlet().get()).isEqualTo("Northgate Post");
        assertThat(vm.editedProperty().get()).isTrue();
    }

    @Test
    void revertPutsBackWhatTheStoreHolds() {
        SettingsViewModel vm = screenFor(fx.chief, false);
        vm.outlet().set("Northgate Post");

        vm.revert();

        assertThat(vm.outlet().get()).isEqualTo("IFP");
        assertThat(vm.editedProperty().get()).isFalse();
    }

    @Test
    void aCopyEditorMayNotSaveAndIsToldWhoMayWhileTheOwnerMay() {
        SettingsViewModel copy = screenFor(fx.copy, false);
        copy.outlet().set("Cora's Wire");

        copy.save();

        assertThat(copy.mayChange()).isFalse();
        assertThat(copy.messageProperty().get()).isEqualTo("Only a desk chief or the store's owner changes the desk "
                + "settings: you see them as the pages print them.");
        assertThat(copy.problemProperty().get()).isTrue();
        assertThat(fx.settings.outlet()).isEqualTo("IFP");
        assertThat(screenFor(fx.editor, true).mayChange()).as("the owner, whatever their roles").isTrue();
    }
}
