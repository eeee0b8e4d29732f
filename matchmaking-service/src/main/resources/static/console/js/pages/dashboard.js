// Dashboards for funders, facilitators and admins: the introduction funnel over time, by département, by pair of
// actor families, by category and by SDG, and the median delays. Every chart's data downloads as CSV; the figures
// follow the events as they arrive.
import { download, matchmaking, Problem } from '../api.js';
import { departementsMap, disposeAll, draw, resizeAll } from '../charts.js';
import { followIntroductions } from '../live.js';
import { CATEGORIES, FAMILIES, SDGS, announce, coalescing, field, h, problemBox, rate, select } from '../ui.js';

const STEP_KEYS = ['proposed', 'accepted', 'met', 'followUp', 'partnership'];
// The words of the CSV headers. The funnel and the breakdowns count the introductions that reached a step or a later
// one (one recorded with a partnership and no meeting held is at « Rencontre tenue ou au-delà »); « Au fil du temps »
// counts the steps dated in each period (« Rencontres tenues »: every meeting held that month, a second one included).
const REACHED_LABELS = { proposed: 'Proposées', accepted: 'Acceptées', met: 'Rencontre tenue ou au-delà', followUp: 'Suite prévue ou au-delà', partnership: 'Partenariats conclus' };
const PERIOD_LABELS = { proposed: 'Proposées', accepted: 'Acceptées', met: 'Rencontres tenues', followUp: 'Suites prévues', partnership: 'Partenariats conclus' };
const labelsOf = panel => (panel.path === 'periods' ? PERIOD_LABELS : REACHED_LABELS);
const PANELS = [
  { id: 'entonnoir', title: 'Entonnoir des mises en relation', path: 'funnel', file: 'entonnoir' },
  { id: 'periodes', title: 'Au fil du temps (par mois)', path: 'periods', file: 'mois', query: { granularity: 'month' } },
  { id: 'territoires', title: 'Par département (carte et classement)', path: 'territories', file: 'departements', query: { level: 'departement' } },
  { id: 'familles', title: 'Par paire de familles d’acteurs', path: 'family-pairs', file: 'familles' },
  { id: 'categories', title: 'Par catégorie de ressource', path: 'categories', file: 'categories' },
  { id: 'odd', title: 'Par objectif de développement durable', path: 'sdgs', file: 'odd' },
  { id: 'delais', title: 'Délais médians', path: 'delays', file: 'delais' },
];

export async function render(main) {
  const filters = h('form', { class: 'filtres', 'aria-label': 'Filtres du tableau de bord' },
    field('Du', h('input', { type: 'date', name: 'from' })),
    field('Au', h('input', { type: 'date', name: 'to' })),
    field('Département', h('input', { name: 'departement', size: 4, inputmode: 'numeric' })),
    field('Famille d’acteurs', select('family', FAMILIES, '', { empty: 'Toutes' })),
    field('Catégorie', select('category', CATEGORIES, '', { empty: 'Toutes' })),
    h('button', { type: 'submit' }, 'Appliquer'));
  const panels = PANELS.map(panel => ({ ...panel, section: h('section', { class: 'carte', id: panel.id, 'aria-labelledby': `titre-${panel.id}` }) }));
  // What the service refused (a bad filter is refused by every panel alike): said once, above the panels.
  const refusals = h('div', { class: 'refus-tableau' });
  main.replaceChildren(h('h1', {}, 'Tableau de bord des mises en relation'),
    h('p', {}, 'Les chiffres se mettent à jour d’eux-mêmes à chaque nouvel événement.', h('span', { id: 'maj', class: 'aide' })),
    filters, h('p', { class: 'aide' }, 'Du… au… : jour de la proposition des mises en relation comptées ; '
      + 'pour « Au fil du temps », jour de chaque étape comptée.'),
    refusals, h('div', { class: 'grille' }, panels.map(p => p.section)));
  // The filters as last applied: a live refresh draws those, not what is being typed in the form (« 3 » on the way to
  // « 38 »), until « Appliquer ».
  let applied = {};
  const apply = () => {
    applied = {};
    for (const name of ['from', 'to', 'departement', 'family', 'category']) {
      const value = filters.elements[name].value.trim();
      if (value) applied[name] = value;
    }
  };
  const query = extra => new URLSearchParams({ ...(extra || {}), ...applied });
  // Each reading is numbered: « Appliquer » may start one while a live refresh's is still on its way, with the filters
  // before; an answer of an older reading is dropped, never drawn over a newer one (nor its CSV button kept).
  let drawing = 0;
  let refusalsShown = '[]';
  // sayAgain: « Appliquer » asked for it; a live refresh that meets the same refusals leaves their alerts as they are,
  // which, drawn again, a screen reader would read out at every event of the lab.
  const load = async (sayAgain = false) => {
    const generation = ++drawing;
    const current = () => generation === drawing;
    const problems = (await Promise.all(panels.map(panel => loadPanel(panel, query(panel.query), current)))).filter(Boolean);
    if (!current()) return -1;
    // The same refusal from several panels is one alert; different ones are each said once.
    const byKey = new Map(problems.map(p => [JSON.stringify([p.status, p.document?.title, p.document?.detail, p.fieldErrors]), p]));
    const shown = JSON.stringify([...byKey.keys()]);
    if (sayAgain || shown !== refusalsShown) refusals.replaceChildren(...[...byKey.values()].map(problemBox));
    refusalsShown = shown;
    return byKey.size;
  };
  // A refusal is its own alert: nothing more to announce then.
  filters.addEventListener('submit', event => { event.preventDefault(); apply(); load(true).then(refused => { if (refused === 0) announce('Tableau de bord mis à jour.'); }); });
  apply();
  await load();
  const refresh = coalescing(async () => {
    await load();
    const stamp = document.getElementById('maj');
    if (stamp) stamp.textContent = ` Dernière mise à jour : ${new Date().toLocaleTimeString('fr-FR')}.`;
  });
  // The dashboard's facts are taken from the introductions' views every second or so: after the reading of a burst,
  // read again a few times, later each time (the last event of a burst sets the series).
  const stop = followIntroductions(refresh, { first: 300, readAgainAfter: READ_AGAIN_AFTER });
  const onResize = () => resizeAll(main);
  window.addEventListener('resize', onResize);
  return () => { stop(); window.removeEventListener('resize', onResize); };
}

