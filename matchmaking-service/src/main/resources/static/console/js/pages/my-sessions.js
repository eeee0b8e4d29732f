// « Mes rencontres express »: the speed-meeting sessions the member's organisations take part in
// (GET /api/me/sessions), each with the organisation's own meetings once the plan is published (read from the session's
// schedule, which its participants' members may read) and its calendar to download, and its wishes: whom it wishes to
// meet, to express (POST /api/sessions/{id}/wishes) or take back (DELETE /api/sessions/{id}/wishes/{actorId}/{wishedActorId})
// while the plan may still change, then read-only. The facilitators run the sessions; the other organisations' meetings
// and wishes are theirs, and the API gives none of their wishes.
import { download, matchmaking, Problem } from '../api.js';
import { onEvent } from '../live.js';
import { fill, post, schedule, stage, withdrawWish } from '../sessions-api.js';
import { announce, busyWhile, capitalised, clearProblems, coalescing, h, keepingChoices, percent, problemBox, sessionStart, showProblem } from '../ui.js';

export async function render(main, context) {
  const list = h('div', {});
  main.replaceChildren(h('h1', {}, 'Mes rencontres express'),
    h('p', {}, 'Les sessions de rencontres express où votre organisation est inscrite : vos souhaits de rencontre tant '
      + 'que le plan de table n’est pas publié, puis vos rencontres tour par tour et le calendrier à ajouter à votre agenda.'),
    list);
  let listed = new Set();
  // The wish forms outlive a redraw (a live event, such as the wish just sent, draws the page anew): a form still
  // sending stays busy, and a refusal stays shown, on the form drawn in its place (same data-cle).
  const page = { list, saving: new Map(), refusals: new Map(), refresh: null };

  const refresh = page.refresh = coalescing(async () => {
    const sessions = await matchmaking('/api/me/sessions');
    // One schedule per session whose plan is published: an organisation takes part in a few sessions, not hundreds.
    const plans = await Promise.all(sessions.map(s => (s.published ? schedule(s.id) : null)));
    listed = new Set(sessions.map(s => s.id));
    keepingChoices(main, () => fill(list, sessions.length ? sessions.map((s, i) => sessionCard(s, plans[i], page)) : noSession()));
    for (const [key, refusal] of page.refusals) formOf(list, key)?.querySelector('.probleme-formulaire').replaceChildren(problemBox(refusal));
    // After the focus was given back (keepingChoices): a busy button that has it is only marked aria-disabled.
    for (const [key, sending] of page.saving) {
      const form = formOf(list, key);
      if (form) busyWhile(form, sending.catch(() => {}));
    }
  });

  await refresh();
  // A plan published or changed (an absence re-plans the rounds to come), a registration or a withdrawal: shown without
  // a reload. The live stream brings a member the events of the sessions it sees, so a registration is one of its
  // organisations'; a withdrawal is told after the session no longer counts the organisation, so without the session's
  // id: read again on one while the page lists a session (its card would stay, with a wish form the session refuses).
  return onEvent(event => {
    if (listed.has(event.aggregateId) || event.type === 'ParticipantRegisteredEvent'
        || (event.type === 'ParticipantWithdrewEvent' && listed.size > 0)) refresh().catch(() => {});
  });
}

function noSession() {
  return h('p', { id: 'aucune-session' }, 'Votre organisation n’est inscrite à aucune session de rencontres express pour l’instant. ',
    'L’équipe d’animation de votre territoire inscrit les participants : les sessions où elle vous inscrit s’afficheront ici.');
}

function formOf(list, key) {
  return list.querySelector(`form[data-cle="${CSS.escape(key)}"]`);
}

function sessionCard(s, plan, page) {
  const titleId = `titre-session-${s.id}`;
  return h('section', { class: 'carte rencontres-session', 'aria-labelledby': titleId, 'data-session': s.id },
    h('h2', { id: titleId }, s.title),
    h('p', { 'data-quand': '' }, `${sessionStart(s)}${s.place ? ` — ${s.place}` : ''}`),
    h('p', {}, `${s.rounds} tour${s.rounds > 1 ? 's' : ''} de ${s.minutesPerRound} minutes — ${s.published ? stage(s) : 'plan de table pas encore publié'}`),
    s.actors.map(actor => participation(s, actor, plan, page)));
}

