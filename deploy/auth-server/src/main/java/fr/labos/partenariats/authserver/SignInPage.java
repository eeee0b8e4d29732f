package fr.labos.partenariats.authserver;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in form, in French and accessible (labels, language, an error announced), in place of Spring Security's
 * default English page. It posts to {@code /login} as the default page does, with the CSRF token.
 */
@Controller
class SignInPage {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(CsrfToken csrf, @RequestParam(required = false) String error, @RequestParam(required = false) String logout) {
        String message = error != null
                ? "<p role=\"alert\" class=\"erreur\">Identifiant ou mot de passe incorrect.</p>"
                : logout != null ? "<p role=\"status\">Vous êtes déconnecté.</p>" : "";
        return """
                <!doctype html>
                <html lang="fr">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Connexion — Labo des partenariats</title>
                <style>
                  body { font-family: system-ui, sans-serif; color: #1b1f24; margin: 0; }
                  header { background: #083f77; color: #fff; padding: .75rem 1.5rem; font-weight: 700; }
                  main { max-width: 28rem; margin: 2rem auto; padding: 0 1rem; }
                  label { display: block; font-weight: 600; margin-top: 1rem; }
                  input { font: inherit; width: 100%%; padding: .45rem; border: 1px solid #8a9099; border-radius: 4px; box-sizing: border-box; }
                  button { font: inherit; margin-top: 1.25rem; padding: .5rem 1rem; background: #0b5cad; color: #fff; border: 2px solid #0b5cad; border-radius: 4px; }
                  :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
                  .erreur { border-left: 5px solid #b00020; background: #fdecee; padding: .5rem .75rem; }
                </style></head>
                <body>
                <header>Labo des partenariats</header>
                <main>
                  <h1>Connexion</h1>
                  %s
                  <form method="post" action="login">
                    <label for="username">Identifiant</label>
                    <input id="username" name="username" autocomplete="username" required autofocus>
                    <label for="password">Mot de passe</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit">Se connecter</button>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
