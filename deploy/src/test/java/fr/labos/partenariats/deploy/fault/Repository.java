package fr.labos.partenariats.deploy.fault;

import java.nio.file.Path;

/** Where the repository's root is when the deploy module's tests run (Maven runs them in the module's folder). */
final class Repository {

    private Repository() {
    }

    static Path root() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    }
}
