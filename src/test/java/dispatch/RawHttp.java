package dispatch;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket to the test application, for requests no client library would
 * send: repeated or missing {@code Host}, headers of one character, a head dripped byte by byte.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A response as it came off the wire. */
    public record Response(int status, String head, String body) {

        /** The first value of header {@code name}, or null. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** Sends {@code request} (its head ending in an empty line) and reads the response until the server closes. */
    public static Response exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] bytes = readUntilClosed(socket.getInputStream());
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] statusLine = head.split(" ", 3);
            int status = statusLine.length > 1 && statusLine[0].toUpperCase(Locale.ROOT).startsWith("HTTP/") ? Integer.parseInt(statusLine[1]) : -1;
            return new Response(status, head, body);
        }
    }

    /** A GET of {@code path} with {@code headers} (each a whole line), closing the connection after the response. */
    public static Response get(String path, String... headers) throws IOException {
        return exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + lines(headers) + "\r\n");
    }

    /** {@code headers} as header lines. */
    public static String lines(String... headers) {
        StringBuilder b = new StringBuilder();
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return b.toString();
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the server neither answered nor closed within 10 s; got: " + out, e);
        }
        return out.toByteArray();
    }
}