/** How many rows a ranking's bars show at the most (a label per bar, on a card's height). */
const RANKED_AT_MOST = 20;

/** When the dashboard is read again after the last event of a burst, in milliseconds. */
const READ_AGAIN_AFTER = [1200, 3000, 6000, 10000];

/**
 * Draws a panel, unless a newer reading started meanwhile (`current` says); resolves with the service's refusal of it
 * (shown once for all panels by the caller), if any.
 */
async function loadPanel(panel, query, current) {
  const path = `/api/dashboard/${panel.path}`;
  const heading = h('h2', { id: `titre-${panel.id}` }, panel.title);
  const csv = h('button', { type: 'button', class: 'secondaire', 'data-csv': panel.id, onclick: async () => {
    try {
      const saved = await download(`${path}?${query}&format=csv`, `mises-en-relation-${panel.file}.csv`);
      announce(`Fichier ${saved} téléchargé.`);
    } catch (e) {
      panel.section.append(problemBox(e));
    }
  } }, `Télécharger les données (CSV) — ${panel.title}`);
  let data;
  // Drawn anew below: a table the reader opened stays open, and the focus on its summary or on the file's button stays
  // there (a live refresh comes at every event of the lab).
  const wasOpen = panel.section.querySelector('details')?.open;
  const focused = !panel.section.contains(document.activeElement) ? null
    : document.activeElement.matches('summary') ? 'summary' : document.activeElement.matches('[data-csv]') ? '[data-csv]' : null;
  // Given back only if nothing else took it meanwhile (the reader moved on while the panel was read).
  const keepFocus = () => {
    if (focused && (!document.activeElement || document.activeElement === document.body)) panel.section.querySelector(focused)?.focus();
  };
  try {
    data = await matchmaking(`${path}?${query}`);
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    if (!current()) return null;
    panel.section.replaceChildren(heading, h('p', { class: 'aide', 'data-refuse': e.status }, 'Données indisponibles : voir le message au-dessus des tableaux.'));
    return e;
  }
  if (!current()) return null;
  if (panel.path === 'delays') {
    // French puts the singular below two: « 0,5 jour », « 1 mise en relation ».
    const days = m => (m && m.medianDays !== null && m.medianDays !== undefined
      ? `${m.medianDays.toLocaleString('fr-FR')} ${m.medianDays < 2 ? 'jour' : 'jours'}` : '—');
    const introductions = m => { const n = m?.count ?? 0; return `${n} ${n < 2 ? 'mise en relation' : 'mises en relation'}`; };
    panel.section.replaceChildren(heading, h('dl', { class: 'profil' },
      h('dt', {}, 'De la proposition à l’acceptation'), h('dd', { 'data-chiffre': 'acceptation' }, `${days(data.proposalToAcceptance)} (${introductions(data.proposalToAcceptance)})`),
      h('dt', {}, 'De la première rencontre au partenariat'), h('dd', { 'data-chiffre': 'partenariat' }, `${days(data.meetingToPartnership)} (${introductions(data.meetingToPartnership)})`)),
    h('div', { class: 'actions' }, csv));
    keepFocus();
    return;
  }
  // A bar per row, each named beside it: as tall as its rows need (the SDGs may be seventeen, the départements a
  // hundred: the first of those only).
  const bars = ['sdgs', 'categories', 'territories'].includes(panel.path) ? Math.min(data.rows.length, RANKED_AT_MOST) : 0;
  const chart = h('div', { class: 'graphique', role: 'img', 'aria-label': panel.title,
    style: bars > 10 ? `height: ${bars * 26 + 40}px` : null });
  const table = h('details', { open: wasOpen || null }, h('summary', {}, 'Voir les données en tableau'), tableOf(panel, data));
  disposeAll(panel.section);
  if (panel.path === 'territories') {
    // The map for the eye, the ranked bars and the table (the same figures) for everyone, screen readers included.
    const map = h('div', { class: 'graphique carte-departements', id: 'carte-departements', role: 'img',
      'aria-label': 'Carte des départements de France métropolitaine, colorés selon les mises en relation proposées ; '
        + 'les mêmes chiffres sont dans le classement et le tableau qui suivent.' });
    const ranking = data.rows.length > RANKED_AT_MOST
      ? `Le classement montre les ${RANKED_AT_MOST} premiers ; le tableau, tous (l’outre-mer compris).`
      : 'L’outre-mer figure dans le classement.';
    panel.section.replaceChildren(heading, map, chart, table, h('p', { class: 'aide' }, 'Contours des départements : ',
      `svg-maps (Victor Cazanave), licence CC BY 4.0. La carte montre la métropole. ${ranking}`),
      h('div', { class: 'actions' }, csv));
    keepFocus();
    await Promise.all([draw(map, await mapOption(data)), draw(chart, optionFor(panel, data))]);
    return;
  }
  // The rates are over every proposal, those still waiting for an answer included.
  const pending = panel.path === 'funnel' ? [h('p', { class: 'aide', 'data-chiffre': 'en-attente' },
    `Taux calculés sur toutes les propositions, dont ${data.pending ?? 0} encore en attente de réponse.`)] : [];
  panel.section.replaceChildren(heading, chart, ...pending, table, h('div', { class: 'actions' }, csv));
  keepFocus();
  await draw(chart, optionFor(panel, data));
}

