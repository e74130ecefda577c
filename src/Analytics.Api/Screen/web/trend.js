// The sales trend: daily for the current month or monthly for the year, with last year's line beside it.

import { draw, axisStyle, ink, palette } from './charts.js';
import { wan } from './format.js';

/** `current` runs to today; `lastYear` is the whole month or year a year before, which sets the axis. */
export function drawTrend(element, current, lastYear) {
  const byDay = current.interval === 'day';
  // Points line up by day of month or by month (a 29 February has no partner a year before or after).
  const keyOf = (p) => (byDay ? p.start.slice(8, 10) : p.start.slice(5, 7));
  const keys = [...new Set([...lastYear.points.map(keyOf), ...current.points.map(keyOf)])].sort();
  const labels = keys.map((k) => `${Number(k)}${byDay ? '日' : '月'}`);
  const valuesOf = (trend) => {
    const byKey = new Map(trend.points.map((p) => [keyOf(p), wan(p.netSales)]));
    return keys.map((k) => byKey.get(k) ?? null);
  };
  const currentValues = valuesOf(current);
  const lastYearValues = valuesOf(lastYear);
  return draw(element, {
    animationDurationUpdate: 800,
    grid: { left: 16, right: 24, top: 44, bottom: 8, containLabel: true },
    legend: { top: 0, right: 16, textStyle: { color: ink.legend, fontSize: 16 }, data: [`${current.from.slice(0, 4)}年`, `${lastYear.from.slice(0, 4)}年`] },
    xAxis: { type: 'category', data: labels, boundaryGap: false, ...axisStyle(), splitLine: { show: false } },
    yAxis: { type: 'value', name: '万元', nameTextStyle: { color: ink.axis, fontSize: 16 }, ...axisStyle() },
    series: [
      {
        id: 'current', name: `${current.from.slice(0, 4)}年`, type: 'line', smooth: true, showSymbol: false,
        lineStyle: { width: 3, color: palette[0] }, itemStyle: { color: palette[0] },
        areaStyle: { color: 'rgba(34, 211, 238, 0.18)' },
        data: currentValues,
      },
      {
        id: 'lastYear', name: `${lastYear.from.slice(0, 4)}年`, type: 'line', smooth: true, showSymbol: false,
        lineStyle: { width: 2, type: 'dashed', color: palette[1] }, itemStyle: { color: palette[1] },
        data: lastYearValues,
      },
    ],
  });
}
