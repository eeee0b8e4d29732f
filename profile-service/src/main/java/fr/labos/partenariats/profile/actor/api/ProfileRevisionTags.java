package fr.labos.partenariats.profile.actor.api;

import java.util.HashSet;
import java.util.Set;

/**
 * A profile's revision as an HTTP entity tag, and back: {@code ETag: "3"} on reading, {@code If-Match: "3"} on
 * changing (RFC 9110, 13.1.1).
 */
final class ProfileRevisionTags {

    private ProfileRevisionTags() {
    }

    static String tag(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * The revisions an {@code If-Match} accepts: {@code null} when the header is absent or {@code *} (any revision: the
     * actor exists, or the request was refused before). A weak tag ({@code W/"3"}) or one this service never gives
     * matches nothing, as If-Match compares strongly: the change is then refused, never made unconditionally.
     */
    static Set<Long> accepted(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Set<Long> revisions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            String strong = tag.strip();
            if (strong.length() > 2 && strong.startsWith("\"") && strong.endsWith("\"")) {
                try {
                    revisions.add(Long.parseLong(strong.substring(1, strong.length() - 1)));
                } catch (NumberFormatException e) {
                    // a tag of another kind: it matches no revision of ours
                }
            }
        }
        return revisions;
    }
}
