package org.wiredesk.publish;

/** Every test of {@link PublishServiceTest} again, on a shared desk on PostgreSQL. */
class PostgresPublishServiceTest extends PublishServiceTest {
    @Override
    PublishFixture fixture() {
        return PublishFixture.onPostgres();
    }
}
