// 数据截至: per platform, how far its data reaches; amber when the server says it is older than the platform's
// expected upload interval, so a screen that went stale never looks healthy.

import { dayText } from './format.js';

const rows = new Map(); // platform → row element

/** Per platform: the shop whose data ends earliest decides how far the platform's figures are complete. */
export function showFreshness(list, shops) {
  const platforms = new Map();
  for (const shop of shops) {
    const seen = platforms.get(shop.platform);
    const asOf = shop.latestPaidAt ?? '';
    if (!seen) platforms.set(shop.platform, { name: shop.platformName, asOf, stale: shop.stale, shops: 1 });
    else Object.assign(seen, { asOf: asOf < seen.asOf ? asOf : seen.asOf, stale: seen.stale || shop.stale, shops: seen.shops + 1 });
  }
  for (const [platform, row] of rows) {
    if (!platforms.has(platform)) { row.remove(); rows.delete(platform); }
  }
  // An empty database says so, rather than leaving the panel blank as if it were still loading.
  let empty = list.querySelector('.freshness-empty');
  if (platforms.size === 0 && !empty) {
    empty = document.createElement('div');
    empty.className = 'freshness-row freshness-empty';
    empty.textContent = '暂无数据：尚未导入订单导出文件';
    list.appendChild(empty);
  } else if (platforms.size > 0 && empty) {
    empty.remove();
  }
  for (const [platform, info] of platforms) {
    let row = rows.get(platform);
    if (!row) {
      row = document.createElement('div');
      row.className = 'freshness-row';
      row.dataset.platform = platform;
      row.innerHTML = '<span class="platform"></span><span class="as-of"></span><span class="state"></span>';
      rows.set(platform, row);
      list.appendChild(row);
    }
    row.classList.toggle('stale', info.stale);
    row.querySelector('.platform').textContent = `${info.name}（${info.shops}店）`;
    row.querySelector('.as-of').textContent = info.asOf ? `${dayText(info.asOf.slice(0, 10), true)} ${info.asOf.slice(11, 16)}` : '无数据';
    row.querySelector('.state').textContent = info.stale ? '待更新' : '正常';
  }
}
