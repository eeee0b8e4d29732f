package fr.labos.partenariats.schema.profile;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event of an actor that only those who manage its members read (its managers, the members its token names, the
 * facilitators of its territory, admins): the invitations, which the invitations API lists to them only. Views open
 * to the actor's other members or to every signed-in reader leave such events out — the actor's data export for a
 * plain member, the live stream of events — so that a new event of this kind is left out of them by being marked here,
 * not by a list kept in each of them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ManagersOnly {
}