/**
 * One of the member's organisations at the session: its meetings and its calendar once the plan is published, and its
 * wishes.
 */
function participation(s, actor, plan, page) {
  const headingId = `titre-rencontres-${s.id}-${actor.actorId}`;
  const part = h('div', { 'data-acteur': actor.actorId }, h('h3', { id: headingId }, `Rencontres de ${actor.name}`));
  if (!plan) {
    // A plan in preparation still changes: the meetings are shown once the facilitators publish it.
    part.append(h('p', {}, 'Le plan de table n’est pas encore publié : vos rencontres s’afficheront ici dès que l’équipe '
      + 'd’animation l’aura publié.'));
    part.append(wishes(s, actor, page));
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
  part.append(wishes(s, actor, page));
  return part;
}

/** Said wherever the wishes are: who sees them (the API gives no participant another's wish). */
const WHO_SEES_WISHES = 'Vos souhaits ne sont vus que par l’équipe d’animation : une organisation que vous choisissez ne '
  + 'l’apprend que si elle vous a choisie elle aussi.';

/**
 * « Vos souhaits »: the organisations this one wishes to meet. While the plan may still change ({@code wishesOpen}, the
 * rule the API applies), a form: the other participants as boxes, those already wished ticked. The form sends what
 * changed: a box ticked is a wish expressed, a wish made unticked is taken back (a wish ticked by mistake). Then, the
 * wishes made, read-only.
 */
function wishes(s, actor, page) {
  // Whom it may wish to meet: every other participant, the member's other organisations there included.
  const others = [...s.otherParticipants, ...s.actors].filter(p => p.actorId !== actor.actorId)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const made = new Set(actor.wishedActorIds);
  // While wishes may change, the API says whom the engine finds complementary to this organisation, and how.
  const why = new Map((actor.complementary || []).map(c => [c.actorId, c]));
  const headingId = `titre-souhaits-${s.id}-${actor.actorId}`;
  const heading = h('h4', { id: headingId }, 'Vos souhaits');
  if (!s.wishesOpen) {
    const wished = others.filter(p => made.has(p.actorId));
    return h('div', { 'data-souhaits': actor.actorId }, heading,
      wished.length
        ? [h('p', {}, `${actor.name} a souhaité rencontrer :`), h('ul', {}, wished.map(p => h('li', { 'data-souhaite': p.actorId }, p.name)))]
        : h('p', {}, `${actor.name} n’a exprimé aucun souhait de rencontre pour cette session.`),
      h('p', { class: 'aide' }, s.closed && !s.published ? 'La session est close : les souhaits ne changent plus. '
        : 'Le plan de table est publié : les souhaits ne changent plus. ', WHO_SEES_WISHES));
  }
  if (!others.length) {
    return h('div', { 'data-souhaits': actor.actorId }, heading,
      h('p', {}, 'Aucune autre organisation n’est encore inscrite : vous pourrez dire lesquelles vous souhaitez rencontrer '
        + 'dès que l’équipe d’animation en aura inscrit.'));
  }
  const key = `souhaits-${s.id}-${actor.actorId}`;
  const helpId = `aide-souhaits-${s.id}-${actor.actorId}`;
  const form = h('form', { novalidate: true, 'aria-labelledby': headingId, 'data-souhaits': actor.actorId, 'data-cle': key },
    heading,
    h('p', { class: 'aide', id: helpId }, 'Cochez les organisations que vous souhaitez rencontrer : l’équipe d’animation en '
      + 'tient compte pour composer le plan de table. Décochez un souhait enregistré pour le retirer, tant que le plan de '
      + 'table n’est pas publié. ', WHO_SEES_WISHES,
      why.size ? ' Sous une organisation, l’algorithme de mise en relation dit en quoi vos besoins et vos offres se complètent.' : ''),
    h('div', { class: 'probleme-formulaire' }),
    h('fieldset', { 'aria-describedby': helpId },
      h('legend', {}, `Organisations que ${actor.name} souhaite rencontrer`),
      h('div', { class: 'cases', 'data-avec-complementarites': why.size ? '' : null }, others.map(p => {
        const complementary = why.get(p.actorId);
        const whyId = complementary ? `complementarite-${s.id}-${actor.actorId}-${p.actorId}` : null;
        return h('div', { class: 'case' }, h('label', {},
          // Ticked as drawn (its default) when the wish is made: what changed is read against it when the form is sent.
          h('input', { type: 'checkbox', name: 'wishedActorId', value: p.actorId, checked: made.has(p.actorId),
            'data-cle': `souhait-${s.id}-${actor.actorId}-${p.actorId}`, 'aria-describedby': whyId }),
          p.name, made.has(p.actorId) ? ' (souhait enregistré)' : ''),
          complementary ? h('p', { class: 'complementarite', id: whyId, 'data-complementarite': p.actorId },
            `Complémentarité ${percent(complementary.score)} : ${complementary.sentence}`) : null);
      }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-cle': `${key}-enregistrer` }, 'Enregistrer mes souhaits',
      h('span', { class: 'sr-only' }, ` : ${actor.name}, ${s.title}`))));
  // Once at a time: a second click or Entrée while the wishes are sent sends nothing more (a wish made twice, or taken
  // back twice, is refused).
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, () => {
      const boxes = [...form.querySelectorAll('input[name="wishedActorId"]')];
      const chosen = boxes.filter(box => box.checked && !box.defaultChecked).map(box => box.value);
      const takenBack = boxes.filter(box => !box.checked && box.defaultChecked).map(box => box.value);
      page.refusals.delete(key);
      clearProblems(form);
      if (!chosen.length && !takenBack.length) {
        const nothing = new Problem(0, { title: 'Aucun changement à enregistrer',
          detail: 'Cochez une organisation que vous souhaitez rencontrer, ou décochez un souhait pour le retirer.' });
        page.refusals.set(key, nothing);
        showProblem(form, nothing);
        return undefined;
      }
      const sending = sendWishes(s, actor, chosen, takenBack, key, headingId, page).finally(() => page.saving.delete(key));
      page.saving.set(key, sending);
      return sending;
    });
  });
  return form;
}

