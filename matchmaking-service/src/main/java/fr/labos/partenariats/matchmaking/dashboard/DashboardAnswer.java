package fr.labos.partenariats.matchmaking.dashboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A dashboard's handler, answering JSON of this shape or CSV ({@link DashboardApiDocumentation} documents both).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface DashboardAnswer {

    /** The JSON answer's record, one of {@link DashboardApiDocumentation}'s shapes. */
    Class<?> value();
}
