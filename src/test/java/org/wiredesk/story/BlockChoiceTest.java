package org.wiredesk.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A choice of blocks and the body it makes (ADR 32): the same body from the same texts, wherever it is made. */
class BlockChoiceTest {
    @Test
    void theBodyIsEachTextEscapedInAParagraphOfItsOwn() {
        BlockChoice choice = new BlockChoice(List.of(0, 3), List.of("Fish & chips <cheap>", "\u201cYes,\u201d he said."));

        assertThat(choice.html()).isEqualTo("<p>Fish &amp; chips &lt;cheap&gt;</p><p>\u201cYes,\u201d he said.</p>");
        assertThat(choice.bodySha256()).isEqualTo(Fingerprint.ofText("Fish & chips <cheap> \u201cYes,\u201d he said."));
        assertThat(choice.blocksSha256()).isEqualTo(Fingerprint.sha256Hex("Fish & chips <cheap>\n\u201cYes,\u201d he said.\n"));
        assertThat(choice.indexesText()).isEqualTo("0,3");
    }

    @Test
    void indexesAreReadAsTypedAndKeptAscendingOnce() {
        assertThat(BlockChoice.parseIndexes("0,1,3-7")).containsExactly(0, 1, 3, 4, 5, 6, 7);
        assertThat(BlockChoice.parseIndexes(" 5, 2,2 ,3-3")).containsExactly(2, 3, 5);
        assertThatThrownBy(() -> BlockChoice.parseIndexes("1,x")).hasMessage("\"x\" is not a block number or a range "
                + "such as 3-7");
        assertThatThrownBy(() -> BlockChoice.parseIndexes("7-3")).hasMessage("\"7-3\" is not a range of blocks");
        assertThatThrownBy(() -> BlockChoice.parseIndexes("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChoiceIsOfWholeFoldedBlocksInOrder() {
        assertThatThrownBy(() -> new BlockChoice(List.of(), List.of())).hasMessageContaining("at least one block");
        assertThatThrownBy(() -> new BlockChoice(List.of(2, 1), List.of("a", "b"))).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new BlockChoice(List.of(1), List.of(" padded ")))
                .hasMessageContaining("not a block's folded text");
        assertThatThrownBy(() -> new BlockChoice(List.of(1, 2), List.of("one"))).hasMessageContaining("one text");
    }
}
