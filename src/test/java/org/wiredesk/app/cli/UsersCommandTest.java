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

    private record Run(int code, String out, String err) {
    }

    /** Runs as a member with their password in WIREDESK_PASSWORD (null: none set) and this standard input. */
    private Run run(String user, String password, String input, String... args) {
        List<String> all = new ArrayList<>(List.of("--store", home.resolve("store").toString(), "--user", user));
        all.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(Map.of("WIREDESK_HOME", home.toString()));
        if (password != null) {
            env.put("WIREDESK_PASSWORD", password);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), env, Terminal.NONE, gui -> {
                    throw new AssertionError("no window");
                });
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void createTheDesk() {
        Run init = run("olga", "owner-password", "", "init", "--owner", "olga", "--name", "Olga Owner");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("owned by olga (four eyes)");
        Run add = run("olga", "owner-password", "maria-password\n", "users", "--add", "Maria", "--name", "Maria K.",
                "--role", "COPY_EDITOR", "--password-stdin");
        assertThat(add.code()).as(add.err()).isZero();
    }

    @Test
    void theOwnerAddsAMemberWhoThenSignsInWithTheirPassword() {
        Run list = run("maria", "maria-password", "", "users");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("maria  Maria K.  COPY_EDITOR").contains("olga  Olga Owner  COPY_EDITOR,DESK_CHIEF,EDITOR  owner");
        assertThat(list.out() + list.err()).doesNotContain("maria-password");
    }

    @Test
    void aWrongPasswordAnUnknownOrADisabledMemberExit4WithNoHint() {
        Run wrong = run("maria", "not-her-password", "", "list");
        Run unknown = run("mallory", "maria-password", "", "list");
        assertThat(run("olga", "owner-password", "", "users", "--disable", "maria").code()).isZero();
        Run disabled = run("maria", "maria-password", "", "list");
        for (Run r : List.of(wrong, unknown, disabled)) {
            assertThat(r.code()).isEqualTo(Cli.SIGN_IN_REFUSED);
            assertThat(r.err()).isEqualTo("wiredesk: sign-in refused" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
        assertThat(run("olga", "owner-password", "", "users").out()).contains("maria  Maria K.  COPY_EDITOR  disabled");
    }

    @Test
    void onlyTheOwnerManagesMembers() {
        Run add = run("maria", "maria-password", "eve-password\n", "users", "--add", "eve", "--role", "DESK_CHIEF",
                "--password-stdin");
        assertThat(add.code()).isEqualTo(1);
        assertThat(add.err()).contains("Only the store's owner manages members");
        Run promote = run("maria", "maria-password", "", "users", "--set", "maria", "--role", "DESK_CHIEF");
        assertThat(promote.code()).isEqualTo(1);
        assertThat(run("olga", "owner-password", "", "users").out()).contains("maria  Maria K.  COPY_EDITOR")
                .doesNotContain("eve");
    }

    @Test
    void setWithoutANameKeepsTheDisplayNameAndAMemberChangesTheirOwnPassword() {
        assertThat(run("olga", "owner-password", "", "users", "--set", "maria", "--role", "COPY_EDITOR,EDITOR").code())
                .isZero();
        assertThat(run("olga", "owner-password", "", "users").out()).contains("maria  Maria K.  COPY_EDITOR,EDITOR");
        Run change = run("maria", "maria-password", "a-new-password\n", "users", "--password", "--password-stdin");
        assertThat(change.code()).as(change.err()).isZero();
        assertThat(run("maria", "maria-password", "", "list").code()).isEqualTo(Cli.SIGN_IN_REFUSED);
        assertThat(run("maria", "a-new-password", "", "list").code()).isZero();
    }

    @Test
    void withoutATerminalOrWiredeskPasswordTheCommandSaysHowToGiveOne() {
        Run r = run("maria", null, "", "list");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("set WIREDESK_PASSWORD");
    }

    @Test
    void initOnAStoreThatHasAnOwnerIsRefused() {
        Run again = run("eve", "eve-password", "", "init", "--owner", "eve");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already has an owner");
    }
}
