package org.wiredesk.workflow;

/** Every desk-service test again, on a shared desk on PostgreSQL: one code base, two engines. */
class PostgresDeskServiceTest extends DeskServiceTest {
    @Override
    DeskFixture fixture() {
        return DeskFixture.onPostgres(false);
    }
}
