// « Mes rencontres express »: the speed-meeting sessions the member's organisations take part in
// (GET /api/me/sessions), each with the organisation's own meetings once the plan is published (read from the session's
// schedule, which its participants' members may read) and its calendar to download. Read-only: the facilitators run
// the sessions; the other organisations' meetings and the wishes are theirs, not shown here.
import { download, matchmaking, Problem } from '../api.js';
import { onEvent } from '../live.js';
import { fill, schedule, stage } from '../sessions-api.js';
import { announce, busyWhile, coalescing, h, keepingChoices, problemBox, sessionStart } from '../ui.js';

export async function render(main, context) {
  const list = h('div', {});
  main.replaceChildren(h('h1', {}, 'Mes rencontres express'),
    h('p', {}, 'Les sessions de rencontres express où votre organisation est inscrite : vos rencontres tour par tour, '
      + 'et le calendrier à ajouter à votre agenda.'),
    list);
  let listed = new Set();

  const refresh = coalescing(async () => {
    const sessions = await matchmaking('/api/me/sessions');
    // One schedule per session whose plan is published: an organisation takes part in a few sessions, not hundreds.
    const plans = await Promise.all(sessions.map(s => (s.published ? schedule(s.id) : null)));
    listed = new Set(sessions.map(s => s.id));
    keepingChoices(main, () => fill(list, sessions.length ? sessions.map((s, i) => sessionCard(s, plans[i])) : noSession()));
  });

  await refresh();
  // A plan published or changed (an absence re-plans the rounds to come), a registration: shown without a reload. The
  // live stream brings a member the events of the sessions it sees, so a registration is one of its organisations'.
  return onEvent(event => {
    if (listed.has(event.aggregateId) || event.type === 'ParticipantRegisteredEvent') refresh().catch(() => {});
  });
}

function noSession() {
  return h('p', { id: 'aucune-session' }, 'Votre organisation n’est inscrite à aucune session de rencontres express pour l’instant. ',
    'L’équipe d’animation de votre territoire inscrit les participants : les sessions où elle vous inscrit s’afficheront ici.');
}

function sessionCard(s, plan) {
  const titleId = `titre-session-${s.id}`;
  return h('section', { class: 'carte rencontres-session', 'aria-labelledby': titleId, 'data-session': s.id },
    h('h2', { id: titleId }, s.title),
    h('p', { 'data-quand': '' }, `${sessionStart(s)}${s.place ? ` — ${s.place}` : ''}`),
    h('p', {}, `${s.rounds} tour${s.rounds > 1 ? 's' : ''} de ${s.minutesPerRound} minutes — ${s.published ? stage(s) : 'plan de table pas encore publié'}`),
    s.actors.map(actor => participation(s, actor, plan)));
}

/** One of the member's organisations at the session: its meetings and its calendar, once the plan is published. */
function participation(s, actor, plan) {
  const headingId = `titre-rencontres-${s.id}-${actor.actorId}`;
  const part = h('div', { 'data-acteur': actor.actorId }, h('h3', { id: headingId }, `Rencontres de ${actor.name}`));
  if (!plan) {
    // A plan in preparation still changes: the meetings are shown once the facilitators publish it.
    part.append(h('p', {}, 'Le plan de table n’est pas encore publié : vos rencontres s’afficheront ici dès que l’équipe '
      + 'd’animation l’aura publié.'));
    return part;
  }
  const mine = plan.meetings.filter(m => m.actor.actorId === actor.actorId || m.partner.actorId === actor.actorId)
    .sort((a, b) => a.round - b.round);
  const roundStarts = Object.fromEntries(plan.rounds.map(r => [r.round, r.startsAt]));
  part.append(mine.length
    // On a phone the table may scroll sideways: its region takes the focus, so that the keyboard scrolls it too.
    ? h('div', { class: 'table-defile', role: 'region', 'aria-labelledby': headingId, tabindex: '0' }, h('table', {},
      h('caption', {}, `${mine.length} rencontre${mine.length > 1 ? 's' : ''} de ${actor.name}, tour par tour`),
      h('thead', {}, h('tr', {}, ['Tour', 'Horaire', 'Table', 'Organisation rencontrée'].map(title => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, mine.map(m => {
        const partner = m.actor.actorId === actor.actorId ? m.partner : m.actor;
        return h('tr', { 'data-rencontre': `${m.round}-${m.table}` },
          h('th', { scope: 'row' }, `Tour ${m.round}`),
          h('td', {}, slot(roundStarts[m.round], s.minutesPerRound)),
          h('td', {}, `Table ${m.table}`),
          h('td', { 'data-partenaire': partner.actorId }, partner.name, m.held ? ' (tenue)' : ''));
      }))))
    : h('p', {}, `Aucune rencontre n’est prévue pour ${actor.name} dans ce plan.`));
  part.append(calendar(s, actor));
  return part;
}

/** « Télécharger le calendrier »: the organisation's meetings as an .ics file, through the API (the token in a header). */
function calendar(s, actor) {
  const status = h('div', { class: 'etat-action' });
  const helpId = `aide-calendrier-${s.id}-${actor.actorId}`;
  const button = h('button', { type: 'button', class: 'secondaire', 'data-cle': `calendrier-${s.id}-${actor.actorId}`,
    'aria-describedby': helpId,
    onclick: () => busyWhile(button, async () => {
      status.replaceChildren();
      try {
        await download(`/api/sessions/${s.id}/participants/${actor.actorId}/calendar.ics`,
          `rencontres-${s.id}-${actor.actorId}.ics`, 'text/calendar');
        announce('Calendrier téléchargé.');
      } catch (e) {
        if (!(e instanceof Problem)) throw e;
        status.replaceChildren(problemBox(e));
      }
    }) }, 'Télécharger le calendrier (.ics)', h('span', { class: 'sr-only' }, ` : ${actor.name}, ${s.title}`));
  return h('div', {}, h('p', { class: 'actions' }, button),
    h('p', { class: 'aide', id: helpId }, 'Une entrée par rencontre, à ouvrir avec votre agenda ; importé à nouveau '
      + 'après un changement du plan, le fichier met vos rencontres à jour.'), status);
}

/** A round's time slot, « 09:30–09:42 », in the session's local time as the schedule gives it. */
function slot(startsAt, minutes) {
  const [hours, mins] = (startsAt || '').split(':').map(Number);
  if (!Number.isFinite(hours) || !Number.isFinite(mins)) return '—';
  const end = (hours * 60 + mins + minutes) % (24 * 60);
  const twoDigits = n => String(n).padStart(2, '0');
  return `${twoDigits(hours)}:${twoDigits(mins)}–${twoDigits(Math.floor(end / 60))}:${twoDigits(end % 60)}`;
}
