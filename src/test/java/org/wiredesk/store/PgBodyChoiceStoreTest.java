package org.wiredesk.store;

import org.wiredesk.workflow.DeskFixture;

/** Every test of {@link BodyChoiceStoreTest} again, on a shared desk on PostgreSQL. */
class PgBodyChoiceStoreTest extends BodyChoiceStoreTest {
    @Override
    DeskFixture fixture() {
        return DeskFixture.onPostgres(false);
    }
}
