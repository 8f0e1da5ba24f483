package dev.spaces.commons.testing.elasticsearch;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Elasticsearch refuses to run as root, and CI runs as root: then the node runs as a system user, created on
 * first use, that owns the node's directory. A non-root user simply runs the node itself.
 */
final class NodeUser {

    static final String NAME = "spacesearch";

    private NodeUser() {
    }

    /** The command line that runs {@code executable} as a user Elasticsearch accepts, who owns {@code directory}. */
    static List<String> commandLine(Path executable, Path directory) throws IOException, InterruptedException {
        if (new UnixSystem().getUid() != 0) {
            return List.of(executable.toString());
        }
        ensureExists();
        Commands.run("chown", "-R", NAME + ":", directory.toString());
        String uid = Commands.run("id", "-u", NAME).strip();
        String gid = Commands.run("id", "-g", NAME).strip();
        // setpriv execs in place (unlike su/runuser), so the process we hold is Elasticsearch's own launcher
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups", executable.toString());
    }

    private static void ensureExists() throws IOException, InterruptedException {
        if (Commands.succeeds("id", "-u", NAME)) {
            return;
        }
        try {
            Commands.run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME);
        } catch (IOException e) {
            if (!Commands.succeeds("id", "-u", NAME)) { // another test JVM may have just created it
                throw e;
            }
        }
    }
}
