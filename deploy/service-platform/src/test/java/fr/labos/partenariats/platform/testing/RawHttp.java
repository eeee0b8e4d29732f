package fr.labos.partenariats.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so that a test can send bytes no HTTP client would (a raw {@code é}, {@code %00}),
 * exactly as a careless client sends them.
 */
public final class RawHttp {

    /** Status, lower-cased headers and body of an answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private RawHttp() {
    }

    /** Sends {@code requestTarget} byte for byte (ISO-8859-1 chars as bytes) in a GET. */
    public static Answer get(int port, byte[] requestTarget, String... headers) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write("GET ".getBytes(StandardCharsets.US_ASCII));
        request.write(requestTarget);
        request.write(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
        for (String header : headers) {
            // A header is sent as ISO-8859-1, as HTTP/1.1 reads it: a char up to U+00FF is the byte of that value.
            request.write((header + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    public static Answer get(int port, String requestTarget, String... headers) throws IOException {
        return get(port, requestTarget.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            // Sizes count bytes; the bodies here are ASCII or short enough that re-encoding is exact.
            byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
            body.append(chunk);
            at = lineEnd + 2 + chunk.length() + 2;
        }
        return body.toString();
    }

}
