package org.wiredesk.story;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** A desk member and the roles they hold. */
public record User(String username, String displayName, Set<Role> roles) {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public User {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits, '.', '_', '@' or '-': " + username);
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
