package fr.labos.partenariats.deploy;

import java.nio.file.Path;

/** Where the repository's root is when the deploy module's tests run (Maven runs them in the module's folder). */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    }
}
