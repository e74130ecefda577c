// The big screen: reads its settings from the URL (a TV box is configured by bookmark), refreshes every panel
// from the metrics API without ever reloading the page, and keeps running for weeks.

import { getJson } from './api.js';
import { syncWithServer, todayText, clockText, weekdayText, periodWindow, periodEnd, trendWindows, msUntil, addDays, monthEnd } from './clock.js';
import { fitCanvas } from './layout.js';
import { draw, rescale, disposeAll, rankedBars, palette } from './charts.js';
import { buildTiles, showSummary } from './kpis.js';
import { ScrollList } from './scrollList.js';
import { showFreshness } from './freshness.js';
import { loadChinaMap, drawMap, drawProductRegions } from './regions.js';
import { drawTrend } from './trend.js';
import { buildProjectionTile, showProjection } from './projection.js';
import { startTicker, showAlerts } from './ticker.js';
import { formatFigure, formatChange, wan, windowText, dayText } from './format.js';

const params = new URLSearchParams(location.search);
const periods = ['today', 'month', 'quarter', 'year', 'ytd'];
const seconds = (name, fallback, minimum) => Math.max(minimum, Number(params.get(name)) || fallback);
const settings = {
  period: periods.includes(params.get('period')) ? params.get('period') : 'month',
  refreshMs: seconds('refresh', 60, 5) * 1000,
  rotateMs: seconds('rotate', 30, 5) * 1000,
  pages: (params.get('pages') ?? 'overview').split(',').map((p) => p.trim())
    .filter((p) => document.querySelector(`.view[data-view="${p}"]`)),
  reloadAt: /^([01]?\d|2[0-3]):[0-5]\d$/.test(params.get('reload') ?? '') ? params.get('reload') : '04:00',
  productMs: 8000,
};
if (settings.pages.length === 0) settings.pages = ['overview'];

const $ = (selector) => document.querySelector(selector);
const canvas = $('#canvas');
// `today` is the server's; `anchor` the day the figures are shown for: today, or the end of the latest period with
// data when the current one has none yet (a database restored from last year, a new month before its first upload).
const state = {
  period: settings.period, from: '', to: '', today: '', anchor: '', dataThrough: null, notice: '', trend: 'day',
  page: settings.pages[0], online: true, refreshes: 0, lastGoodAt: '',
};
let enterpriseList;
let products = []; // [{ item, regions }]
let productIndex = 0;
let projectionTile;

/**
 * The span of the configured period on the server's today; when no data reaches into it, the whole of the latest
 * period that has data, and a notice saying so (zeros would read as a county that sold nothing).
 */
function updateWindow() {
  const today = todayText();
  const current = periodWindow(state.period, today);
  const old = state.dataThrough !== null && state.dataThrough < current.from;
  const anchor = old ? periodEnd(state.period, state.dataThrough) : today;
  if (today === state.today && anchor === state.anchor) return false;
  const span = old ? periodWindow(state.period, anchor) : current;
  const notice = !old ? '' : state.period === 'month' ? `显示最近有数据的月份：${span.label}` : `显示最近有数据的时期：${span.label}`;
  Object.assign(state, { today, anchor, notice, from: span.from, to: span.to, trend: span.trend });
  const label = $('#period-label');
  label.textContent = span.label;
  label.dataset.from = span.from;
  label.dataset.to = span.to;
  const shown = $('.data-notice');
  shown.textContent = old ? `${notice}（数据截至${dayText(state.dataThrough, true)}）` : '';
  shown.hidden = !old;
  return true;
}

async function syncClock() {
  const started = Date.now();
  const clock = await getJson('/api/clock');
  syncWithServer(clock.now, started, Date.now());
  state.dataThrough = clock.dataThrough ?? null;
  if ($('#title').textContent !== clock.title) {
    $('#title').textContent = clock.title;
    document.title = clock.title;
  }
}

const shareText = (item) => (item.share === null ? '' : `${(item.share * 100).toFixed(1)}%`);
const barLabel = (item) => `${formatFigure('money', item.netSales)}元  ${shareText(item)}`;

async function refreshPlatforms(span) {
  const ranking = await getJson('/api/rankings/platforms', { ...span, by: 'netSales' });
  draw($('[data-chart="platforms"]'), rankedBars(ranking.items, { valueOf: (i) => wan(i.netSales), labelOf: barLabel, color: palette[0], maxItems: 6 }));
}

