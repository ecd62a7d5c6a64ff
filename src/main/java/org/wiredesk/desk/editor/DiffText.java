package org.wiredesk.desk.editor;

import java.util.ArrayList;
import java.util.List;
import org.wiredesk.style.WordDiff;

/**
 * A word difference as it is read on screen. A run taken out and a run put in can meet with no space between them
 * ("plans for" struck through, then "unveils"): the space that stood there matched elsewhere. Shown as they come they
 * read as one word ("plans forunveils"), so a space is put between two changed runs that touch without one.
 */
final class DiffText {
    private DiffText() {
    }

    static List<WordDiff.Piece> spaced(List<WordDiff.Piece> pieces) {
        List<WordDiff.Piece> out = new ArrayList<>(pieces.size() + 2);
        WordDiff.Piece previous = null;
        for (WordDiff.Piece piece : pieces) {
            if (previous != null && previous.kind() != piece.kind() && !piece.text().isEmpty()
                    && !previous.text().isEmpty()
                    && !Character.isWhitespace(previous.text().charAt(previous.text().length() - 1))
                    && !Character.isWhitespace(piece.text().charAt(0))) {
                out.add(new WordDiff.Piece(WordDiff.Kind.SAME, " "));
            }
            out.add(piece);
            previous = piece;
        }
        return out;
    }

    /** The difference as plain text, as it reads on screen (for tests and accessible text). */
    static String read(List<WordDiff.Piece> pieces) {
        StringBuilder text = new StringBuilder();
        for (WordDiff.Piece piece : spaced(pieces)) {
            text.append(piece.text());
        }
        return text.toString();
    }
}
