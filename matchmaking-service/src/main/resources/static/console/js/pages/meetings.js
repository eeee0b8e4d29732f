// The meetings of an introduction both sides accepted, on its card of the inbox: each one planned (when, where) and
// what became of it, a form to plan one, and for a meeting planned, « Rencontre tenue » or « Rencontre manquée ».
import { matchmaking, Problem, serverNow, untilTheViewShows } from '../api.js';
import { KEPT_IN_HISTORY, LAB_TIME_ZONE, announce, busyWhile, clearProblems, field, formatDeadline, h, labInstant, select, showProblem } from '../ui.js';

/** A meeting's status (the API's slugs), as the card says it of « une rencontre ». */
const STATUSES = { scheduled: 'prévue', held: 'tenue', missed: 'manquée' };

/**
 * Who did not come to a missed meeting, as the card and the history say it (« organisation absente : … »), by the name of one of
 * the introduction's two sides ({@code names}, by actor id); null when whoever recorded it did not say.
 */
export function absence(absentActorId, names) {
  return absentActorId ? `organisation absente : ${names[absentActorId] || absentActorId}` : null;
}

/**
 * The « Rencontres » section of the card of an introduction both sides accepted (the introduction takes meetings from
 * then on, whatever its outcomes), drawn from its inbox line ({@code entry}), which carries its meetings; {@code names}
 * are its two sides' names by actor id. Each form names itself (data-form) and is passed to {@code remember}, the
 * page's note of what a form holds when drawn: a card drawn anew (the partner planned a meeting meanwhile) takes over
 * the forms the reader started filling in. A refusal goes through {@code onThisPage}, the page's wording of the API's
 * problems (a 404: the introduction is gone from the reader's reach).
 */
export function meetingsSection(actorId, entry, names, reload, remember, onThisPage) {
  // In the order they take place, whatever the order they were planned in.
  const meetings = [...(entry.meetings || [])].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return h('div', { class: 'rencontres' },
    h('h3', {}, 'Rencontres'),
    meetings.length
      ? h('ul', {}, meetings.map(meeting => meetingItem(actorId, entry, meeting, names, reload, remember, onThisPage)))
      : h('p', { class: 'aide' }, 'Aucune rencontre planifiée pour l’instant.'),
    scheduleForm(actorId, entry, reload, remember, onThisPage));
}

/**
 * A meeting: when (the lab's hour, as deadlines are shown), where, its status, and for a missed one who did not come
 * when that was said; once planned, whether it took place.
 */
function meetingItem(actorId, entry, meeting, names, reload, remember, onThisPage) {
  const absent = meeting.status === 'missed' ? absence(meeting.absentActorId, names) : null;
  return h('li', { 'data-rencontre': meeting.meetingId, 'data-statut-rencontre': meeting.status },
    h('strong', {}, formatDeadline(meeting.startsAt)),
    ` — ${meeting.location || 'lieu non précisé'} — `,
    h('span', { class: 'etiquette' }, STATUSES[meeting.status] || meeting.status),
    absent ? ` — ${absent}` : null,
    meeting.status === 'scheduled' ? concludeForm(actorId, entry, meeting, names, reload, remember, onThisPage) : null);
}

/**
 * Held or missed, with an optional note, once: the introduction refuses to conclude a meeting twice, or before it
 * starts. Missed, it may say which of the two sides did not come (what a facilitator following the introduction
 * looks for: a side missing meetings again and again); « Non précisé » says nothing of it. Two buttons rather than a
 * submit, so that Entrée in the note records neither by mistake.
 */
function concludeForm(actorId, entry, meeting, names, reload, remember, onThisPage) {
  const partner = entry.partner || {};
  const sides = { [partner.id]: names[partner.id] || 'Organisation partenaire', [actorId]: names[actorId] };
  const form = h('form', { novalidate: true, 'data-form': `rencontre-${meeting.meetingId}` },
    h('div', { class: 'probleme-formulaire' }),
    Date.parse(meeting.startsAt) > serverNow()
      ? h('p', { class: 'aide' }, 'Une fois la rencontre commencée, dites si elle a eu lieu.') : null,
    field('Note sur la rencontre (facultative)', h('input', { name: 'note' }), KEPT_IN_HISTORY),
    // Named as the API names it: its refusal of the choice goes next to the list.
    field('Qui était absent ?', select('absentActorId', sides, '', { empty: 'Non précisé' }), 'Pour une rencontre manquée seulement.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', 'data-action': `tenue-${meeting.meetingId}`, onclick: () => conclude('held', 'Rencontre tenue enregistrée.') },
        'Rencontre tenue'),
      h('button', { type: 'button', class: 'secondaire', 'data-action': `manquee-${meeting.meetingId}`,
        onclick: () => conclude('missed', 'Rencontre manquée enregistrée.', form.elements.absentActorId.value || undefined) },
        'Rencontre manquée')));
  form.addEventListener('submit', event => event.preventDefault());
  const conclude = (status, message, absentActorId) => busyWhile(form, async () => {
    try {
      await matchmaking(`/api/introductions/${entry.id}/meetings/${encodeURIComponent(meeting.meetingId)}/${status}`, {
        // Undefined (held, or « Non précisé »): left out of the request.
        method: 'POST', body: { actingFor: actorId, note: form.elements.note.value.trim() || null, absentActorId } });
      // Recorded: the form goes with its card, the meeting has no such form any more.
      form.dataset.sent = 'true';
      announce(message);
      await shown(entry.id, meeting.meetingId, status);
      await reload();
    } catch (e) {
      if (e instanceof Problem) showProblem(form, onThisPage(e)); else throw e;
    }
  });
  return remember(form);
}

