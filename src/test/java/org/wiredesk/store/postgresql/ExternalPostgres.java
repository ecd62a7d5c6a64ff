package org.wiredesk.store.postgresql;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL that runs outside the tests (a desk's Debian server, say), named by a superuser JDBC URL that carries
 * its credentials: {@code jdbc:postgresql://localhost:5432/postgres?user=postgres&password=...}. Its other
 * parameters (sslmode, ...) go with every connection made to it. The tests sign in to the database {@code postgres}
 * and to their own, whichever the URL names.
 */
final class ExternalPostgres {
    private static final Pattern JDBC = Pattern.compile("(jdbc:postgresql://[^/?]+)(?:/([^?]*))?(?:\\?(.*))?");

    private final String server;
    private final List<String> parameters;
    private final String user;
    private final String password;

    private ExternalPostgres(String server, List<String> parameters, String user, String password) {
        this.server = server;
        this.parameters = parameters;
        this.user = user;
        this.password = password;
    }

    /** Reads the URL; the user is required, the password optional (trust, or a password file). */
    static ExternalPostgres parse(String url) {
        Matcher m = JDBC.matcher(url.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database?user=... URL");
        }
        List<String> parameters = new ArrayList<>();
        String user = null;
        String password = null;
        for (String parameter : m.group(3) == null ? new String[0] : m.group(3).split("&")) {
            if (parameter.startsWith("user=")) {
                user = decode(parameter.substring(5));
            } else if (parameter.startsWith("password=")) {
                password = decode(parameter.substring(9));
            } else if (!parameter.isEmpty()) {
                parameters.add(parameter);
            }
        }
        if (user == null || user.isEmpty()) {
            // never echo the URL: it may hold a password
            throw new IllegalArgumentException("the URL names no superuser: add ?user=...&password=...");
        }
        return new ExternalPostgres(m.group(1), List.copyOf(parameters), user, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** A URL for {@code database} on this server, with the given URL's parameters but never its credentials. */
    String url(String database) {
        return server + "/" + database + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    String user() {
        return user;
    }

    /** A connection as the URL's superuser. */
    Connection superuser(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url(database), p);
    }
}
