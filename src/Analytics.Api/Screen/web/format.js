// Numbers as a county screen shows them: 万 and 亿 for large values, separators, one-decimal percents.

const grouped = (value, decimals) =>
  value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** kind: 'count' (orders, provinces), 'money' (yuan), 'ratio' (0..1, shown as a percent). null shows as —. */
export function formatFigure(kind, value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (kind === 'ratio') return `${(value * 100).toFixed(1)}%`;
  const magnitude = Math.abs(value);
  if (magnitude >= 1e8) return `${grouped(value / 1e8, 2)}亿`;
  if (magnitude >= 1e4) return `${grouped(value / 1e4, 2)}万`;
  return grouped(value, kind === 'money' ? 2 : 0);
}

/** A relative change (0.123 = +12.3%) with its arrow; null (no base to compare with) shows as —. */
export function formatChange(change) {
  if (change === null || change === undefined) return '—';
  if (change === 0) return '持平 0.0%';
  return `${change > 0 ? '▲' : '▼'}${Math.abs(change * 100).toFixed(1)}%`;
}

/** A difference of two rates in percentage points (个百分点), as bureaus write rate changes. */
export function formatPointChange(current, baseline) {
  if (current === null || baseline === null || current === undefined || baseline === undefined) return '—';
  const points = (current - baseline) * 100;
  if (Math.abs(points) < 0.05) return '持平 0.0个百分点';
  return `${points > 0 ? '▲' : '▼'}${Math.abs(points).toFixed(1)}个百分点`;
}

export const changeDirection = (change) => (change > 0 ? 'up' : change < 0 ? 'down' : 'flat');

/** Yuan in 万元 with two decimals, for chart axes and labels. */
export const wan = (yuan) => Math.round(yuan / 100) / 100;

/** '2023-06-30' as 6月30日, or 2023年6月30日 with the year. */
export function dayText(day, withYear = false) {
  const [y, m, d] = day.split('-').map(Number);
  return withYear ? `${y}年${m}月${d}日` : `${m}月${d}日`;
}

/** A from–to window as short text: 2023.6.1–6.30, 2022.6.1–2022.6.30. */
export function windowText(from, to) {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (from === to) return `${fy}.${fm}.${fd}`;
  return fy === ty ? `${fy}.${fm}.${fd}–${tm}.${td}` : `${fy}.${fm}.${fd}–${ty}.${tm}.${td}`;
}
