// The sales trend: daily for the current month or monthly for the year, with last year's line beside it, and for
// the rest of the month the forecast as a dashed line inside its 80% band (a stacked pair: an invisible lower edge,
// then the band's width filled), in a colour of its own so nobody takes it for sales that happened.

import { draw, axisStyle, ink, palette } from './charts.js';
import { wan } from './format.js';

export const forecastInk = { line: '#c4b5fd', band: 'rgba(167, 139, 250, 0.30)' };

/**
 * `current` runs to today; `lastYear` is the whole month or year a year before, which sets the axis; `forecast`, a
 * daily /api/forecast answer (or null), adds the days after its asOf, joined to the actual line at asOf.
 */
export function drawTrend(element, current, lastYear, forecast = null) {
  const byDay = current.interval === 'day';
  // Points line up by day of month or by month (a 29 February has no partner a year before or after).
  const keyOf = (p) => (byDay ? p.start.slice(8, 10) : p.start.slice(5, 7));
  const points = byDay && forecast ? forecast.points : [];
  const keys = [...new Set([...lastYear.points.map(keyOf), ...current.points.map(keyOf), ...points.map((p) => p.date.slice(8, 10))])].sort();
  const labels = keys.map((k) => `${Number(k)}${byDay ? '日' : '月'}`);
  const valuesOf = (trend) => {
    const byKey = new Map(trend.points.map((p) => [keyOf(p), wan(p.netSales)]));
    return keys.map((k) => byKey.get(k) ?? null);
  };
  const currentValues = valuesOf(current);
  const lastYearValues = valuesOf(lastYear);
  const forecastOf = new Map(points.map((p) => [p.date.slice(8, 10), p]));
  const joinKey = forecast?.asOf.slice(8, 10);
  const joinIndex = keys.indexOf(joinKey);
  const joined = joinIndex >= 0 && points.length > 0 ? currentValues[joinIndex] : null;
  const along = (pick) => keys.map((k, i) => {
    if (i === joinIndex && joined !== null) return pick === 'width' ? 0 : joined;
    const p = forecastOf.get(k);
    if (!p) return null;
    return pick === 'width' ? wan(p.upper) - wan(p.lower) : wan(p[pick]);
  });
  const forecastSeries = points.length === 0 ? [] : [
    {
      id: 'bandLower', name: '80%区间', type: 'line', stack: 'band', symbol: 'none', silent: true,
      lineStyle: { opacity: 0 }, areaStyle: { opacity: 0 }, data: along('lower'),
    },
    {
      id: 'bandWidth', name: '80%区间', type: 'line', stack: 'band', symbol: 'none', silent: true,
      lineStyle: { opacity: 0 }, areaStyle: { color: forecastInk.band }, itemStyle: { color: forecastInk.band }, data: along('width'),
    },
    {
      id: 'forecast', name: '预测', type: 'line', symbol: 'none',
      lineStyle: { width: 3, type: [8, 6], color: forecastInk.line }, itemStyle: { color: forecastInk.line }, data: along('value'),
    },
  ];
  return draw(element, {
    animationDurationUpdate: 800,
    grid: { left: 16, right: 24, top: 44, bottom: 8, containLabel: true },
    legend: { top: 0, right: 16, textStyle: { color: ink.legend, fontSize: 16 }, data: [`${current.from.slice(0, 4)}年`, `${lastYear.from.slice(0, 4)}年`, ...(points.length ? ['预测', '80%区间'] : [])] },
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
      ...forecastSeries,
    ],
  });
}
