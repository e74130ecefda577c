// 本月预计 (全年预计 when the screen shows a year): the actual so far plus the forecast of the rest, with its 80% band,
// from /api/forecast. Without a forecast the tile says why in a few words instead of showing a guess.

import { formatFigure, dayText } from './format.js';

/** Appends the tile to the KPI row, in the same shape as the others so it lines up. */
export function buildProjectionTile(container) {
  const element = document.createElement('div');
  element.className = 'kpi';
  element.dataset.kpi = 'projection';
  element.innerHTML = `
    <div class="kpi-name"></div>
    <div class="kpi-figure"><span class="kpi-value" data-settled="true">—</span><span class="kpi-unit">元</span></div>
    <div class="kpi-note"></div>
    <div class="kpi-basis"></div>`;
  element.querySelector('.kpi-name').textContent = '本月预计';
  container.appendChild(element);
  return element;
}

/** 290.1–335.2万 (or 亿): both ends in the unit of the larger, one decimal, as a bureau reads a range. */
export function bandText(lower, upper) {
  const [divisor, unit] = upper >= 1e8 ? [1e8, '亿'] : upper >= 1e4 ? [1e4, '万'] : [1, ''];
  const digits = divisor === 1 ? 0 : 1;
  return `${(lower / divisor).toFixed(digits)}–${(upper / divisor).toFixed(digits)}${unit}`;
}

/**
 * Shows a forecast answer's projection. `yearly` picks 全年预计; `reason` (when there is no answer to show) is a few
 * words on why, e.g. 该月已结束 for a month whose days are all history.
 */
export function showProjection(element, answer, { yearly = false, reason = null } = {}) {
  const projection = answer ? (yearly ? answer.yearEnd : answer.monthEnd) : null;
  const value = element.querySelector('.kpi-value');
  const note = element.querySelector('.kpi-note');
  const basis = element.querySelector('.kpi-basis');
  element.querySelector('.kpi-name').textContent = yearly ? '全年预计' : '本月预计';
  element.dataset.state = projection ? 'forecast' : 'none';
  if (!projection) {
    value.textContent = '—';
    value.dataset.value = '';
    // The API's own short reason (历史不足八周 …) when it gave one.
    note.textContent = reason ?? answer?.reason ?? '暂无预测';
    basis.textContent = answer?.dataThrough ? `数据截至${dayText(answer.dataThrough)}` : '';
    return;
  }
  value.dataset.value = projection.value;
  value.dataset.lower = projection.lower;
  value.dataset.upper = projection.upper;
  value.textContent = `约${formatFigure('money', projection.value)}`;
  note.textContent = `80%区间 ${bandText(projection.lower, projection.upper)}元`;
  basis.textContent = `至${dayText(projection.actualThrough)}实际${formatFigure('money', projection.actual)}元`;
}
