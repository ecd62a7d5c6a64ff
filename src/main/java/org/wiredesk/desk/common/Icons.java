package org.wiredesk.desk.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** Every icon the desk shows, in one place (Material Design Icons through Ikonli). */
public enum Icons {
    INBOX(MaterialDesignI.INBOX_ARROW_DOWN),
    EDIT(MaterialDesignP.PENCIL_OUTLINE),
    LOCK(MaterialDesignL.LOCK),
    APPROVAL(MaterialDesignC.CHECK_DECAGRAM_OUTLINE),
    APPROVE(MaterialDesignC.CHECK_BOLD),
    REJECT(MaterialDesignC.CLOSE_THICK),
    PUBLISH(MaterialDesignE.EARTH),
    SPIKE(MaterialDesignN.NAIL),
    UNSPIKE(MaterialDesignA.ARROW_U_LEFT_TOP),
    REFRESH(MaterialDesignR.REFRESH),
    SAVE(MaterialDesignC.CONTENT_SAVE_OUTLINE),
    SUBMIT(MaterialDesignS.SEND_OUTLINE),
    HISTORY(MaterialDesignH.HISTORY),
    QUARANTINE(MaterialDesignA.ALERT_OCTAGON_OUTLINE),
    USER(MaterialDesignA.ACCOUNT_CIRCLE_OUTLINE),
    OPEN(MaterialDesignO.OPEN_IN_NEW),
    FOLDER(MaterialDesignF.FOLDER_OUTLINE),
    SOURCE(MaterialDesignT.TEXT_BOX_OUTLINE),
    ADD(MaterialDesignP.PLUS_BOX_OUTLINE),
    PRIORITY(MaterialDesignF.FLAG),
    /** An urgent story (the agency's urgency 1 or 2, or an "Urgent:" headline). */
    URGENT(MaterialDesignF.FLASH),
    READ(MaterialDesignE.EMAIL_OPEN_OUTLINE),
    WARNING(MaterialDesignA.ALERT_OUTLINE),
    BLOCKED(MaterialDesignC.CANCEL),
    HELD(MaterialDesignP.PAUSE_OCTAGON_OUTLINE),
    SEND_BACK(MaterialDesignR.REPLY_OUTLINE),
    SETTINGS(MaterialDesignC.COG_OUTLINE),
    CORRECT(MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE),
    KILL(MaterialDesignF.FILE_CANCEL_OUTLINE),
    THREAD(MaterialDesignC.COMMENT_TEXT_MULTIPLE_OUTLINE),
    REPLY(MaterialDesignM.MESSAGE_REPLY_TEXT_OUTLINE),
    EMBARGO(MaterialDesignC.CLOCK_ALERT_OUTLINE),
    SCHEDULE(MaterialDesignC.CALENDAR_CLOCK),
    /** The source withdrew a story we ran. */
    WITHDRAWN(MaterialDesignL.LINK_OFF);

    private final Ikon ikon;

    Icons(Ikon ikon) {
        this.ikon = ikon;
    }

    /** A new icon node, styled by the "wd-icon" class and one of its own ("wd-icon-lock"). */
    public FontIcon node() {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().addAll("wd-icon", "wd-icon-" + name().toLowerCase().replace('_', '-'));
        return icon;
    }
}
