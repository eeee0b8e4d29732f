package fr.labos.partenariats.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** One scrape of a service's {@code /actuator/prometheus}: series (name with labels) to value. */
record PrometheusSnapshot(Map<String, Double> series) {

    static PrometheusSnapshot parse(String text) {
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException e) {
                // a value Prometheus writes that Java does not read (none expected); the series is left out
            }
        }
        return new PrometheusSnapshot(series);
    }

    /** The sum of every series of a metric, whatever its labels. */
    double sum(String name) {
        return series.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /**
     * Timers that ran between {@code before} and this scrape, the longest total first: where the time went. Each line
     * gives the number of timed operations, their mean and their total time.
     */
    List<String> timersSince(PrometheusSnapshot before, Predicate<String> keep, int limit) {
        record Timer(String series, double count, double seconds) {
        }
        List<Timer> timers = new ArrayList<>();
        series.forEach((key, count) -> {
            int brace = key.indexOf('{');
            String name = brace < 0 ? key : key.substring(0, brace);
            if (!name.endsWith("_seconds_count") || !keep.test(key)) {
                return;
            }
            String labels = brace < 0 ? "" : key.substring(brace);
            String base = name.substring(0, name.length() - "_count".length());
            double runs = count - before.series.getOrDefault(key, 0.0);
            double seconds = series.getOrDefault(base + "_sum" + labels, 0.0)
                    - before.series.getOrDefault(base + "_sum" + labels, 0.0);
            if (runs > 0) {
                timers.add(new Timer(base + labels, runs, seconds));
            }
        });
        return timers.stream().sorted(Comparator.comparingDouble(Timer::seconds).reversed()).limit(limit)
                .map(t -> String.format(Locale.ROOT, "%9.0f × %8.2f ms = %7.1f s  %s", t.count(),
                        1000 * t.seconds() / t.count(), t.seconds(), t.series()))
                .toList();
    }
}
