// The live stream of committed events (server-sent events from matchmaking-service, fed by Kafka). Read with fetch
// rather than EventSource, so that the token travels in the Authorization header and never in a URL.
import { serverNow } from './api.js';
import { currentSession } from './auth.js';

const listeners = new Set();
/** Told when the stream gives up because the sign-in ended (the token expired, or the service no longer takes it). */
const endListeners = new Set();
/** Told when a stream opened again may have missed events ({@link onMissedTooMany}). */
const missedListeners = new Set();
/** The service's time of the last keep-alive or event heard, in ms ({@link heardUntil}); null before any. */
let lastHeard = null;
/** How many of its latest events the service lists ({@code LiveEvents.RECENT}). */
const RECENT_LISTED = 100;
/** The current stream's; a stream that ended or was closed is no longer current, and what it still reads is dropped. */
let controller = null;
let retry = null;
let readyWaiters = [];
let ready = false;
/**
 * The stream the service ended for a newer one of the same person (more pages open than it keeps streams for): its
 * page opens a new one only once it is looked at again, instead of ending another page's at once, round and round.
 */
let replacedStream = null;
/** The ids of the events told to the pages (the latest {@link DELIVERED_KEPT}): none is told twice. */
const delivered = new Set();
const DELIVERED_KEPT = 1000;
/**
 * The ids among the service's latest events when the first stream opened that the service received before the page
 * started: the pages read everything after that, so no catch-up tells them of these. Kept apart from
 * {@link delivered}: one of them may still be on its way through that first stream (the service lists an event just
 * before sending it), and must not be dropped there.
 */
const past = new Set();
let pastTaken = false;
/**
 * When this page started (this device's clock): the console opens the stream first, but draws its first page without
 * it after two seconds; what was committed after this, before the first stream opened (a stream refused for a moment,
 * a slow network), was not read by that page, and is told at the first catch-up instead of taken for past.
 */
const pageStartedAt = Date.now();

/**
 * Whether the event changes introductions (and so an inbox, a timeline, the dashboard): of an introduction, its meetings
 * or outcomes — not of a session, nor the introduction log's periodic head.
 */
export function changesIntroductions(event) {
  return event.source === 'matchmaking'
    && /^(Introduction(Proposed|Accepted|Declined|Expired|Withdrawn|ReminderRecorded)|Meeting(Scheduled|Held|Missed)|OutcomeRecorded)Event$/.test(event.type || '');
}

/**
 * Calls `read` when an introduction changes on the stream ({@link changesIntroductions}), `first` ms after the event
 * (a burst of events is one reading), then again `readAgainAfter` ms after the last event of a burst: a page reading
 * the introductions' views reads what another consumer than the stream's wrote, which may trail it by seconds on a
 * loaded server. Returns what stops it, timers included.
 */
export function followIntroductions(read, { first = 0, readAgainAfter }) {
  let pending = null;
  let again = [];
  const stop = onEvent(event => {
    if (!changesIntroductions(event)) return;
    again.forEach(clearTimeout);
    again = readAgainAfter.map(delay => setTimeout(read, delay));
    if (pending) return;
    pending = setTimeout(() => { pending = null; read(); }, first);
  });
  return () => { stop(); clearTimeout(pending); again.forEach(clearTimeout); };
}

export function onEvent(listener) {
  listeners.add(listener);
  ensureOpen();
  return () => listeners.delete(listener);
}

/**
 * `listener` is called when a stream opened again finds that more events happened while none was open than the
 * service still lists (a device offline for a while in a busy lab): what the page shows may lack some of them.
 */
export function onMissedTooMany(listener) {
  missedListeners.add(listener);
  return () => missedListeners.delete(listener);
}