/**
 * A meeting planned: a day and an hour in the lab's zone (the console's days and hours are Paris's), and a place if
 * known (the service takes a meeting without one). The service checks the date: at most a week before the proposal,
 * within the coming year; its refusal is shown next to the date.
 */
function scheduleForm(actorId, entry, reload, remember, onThisPage) {
  const elsewhere = Intl.DateTimeFormat().resolvedOptions().timeZone !== LAB_TIME_ZONE;
  const form = h('form', { novalidate: true, 'data-form': 'rencontre' },
    h('h4', {}, 'Planifier une rencontre'),
    h('div', { class: 'probleme-formulaire' }),
    // The API names the instant the day and the hour make (startsAt): its refusal goes next to the day.
    field('Date', h('input', { type: 'date', name: 'day', 'data-champ': 'startsAt' })),
    // A reader in Paris is not told the obvious.
    field('Heure', h('input', { type: 'time', name: 'time' }), elsewhere ? 'À l’heure de Paris.' : undefined),
    field('Lieu (facultatif)', h('input', { name: 'place' }),
      'Un lieu ou un lien de visioconférence, pas le nom ni le numéro d’une personne : il reste dans l’historique.'),
    h('button', { type: 'submit' }, 'Planifier la rencontre'));
  // One meeting per click: a second submit while the first is sent plans nothing more. And one per form filled: its
  // meeting's id is chosen here and sent again with a retry, so that a first sending whose answer was lost (the
  // network, a proxy's timeout) and is sent again is refused as already planned (409) — that meeting, then — instead
  // of planning a second one.
  form.dataset.meeting = newMeetingId();
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, async () => {
      const meetingId = form.dataset.meeting;
      const startsAt = labInstant(form.elements.day.value, form.elements.time.value);
      const place = form.elements.place.value.trim() || null;
      try {
        try {
          await matchmaking(`/api/introductions/${entry.id}/meetings`, { method: 'POST', body: {
            meetingId, actingFor: actorId, startsAt, place } });
        } catch (e) {
          if (!(e instanceof Problem && e.status === 409 && (e.document?.detail || '').includes(meetingId))) throw e;
          // Planned by a first sending whose answer was lost — as it was sent then, which the form, corrected since,
          // may no longer say: then it is told, not announced as planned at the new time.
          const planned = await plannedAs(entry.id, meetingId);
          if (planned && (Date.parse(planned.startsAt) !== Date.parse(startsAt) || (planned.location || null) !== place)) {
            form.dataset.meeting = newMeetingId();
            showProblem(form, new Problem(409, { title: 'Rencontre déjà planifiée',
              detail: `Votre première demande avait abouti : la rencontre est planifiée le ${formatDeadline(planned.startsAt)}`
                + `${planned.location ? ` (${planned.location})` : ''}, sans votre correction. Pour une autre date ou un `
                + 'autre lieu, planifiez une autre rencontre.' }));
            await reload();
            return;
          }
        }
        announce('Rencontre planifiée.');
        // Planned: the form is blank again, for another meeting (the card drawn anew takes it over while it has the
        // focus).
        form.reset();
        form.dataset.meeting = newMeetingId();
        clearProblems(form);
        remember(form);
        await shown(entry.id, meetingId, 'scheduled');
        await reload();
      } catch (e) {
        if (e instanceof Problem) showProblem(form, onThisPage(e)); else throw e;
      }
    });
  });
  return remember(form);
}

/** A meeting's id chosen by the page (a UUID: crypto.randomUUID needs a secure context, getRandomValues does not). */
function newMeetingId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The meeting as the introduction's view holds it, once it does (null if it does not in a few seconds). */
async function plannedAs(introductionId, meetingId) {
  await shown(introductionId, meetingId, 'scheduled');
  const view = await matchmaking(`/api/introductions/${introductionId}`);
  return (view.meetings || []).find(meeting => meeting.meetingId === meetingId) || null;
}

/** Until the view shows the meeting with its new status (then the page is redrawn from it). */
function shown(introductionId, meetingId, status) {
  return untilTheViewShows(introductionId,
    view => (view.meetings || []).some(meeting => meeting.meetingId === meetingId && meeting.status === status));
}
