package org.wiredesk.store;

import org.wiredesk.workflow.DeskFixture;

/** Every test of {@link StoriesBelongToTheirSourceTest} again, on a shared desk on PostgreSQL. */
class PgStoriesBelongToTheirSourceTest extends StoriesBelongToTheirSourceTest {
    @Override
    DeskFixture fixture() {
        return DeskFixture.onPostgres(false);
    }
}