async function refreshEnterprises(span) {
  const ranking = await getJson('/api/rankings/enterprises', { ...span, by: 'netSales', limit: 50 });
  draw($('[data-chart="enterprises"]'), rankedBars(ranking.items, { valueOf: (i) => wan(i.netSales), labelOf: barLabel, color: palette[2], maxItems: 5 }));
  enterpriseList.update(ranking.items.map((item) => ({ ...item, key: item.name ?? item.key })));
}

async function refreshProvinces(span) {
  const ranking = await getJson('/api/rankings/provinces', { ...span, by: 'netSales', limit: 40 });
  drawMap($('[data-chart="map"]'), ranking);
  drawMap($('[data-chart="regionsMap"]'), ranking, { zoom: 1.2, labels: true });
  draw($('[data-chart="provinces"]'), rankedBars(ranking.items, { valueOf: (i) => wan(i.netSales), labelOf: barLabel, color: palette[3], maxItems: 12 }));
  $('#map-note').textContent = `覆盖${ranking.items.length}个省份` + (ranking.unknown?.orders ? ` · 未知地区${formatFigure('count', ranking.unknown.orders)}单` : '');
}

async function refreshProducts(span) {
  const ranking = await getJson('/api/rankings/products', { ...span, by: 'netSales', limit: 10 });
  // One title is often sold on several platforms: the bar says which.
  const named = ranking.items.map((item) => ({ ...item, name: `${item.name ?? item.key}（${item.platformName ?? item.platform}）` }));
  draw($('[data-chart="products"]'), rankedBars(named, { valueOf: (i) => wan(i.netSales), labelOf: barLabel, color: palette[1], maxItems: 10 }));
  const top = ranking.items.slice(0, 5);
  const regions = await Promise.all(top.map((item) =>
    getJson(`/api/products/${encodeURIComponent(item.platform)}/${encodeURIComponent(item.key)}/regions`, span)));
  products = top.map((item, i) => ({ item, regions: regions[i] }));
  productIndex %= Math.max(1, products.length);
  showProduct();
}

function showProduct() {
  if (products.length === 0) return;
  const { regions } = products[productIndex];
  drawProductRegions($('[data-chart="productRegions"]'), $('#product-title'), regions, productIndex, products.length);
}

async function refreshShops(span) {
  const ranking = await getJson('/api/rankings/shops', { ...span, by: 'netSales', limit: 10 });
  draw($('[data-chart="shops"]'), rankedBars(ranking.items, { valueOf: (i) => wan(i.netSales), labelOf: barLabel, color: palette[5], maxItems: 10 }));
}

/**
 * The forecast behind the trend's dashed line and 本月预计: from the last whole day (today is still being uploaded) or
 * the data's last day if earlier, to the month's end. None for a period shown from old data: its days are all past.
 */
async function forecastNow() {
  if (state.anchor !== state.today) return { answer: null, reason: `数据停在${dayText(state.dataThrough, true)}` };
  const yesterday = addDays(state.today, -1);
  const asOf = state.dataThrough !== null && state.dataThrough < yesterday ? state.dataThrough : yesterday;
  const end = state.trend === 'day' ? monthEnd(state.today) : periodEnd('year', state.today);
  // On the first of a month (or year) the last whole day is in the one before, whose projection would be the wrong one.
  if (asOf.slice(0, state.trend === 'day' ? 7 : 4) !== state.today.slice(0, state.trend === 'day' ? 7 : 4)) {
    return { answer: null, reason: state.trend === 'day' ? '月初首日，次日起预计' : '年初首日，次日起预计' };
  }
  const days = Math.round((Date.parse(end) - Date.parse(asOf)) / 86400000);
  const horizon = state.trend === 'day' ? Math.min(90, Math.max(1, days)) : 1;
  return { answer: await getJson('/api/forecast', { metric: 'netSales', horizon, asOf }), reason: null };
}

async function refreshTrend() {
  const windows = trendWindows(state.trend, state.anchor);
  const [current, lastYear, forecast] = await Promise.all([
    getJson('/api/trend', { ...windows.current, interval: state.trend }),
    getJson('/api/trend', { ...windows.lastYear, interval: state.trend }),
    forecastNow(),
  ]);
  const answer = forecast.answer?.model ? forecast.answer : null;
  drawTrend($('[data-chart="trend"]'), current, lastYear, state.trend === 'day' ? answer : null);
  showProjection(projectionTile, forecast.answer, { yearly: state.trend === 'month', reason: forecast.reason });
  $('#trend-title').textContent = state.trend === 'day'
    ? `${state.anchor === state.today ? '本月' : `${Number(state.anchor.slice(5, 7))}月`}每日网络零售额（同比${answer ? '，虚线为预测' : ''}）`
    : '本年每月网络零售额（同比）';
}

