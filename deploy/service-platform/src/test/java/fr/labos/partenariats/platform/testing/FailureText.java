package fr.labos.partenariats.platform.testing;

import java.sql.SQLException;

/** What a log could print of a failure, for tests that check what it must not carry (an event's payload, a value). */
public final class FailureText {

    private FailureText() {
    }

    /** Each cause's text, and each SQL exception's next ones (a batch's refused entries hang there). */
    public static String of(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    text.append(next).append('\n');
                }
            }
        }
        return text.toString();
    }
}