/** Départements coloured by the introductions proposed with a side at home there (rows keyed by INSEE code). */
async function mapOption(data) {
  const map = await departementsMap();
  const rows = data.rows.filter(r => r.key !== '?');
  const labels = Object.fromEntries(rows.map(r => [r.key, r.label]));
  return {
    tooltip: { trigger: 'item', confine: true,
      formatter: p => `${labels[p.name] || p.name} : ${Number.isFinite(p.value) ? p.value : 0} proposée(s)` },
    visualMap: { min: 0, max: Math.max(1, ...rows.map(r => r.counts.proposed)), calculable: true, orient: 'horizontal',
      left: 'center', bottom: 0, text: ['plus', 'moins'], inRange: { color: ['#e8f0fa', '#083f77'] } },
    series: [{ type: 'map', map, name: 'Proposées', roam: false, selectedMode: false, top: 8, bottom: 48,
      itemStyle: { areaColor: '#f4f4f4', borderColor: '#888', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#f2b84b' } },
      data: rows.map(r => ({ name: r.key, value: r.counts.proposed })) }],
  };
}

function rowsOf(panel, data) {
  if (panel.path === 'funnel') return data.steps.map(s => ({ label: s.label, value: s.count, counts: null, rate: s.rateFromPrevious }));
  return data.rows.map(r => ({ key: r.key, label: r.label, value: r.counts.proposed, counts: r.counts }));
}

function tableOf(panel, data) {
  const rows = rowsOf(panel, data);
  const withCounts = panel.path !== 'funnel';
  // The funnel's rates: each step over the one before (none for the first), as in its CSV.
  return h('div', { class: 'table-defile' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, panel.path === 'funnel' ? 'Étape' : 'Groupe'),
      withCounts ? STEP_KEYS.map(k => h('th', { scope: 'col' }, labelsOf(panel)[k]))
        : [h('th', { scope: 'col' }, 'Nombre'), h('th', { scope: 'col' }, 'Taux depuis l’étape précédente')])),
    h('tbody', {}, rows.map(r => h('tr', {}, h('th', { scope: 'row' }, r.label),
      withCounts ? STEP_KEYS.map(k => h('td', {}, r.counts[k]))
        : [h('td', {}, r.value), h('td', { 'data-taux': r.rate ?? '' }, rate(r.rate))]))),
    withCounts && data.totalCounts ? totalRow(panel, data.totalCounts) : null));
}

