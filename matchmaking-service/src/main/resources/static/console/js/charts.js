// Apache ECharts, from its webjar, loaded once when a page first draws a chart.
let loading = null;

export function echarts() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/webjars/echarts/5.3.1/dist/echarts.min.js';
      script.onload = () => resolve(window.echarts);
      script.onerror = () => reject(new Error('La bibliothèque de graphiques ne s’est pas chargée.'));
      document.head.append(script);
    });
  }
  return loading;
}

/** A figure as French writes it: « 1 500 », where ECharts' own formatting writes « 1,500 », read 1.5 in France. */
function frenchNumber(value) {
  return typeof value === 'number' ? value.toLocaleString('fr-FR') : value;
}

/** The option's value axes and tooltip writing their figures in French, unless the option says how already. */
function withFrenchNumbers(option) {
  const axes = axis => axis?.type === 'value' && !axis.axisLabel?.formatter
    ? { ...axis, axisLabel: { ...axis.axisLabel, formatter: frenchNumber } } : axis;
  const each = value => (Array.isArray(value) ? value.map(axes) : axes(value));
  return { ...option, xAxis: each(option.xAxis), yAxis: each(option.yAxis),
    tooltip: option.tooltip && { valueFormatter: frenchNumber, ...option.tooltip } };
}

/**
 * Draws (or redraws) a chart in `element`. Drawn in SVG: its text stays sharp when zoomed and printed, and what it
 * names is text of the page (a label left out for want of room is absent from it, which the browser tests look for).
 * For screen readers, the element's own French label: ECharts' aria option, enabled, would put its English
 * description (« This is a chart… ») in its place; the figures are in the table beside each chart.
 */
export async function draw(element, option) {
  const lib = await echarts();
  const chart = lib.getInstanceByDom(element) || lib.init(element, null, { renderer: 'svg' });
  const label = element.getAttribute('aria-label');
  chart.setOption({ aria: label ? { enabled: true, label: { description: label } } : { enabled: false },
    animation: false, ...withFrenchNumbers(option) }, true);
  return chart;
}

/** Lets go of the charts drawn in `container` (before they are drawn anew in other elements). */
export function disposeAll(container) {
  if (!window.echarts) return;
  container.querySelectorAll('.graphique').forEach(element => window.echarts.getInstanceByDom(element)?.dispose());
}

export function resizeAll(container) {
  if (!window.echarts) return;
  container.querySelectorAll('.graphique').forEach(element => window.echarts.getInstanceByDom(element)?.resize());
}

/**
 * The map of metropolitan France's départements (cartes/departements.svg, CC BY 4.0, see its licence file), each
 * contour named by its INSEE code, registered once as the ECharts map « departements ».
 */
let departements = null;

export function departementsMap() {
  if (!departements) {
    const failed = () => { throw new Error('La carte des départements ne s’est pas chargée.'); };
    departements = Promise.all([echarts(), fetch('/console/cartes/departements.svg').catch(failed).then(r => {
      if (!r.ok) failed();
      return r.text();
    })]).then(([lib, svg]) => { lib.registerMap('departements', { svg }); return 'departements'; })
      // Not loaded (the network away for a moment): asked again at the next drawing, not failed for good.
      .catch(e => { departements = null; throw e; });
  }
  return departements;
}
