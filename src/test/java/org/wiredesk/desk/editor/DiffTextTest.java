package org.wiredesk.desk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wiredesk.style.WordDiff;

class DiffTextTest {
    @Test
    void aRunTakenOutAndARunPutInReadAsSeparateWords() {
        String read = DiffText.read(WordDiff.between("City plans for longer summer heatwaves",
                "City unveils longer 10-year plan"));
        assertThat(read).isEqualTo("City plans for unveils longer summer 10-year heatwaves plan");
        assertThat(read).doesNotContain("forunveils").doesNotContain("summer10-year");
    }

    @Test
    void nothingIsAddedWhereASpaceAlreadyStands() {
        assertThat(DiffText.read(WordDiff.between("Grid operator plans for longer summer heatwaves",
                "Grid operator unveils plan for longer heatwaves")))
                .isEqualTo("Grid operator plans unveils plan for longer summer heatwaves");
        assertThat(DiffText.read(WordDiff.between("Same words", "Same words"))).isEqualTo("Same words");
    }

    @Test
    void theAddedSpaceIsNeitherTakenOutNorPutIn() {
        var pieces = DiffText.spaced(WordDiff.between("plans for", "unveils"));
        assertThat(pieces).extracting(WordDiff.Piece::kind)
                .containsExactly(WordDiff.Kind.REMOVED, WordDiff.Kind.SAME, WordDiff.Kind.ADDED);
    }
}
