package org.usermodels.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Finds TCP ports nobody listens on. */
public final class FreePorts {

    private FreePorts() {}

    /** A port that was free a moment ago; another process may still take it before the caller does. */
    public static int find() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** Tells whether something already listens on {@code port}. */
    public static boolean inUse(int port) {
        try (var probe = new ServerSocket(port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
