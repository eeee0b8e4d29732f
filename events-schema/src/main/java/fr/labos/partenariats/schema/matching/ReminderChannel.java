package fr.labos.partenariats.schema.matching;

/** How a facilitator reminded a side of an introduction (a reminder is made outside the service, and noted here). */
public enum ReminderChannel {
    PHONE("par téléphone"),
    EMAIL("par courriel"),
    IN_PERSON("de vive voix"),
    OTHER("autrement");

    private final String label;

    ReminderChannel(String label) {
        this.label = label;
    }

    /** French words, as they follow « relancée » in an introduction's history. */
    public String label() {
        return label;
    }
}
