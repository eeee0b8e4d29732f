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

/**
 * Draws (or redraws) a chart in `element`, described for screen readers by ECharts' aria option. Drawn in SVG: its
 * text stays sharp when zoomed and printed, and what it names is text of the page (a label left out for want of room
 * is absent from it, which the browser tests look for).
 */
export async function draw(element, option) {
  const lib = await echarts();
  const chart = lib.getInstanceByDom(element) || lib.init(element, null, { renderer: 'svg' });
  chart.setOption({ aria: { enabled: true }, animation: false, ...option }, true);
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
