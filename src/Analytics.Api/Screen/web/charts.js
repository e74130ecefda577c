// ECharts instances of the screen. They draw at the physical pixel density of the scaled canvas, so text stays
// sharp on a 4K wall; when the scale changes they are made anew from their last options.

/* global echarts */
const instances = new Map(); // element → { chart, option }
let pixelRatio = window.devicePixelRatio || 1;

export const palette = ['#22d3ee', '#fbbf24', '#a78bfa', '#34d399', '#f472b6', '#60a5fa', '#fb923c', '#4ade80'];

function create(element) {
  return echarts.init(element, null, { renderer: 'canvas', devicePixelRatio: pixelRatio });
}

/** Shows `option` in the chart of `element`; updates an existing chart in place (no flicker, no new instance). */
export function draw(element, option) {
  let entry = instances.get(element);
  if (!entry) {
    entry = { chart: create(element), option: null };
    instances.set(element, entry);
  }
  entry.option = ink.animated ? option : { ...option, animation: false };
  entry.chart.setOption(entry.option, { replaceMerge: ['series'] });
  return entry.chart;
}

/** After the canvas was rescaled: every chart again at the new density and size. */
export function rescale(scale) {
  const ratio = (window.devicePixelRatio || 1) * scale;
  if (Math.abs(ratio - pixelRatio) < 0.01) {
    for (const { chart } of instances.values()) chart.resize();
    return;
  }
  pixelRatio = ratio;
  for (const [element, entry] of instances) {
    entry.chart.dispose();
    entry.chart = create(element);
    if (entry.option) entry.chart.setOption(entry.option);
  }
}

/** Drops every chart (the daily soft reload starts them afresh). */
export function disposeAll() {
  for (const { chart } of instances.values()) chart.dispose();
  instances.clear();
}

/** The colours text, axes and land are drawn in: light on the dark wall by default. */
export const ink = {
  text: '#dbeafe', label: '#f8fafc', legend: '#cfe8ff', axis: '#9cc7e8',
  axisLine: 'rgba(125, 211, 252, 0.35)', splitLine: 'rgba(125, 211, 252, 0.12)',
  land: '#0b1d3a', border: 'rgba(125, 211, 252, 0.6)', mapLabel: '#e2e8f0',
  scale: ['#0c2a4d', '#0e7490', '#22d3ee', '#fde68a', '#f59e0b'],
  animated: true,
};

/**
 * The printed report draws the same charts on white paper: dark text, pale land, a scale that starts near white,
 * and no animation, so the picture taken is the finished chart.
 */
export function usePaperInk() {
  Object.assign(ink, {
    text: '#1f2937', label: '#111827', legend: '#1f2937', axis: '#4b5563',
    axisLine: '#9ca3af', splitLine: '#e5e7eb',
    land: '#f1f5f9', border: '#94a3b8', mapLabel: '#334155',
    scale: ['#e0f2fe', '#7dd3fc', '#0891b2', '#f59e0b', '#b45309'],
    animated: false,
  });
}

export const axisStyle = () => ({
  axisLine: { lineStyle: { color: ink.axisLine } },
  axisLabel: { color: ink.axis, fontSize: 16 },
  splitLine: { lineStyle: { color: ink.splitLine } },
});

/** Horizontal ranked bars, largest on top, each labelled with its value (万元) and share. */
export function rankedBars(items, { valueOf, labelOf, color = palette[0], maxItems = 8 }) {
  const shown = items.slice(0, maxItems).reverse();
  return {
    animationDurationUpdate: 800,
    grid: { left: 8, right: 150, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category', data: shown.map((item) => item.name ?? item.key),
      axisLine: { show: false }, axisTick: { show: false },
      axisLabel: { color: ink.text, fontSize: 17, width: 130, overflow: 'truncate' },
    },
    series: [{
      id: 'bars', type: 'bar', barWidth: '55%', data: shown.map(valueOf),
      itemStyle: {
        borderRadius: [0, 6, 6, 0],
        color: new echarts.graphic.LinearGradient(0, 0, 1, 0, [{ offset: 0, color: 'rgba(34, 211, 238, 0.15)' }, { offset: 1, color }]),
      },
      label: {
        show: true, position: 'right', color: ink.label, fontSize: 16,
        formatter: (p) => labelOf(shown[p.dataIndex]),
      },
    }],
  };
}
