package org.wiredesk.store;

import org.wiredesk.workflow.DeskFixture;

/** Every test of {@link AgencyRefusalsTest} again, on a shared desk on PostgreSQL. */
class PgAgencyRefusalsTest extends AgencyRefusalsTest {
    @Override
    DeskFixture fixture() {
        return DeskFixture.onPostgres(false);
    }
}
