package fr.labos.partenariats.platform.security;

import java.util.List;

/**
 * Static files a service serves to browsers (a web console): public, since they hold no data, with the content
 * security policy they need. The data those pages show still comes from the API, with a bearer token. Declare one as a
 * bean to have {@link LabSecurityAutoConfiguration} let them through.
 *
 * @param paths                 the request patterns of the pages and their scripts, e.g. {@code /console/**}
 * @param contentSecurityPolicy the policy of those pages (where they may connect: the API, the sign-in provider)
 */
public record PublicPages(List<String> paths, String contentSecurityPolicy) {

    public PublicPages {
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("PublicPages needs at least one path");
        }
    }
}
