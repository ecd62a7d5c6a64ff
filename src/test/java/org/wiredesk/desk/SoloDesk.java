package org.wiredesk.desk;

import java.nio.file.Path;
import java.time.Clock;
import org.wiredesk.app.AppContext;
import org.wiredesk.store.TestDesk;
import org.wiredesk.story.Role;

/** For UI tests: a one-person desk in memory whose member solo holds every role, and others added on demand. */
final class SoloDesk implements AutoCloseable {
    private final TestDesk desk = TestDesk.inMemory(true);
    private final Path site;

    SoloDesk(Path site) {
        this.site = site;
    }

    /** The desk as solo signs in. */
    AppContext solo() {
        return AppContext.open(desk.add("solo", Role.values()), site, Clock.systemUTC());
    }

    /** The desk's services as another member, added with these roles. */
    AppContext member(String name, Role... roles) {
        return AppContext.open(desk.add(name, roles), site, Clock.systemUTC());
    }

    @Override
    public void close() {
        desk.close();
    }
}
