package org.wiredesk.workflow;

/** Every test of {@link AgencyItemsTest} again, on a shared desk on PostgreSQL. */
class PostgresAgencyItemsTest extends AgencyItemsTest {
    @Override
    DeskFixture fixture() {
        return DeskFixture.onPostgres(false);
    }
}
