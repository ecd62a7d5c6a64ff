package org.wiredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireDeskHomeTest {
    private final WireDeskHome home = new WireDeskHome(Path.of("/srv/wiredesk"));

    @Test
    void theHomeIsWiredeskHomeElseDotWiredeskInJavasUserHome() {
        assertThat(WireDeskHome.fromEnvironment(Map.of("WIREDESK_HOME", "/data/desk")).root())
                .isEqualTo(Path.of("/data/desk"));
        assertThat(WireDeskHome.fromEnvironment(Map.of()).root())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".wiredesk"));
    }

    @Test
    void theDefaultStoresSiteIsWhereItAlwaysWas() {
        assertThat(home.siteFor(null)).isEqualTo(Path.of("/srv/wiredesk/site")).isEqualTo(home.site());
    }

    @Test
    void eachStoreFolderHasItsOwnSiteBesideIt() {
        assertThat(home.siteFor("/data/a/store")).isEqualTo(Path.of("/data/a/site"));
        assertThat(home.siteFor("/data/wire")).isEqualTo(Path.of("/data/wire-site"));
        assertThat(home.siteFor("/data/sport")).isEqualTo(Path.of("/data/sport-site"))
                .isNotEqualTo(home.siteFor("/data/wire"));
    }

    @Test
    void aSharedDeskHasNoFolderSoItsSiteIsTheHomes() {
        assertThat(home.siteFor("postgresql://deskserver/wiredesk")).isEqualTo(Path.of("/srv/wiredesk/site"));
    }
}
