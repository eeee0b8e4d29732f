package fr.labos.partenariats.platform.problem;

import java.io.IOException;

/** A request body went past the size limit while being read; answered 413 wherever it surfaces. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
