package org.usermodels.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 exchange written byte for byte, for requests no client library would send (a control character
 * in a header, a header name that is no token): what a hostile client does, and what tests of the refusals need.
 */
public final class RawHttp {

    private RawHttp() {}

    /**
     * Sends {@code GET path} with the given extra header lines (each {@code "Name: value"}, written as they are)
     * and a bearer token, and answers the whole response, status line and headers included.
     */
    public static String get(int port, String path, String token, String... headerLines) {
        var request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        request.append("Authorization: Bearer ").append(token).append("\r\n");
        for (var line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
