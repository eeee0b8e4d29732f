// What the session pages share: reading a session's schedule in one shape, and names of actors.
import { matchmaking, profile } from './api.js';

const names = new Map();

export function actorName(id) {
  if (!names.has(id)) names.set(id, profile(`/api/actors/${id}`).then(d => d.profile.name).catch(() => id.slice(0, 8)));
  return names.get(id);
}

/** The schedule as a flat list of meetings (round, table, actorId, partnerActorId, weight, reason, explanation, locked). */
export async function schedule(sessionId) {
  const answer = await matchmaking(`/api/sessions/${sessionId}/schedule`);
  if (Array.isArray(answer.meetings)) return { meetings: answer.meetings, objective: answer.objective, raw: answer };
  // Rounds → tables → pair, as GET /api/sessions/{id}/schedule may nest them.
  const meetings = [];
  for (const round of answer.rounds || []) {
    for (const table of round.tables || []) {
      const pair = table.pair || table.meeting || table;
      if (pair && pair.actorId) meetings.push({ ...pair, round: round.round ?? round.number, table: table.table ?? table.number });
    }
  }
  return { meetings, objective: answer.objective, raw: answer };
}

export const REASONS = { MUTUAL_WISH: 'souhait réciproque', WISH: 'souhait', COMPLEMENTARITY: 'complémentarité' };