// A row may count an introduction that another row counts too (both départements of a cross-border one, each of its
// categories and SDGs): the total is over the distinct introductions, as in the CSV's last line, not the column's sum.
// Over time, every step counts in its own period (an introduction met twice, two meetings held): there the total is
// the steps', each column's sum.
function totalRow(panel, totals) {
  const label = panel.path === 'periods' ? 'Total (étapes comptées)' : 'Total (mises en relation distinctes)';
  return h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, label), STEP_KEYS.map(k => h('td', {}, totals[k]))));
}

function optionFor(panel, data) {
  const rows = rowsOf(panel, data);
  const tooltip = { trigger: 'axis', confine: true };
  const grid = { left: 8, right: 16, top: 24, bottom: 8, containLabel: true };
  switch (panel.path) {
    case 'funnel':
      // Its steps from top to bottom, each named on its left (five names side by side under columns do not fit a
      // card: the chart would leave out the middle ones), its count and its rate from the step before on its right.
      return { tooltip, grid: { ...grid, right: 88 }, yAxis: { type: 'category', inverse: true, data: rows.map(r => r.label) },
        xAxis: { type: 'value', show: false }, // each bar says its figure
        series: [{ type: 'bar', name: 'Mises en relation', data: rows.map(r => r.value), itemStyle: { color: '#0b5cad' },
          label: { show: true, position: 'right', formatter: p => (rows[p.dataIndex].rate === null || rows[p.dataIndex].rate === undefined
            ? `${p.value}` : `${p.value} (${rate(rows[p.dataIndex].rate)})`) } }] };
    case 'periods':
      // Room for its legend on two lines, above the highest figure of the axis.
      return { tooltip, grid: { ...grid, top: 64 }, legend: { top: 0 }, xAxis: { type: 'category', data: rows.map(r => r.label) }, yAxis: { type: 'value', minInterval: 1 },
        series: STEP_KEYS.map(k => ({ type: 'line', name: PERIOD_LABELS[k], data: rows.map(r => r.counts[k]) })) };
    case 'territories':
    case 'categories': {
      // The largest on top; the first RANKED_AT_MOST only (the table has them all).
      const ranked = [...rows].sort((a, b) => b.value - a.value).slice(0, RANKED_AT_MOST);
      return { tooltip, grid, yAxis: { type: 'category', inverse: true, data: ranked.map(r => r.label) }, xAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: 'Proposées', data: ranked.map(r => r.value), itemStyle: { color: '#0b5cad' }, label: { show: true, position: 'right' } }] };
    }
    case 'sdgs': {
      // In the SDGs' order, each bar in its SDG's colour and named on its left by number and (as room allows) title:
      // seventeen numbers under columns do not fit a card, the chart would leave most of them out.
      const sdg = key => SDGS.find(([n]) => n === Number(key)) || [0, '', '#666']; // keys are "01"…"17"
      return { tooltip, grid: { ...grid, right: 40 }, xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: rows.map(r => (sdg(r.key)[1] ? `${r.label} · ${sdg(r.key)[1]}` : r.label)),
          axisLabel: { width: 150, overflow: 'truncate', ellipsis: '…' } },
        series: [{ type: 'bar', name: 'Proposées', label: { show: true, position: 'right' },
          data: rows.map(r => ({ value: r.value, itemStyle: { color: sdg(r.key)[2] } })) }] };
    }
    case 'family-pairs': {
      // A row's key is "FAMILY_A+FAMILY_B" (events-schema ActorFamily): a symmetric matrix of families.
      const known = rows.filter(r => r.key.includes('+'));
      const families = Object.keys(FAMILIES).filter(f => known.some(r => r.key.split('+').includes(f)));
      const cells = known.flatMap(r => {
        const [a, b] = r.key.split('+');
        const cell = [families.indexOf(a), families.indexOf(b), r.value];
        return a === b ? [cell] : [cell, [cell[1], cell[0], r.value]];
      });
      return { tooltip: { position: 'top', confine: true }, grid: { ...grid, bottom: 56 },
        xAxis: { type: 'category', data: families.map(f => FAMILIES[f]), axisLabel: { rotate: 45 } }, // at 30°, neighbours overlap
        yAxis: { type: 'category', data: families.map(f => FAMILIES[f]) },
        visualMap: { min: 0, max: Math.max(1, ...known.map(r => r.value)), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
          inRange: { color: ['#e8f0fa', '#083f77'] } },
        series: [{ type: 'heatmap', name: 'Proposées', label: { show: true }, data: cells }] };
    }
    default:
      return {};
  }
}
