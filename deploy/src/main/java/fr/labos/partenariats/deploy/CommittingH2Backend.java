package fr.labos.partenariats.deploy;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, made to keep what it acknowledged. Left to itself, its MVStore writes to the file
 * about once a second from a thread of its own, so a crash of the stand-in's process loses up to a second of
 * acknowledged writes, and not as a suffix: a document written after another may survive without it (seen with two
 * collections, one write to each in turn: after a SIGKILL the second collection's last write was there and up to a
 * hundred of the first's before it were gone, in eight rounds out of eight). MongoDB's journal never keeps a later
 * write without the earlier ones, and the services build on that order: matchmaking-service's projection writes a
 * partition's position after the documents it covers, and resumes from there.
 * <p>
 * Committing the store before a command's answer leaves, the answer goes out only once the command's changes are in
 * the file: a crash of the stand-in then loses nothing it acknowledged (the operating system holds the written pages;
 * a power cut, which nothing here simulates, could still lose them). A command that changed nothing commits nothing.
 */
final class CommittingH2Backend extends H2Backend {

    CommittingH2Backend(String file) {
        super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = super.handleCommand(channel, database, command, query);
        if (getMvStore().hasUnsavedChanges()) {
            commit();
        }
        return answer;
    }
}
