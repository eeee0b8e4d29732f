package fr.labos.partenariats.matchmaking.introduction.view;

/** No introduction (or actor) of that id has reached the views; answered 404 with the message {@code code}. */
class ViewNotFoundException extends RuntimeException {

    private final String code;
    private final String id;

    ViewNotFoundException(String code, String id) {
        super(code + ": " + id);
        this.code = code;
        this.id = id;
    }

    String code() {
        return code;
    }

    String id() {
        return id;
    }
}
