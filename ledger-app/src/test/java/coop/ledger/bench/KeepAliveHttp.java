package coop.ledger.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection kept open for many requests, sent one after the other, with nothing else: a benchmark
 * client that costs little CPU of its own. {@code java.net.http} runs every exchange through its selector thread and a
 * chain of futures; on the two cores it shares with the server a profile showed it taking a large part of the CPU
 * (see docs/http-write-path.md), so the write figures measured more of the client than of the ledger. Reconnects when
 * the server closes the connection. Not thread-safe: one per benchmark client.
 */
final class KeepAliveHttp implements AutoCloseable {

    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveHttp(int port) {
        this.port = port;
    }

    /** Sends a POST with a JSON body and returns the status; the response body is read and dropped. */
    int post(String path, String authorization, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            return exchange(head, body);
        } catch (IOException closedByServer) {
            // Tomcat closes a keep-alive connection after maxKeepAliveRequests; the request was not read then.
            close();
            return exchange(head, body);
        }
    }

    private int exchange(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }
        out.write(head);
        out.write(body);
        out.flush();
        String status = line();
        if (status.isEmpty()) {
            throw new IOException("connection closed");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            close();
        }
        return code;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            if (in.read() < 0) {
                throw new IOException("connection closed in a response body");
            }
            n--;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection we no longer use
            }
            socket = null;
        }
    }
}
