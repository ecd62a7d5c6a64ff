package org.wiredesk.desk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.workflow.DeskFixture;

class EditorViewModelTest {
    private final DeskFixture fx = new DeskFixture();
    private final StoreChanges changes = new StoreChanges();
    private final StoryId id = fx.story("e-1", "Agency headline", "First paragraph.");

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private EditorViewModel editor(org.wiredesk.story.User user) {
        EditorViewModel vm = new EditorViewModel(id, fx.desk, user, new DirectTaskRunner(), changes);
        vm.load();
        return vm;
    }

    @Test
    void startsFromTheAgencyHeadlineWithTheBodyReadOnly() {
        EditorViewModel vm = editor(fx.copy);
        assertThat(vm.agencyHeadlineProperty().get()).isEqualTo("Agency headline");
        assertThat(vm.houseHeadlineProperty().get()).isEqualTo("Agency headline");
        assertThat(vm.bodyProperty().get()).isEqualTo("First paragraph.");
        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(vm.dirtyBinding().get()).isTrue();
    }

    @Test
    void savingADraftStoresTheHeadlineAndTellsTheOtherScreens() {
        EditorViewModel vm = editor(fx.copy);
        long revision = changes.revisionProperty().get();
        vm.houseHeadlineProperty().set("House headline");
        vm.saveDraft();
        assertThat(fx.desk.story(id).houseHeadline().text()).isEqualTo("House headline");
        assertThat(vm.dirtyBinding().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Draft saved");
        assertThat(changes.revisionProperty().get()).isGreaterThan(revision);
    }

    @Test
    void submittingSendsTheStoryToTheDeskChiefAndLocksTheEditor() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("House headline");
        vm.submit("check the spelling");
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.SUBMITTED);
        assertThat(vm.editableProperty().get()).isFalse();
        assertThat(vm.detailProperty().get().submissionNote()).isEqualTo("check the spelling");
    }

    @Test
    void aMemberWithoutTheCopyEditorRoleSeesItReadOnly() {
        EditorViewModel vm = editor(fx.editor);
        assertThat(vm.editableProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("copy editor role");
    }

    @Test
    void aBlankHeadlineIsRefusedWithAReason() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("   ");
        vm.saveDraft();
        assertThat(vm.messageProperty().get()).contains("blank");
        assertThat(fx.desk.story(id).houseHeadline()).isNull();
    }
}
