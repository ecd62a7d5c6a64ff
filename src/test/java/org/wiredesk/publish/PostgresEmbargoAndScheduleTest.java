package org.wiredesk.publish;

/** Every test of {@link EmbargoAndScheduleTest} again, on a shared desk on PostgreSQL. */
class PostgresEmbargoAndScheduleTest extends EmbargoAndScheduleTest {
    @Override
    PublishFixture fixture() {
        return PublishFixture.onPostgres();
    }
}
