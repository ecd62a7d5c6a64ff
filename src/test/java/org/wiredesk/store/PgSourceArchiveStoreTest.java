package org.wiredesk.store;

import org.wiredesk.workflow.DeskFixture;

/** Every test of {@link SourceArchiveStoreTest} again, on a shared desk on PostgreSQL. */
class PgSourceArchiveStoreTest extends SourceArchiveStoreTest {
    @Override
    DeskFixture fixture() {
        return DeskFixture.onPostgres(false);
    }
}
