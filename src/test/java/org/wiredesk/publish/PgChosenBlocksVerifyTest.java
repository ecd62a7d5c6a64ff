package org.wiredesk.publish;

import org.wiredesk.workflow.DeskFixture;

/** Every test of {@link ChosenBlocksVerifyTest} again, on a shared desk on PostgreSQL. */
class PgChosenBlocksVerifyTest extends ChosenBlocksVerifyTest {
    @Override
    DeskFixture fixture() {
        return DeskFixture.onPostgres(false);
    }
}
