// The live stream of committed events (server-sent events from matchmaking-service, fed by Kafka). Read with fetch
// rather than EventSource, so that the token travels in the Authorization header and never in a URL.
import { currentSession } from './auth.js';

const listeners = new Set();
let controller = null;
let readyWaiters = [];
let ready = false;

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
    return;
  }
  if (!data.length) return;
  const event = JSON.parse(data.join('\n'));
  listeners.forEach(listener => listener(event));
}
