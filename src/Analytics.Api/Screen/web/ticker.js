// 预警 on the wall: the open alerts one at a time on a single quiet line, or 暂无预警. A wall is glanced at, so it
// never flashes or turns red; a message wider than the line glides across once, then the next alert comes.

const showMs = 9000;

const ticker = { root: null, text: null, count: null, alerts: [], index: 0, timer: 0 };

export function startTicker(root) {
  Object.assign(ticker, { root, text: root.querySelector('.ticker-text'), count: root.querySelector('.ticker-count') });
  showCurrent();
}

/** Takes a /api/alerts answer; the alert on show stays on show when it is still open. */
export function showAlerts(list) {
  const shown = ticker.alerts[ticker.index]?.id;
  ticker.alerts = list.alerts.filter((alert) => alert.status !== 'resolved');
  const same = ticker.alerts.findIndex((alert) => alert.id === shown);
  if (same >= 0 && ticker.timer) {
    ticker.index = same;
    showCount();
    return;
  }
  ticker.index = 0;
  showCurrent();
}

function showCount() {
  const total = ticker.alerts.length;
  ticker.root.dataset.alerts = String(total);
  ticker.count.textContent = total > 1 ? `${ticker.index + 1}/${total}` : '';
}

function showCurrent() {
  clearTimeout(ticker.timer);
  ticker.timer = 0;
  const { text } = ticker;
  text.classList.remove('gliding');
  showCount();
  const alert = ticker.alerts[ticker.index];
  if (!alert) {
    text.dataset.state = 'none';
    text.dataset.alert = '';
    text.textContent = '暂无预警';
    return;
  }
  text.dataset.state = alert.status;
  text.dataset.alert = String(alert.id);
  // Names in an alert come from export files: text, never markup.
  text.textContent = `${alert.ruleName}：${alert.message}${alert.status === 'acknowledged' ? '（已知悉）' : ''}`;
  const overflow = text.scrollWidth - text.parentElement.clientWidth;
  let ms = showMs;
  if (overflow > 0) {
    const seconds = Math.max(4, overflow / 60);
    text.style.setProperty('--glide-shift', `${-overflow - 24}px`);
    text.style.setProperty('--glide-seconds', `${seconds}s`);
    void text.offsetWidth; // restarts the animation for the new message
    text.classList.add('gliding');
    ms = Math.max(showMs, (seconds + 4) * 1000);
  }
  if (ticker.alerts.length > 1 || overflow > 0) {
    ticker.timer = setTimeout(() => {
      ticker.index = (ticker.index + 1) % ticker.alerts.length;
      showCurrent();
    }, ms);
  }
}
