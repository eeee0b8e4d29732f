package fr.labos.partenariats.schema.profile;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event of an actor that tells about its people: a member joining, leaving or changing role, its contact person
 * asking to be erased. Views open to every signed-in reader (the live stream of events) tell that such an event
 * happened, but which actor only to those who act for it (its members, the facilitators of its territory, admins):
 * a viewer would otherwise learn when an organisation's contact person asked to be forgotten, or who comes and goes.
 * Marked here, so that a new event of this kind is kept apart by being marked, not by a list kept in each view.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ActorPrivate {
}