/** `listener` is called when the stream stops for want of a valid sign-in (it does not try again then). */
export function onSessionEnded(listener) {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

/** Resolves once the stream is open: from then on no event is missed. */
export function whenReady() {
  ensureOpen();
  return ready ? Promise.resolve() : new Promise(resolve => readyWaiters.push(resolve));
}

export function close() {
  clearTimeout(retry);
  if (controller) controller.abort();
  controller = null;
  ready = false;
}

function ensureOpen() {
  if (controller) return;
  clearTimeout(retry);
  const mine = new AbortController();
  controller = mine;
  let refused = false;
  let wait = 2000;
  read(mine).then(answer => {
    refused = answer?.status === 401;
    // 503 (the instance holds as many streams as it may): the service says when to come back.
    if (answer?.retryAfter > 0) wait = answer.retryAfter * 1000;
  }, () => {}).finally(() => {
    if (controller !== mine) return; // closed, and perhaps replaced by a newer stream: nothing of it is this one's
    controller = null;
    ready = false;
    if (replacedStream === mine) {
      replacedStream = null;
      whenLookedAt(ensureOpen);
    } else if (currentSession() && !refused) retry = setTimeout(ensureOpen, wait); // the stream ended: open a new one
    else endListeners.forEach(listener => listener());
  });
}

/** Calls `then` now if the page is shown, else once it is shown again. */
function whenLookedAt(then) {
  if (document.visibilityState === 'visible') {
    then();
    return;
  }
  const shown = () => {
    if (document.visibilityState !== 'visible') return;
    document.removeEventListener('visibilitychange', shown);
    then();
  };
  document.addEventListener('visibilitychange', shown);
}

/**
 * How long the stream may stay silent before it is taken for dead: the service writes at least every 15 seconds (a
 * keep-alive when nothing happens). A connection lost without being closed — a phone changing Wi-Fi, a laptop waking
 * up — never ends the read by itself: the page would go on showing what it had, without a word, for good.
 */
const SILENCE_MS = 45_000;

async function read(stream) {
  const session = currentSession();
  if (!session) return;
  let silence = null;
  // Aborted, the read fails and the stream is opened again, which catches up with what it missed.
  const heard = () => {
    clearTimeout(silence);
    silence = setTimeout(() => stream.abort(), SILENCE_MS);
  };
  heard();
  try {
    const response = await fetch('/api/live', {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.token}` }, signal: stream.signal,
    });
    if (!response.ok || !response.body) { // 401: the token is no longer taken
      return { status: response.status, retryAfter: Number(response.headers.get('Retry-After')) || 0 };
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      heard();
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        if (controller === stream) dispatch(buffer.slice(0, end), stream);
        buffer = buffer.slice(end + 2);
      }
    }
  } finally {
    clearTimeout(silence);
  }
}

function dispatch(block, stream) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    else if (line.startsWith(':keep-alive ')) heardUntil(line.slice(12).trim());
  }
  if (name === 'remplace') {
    replacedStream = stream;
    return;
  }
  if (name === 'ready') {
    // The instance tells of every event since it started: one started after this page was last told of any (a
    // restart, another instance) never read what was committed in between, and cannot list it again.
    const since = Date.parse(JSON.parse(data.join('\n') || '{}').since);
    if (lastHeard !== null && since > lastHeard) missedListeners.forEach(listener => listener());
    ready = true;
    readyWaiters.forEach(resolve => resolve());
    readyWaiters = [];
    // The events committed while no stream was open (the last one ended: its lifetime, the network) are among the
    // service's latest: a stream opened again tells the pages of those they have not heard of; the first one, of
    // those received since the page started (it is drawn without the stream after two seconds).
    catchUp().catch(() => {});
    return;
  }
  if (!data.length) return;
  const event = JSON.parse(data.join('\n'));
  heardUntil(event.receivedAt);
  deliver(event);
}

/** Until when (the service's time) this page was told of every event: the last keep-alive or event it heard. */
function heardUntil(instant) {
  const at = Date.parse(instant);
  if (Number.isFinite(at) && (lastHeard === null || at > lastHeard)) lastHeard = at;
}

function remember(eventId) {
  delivered.add(eventId);
  while (delivered.size > DELIVERED_KEPT) delivered.delete(delivered.values().next().value);
}

function deliver(event) {
  if (event.eventId) {
    if (delivered.has(event.eventId)) return;
    remember(event.eventId);
  }
  // One page failing on an event does not keep it from the others, nor end the stream.
  listeners.forEach(listener => {
    try {
      listener(event);
    } catch (e) {
      console.error(e);
    }
  });
}

/**
 * Reads the service's latest events (oldest first). The first time, notes which came before the page started, and tells
 * the pages of those after (they read before the stream was open); then, tells the pages
 * of those neither told nor past: of each aggregate's kind of event the latest only, as the pages read again what
 * changed however many times it did (a hundred missed events are not a hundred reloads). An event without an id cannot
 * be told apart from one already told: it is left out.
 */
async function catchUp() {
  const session = currentSession();
  if (!session) return;
  const response = await fetch('/api/live', {
    headers: { Accept: 'application/json', Authorization: `Bearer ${session.token}` },
  });
  if (!response.ok) return;
  const listed = await response.json();
  const latest = listed.filter(event => event.eventId);
  if (!pastTaken) {
    // The page's start on the service's clock: this answer's Date says how far ahead of this device it is (to the
    // second, and rounded down: an event of the second before the start may be told too, which a page reads again).
    const answeredAt = Date.parse(response.headers.get('Date'));
    const ahead = Number.isFinite(answeredAt) ? answeredAt - Date.now() : serverNow() - Date.now();
    const startedOnTheService = pageStartedAt + ahead - 1000;
    latest.filter(event => !(Date.parse(event.receivedAt) > startedOnTheService)).forEach(event => past.add(event.eventId));
    pastTaken = true;
  } else if (listed.length >= RECENT_LISTED
      && !latest.some(event => past.has(event.eventId) || delivered.has(event.eventId))) {
    // The service lists its latest events only: a full list holding none this page knew of means that more happened
    // while no stream was open than the list holds, and which those were cannot be told. The page is told to read
    // again.
    missedListeners.forEach(listener => listener());
  }
  const missed = new Map();
  for (const event of latest.filter(e => !past.has(e.eventId) && !delivered.has(e.eventId))) {
    // Events heard without their aggregate (introductions or sessions the reader may not read) are one kind per type:
    // the pages that care about them (the dashboard) read everything again.
    const key = `${event.source}|${event.aggregateId}|${event.type}`;
    const earlier = missed.get(key);
    if (earlier) {
      remember(earlier.eventId); // covered by the later one: not told, and not told if its stream brings it
      missed.delete(key);
    }
    missed.set(key, event);
  }
  missed.forEach(deliver);
}
