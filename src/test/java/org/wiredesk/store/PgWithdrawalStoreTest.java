package org.wiredesk.store;

import org.wiredesk.workflow.DeskFixture;

/** Every test of {@link WithdrawalStoreTest} again, on a shared desk on PostgreSQL. */
class PgWithdrawalStoreTest extends WithdrawalStoreTest {
    @Override
    DeskFixture fixture() {
        return DeskFixture.onPostgres(false);
    }
}
