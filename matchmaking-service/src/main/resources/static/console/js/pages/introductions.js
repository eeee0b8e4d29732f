// An actor's introductions: answer (accept, decline with a reason), the partner's contact once both sides accepted,
// and the outcome recorded later on.
import { matchmaking, profile, Problem } from '../api.js';
import { onEvent } from '../live.js';
import { CATEGORIES, FORMS, announce, field, formatDate, h, problemBox, select, showProblem } from '../ui.js';

const STAGES = {
  PROPOSED: 'Proposée', ACCEPTED: 'Acceptée des deux côtés', DECLINED: 'Déclinée', EXPIRED: 'Expirée', WITHDRAWN: 'Retirée',
  MET: 'Rencontre faite', NO_FIT: 'Sans suite', FOLLOW_UP: 'Suite prévue', PARTNERSHIP: 'Partenariat formé', PARTNERSHIP_ENDED: 'Partenariat terminé',
};
const REASONS = { NOT_RELEVANT: 'Pas pertinent pour nous', ALREADY_PARTNERS: 'Déjà partenaires', NOT_NOW: 'Pas maintenant', COMPETITOR: 'Concurrent', OTHER: 'Autre raison' };
const OUTCOMES = { NO_FIT: 'Sans suite', FOLLOW_UP_PLANNED: 'Suite prévue', PARTNERSHIP_FORMED: 'Partenariat formé', PARTNERSHIP_ENDED: 'Partenariat terminé' };
const BOTH_ACCEPTED = ['ACCEPTED', 'MET', 'NO_FIT', 'FOLLOW_UP', 'PARTNERSHIP', 'PARTNERSHIP_ENDED'];

export async function render(main, context, actorId) {
  const { profile: actor } = await profile(`/api/actors/${actorId}`);
  const list = h('div', {});
  main.replaceChildren(h('h1', {}, `Mises en relation de ${actor.name}`), list);
  const names = new Map();
  const nameOf = async id => {
    if (!names.has(id)) names.set(id, profile(`/api/actors/${id}`).then(d => d.profile.name).catch(() => 'Organisation'));
    return names.get(id);
  };
  const load = async () => {
    let introductions;
    try {
      introductions = await matchmaking(`/api/actors/${actorId}/introductions`);
    } catch (e) {
      if (e instanceof Problem) { list.replaceChildren(problemBox(e)); return; }
      throw e;
    }
    if (!introductions.length) { list.replaceChildren(h('p', {}, 'Aucune mise en relation pour l’instant.')); return; }
    const cards = await Promise.all(introductions.map(async intro => {
      const otherId = intro.actorId === actorId ? intro.partnerActorId : intro.actorId;
      return card(actorId, intro, otherId, await nameOf(otherId), load);
    }));
    list.replaceChildren(h('ul', { class: 'grille', role: 'list' }, cards));
  };
  await load();
  return onEvent(event => { if (event.source === 'matchmaking') load(); });
}

function card(actorId, intro, otherId, otherName, reload) {
  const stage = intro.stage;
  const waitsForMe = stage === 'PROPOSED' && !(intro.acceptedBy || []).includes(actorId);
  const item = h('li', { class: 'carte', 'data-introduction': intro.id },
    h('h2', {}, otherName),
    h('p', {}, h('span', { class: 'etiquette' }, STAGES[stage] || stage), intro.proposedAt ? ` — proposée le ${formatDate(intro.proposedAt)}` : '',
      waitsForMe && intro.answerBy ? ` — réponse attendue avant le ${formatDate(intro.answerBy)}` : ''),
    intro.sentence ? h('p', { class: 'phrase' }, intro.sentence) : null,
    intro.note ? h('p', {}, `Message : ${intro.note}`) : null,
    h('div', { class: 'probleme-formulaire' }));
  const act = async (path, body, message) => {
    try {
      await matchmaking(`/api/introductions/${intro.id}/${path}`, { method: 'POST', body: { actingFor: actorId, ...body } });
      announce(message);
      await reload();
    } catch (e) {
      if (e instanceof Problem) item.querySelector('.probleme-formulaire').replaceChildren(problemBox(e)); else throw e;
    }
  };
  if (waitsForMe) {
    const decline = h('form', { novalidate: true, hidden: true },
      h('div', { class: 'probleme-formulaire' }),
      field('Raison', select('reason', REASONS, 'NOT_RELEVANT')),
      field('Précision (facultative)', h('input', { name: 'text' })),
      h('button', { type: 'submit', class: 'danger' }, 'Confirmer le refus'));
    decline.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await matchmaking(`/api/introductions/${intro.id}/decline`, { method: 'POST', body: {
          actingFor: actorId, reason: decline.elements.reason.value, text: decline.elements.text.value.trim() || null } });
        announce('Mise en relation déclinée.');
        await reload();
      } catch (e) {
        if (e instanceof Problem) showProblem(decline, e); else throw e;
      }
    });
    item.append(h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => act('accept', {}, 'Mise en relation acceptée.') }, 'Accepter'),
      h('button', { type: 'button', class: 'secondaire', onclick: () => { decline.hidden = false; decline.elements.reason.focus(); } }, 'Décliner')), decline);
  }
  if (BOTH_ACCEPTED.includes(stage)) {
    const contact = h('div', { class: 'contact' });
    profile(`/api/actors/${otherId}/contact`)
      .then(c => contact.replaceChildren(h('h3', {}, 'Contact du partenaire'), h('p', {}, `${c.name} — ${c.email}${c.phone ? ` — ${c.phone}` : ''}`)))
      .catch(e => contact.replaceChildren(problemBox(e)));
    item.append(contact, outcomeForm(actorId, intro, reload));
  }
  return item;
}

/** Recording an outcome, possibly months after the meeting. */
function outcomeForm(actorId, intro, reload) {
  const today = new Date().toISOString().slice(0, 10);
  const form = h('form', { novalidate: true },
    h('h3', {}, 'Enregistrer une suite'),
    h('div', { class: 'probleme-formulaire' }),
    field('Suite', select('outcome', OUTCOMES, 'FOLLOW_UP_PLANNED')),
    field('Date', h('input', { type: 'date', name: 'day', value: today })),
    field('Forme du partenariat', select('form', FORMS, '', { empty: '—' })),
    field('Catégorie', select('category', CATEGORIES, '', { empty: '—' })),
    field('Note', h('input', { name: 'note' })),
    h('button', { type: 'submit' }, 'Enregistrer la suite'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = name => form.elements[name].value.trim() || null;
    try {
      await matchmaking(`/api/introductions/${intro.id}/outcomes`, { method: 'POST', body: {
        actingFor: actorId, outcome: value('outcome'), day: value('day'), note: value('note'), form: value('form'), category: value('category') } });
      announce('Suite enregistrée.');
      await reload();
    } catch (e) {
      if (e instanceof Problem) showProblem(form, e); else throw e;
    }
  });
  return form;
}
