// The KPI tiles. Numbers roll from the value shown before to the new one; the last values are kept in the
// browser's storage, so a reload or a restart of the TV box does not start the counters from zero.

import { formatFigure, formatChange, formatPointChange, changeDirection, windowText } from './format.js';

const tiles = [
  { key: 'orders', name: '订单量', unit: '单', kind: 'count' },
  { key: 'netSales', name: '网络零售额', unit: '元', kind: 'money' },
  { key: 'avgOrderValue', name: '客单价', unit: '元', kind: 'money' },
  { key: 'repeatRate', name: '复购率', unit: '', kind: 'ratio', points: true },
  { key: 'provinces', name: '覆盖省份', unit: '个', kind: 'count' },
];

/** Makes the tiles inside `container`: name, value with unit, a note line, 环比 and 同比, and their windows. */
export function buildTiles(container) {
  for (const tile of tiles) {
    const element = document.createElement('div');
    element.className = 'kpi';
    element.dataset.kpi = tile.key;
    element.innerHTML = `
      <div class="kpi-name"></div>
      <div class="kpi-figure"><span class="kpi-value" data-settled="false">—</span><span class="kpi-unit"></span></div>
      <div class="kpi-note"></div>
      <div class="kpi-changes">
        <span class="kpi-change" data-compare="previous">环比 <b class="change-value">—</b></span>
        <span class="kpi-change" data-compare="yearAgo">同比 <b class="change-value">—</b></span>
      </div>
      <div class="kpi-window"></div>`;
    element.querySelector('.kpi-name').textContent = tile.name;
    element.querySelector('.kpi-unit').textContent = tile.unit;
    container.appendChild(element);
  }
}
const rollMs = 1200;
const storageKey = 'bigScreen.kpis';

const remembered = (() => {
  try { return JSON.parse(localStorage.getItem(storageKey) ?? '{}'); } catch { return {}; }
})();
const shown = new Map(Object.entries(remembered)); // key → the number on the tile now
const rolling = new Map(); // key → animation frame id

function roll(element, kind, from, to, key) {
  cancelAnimationFrame(rolling.get(key));
  element.dataset.settled = 'false';
  if (to === null || from === null || from === undefined || from === to) {
    element.textContent = formatFigure(kind, to);
    element.dataset.settled = 'true';
    return;
  }
  const started = performance.now();
  const step = (now) => {
    const t = Math.min(1, (now - started) / rollMs);
    const eased = 1 - (1 - t) ** 3;
    const value = t >= 1 ? to : from + (to - from) * eased;
    element.textContent = formatFigure(kind, kind === 'count' ? Math.round(value) : value);
    if (t < 1) {
      rolling.set(key, requestAnimationFrame(step));
    } else {
      rolling.delete(key);
      element.dataset.settled = 'true';
    }
  };
  rolling.set(key, requestAnimationFrame(step));
}

function showChange(element, change, text) {
  element.dataset.change = change ?? '';
  element.dataset.direction = change === null || change === undefined ? 'none' : changeDirection(change);
  element.querySelector('.change-value').textContent = text;
}

/** Puts a /api/summary answer on the tiles. */
export function showSummary(root, summary) {
  for (const tile of tiles) {
    const element = root.querySelector(`.kpi[data-kpi="${tile.key}"]`);
    if (!element) continue;
    const value = summary[tile.key];
    const valueElement = element.querySelector('.kpi-value');
    valueElement.dataset.value = value ?? '';
    roll(valueElement, tile.kind, shown.has(tile.key) ? shown.get(tile.key) : 0, value, tile.key);
    shown.set(tile.key, value);

    for (const compare of ['previous', 'yearAgo']) {
      const baseline = summary[compare];
      const change = baseline.change[tile.key];
      showChange(element.querySelector(`.kpi-change[data-compare="${compare}"]`), change,
        tile.points ? formatPointChange(value, baseline[tile.key]) : formatChange(change));
    }
    element.querySelector('.kpi-window').textContent =
      `环比 ${windowText(summary.previous.from, summary.previous.to)} · 同比 ${windowText(summary.yearAgo.from, summary.yearAgo.to)}`;
    const estimated = summary.estimates?.[tile.key === 'repeatRate' ? 'buyers' : tile.key];
    element.classList.toggle('estimated', Boolean(estimated?.length));
  }
  const gmv = root.querySelector('.kpi[data-kpi="netSales"] .kpi-note');
  if (gmv) gmv.textContent = `成交额 ${formatFigure('money', summary.gmv)}元`;
  try { localStorage.setItem(storageKey, JSON.stringify(Object.fromEntries(shown))); } catch { /* private mode: counters start from zero */ }
}
