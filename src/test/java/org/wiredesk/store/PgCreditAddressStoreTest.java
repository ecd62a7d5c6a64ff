package org.wiredesk.store;

import org.wiredesk.workflow.DeskFixture;

/** Every test of {@link CreditAddressStoreTest} again, on a shared desk on PostgreSQL. */
class PgCreditAddressStoreTest extends CreditAddressStoreTest {
    @Override
    DeskFixture fixture() {
        return DeskFixture.onPostgres(false);
    }
}
