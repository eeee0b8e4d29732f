// The fields of an actor's profile and of its contact person, shared by the two forms that send them whole: registering
// an actor (a facilitator's territory) and changing one (the organisation's page). The same labels and controls in
// both, each control named as the API names its field, so that the API's messages land beside them (showProblem).
import { findTerritories, territoryLabel } from './api.js';
import { ACTOR_TYPES, SDGS, THEMES, checkboxes, checkedValues, field, h, select } from './ui.js';

/** The controls, filled with the profile and the contact person on file (empty for a new actor). */
export function actorFields(actor = {}, contact = null) {
  const person = contact || {};
  return [
    field('Nom (obligatoire)', h('input', { name: 'name', value: actor.name || '', autocomplete: 'off' })),
    field('Famille (obligatoire)', select('type', ACTOR_TYPES, actor.type || '', { empty: '— choisir —' })),
    communeField(actor.homeTerritory),
    field('Présentation', h('textarea', { name: 'description', rows: 3 }, actor.description || '')),
    checkboxes('Thèmes', 'themes', THEMES, actor.themes || []),
    checkboxes('Objectifs de développement durable', 'sdgs',
      Object.fromEntries(SDGS.map(([n, label]) => [n, `${n}. ${label}`])), actor.sdgs || []),
    field('Personne à contacter : nom', h('input', { name: 'contact.name', value: person.name || '', autocomplete: 'off' })),
    field('Personne à contacter : courriel', h('input', { name: 'contact.email', type: 'email', value: person.email || '', autocomplete: 'off' })),
    field('Personne à contacter : téléphone', h('input', { name: 'contact.phone', type: 'tel', value: person.phone || '', autocomplete: 'off' })),
  ];
}

/** An INSEE commune code: five characters, 2A and 2B in Corsica (« 38151 », « 2A004 »). */
const COMMUNE_CODE = /^\d[\dAB]\d{3}$/i;

/**
 * The home commune, sent as its INSEE code, which few people know (it is not the postcode): typing its name offers, under
 * the field, the communes whose name begins so (each a button naming its département: one click writes its code), and
 * the commune a code names is said there, so that a mistyped code shows before it is sent. Suggestions are buttons of
 * the page rather than the browser's own list, which would filter them again by the letters typed, accents included
 * (« echirol » would hide « Échirolles »).
 */
function communeField(code) {
  const input = h('input', { name: 'homeTerritory', value: code || '', autocomplete: 'off' });
  const named = h('p', { class: 'aide', 'data-commune': '', 'aria-live': 'polite' });
  const offered = h('ul', { class: 'suggestions', 'aria-label': 'Communes proposées' });
  let typed = 0;
  const follow = async () => {
    const words = input.value.trim();
    const asked = ++typed;
    const isCode = COMMUNE_CODE.test(words);
    const [found, label] = !words ? [[], null] : await Promise.all([
      isCode ? [] : findTerritories(words, 'COMMUNE', 6).catch(() => null), // null: not read now
      isCode ? territoryLabel('COMMUNE', words.toUpperCase()) : null]);
    if (asked !== typed) return; // a later keystroke's answer is the one to show
    offered.replaceChildren(...(found || []).map(t => h('li', {}, h('button', { type: 'button', class: 'secondaire', 'data-code': t.code,
      onclick: () => { input.value = t.code; follow(); input.focus(); } }, `${t.label} — ${t.code}`))));
    const plural = found?.length > 1 ? 's' : '';
    named.textContent = isCode ? (label ? `Commune : ${label}` : label === null ? 'Aucune commune en vigueur n’a ce code.' : '')
      : !words || !found ? '' : found.length ? `${found.length} commune${plural} proposée${plural} ci-dessous.` : 'Aucune commune de ce nom.';
  };
  let pause = null;
  input.addEventListener('input', () => { clearTimeout(pause); pause = setTimeout(follow, 150); });
  if (code) follow();
  return field('Commune (obligatoire)', input, 'Tapez son nom et choisissez-la, ou son code INSEE (5 caractères, qui n’est pas '
    + 'le code postal).', named, offered);
}

/**
 * The body of POST and PUT /api/actors from the form's controls. A contact person with nothing typed is sent as none
 * (the API refuses an empty one): on an update, that leaves the one on file as it is — erasing it is its own action.
 */
export function actorBody(form) {
  const value = name => form.elements[name].value.trim() || null;
  const contact = { name: value('contact.name'), email: value('contact.email'), phone: value('contact.phone') };
  return {
    name: value('name'), type: value('type'), homeTerritory: value('homeTerritory'), description: value('description'),
    themes: checkedValues(form, 'themes'), sdgs: checkedValues(form, 'sdgs').map(Number),
    contact: contact.name || contact.email || contact.phone ? contact : null,
  };
}
