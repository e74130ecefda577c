// Draws the report's figures from window.reportChartData (set by the service before the page loads) with the
// screen's chart code, then sets document.body.dataset.drawn so the service can photograph #trend and #provinces.

import { palette, rankedBars, draw, usePaperInk } from './charts.js';
import { drawTrend } from './trend.js';
import { drawMap, loadChinaMap } from './regions.js';
import { formatFigure, wan } from './format.js';

/** Resolves after the browser has painted twice: the charts draw without animation, on the next frame. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

try {
  usePaperInk();
  const data = window.reportChartData;
  await loadChinaMap();
  drawTrend(document.getElementById('trend'), data.trend.current, data.trend.lastYear);
  drawMap(document.getElementById('map'), data.provinces, { zoom: 1.2 });
  draw(document.getElementById('bars'), rankedBars(data.provinces.items, {
    valueOf: (item) => wan(item.netSales),
    labelOf: (item) => `${formatFigure('money', item.netSales)}元 ${item.share === null ? '' : (item.share * 100).toFixed(1) + '%'}`,
    color: palette[0],
    maxItems: 10,
  }));
  await painted();
  document.body.dataset.drawn = 'yes';
} catch (error) {
  document.body.dataset.drawn = `failed: ${error}`;
}
