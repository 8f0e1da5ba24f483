package dev.spaces.comment.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail), on a free port; comment-service's mailer points at it. Tests read
 * what it received, and may stop it for a while and start it again on the same port (an SMTP outage).
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;
    private static volatile ServerSetup setup;

    @Override
    public Map<String, String> start() {
        setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        up();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(setup.getPort()));
    }

    @Override
    public void stop() {
        down();
    }

    /** Starts it (again) on its port; mail received before an outage is gone. */
    public static synchronized void up() {
        if (server == null) {
            GreenMail started = new GreenMail(setup);
            started.start();
            server = started;
        }
    }

    /** The server goes away: connections are refused until {@link #up()}. */
    public static synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Mail received so far for this address. */
    public static List<MimeMessage> mailFor(String address) {
        GreenMail current = server;
        if (current == null) {
            return List.of();
        }
        return Arrays.stream(current.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    public static int received() {
        GreenMail current = server;
        return current == null ? 0 : current.getReceivedMessages().length;
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
