package fr.labos.partenariats.platform.limits;

import fr.labos.partenariats.platform.problem.PayloadTooLargeException;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import fr.labos.partenariats.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.lang.NonNull;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses a request body over the limit with a 413 problem: at once when its {@code Content-Length} says so, else
 * (chunked bodies) as soon as reading goes past the limit, before any of it reaches a command. A file's body
 * ({@code text/csv}, or {@code text/plain}, which the imports of a spreadsheet take too) has a limit of its own.
 */
class BodySizeFilter extends OncePerRequestFilter {

    private static final List<String> FILE_TYPES = List.of("text/csv", "text/plain");

    private final long bodyLimit;
    private final long importLimit;
    private final Problems problems;

    BodySizeFilter(long bodyLimit, long importLimit, Problems problems) {
        this.bodyLimit = bodyLimit;
        this.importLimit = importLimit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean file = contentType != null && FILE_TYPES.stream()
                .anyMatch(type -> contentType.regionMatches(true, 0, type, 0, type.length()));
        long limit = file ? importLimit : bodyLimit;
        if (request.getContentLengthLong() > limit) {
            problems.write(response, problems.of(ProblemTypes.PAYLOAD_TOO_LARGE, request,
                    "problem.payload-too-large.limit", limit / 1024));
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    /** A request whose body stream fails with {@link PayloadTooLargeException} past the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
