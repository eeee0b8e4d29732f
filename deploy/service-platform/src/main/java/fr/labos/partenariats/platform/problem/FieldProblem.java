package fr.labos.partenariats.platform.problem;

/** One rejected input of a 400 problem: the field (a JSON path such as {@code territory.code}) and why. */
public record FieldProblem(String field, String message) {
}
