/** The domain's refusals (not found, conflict, invalid input), free of HTTP; the web layer maps them to problems. */
package fr.labos.partenariats.profile.domain;
