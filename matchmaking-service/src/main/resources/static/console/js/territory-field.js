// A territory's code typed in a form, found by its name: profiles, posts, sessions and filters are written with the
// official reference's codes (a commune's INSEE code, a département's number, an intercommunality's SIREN), which few
// people know by heart — a commune's INSEE code is not its postcode.
import { findTerritories, territoryLabel } from './api.js';
import { field, h } from './ui.js';

/** A level in a sentence's words (« Commune : … »; lower-cased within one). */
export const LEVEL_WORDS = { COMMUNE: 'Commune', EPCI: 'Intercommunalité', DEPARTEMENT: 'Département', REGION: 'Région', NATIONAL: 'National' };

/**
 * The field of a territory's code: typing a name (« echirol », « isère ») offers, under it, the territories whose name
 * begins so, each a button naming its code (« Échirolles (38) — 38151 ») that writes it — and the level too when the
 * form has a level to choose; a code typed is named there (« Commune : Échirolles (38) »), so that a mistyped code shows
 * before it is sent. `level`: the level's select of the form, or a fixed level ('COMMUNE'); none: any level.
 * Suggestions are buttons of the page rather than the browser's `<datalist>`, which would filter them again by the
 * letters typed, accents included (« echirol » would hide « Échirolles »).
 */
export function territoryCodeField(label, input, { level, help } = {}) {
  const levelSelect = level instanceof HTMLSelectElement ? level : null;
  const levelNow = () => (levelSelect ? levelSelect.value : level) || undefined;
  const named = h('p', { class: 'aide', 'data-territoire-nomme': '', 'aria-live': 'polite' });
  const offered = h('ul', { class: 'suggestions', 'aria-label': 'Territoires proposés' });
  input.setAttribute('autocomplete', 'off');
  let typed = 0;
  const follow = async () => {
    const words = input.value.trim();
    const chosen = levelNow();
    const asked = ++typed;
    const found = words ? await findTerritories(words, chosen, 6).catch(() => null) : []; // null: not read now
    if (asked !== typed) return; // a later keystroke's answer is the one to show
    // The code typed, if it names one territory (« 84 » names both a région and a département: offered, to choose).
    const exacts = found?.filter(t => t.code === words.toUpperCase()) || [];
    const exact = exacts.length === 1 ? exacts[0] : null;
    if (exact && levelSelect && !levelSelect.value) levelSelect.value = exact.level; // a code is read with its level
    offered.replaceChildren(...(exact ? [] : found || []).map(t => h('li', {}, h('button', {
      type: 'button', class: 'secondaire', 'data-code': t.code, 'data-niveau': t.level,
      onclick: () => {
        input.value = t.code;
        if (levelSelect) levelSelect.value = t.level;
        follow();
        input.focus();
      } }, buttonText(t, !chosen)))));
    const plural = found?.length > 1 ? 's' : '';
    named.textContent = exact ? `${LEVEL_WORDS[exact.level]} : ${exact.label}`
      : !words || !found ? '' : found.length ? `${found.length} territoire${plural} proposé${plural} ci-dessous.`
        : 'Aucun territoire ne porte ce nom ou ce code.';
  };
  let pause = null;
  input.addEventListener('input', () => { clearTimeout(pause); pause = setTimeout(follow, 150); });
  levelSelect?.addEventListener('change', follow);
  if (input.value) follow();
  return field(label, input, help, named, offered);
}

/** « Échirolles (38) — 38151 », « Isère (38) » (its code is in its label); with its level when the form chose none. */
function buttonText(territory, withLevel) {
  const more = [withLevel ? LEVEL_WORDS[territory.level].toLowerCase() : null,
    territory.label.endsWith(`(${territory.code})`) ? null : territory.code].filter(Boolean);
  return more.length ? `${territory.label} — ${more.join(', ')}` : territory.label;
}

/**
 * The element, whose text is a territory's code, told its name once the reference gives it: its text becomes
 * `written(label)` (the label alone by default); a code the reference does not know (a commune merged since) stays.
 */
export function named(element, level, code, written = label => label) {
  if (code) territoryLabel(level, code).then(label => { if (label) element.textContent = written(label); });
  return element;
}
