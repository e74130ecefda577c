// The China map (choropleth of net sales by province) and 单品销售区域分布. Provinces are matched by their
// GB/T 2260 code, which both the API and the map's features carry, so every spelling of a province lands.

/* global echarts */
import { draw, ink, rankedBars, palette } from './charts.js';
import { formatFigure, wan } from './format.js';

const mapNames = new Map(); // GB/T 2260 province code (2 digits, as the API keys provinces) → the map feature's name

/** Loads the map shipped by npm (echarts 4.9's china.json, with the 南海诸岛 inset ECharts adds to 'china'). */
export async function loadChinaMap() {
  const response = await fetch('/screen/vendor/china.json');
  const geoJson = await response.json();
  // The features carry the 6-digit code of the province (140000); its first two digits are the province's code.
  for (const feature of geoJson.features) mapNames.set(String(feature.properties.id ?? feature.id).slice(0, 2), feature.properties.name);
  echarts.registerMap('china', geoJson);
}

/** The map option for a province ranking answer. */
export function mapOption(ranking, { zoom = 1.15, labels = false } = {}) {
  const data = ranking.items
    .filter((item) => mapNames.has(item.key))
    .map((item) => ({ name: mapNames.get(item.key), value: wan(item.netSales), code: item.key }));
  const max = Math.max(1, ...data.map((d) => d.value));
  return {
    animationDurationUpdate: 800,
    visualMap: {
      min: 0, max, left: 24, bottom: 24, calculable: false, itemHeight: 140,
      text: ['高', '低'], textStyle: { color: ink.axis, fontSize: 16 },
      inRange: { color: ink.scale },
    },
    series: [{
      id: 'provinces', type: 'map', map: 'china', roam: false, zoom, top: 'middle',
      label: { show: labels, color: ink.mapLabel, fontSize: 16 },
      itemStyle: { areaColor: ink.land, borderColor: ink.border, borderWidth: 1 },
      emphasis: { disabled: true }, select: { disabled: true },
      data,
    }],
  };
}

export const drawMap = (element, ranking, options) => draw(element, mapOption(ranking, options));

/**
 * One product's sales by province, as ranked bars: ranked, labelled and shared by the same figure (网络零售额), and
 * titled with its platform and shop, since one title is often sold on several platforms.
 */
export function drawProductRegions(element, titleElement, regions, index, count) {
  const where = [regions.platformName, regions.shop].filter(Boolean).join(' · ');
  titleElement.textContent = `${index + 1}/${count} ${regions.title ?? regions.productId}${where ? `（${where}）` : ''} · 销往${regions.items.length}个省份`;
  const total = regions.items.reduce((sum, item) => sum + item.netSales, 0);
  const items = [...regions.items].sort((a, b) => b.netSales - a.netSales || a.key.localeCompare(b.key));
  return draw(element, rankedBars(items, {
    valueOf: (item) => wan(item.netSales),
    labelOf: (item) => `${formatFigure('money', item.netSales)}元 ${total > 0 ? ((item.netSales / total) * 100).toFixed(1) + '%' : ''}`,
    color: palette[1],
    maxItems: 8,
  }));
}
