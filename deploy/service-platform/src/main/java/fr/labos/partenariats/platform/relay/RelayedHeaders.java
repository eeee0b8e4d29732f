package fr.labos.partenariats.platform.relay;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/**
 * Reading the headers the relay writes ({@code EventHeaders}, who acted) on a consumed record: the last one of the
 * name, as text. Null when the record has none, or one without a value — which no relay writes, but a record put on
 * the topic by other means may carry: its reader passes it over rather than fail on it for ever.
 */
public final class RelayedHeaders {

    private RelayedHeaders() {
    }

    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