async function refreshSummary(span) {
  const summary = await getJson('/api/summary', span);
  showSummary(canvas, summary);
  $('#period-compare').textContent = `环比 ${windowText(summary.previous.from, summary.previous.to)} · 同比 ${windowText(summary.yearAgo.from, summary.yearAgo.to)}`;
}

let running = null;

/** One full data refresh of every panel; a failed call leaves that panel's figures up and marks the screen offline. */
function refresh() {
  running ??= refreshAll().finally(() => { running = null; });
  return running;
}

async function refreshAll() {
  let online = true;
  const attempt = async (work) => {
    try {
      await work();
    } catch (error) {
      online = false;
      console.warn('refresh:', error?.message ?? error);
    }
  };
  await attempt(syncClock);
  updateWindow();
  const span = { from: state.from, to: state.to };
  await Promise.all([
    attempt(() => refreshSummary(span)),
    attempt(() => refreshPlatforms(span)),
    attempt(() => refreshEnterprises(span)),
    attempt(() => refreshProvinces(span)),
    attempt(() => refreshProducts(span)),
    attempt(() => refreshShops(span)),
    attempt(() => refreshTrend()),
    attempt(async () => showFreshness($('.freshness'), await getJson('/api/freshness'))),
    attempt(async () => showAlerts(await getJson('/api/alerts', { state: 'open' }))),
  ]);
  state.online = online;
  if (online) state.lastGoodAt = clockText();
  const status = $('#api-status');
  status.dataset.state = online ? 'online' : 'offline';
  status.textContent = online ? '● 数据正常' : `● 数据服务中断，显示 ${state.lastGoodAt.slice(11, 16) || '此前'} 的数据`;
  state.refreshes += 1;
}

function tick() {
  $('#clock').textContent = clockText();
  $('#weekday').textContent = weekdayText();
  // A relative period rolls over when the server's midnight passes, not when the next refresh happens to run.
  if (state.today && todayText() !== state.today) refresh();
  setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
}

function showPage(name) {
  state.page = name;
  for (const view of document.querySelectorAll('.view')) view.classList.toggle('active', view.dataset.view === name);
}

/** Once a day: every chart made anew from fresh data, without navigating, so full screen stays on. */
function scheduleSoftReload() {
  setTimeout(async () => {
    disposeAll();
    await refresh();
    scheduleSoftReload();
  }, msUntil(settings.reloadAt));
}

function scheduleRefresh() {
  setTimeout(async () => {
    await refresh();
    scheduleRefresh();
  }, settings.refreshMs);
}

async function start() {
  const scale = fitCanvas(canvas);
  rescale(scale);
  window.addEventListener('resize', () => rescale(fitCanvas(canvas)));
  showPage(settings.pages[0]);
  buildTiles($('.kpis'));
  projectionTile = buildProjectionTile($('.kpis'));
  startTicker($('.ticker'));
  enterpriseList = new ScrollList($('.scroll-list[data-list="enterprises"]'), [
    { className: 'rank', text: (i) => String(i.rank) },
    { className: 'name', text: (i) => i.name ?? i.key },
    { className: 'amount', text: (i) => `${formatFigure('money', i.netSales)}元` },
    { className: 'share', text: shareText },
    { className: 'change', text: (i) => `环比${formatChange(i.change)}` },
  ]);
  await loadChinaMap();
  await refresh();
  tick();
  scheduleRefresh();
  scheduleSoftReload();
  setInterval(() => {
    if (products.length === 0) return;
    productIndex = (productIndex + 1) % products.length;
    showProduct();
  }, settings.productMs);
  if (settings.pages.length > 1) {
    setInterval(() => showPage(settings.pages[(settings.pages.indexOf(state.page) + 1) % settings.pages.length]), settings.rotateMs);
  }
}

window.bigScreen = {
  ready: start(),
  refresh,
  state: () => ({
    period: state.period, from: state.from, to: state.to, today: state.today, anchor: state.anchor, dataThrough: state.dataThrough,
    notice: state.notice, page: state.page, online: state.online, refreshes: state.refreshes,
  }),
};
