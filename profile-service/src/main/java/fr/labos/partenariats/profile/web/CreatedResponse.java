package fr.labos.partenariats.profile.web;

/** Body of a 201 answer: the identifier of what was created (its address is in the Location header). */
public record CreatedResponse(String id) {
}
