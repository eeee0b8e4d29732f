// Calls to both services with the bearer token. A refusal or an invalid input comes back as the API's problem
// document (RFC 7807), shown as is: the console never decides on its own what someone may see or do.
import { currentSession } from './auth.js';

let settings = null;

export function configure(consoleSettings) {
  settings = consoleSettings;
}

/** An answer that is not a success, with the API's problem document (title, detail, errors by field). */
export class Problem extends Error {
  constructor(status, document) {
    super(document.detail || document.title || `Erreur ${status}`);
    this.status = status;
    this.document = document;
  }

  get fieldErrors() {
    return Array.isArray(this.document.errors) ? this.document.errors : [];
  }
}

/**
 * How far this service's clock is ahead of this device's, in milliseconds, from the Date of its answers: a round's
 * countdown restored from the instant the service gives runs on the service's clock. A Date is to the second and
 * written before the answer travels, so each answer underestimates the offset: the largest one seen is kept (a
 * countdown that does not jump back and forth with each answer).
 */
let serverOffset = null;
export const serverNow = () => Date.now() + (serverOffset ?? 0);

// bodyType: send the body as it is (a file's bytes) with that Content-Type, instead of as JSON. tagged: answer
// { value, etag }, the ETag naming the revision read; ifMatch: change only that revision (a 412 Problem otherwise).
async function call(base, path, { method = 'GET', body, bodyType, accept = 'application/json', raw = false, tagged = false, ifMatch } = {}) {
  const session = currentSession();
  const headers = { Accept: accept, 'Accept-Language': 'fr' };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (body !== undefined) headers['Content-Type'] = bodyType || 'application/json';
  let response;
  try {
    const sent = body === undefined ? undefined : bodyType ? body : JSON.stringify(body);
    response = await fetch(base + path, { method, headers, body: sent });
  } catch (e) {
    throw new Problem(0, { title: 'Service injoignable', detail: 'Le service ne répond pas : vérifiez votre connexion puis réessayez.' });
  }
  const answeredAt = Date.parse(response.headers.get('Date') || '');
  if (base === '' && Number.isFinite(answeredAt)) serverOffset = Math.max(serverOffset ?? -Infinity, answeredAt - Date.now());
  if (response.ok) {
    // The bytes as sent (a CSV keeps its byte order mark for Excel), and the name the service gives the file.
    if (raw) return { blob: await response.blob(), name: attachmentName(response) };
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    const value = type.includes('json') ? await response.json() : await response.text();
    return tagged ? { value, etag: response.headers.get('ETag') } : value;
  }
  let document;
  try {
    document = await response.json();
  } catch (e) {
    document = { title: `Erreur ${response.status}`, detail: `Le service a répondu ${response.status}.` };
  }
  // Without a valid token (the hour is up, the token refused): the service's own words name an HTTP header; the
  // reader is told what happened and what to do, and the page's banner says it too.
  if (response.status === 401) {
    document = { ...document, title: 'Session expirée', detail: 'Votre session a expiré : rien n’a été enregistré. '
      + 'Copiez ce que vous avez saisi, puis reconnectez-vous avec le bouton « Se reconnecter » en haut de la page.' };
    window.dispatchEvent(new CustomEvent(SESSION_ENDED));
  }
  throw new Problem(response.status, document);
}

/** Fired on `window` when the service refused the session's token (401): the page shows it ended. */
export const SESSION_ENDED = 'lab:session-ended';

export const profile = (path, options) => call(settings.profileService, path, options);
export const matchmaking = (path, options) => call('', path, options);

/**
 * Territories of the official reference whose name (or code) the words begin (« echirol »), best first, as
 * profile-service finds them: each with its level, code, name and the label the console writes (« Échirolles (38) »).
 */
export const findTerritories = (words, level, limit = 10) =>
  profile(`/api/territories?${new URLSearchParams({ q: words, ...(level ? { level } : {}), limit })}`);

const territoryNames = new Map();

/**
 * A territory's label (« Échirolles (38) », « Isère (38) ») for its level and code, read once per page load; null for a
 * code the reference does not know (a commune merged since), undefined when it cannot be read now (asked again next
 * time): the code is shown then.
 */
export function territoryLabel(level, code) {
  const key = `${level}:${code}`;
  if (!territoryNames.has(key)) {
    const read = findTerritories(code, level, 1)
      .then(found => (found.length && found[0].code === code ? found[0].label : null))
      .catch(() => { territoryNames.delete(key); return undefined; });
    territoryNames.set(key, read);
  }
  return territoryNames.get(key);
}

/** The most actors profile-service lists at once. */
const ACTORS_PAGE = 1000;

/**
 * Every actor at home in these territories (« DEPARTEMENT:38 », « REGION:84 », as the session names them), or every
 * actor of the lab when none is given, read page after page: a territory may hold more actors than one page.
 */
export async function actorsOf(territories = []) {
  const filters = territories.length ? territories.map(territory => `territory=${encodeURIComponent(territory)}&`) : [''];
  const actors = new Map();
  for (const filter of filters) {
    for (let offset = 0; ; offset += ACTORS_PAGE) {
      const page = await profile(`/api/actors?${filter}limit=${ACTORS_PAGE}&offset=${offset}`);
      page.forEach(actor => actors.set(actor.id, actor)); // a département within a région given too: listed once
      if (page.length < ACTORS_PAGE) break;
    }
  }
  return [...actors.values()];
}

