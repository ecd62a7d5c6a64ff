package org.wiredesk.store;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL's own client programs ({@code pg_dump}, {@code pg_restore}) run for a desk: found in
 * {@code WIREDESK_PG_BIN} or on the PATH, pointed at the desk's server exactly as its JDBC URL says, signed in as the
 * member with the password in the child's environment only (never on a command line, where {@code ps} shows it).
 */
final class PostgresClientTools {
    /** The environment variable naming the folder that holds pg_dump and pg_restore, ahead of the PATH. */
    static final String BIN_VARIABLE = "WIREDESK_PG_BIN";

    private final Path pgDump;
    private final Path pgRestore;
    private final Map<String, String> env;

    private PostgresClientTools(Path pgDump, Path pgRestore, Map<String, String> env) {
        this.pgDump = pgDump;
        this.pgRestore = pgRestore;
        this.env = env;
    }

    /**
     * The tools in {@code WIREDESK_PG_BIN} if set, else on the environment's PATH; {@code plainCommand} is what the
     * sentence for a machine without them offers instead.
     */
    static PostgresClientTools find(Map<String, String> env, String tool, String plainCommand) {
        String bin = env.get(BIN_VARIABLE);
        List<Path> folders = new ArrayList<>();
        if (bin != null && !bin.isBlank()) {
            folders.add(Path.of(bin));
        } else {
            for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    folders.add(Path.of(dir));
                }
            }
        }
        Path dump = locate(folders, "pg_dump");
        Path restore = locate(folders, "pg_restore");
        if ((tool.equals("pg_dump") ? dump : restore) == null) {
            String where = bin != null && !bin.isBlank() ? "in " + BIN_VARIABLE + " (" + bin + ")" : "on the PATH";
            throw new StoreException("This needs PostgreSQL's " + tool + ", which is not " + where + ": install it "
                    + "(Debian and Ubuntu: apt-get install postgresql-client; a version at least the server's) or "
                    + "set " + BIN_VARIABLE + " to its folder, or run the plain command from docs/cli.md: "
                    + plainCommand);
        }
        return new PostgresClientTools(dump, restore, Map.copyOf(env));
    }

    private static Path locate(List<Path> folders, String name) {
        for (Path folder : folders) {
            for (String file : List.of(name, name + ".exe")) {
                Path p = folder.resolve(file);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    Path pgDump() {
        return pgDump;
    }

    Path pgRestore() {
        return pgRestore;
    }

    /** Where a desk's server is, read from its JDBC URL: what libpq needs to reach it the same way. */
    record Address(String host, int port, String database, Map<String, String> libpqSettings) {
        /** The connection options every client program takes (no password: that goes in the environment). */
        List<String> options(String member) {
            return List.of("--host=" + host, "--port=" + port, "--username=" + member, "--no-password",
                    "--dbname=" + database);
        }
    }

    /**
     * Parses {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?PARAMS]} (what {@link PostgresDialect#jdbcUrl} makes).
     * Of the parameters, the ones that decide how the connection is secured carry over to libpq's environment
     * variables: {@code sslmode} and {@code sslrootcert} (and pgJDBC's {@code ssl=true}, which means verify-full).
     */
    static Address address(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String host = uri.getHost();
        if (host == null || uri.getRawPath() == null || uri.getRawPath().length() < 2 || host.contains(",")) {
            throw new StoreException("pg_dump and pg_restore reach one server, given as postgresql://HOST[:PORT]/"
                    + "DATABASE: " + jdbcUrl);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String param : uri.getRawQuery().split("&")) {
                String[] kv = param.split("=", 2);
                params.put(decode(kv[0]).toLowerCase(Locale.ROOT), kv.length == 2 ? decode(kv[1]) : "");
            }
        }
        Map<String, String> libpq = new LinkedHashMap<>();
        String sslmode = params.get("sslmode");
        if (sslmode == null && "true".equalsIgnoreCase(params.get("ssl"))) {
            sslmode = "verify-full";
        }
        if (sslmode != null) {
            libpq.put("PGSSLMODE", sslmode);
        }
        if (params.containsKey("sslrootcert")) {
            libpq.put("PGSSLROOTCERT", params.get("sslrootcert"));
        }
        return new Address(host, uri.getPort() < 0 ? 5432 : uri.getPort(), decode(uri.getRawPath().substring(1)),
                Map.copyOf(libpq));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Runs a client program to its end and returns what it printed; a failure becomes one sentence ending in the
     * program's own last words. The child's environment is the one these tools were found in less every
     * {@code PG*} variable (so a stray PGHOST or PGPASSWORD in the shell cannot send it elsewhere), plus the desk's
     * settings and password when it connects ({@code address} and {@code password} are null when it does not).
     */
    String run(List<String> command, Address address, String password, String doing) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        Map<String, String> env = pb.environment();
        env.clear();
        this.env.forEach((name, value) -> {
            if (!name.startsWith("PG")) {
                env.put(name, value);
            }
        });
        if (address != null) {
            env.putAll(address.libpqSettings());
            env.put("PGAPPNAME", "WireDesk " + Path.of(command.get(0)).getFileName());
            env.put("PGCONNECT_TIMEOUT", "10");
            env.put("PGPASSWORD", password);
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new StoreException("Cannot start " + command.get(0) + " to " + doing + ": " + e.getMessage(), e);
        }
        try (InputStream output = process.getInputStream()) {
            String printed = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                throw new StoreException("Could not " + doing + ": " + Path.of(command.get(0)).getFileName()
                        + " stopped (exit " + code + ")" + lastWords(printed));
            }
            return printed;
        } catch (IOException e) {
            process.destroyForcibly();
            throw new StoreException("Could not " + doing + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StoreException("Stopped before it could " + doing, e);
        }
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The program's error lines (at most three), which say what went wrong in its own words. */
    private static String lastWords(String printed) {
        List<String> lines = printed.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> errors = lines.stream().filter(l -> l.contains("error") || l.contains("FATAL")
                || l.contains("ERROR") || l.contains("DETAIL")).toList();
        List<String> said = errors.isEmpty() ? lines : errors;
        if (said.isEmpty()) {
            return "";
        }
        return ": " + String.join(" / ", said.subList(Math.max(0, said.size() - 3), said.size()));
    }
}
