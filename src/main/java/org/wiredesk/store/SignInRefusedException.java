package org.wiredesk.store;

/**
 * The store refused a sign-in: a wrong password, an unknown or a disabled member. Deliberately says no more, so
 * that nobody learns which part was wrong.
 */
public final class SignInRefusedException extends StoreException {
    public SignInRefusedException(Throwable cause) {
        super("sign-in refused", cause);
    }
}
