// What the session pages share: the session API's shapes (GET /api/sessions/{id}, its schedule) and the French labels
// of its codes. Their refreshes coalesce bursts of live events (an absence is two events, a round one per meeting
// held) into as few reads as the page needs (ui.js, coalescing).
import { matchmaking } from './api.js';

export const REASONS = { MUTUAL_WISH: 'souhait réciproque', WISH: 'souhait', COMPLEMENTARITY: 'complémentarité' };
export const PRESENCE = { REGISTERED: 'inscrit', CHECKED_IN: 'arrivé', ABSENT: 'absent' };

/** The session: settings, where it stands, participants (name, organisation, presence) and wishes. */
export const overview = sessionId => matchmaking(`/api/sessions/${sessionId}`);

/**
 * The schedule as the API gives it (rounds → tables), with every meeting also in a flat list:
 * { round, table, actor: {actorId, name}, partner: {...}, weight, reason, explanation, locked, held }.
 */
export async function schedule(sessionId) {
  const answer = await matchmaking(`/api/sessions/${sessionId}/schedule`);
  return withMeetings(answer);
}

export function withMeetings(answer) {
  const meetings = answer.rounds.flatMap(r => r.tables.map(t => ({ ...t, round: r.round })));
  return { ...answer, meetings };
}

/**
 * A hand change: { action: MOVE | SWAP | LOCK | UNLOCK, meeting: {round, table}, target?: {round, table},
 * basedOnVersion?: the schedule's version it was made on }.
 */
export async function adjust(sessionId, change) {
  return withMeetings(await matchmaking(`/api/sessions/${sessionId}/schedule/adjustments`, { method: 'POST', body: change }));
}

export function post(sessionId, path, body) {
  return matchmaking(`/api/sessions/${sessionId}/${path}`, { method: 'POST', body: body || {} });
}

/** Withdraws a participant before the plan is published. */
export function withdraw(sessionId, actorId) {
  return matchmaking(`/api/sessions/${sessionId}/participants/${actorId}`, { method: 'DELETE' });
}

/** Takes back a participant's wish to meet another, before the plan is published. */
export function withdrawWish(sessionId, actorId, wishedActorId) {
  return matchmaking(`/api/sessions/${sessionId}/wishes/${actorId}/${wishedActorId}`, { method: 'DELETE' });
}

/** Where a session stands, in French. */
export function stage(session) {
  if (session.closed) return 'close';
  if (session.roundsStarted) return `en cours (tour ${session.roundsStarted} sur ${session.rounds})`;
  if (session.published) return 'plan publié';
  return session.scheduled ? 'plan en préparation' : 'inscriptions';
}

export function weight(value) {
  return Number(value).toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}

/** Replaces an element's children, leaving out the parts a page does not show (null, undefined, false). */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
}
