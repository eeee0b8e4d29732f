package fr.labos.partenariats.platform.problem;

import fr.labos.partenariats.schema.common.LabCalendar;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The texts of problem documents, from message bundles: French by default, English when the request prefers it
 * ({@code Accept-Language: en}). The platform's bundle holds the titles and the generic details; each service adds its
 * own bundle for the details of its domain exceptions ({@code lab.problems.messages}).
 */
public final class ProblemMessages {

    static final Locale DEFAULT = Locale.FRENCH;
    private static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    /** Longest piece of client input quoted back in a message: enough to recognise it, never a 1 MB echo. */
    static final int QUOTE_LIMIT = 80;
    /** Longest text of the service's own in a message (a rule's sentence, a list of accepted values). */
    static final int WRITTEN_LIMIT = 1000;

    /**
     * The time a date in a message is read in: the labs' (as for the days a post is valid), not the server's, which is
     * UTC in most images — an invitation expiring at 23:30 UTC expires the next day for a reader in France.
     */
    static final TimeZone LAB_TIME_ZONE = TimeZone.getTimeZone(LabCalendar.ZONE);

    private final ResourceBundleMessageSource bundles = new ResourceBundleMessageSource() {
        @Override
        protected MessageFormat createMessageFormat(String message, Locale locale) {
            MessageFormat format = super.createMessageFormat(message, locale);
            Format[] parts = format.getFormats();
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] instanceof DateFormat date) {
                    date.setTimeZone(LAB_TIME_ZONE);
                    if (locale.getLanguage().equals(Locale.FRENCH.getLanguage())) {
                        format.setFormat(i, new FirstOfTheMonthInFrench(date));
                    }
                }
            }
            return format;
        }
    };

    /** French writes the first of a month as an ordinal (« 1er décembre 2026 »), which Java's date formats do not. */
    private static final class FirstOfTheMonthInFrench extends Format {

        private final DateFormat date;

        FirstOfTheMonthInFrench(DateFormat date) {
            this.date = date;
        }

        @Override
        public StringBuffer format(Object value, StringBuffer toAppendTo, FieldPosition position) {
            return toAppendTo.append(LabCalendar.withFirstAsOrdinal(date.format(value)));
        }

        @Override
        public Object parseObject(String source, ParsePosition position) {
            return date.parseObject(source, position);
        }
    }

    ProblemMessages(List<String> serviceBundles) {
        List<String> basenames = new ArrayList<>(serviceBundles);
        basenames.add("fr/labos/partenariats/platform/problem/problems");
        bundles.setBasenames(basenames.toArray(String[]::new));
        bundles.setDefaultEncoding("UTF-8");
        // The base bundle is French; never fall back to the JVM's locale (an English server must still answer in French).
        bundles.setFallbackToSystemLocale(false);
        bundles.setAlwaysUseMessageFormat(true);
    }

    /** French unless the request's {@code Accept-Language} ranks English first among the languages offered. */
    public static Locale localeOf(HttpServletRequest request) {
        return localeOf(request.getHeader("Accept-Language"));
    }

    static Locale localeOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return chosen == null ? DEFAULT : chosen;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }

    /** The message of that code, its arguments quoted safely; the code itself if no bundle has it. */
    public String get(String code, Locale locale, Object... arguments) {
        try {
            return bundles.getMessage(code, quoteAll(arguments), locale);
        } catch (NoSuchMessageException e) {
            return code;
        }
    }

    /** An exception (or any resolvable) that names its own message codes and arguments. */
    String get(MessageSourceResolvable resolvable, Locale locale) {
        String[] codes = resolvable.getCodes();
        if (codes == null || codes.length == 0) {
            return null;
        }
        Object[] arguments = resolvable.getArguments() == null ? new Object[0] : resolvable.getArguments();
        try {
            return bundles.getMessage(codes[0], quoteAll(arguments), locale);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    boolean has(String code, Locale locale) {
        try {
            bundles.getMessage(code, null, locale);
            return true;
        } catch (NoSuchMessageException e) {
            return false;
        }
    }

    /**
     * Numbers and dates stay as they are, for the message's own format ({@code {0,number}}, {@code {0,date,long}}) to
     * write them in the reader's language; they are never echoed as the client wrote them. Text the service wrote
     * ({@link Written}) is kept whole up to {@value #WRITTEN_LIMIT} characters. Everything else is client input,
     * quoted and cut.
     */
    private static Object[] quoteAll(Object[] arguments) {
        Object[] quoted = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof Number || argument instanceof Date) {
                quoted[i] = argument;
            } else if (argument instanceof Written written) {
                quoted[i] = clean(written.text(), WRITTEN_LIMIT);
            } else {
                quoted[i] = quote(argument);
            }
        }
        return quoted;
    }

    /**
     * A message argument the service wrote itself — a sentence of its rules, the list of the values a field accepts —
     * which a reader needs whole: the cut meant for client input would leave « ou d'un fac… » or half the list. Such a
     * sentence may still carry a piece of client input, so it is bounded all the same, more loosely.
     */
    public record Written(String text) {
    }

    /** See {@link Written}. */
    public static Written written(String text) {
        return new Written(text);
    }

    /**
     * Client input as it may appear in a message: control characters dropped, cut at {@value #QUOTE_LIMIT}
     * characters with an ellipsis.
     */
    public static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Object[] values) {
            // A parameter given several times (?limit=abc&limit=5): its values, not the array's identity.
            value = String.join(", ", Arrays.stream(values).map(String::valueOf).toList());
        }
        return clean(String.valueOf(value), QUOTE_LIMIT);
    }

    private static String clean(String text, int limit) {
        StringBuilder safe = new StringBuilder(Math.min(text.length(), limit + 1));
        for (int i = 0; i < text.length() && safe.length() < limit; i++) {
            char c = text.charAt(i);
            if (!Character.isISOControl(c)) {
                safe.append(c);
            }
        }
        if (safe.length() == limit && text.length() > limit) {
            safe.append('…');
        }
        return safe.toString();
    }
}
