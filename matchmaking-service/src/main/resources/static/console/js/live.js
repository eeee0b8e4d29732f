// The live stream of committed events (server-sent events from matchmaking-service, fed by Kafka). Read with fetch
// rather than EventSource, so that the token travels in the Authorization header and never in a URL.
import { currentSession } from './auth.js';

const listeners = new Set();
let controller = null;
let readyWaiters = [];
let ready = false;
/**
 * The ids of the events already known to the pages (dispatched, or already past when the first stream opened), the
 * latest {@link SEEN_KEPT}: a stream that opens again tells the pages of the events its predecessor missed, once.
 */
const seen = new Set();
const SEEN_KEPT = 1000;
let streamsOpened = 0;

export function onEvent(listener) {
  listeners.add(listener);
  ensureOpen();
  return () => listeners.delete(listener);
}

/** Resolves once the stream is open: from then on no event is missed. */
export function whenReady() {
  ensureOpen();
  return ready ? Promise.resolve() : new Promise(resolve => readyWaiters.push(resolve));
}

export function close() {
  if (controller) controller.abort();
  controller = null;
  ready = false;
}

function ensureOpen() {
  if (controller) return;
  controller = new AbortController();
  read(controller).catch(() => {}).finally(() => {
    const aborted = controller === null || controller.signal.aborted;
    controller = null;
    ready = false;
    if (!aborted && currentSession()) setTimeout(ensureOpen, 2000); // the stream ended: open a new one
  });
}

async function read(abort) {
  const session = currentSession();
  if (!session) return;
  const response = await fetch('/api/live', {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.token}` }, signal: abort.signal,
  });
  if (!response.ok || !response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
}

function dispatch(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (name === 'ready') {
    ready = true;
    readyWaiters.forEach(resolve => resolve());
    readyWaiters = [];
    // The events committed while no stream was open (the last one ended: its lifetime, the network, a restart of the
    // service) are among the service's latest: the first stream only learns which those are, as the pages read
    // everything after it opened; a stream opened again tells the pages of those they have not heard of.
    catchUp(++streamsOpened > 1).catch(() => {});
    return;
  }
  if (!data.length) return;
  deliver(JSON.parse(data.join('\n')));
}

function deliver(event) {
  if (event.eventId) {
    if (seen.has(event.eventId)) return;
    seen.add(event.eventId);
    if (seen.size > SEEN_KEPT) seen.delete(seen.values().next().value);
  }
  listeners.forEach(listener => listener(event));
}

/** Reads the service's latest events (oldest first): delivers those not yet delivered, or only marks them known. */
async function catchUp(deliverMissed) {
  const session = currentSession();
  if (!session) return;
  const response = await fetch('/api/live', {
    headers: { Accept: 'application/json', Authorization: `Bearer ${session.token}` },
  });
  if (!response.ok) return;
  for (const event of await response.json()) {
    if (deliverMissed) deliver(event);
    else if (event.eventId) seen.add(event.eventId);
  }
}
