package fr.labos.partenariats.profile.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Writes and reads the JSON documents of the read models (JSONB columns of actor_view and post_view). */
@Component
public class JsonDocuments {

    private final ObjectMapper json;

    public JsonDocuments(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + view.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " document", e);
        }
    }
}
