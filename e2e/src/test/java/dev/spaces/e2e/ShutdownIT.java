package dev.spaces.e2e;

import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Last: {@code ./spaces down} leaves no process of the stack behind and frees every port. */
@Order(99)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShutdownIT {

    private final Stack stack;

    ShutdownIT(Stack stack) {
        this.stack = stack;
    }

    @Test
    void downLeavesNothingBehind() {
        assumeFalse(StackExtension.KEEP_RUNNING, "-De2e.keep-running: the stack stays up");
        assertThat(stack.status().exitCode()).as("all healthy before shutting down").isZero();
        assertThat(stack.processesOfHome()).as("processes of the stack while it runs").isNotEmpty();

        stack.down();

        assertThat(stack.processesOfHome()).as("processes left after ./spaces down").isEmpty();
        for (int port : stack.ports()) {
            assertThat(listening(port)).as("port %d still open", port).isFalse();
        }
        Stack.Result status = stack.status();
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.output().lines().filter(l -> l.contains(" running ") || l.contains(" crashed "))).isEmpty();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
