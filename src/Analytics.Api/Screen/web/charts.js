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
  entry.option = option;
  entry.chart.setOption(option, { replaceMerge: ['series'] });
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

export const axisStyle = {
  axisLine: { lineStyle: { color: 'rgba(125, 211, 252, 0.35)' } },
  axisLabel: { color: '#9cc7e8', fontSize: 16 },
  splitLine: { lineStyle: { color: 'rgba(125, 211, 252, 0.12)' } },
};

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
      axisLabel: { color: '#dbeafe', fontSize: 17, width: 130, overflow: 'truncate' },
    },
    series: [{
      id: 'bars', type: 'bar', barWidth: '55%', data: shown.map(valueOf),
      itemStyle: {
        borderRadius: [0, 6, 6, 0],
        color: new echarts.graphic.LinearGradient(0, 0, 1, 0, [{ offset: 0, color: 'rgba(34, 211, 238, 0.15)' }, { offset: 1, color }]),
      },
      label: {
        show: true, position: 'right', color: '#f8fafc', fontSize: 15,
        formatter: (p) => labelOf(shown[p.dataIndex]),
      },
    }],
  };
}