/** The file name an answer's Content-Disposition gives (RFC 6266: the UTF-8 form first), if it gives one. */
function attachmentName(response) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : null;
}

/**
 * Downloads an answer (a CSV by default) as a file (the token travels in a header, so a plain link cannot do it),
 * under the name the service gives it — the same file whether fetched with curl or from the console, named after its
 * territory and day — or {@code fallbackName} if it gives none. Resolves with the name it was saved under.
 */
export async function download(path, fallbackName, accept = 'text/csv') {
  const { blob, name } = await call('', path, { accept, raw: true });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name || fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return link.download;
}

/**
 * People's names by their pseudonymous subjects, from a list of people as profile-service gives them (an
 * organisation's members, the lab's team: {@code subject} and, when the lab knows it, {@code name}). A map, not an
 * object: a subject is any string the identity provider chose.
 */
export const namesBySubject = people =>
  new Map(people.filter(person => person.name).map(person => [person.subject, person.name]));

/**
 * The names of the people of a profile-service list ({@code /api/lab-team}, an actor's members), by subject; a list the
 * reader may not read, or that cannot be read now, names no one: pages then show pseudonyms.
 */
export const namesAt = path => profile(path).then(namesBySubject).catch(() => new Map());

/**
 * How the console names the person behind a pseudonymous subject to the reader: « vous » for the reader, else the name
 * the lab keeps for that person in {@code names} (see {@link namesAt}), else null — each page then says what stands in
 * (the pseudonym, the person's role, the organisation).
 */
export function personAsReadBy(subject, names) {
  if (subject && subject === currentSession()?.subject) return 'vous';
  return names.get(subject) || null;
}

/** The most lines a list of introductions gives in one request (the API's {@code limit} at most). */
const LINES_PER_REQUEST = 500;

/**
 * The first {@code count} lines of a paged list of introductions (an inbox, the follow-up list: {@code introductions},
 * {@code total}, {@code limit} and {@code offset}), in as few requests as may be; the answer as the last request gave
 * it, with all the lines read.
 */
export async function readIntroductions(path, count) {
  const separator = path.includes('?') ? '&' : '?';
  let answer = null;
  const introductions = [];
  while (introductions.length < count) {
    const limit = Math.min(LINES_PER_REQUEST, count - introductions.length);
    answer = await matchmaking(`${path}${separator}limit=${limit}&offset=${introductions.length}`);
    introductions.push(...answer.introductions);
    if (answer.introductions.length < limit) break;
  }
  return { ...answer, introductions };
}

/**
 * Asks an introduction's view again, a few times, until `shows` holds of it (about five seconds at most): the view
 * reads the events after the command is committed, and a page redrawn from it at once would seem to lose what was just
 * recorded.
 */
export async function untilTheViewShows(introductionId, shows) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const view = await matchmaking(`/api/introductions/${introductionId}`).catch(() => null);
    if (view && shows(view)) return;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/**
 * Sends steps of an introduction that the service gives no id the page could choose (an outcome, a reminder) at most
 * once each, and resolves once the introduction's view shows the step. A sending whose answer never came (the network,
 * a proxy's timeout) or was a server error (a 5xx: the service answers 500 when a commit failed that may have been
 * written, a proxy 502 or 504 when it gave up waiting) may have been recorded: the same body sent again is first looked for in the introduction's
 * history, among the steps after the last one read before that sending, and is not sent twice. `isTheStep(step, body)`
 * says whether a step of the view is the one this body records. Returns `send(body)`; a refusal is thrown as is.
 */
export function stepSender(introductionId, path, isTheStep) {
  let unanswered = null;
  return async body => {
    let lastStep = null;
    let sent = body;
    try {
      // The same step sent again: the same body, whatever the last step the page now shows (lastStepSeen, which the
      // step itself may have moved on if its answer was lost and the page was drawn anew since).
      const same = b => JSON.stringify({ ...b, lastStepSeen: undefined });
      const again = unanswered && same(unanswered.body) === same(body) ? unanswered : null;
      const recordedAfter = step => view => (view.steps || []).some(s => s.sequence > step && isTheStep(s, body));
      if (again) await untilTheViewShows(introductionId, recordedAfter(again.lastStep));
      const view = await matchmaking(`/api/introductions/${introductionId}`);
      if (!again || !recordedAfter(again.lastStep)(view)) {
        lastStep = Math.max(-1, ...(view.steps || []).map(step => step.sequence));
        // Sent again as first sent: told the steps that page had shown then, not those its own step added.
        sent = again ? again.body : body;
        await matchmaking(`/api/introductions/${introductionId}/${path}`, { method: 'POST', body: sent });
        // The page is drawn from the views, which take the step in moments later: read once they have.
        await untilTheViewShows(introductionId, recordedAfter(lastStep));
      }
      unanswered = null;
    } catch (e) {
      if (e instanceof Problem && (e.status === 0 || e.status >= 500) && lastStep !== null) unanswered = { body: sent, lastStep };
      else if (e instanceof Problem && e.status > 0) unanswered = null; // refused: not recorded, the next one is new
      throw e;
    }
  };
}
