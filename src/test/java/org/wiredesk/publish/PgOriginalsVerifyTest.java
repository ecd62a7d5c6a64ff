package org.wiredesk.publish;

import org.wiredesk.workflow.DeskFixture;

/** Every test of {@link OriginalsVerifyTest} again, on a shared desk on PostgreSQL. */
class PgOriginalsVerifyTest extends OriginalsVerifyTest {
    @Override
    DeskFixture fixture() {
        return DeskFixture.onPostgres(false);
    }
}
