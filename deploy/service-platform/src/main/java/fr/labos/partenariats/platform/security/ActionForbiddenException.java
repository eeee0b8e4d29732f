package fr.labos.partenariats.platform.security;

import org.springframework.security.access.AccessDeniedException;

/** The principal may not do this to this object; answered 403 with the (French) message as the problem's detail. */
public class ActionForbiddenException extends AccessDeniedException {
    public ActionForbiddenException(String frenchReason) {
        super(frenchReason);
    }
}
