package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members and their passwords from the command line: only the owner manages members; a refusal says nothing more. */
class UsersCommandTest {
    @TempDir
    Path home;

    /** Runs as a member with their password in WIREDESK_PASSWORD (null: none set) and this standard input. */
    private CliRun run(String user, String password, String input, String... args) {
        return CliRun.run(home, home.resolve("store").toString(), user, password, input, args);
    }

    @BeforeEach
    void createTheDesk() {
        CliRun init = run("olga", "owner-password", "", "init", "--owner", "olga", "--name", "Olga Owner");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("owned by olga (four eyes)");
        CliRun add = run("olga", "owner-password", "maria-password\n", "users", "--add", "Maria", "--name", "Maria K.",
                "--role", "COPY_EDITOR", "--password-stdin");
        assertThat(add.code()).as(add.err()).isZero();
    }

    @Test
    void theOwnerAddsAMemberWhoThenSignsInWithTheirPassword() {
        CliRun list = run("maria", "maria-password", "", "users");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("maria  Maria K.  COPY_EDITOR").contains("olga  Olga Owner  COPY_EDITOR,DESK_CHIEF,EDITOR  owner");
        assertThat(list.out() + list.err()).doesNotContain("maria-password");
    }

    @Test
    void aWrongPasswordAnUnknownOrADisabledMemberExit4WithNoHint() {
        CliRun wrong = run("maria", "not-her-password", "", "list");
        CliRun unknown = run("mallory", "maria-password", "", "list");
        assertThat(run("olga", "owner-password", "", "users", "--disable", "maria").code()).isZero();
        CliRun disabled = run("maria", "maria-password", "", "list");
        for (CliRun r : List.of(wrong, unknown, disabled)) {
            assertThat(r.code()).isEqualTo(Cli.SIGN_IN_REFUSED);
            assertThat(r.err()).isEqualTo("wiredesk: sign-in refused" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
        assertThat(run("olga", "owner-password", "", "users").out()).contains("maria  Maria K.  COPY_EDITOR  disabled");
    }

    @Test
    void onlyTheOwnerManagesMembers() {
        CliRun add = run("maria", "maria-password", "eve-password\n", "users", "--add", "eve", "--role", "DESK_CHIEF",
                "--password-stdin");
        assertThat(add.code()).isEqualTo(1);
        assertThat(add.err()).contains("Only the store's owner manages members");
        CliRun promote = run("maria", "maria-password", "", "users", "--set", "maria", "--role", "DESK_CHIEF");
        assertThat(promote.code()).isEqualTo(1);
        assertThat(run("olga", "owner-password", "", "users").out()).contains("maria  Maria K.  COPY_EDITOR")
                .doesNotContain("eve");
    }

    @Test
    void setWithoutANameKeepsTheDisplayNameAndAMemberChangesTheirOwnPassword() {
        assertThat(run("olga", "owner-password", "", "users", "--set", "maria", "--role", "COPY_EDITOR,EDITOR").code())
                .isZero();
        assertThat(run("olga", "owner-password", "", "users").out()).contains("maria  Maria K.  COPY_EDITOR,EDITOR");
        CliRun change = run("maria", "maria-password", "a-new-password\n", "users", "--password", "--password-stdin");
        assertThat(change.code()).as(change.err()).isZero();
        assertThat(run("maria", "maria-password", "", "list").code()).isEqualTo(Cli.SIGN_IN_REFUSED);
        assertThat(run("maria", "a-new-password", "", "list").code()).isZero();
    }

    @Test
    void withoutATerminalOrWiredeskPasswordTheCommandSaysHowToGiveOne() {
        CliRun r = run("maria", null, "", "list");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("set WIREDESK_PASSWORD");
    }

    @Test
    void initOnAStoreThatHasAnOwnerIsRefused() {
        CliRun again = run("eve", "eve-password", "", "init", "--owner", "eve");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already has an owner");
    }
}