/**
 * Sends the new wishes, then those taken back, one by one (the API takes one per request), then shows the page again
 * with the wishes the API now gives: those sent before a refusal are made (or taken back), and the refusal stays shown.
 */
async function sendWishes(s, actor, chosen, takenBack, key, headingId, page) {
  let sent = 0;
  let withdrawn = 0;
  try {
    for (const wishedActorId of chosen) {
      await post(s.id, 'wishes', { actorId: actor.actorId, wishedActorId });
      sent++;
    }
    for (const wishedActorId of takenBack) {
      await withdrawWish(s.id, actor.actorId, wishedActorId);
      withdrawn++;
    }
    announce(saved(sent, withdrawn, actor.name));
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    page.refusals.set(key, e);
  }
  // The boxes as the API now gives them, not as they were ticked: the redraw keeps no choice of this form (one not sent,
  // after a refusal, is not made).
  for (const box of formOf(page.list, key)?.querySelectorAll('input[name="wishedActorId"]') || []) box.checked = box.defaultChecked;
  await page.refresh().catch(() => {});
  const list = page.list;
  const form = formOf(list, key);
  const heading = list.querySelector(`#${CSS.escape(headingId)}`);
  const refusal = page.refusals.get(key);
  if (refusal && form) {
    // The refusal, next to the fields, where the keyboard finds it (showProblem gives it the focus).
    showProblem(form, refusal);
    return;
  }
  // Refused because the wishes closed meanwhile (the plan was published): the form gave way to the wishes made.
  if (refusal && heading) heading.after(problemBox(refusal));
  if (!list.contains(document.activeElement)) {
    // The button that had the focus is gone (every other organisation is now wished, or the form gave way to the
    // wishes made): « Vos souhaits » takes it, rather than the page's body.
    const target = heading || list;
    target.setAttribute('tabindex', '-1');
    target.focus();
  }
}

/** « Souhait enregistré pour … », « 2 souhaits enregistrés et 1 souhait retiré pour … ». */
function saved(sent, withdrawn, name) {
  const both = sent && withdrawn;
  const said = (count, done) => (count > 1 ? `${count} souhaits ${done}s` : `${both ? '1 souhait' : 'souhait'} ${done}`);
  const sentence = [sent ? said(sent, 'enregistré') : null, withdrawn ? said(withdrawn, 'retiré') : null].filter(Boolean).join(' et ');
  return `${capitalised(sentence)} pour ${name}.`;
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
