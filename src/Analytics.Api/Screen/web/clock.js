// The screen runs on the server's clock in Beijing time: a TV box's own clock is often wrong or in another zone.

const beijingOffsetMs = 8 * 3600 * 1000;
let serverOffsetMs = 0;

/** Takes the server's time from /api/clock, allowing for half the request's round trip. */
export function syncWithServer(serverNowIso, requestStartedMs, requestEndedMs) {
  const localMidpoint = (requestStartedMs + requestEndedMs) / 2;
  serverOffsetMs = Date.parse(serverNowIso) - localMidpoint;
}

export const serverNow = () => new Date(Date.now() + serverOffsetMs);

/** The server's time as Beijing wall-clock parts. */
export function beijingParts(date = serverNow()) {
  const shifted = new Date(date.getTime() + beijingOffsetMs);
  return {
    year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
    hours: shifted.getUTCHours(), minutes: shifted.getUTCMinutes(), seconds: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  };
}

const pad = (n) => String(n).padStart(2, '0');
export const isoDay = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;

export function todayText() {
  const p = beijingParts();
  return isoDay(p.year, p.month, p.day);
}

export function clockText() {
  const p = beijingParts();
  return `${isoDay(p.year, p.month, p.day)} ${pad(p.hours)}:${pad(p.minutes)}:${pad(p.seconds)}`;
}

export const weekdayText = () => '星期' + '日一二三四五六'[beijingParts().weekday];

const lastDayOfMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The window a relative period covers on `today` (YYYY-MM-DD): from the period's start to today, so 同比 compares
 * the same days a year before (a half-finished year is never set against a whole one).
 */
export function periodWindow(period, today) {
  const [y, m, d] = today.split('-').map(Number);
  const quarterStart = Math.floor((m - 1) / 3) * 3 + 1;
  switch (period) {
    case 'today': return { from: today, to: today, label: `${y}年${m}月${d}日`, trend: 'day' };
    case 'quarter': return { from: isoDay(y, quarterStart, 1), to: today, label: `${y}年第${'一二三四'[(quarterStart - 1) / 3]}季度`, trend: 'month' };
    case 'year': return { from: isoDay(y, 1, 1), to: today, label: `${y}年`, trend: 'month' };
    case 'ytd': return { from: isoDay(y, 1, 1), to: today, label: `${y}年1—${m}月累计`, trend: 'month' };
    default: return { from: isoDay(y, m, 1), to: today, label: `${y}年${m}月`, trend: 'day' };
  }
}

/** `day` (YYYY-MM-DD) moved by `days`. */
export function addDays(day, days) {
  const [y, m, d] = day.split('-').map(Number);
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return isoDay(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** The last day of the month of `day`. */
export function monthEnd(day) {
  const [y, m] = day.split('-').map(Number);
  return isoDay(y, m, lastDayOfMonth(y, m));
}

/** The last day of the period (today, month, quarter, year) that holds `day`. */
export function periodEnd(period, day) {
  const [y, m] = day.split('-').map(Number);
  switch (period) {
    case 'today': return day;
    case 'quarter': { const last = Math.floor((m - 1) / 3) * 3 + 3; return isoDay(y, last, lastDayOfMonth(y, last)); }
    case 'year': case 'ytd': return isoDay(y, 12, 31);
    default: return monthEnd(day);
  }
}

/** The trend's windows: this month by day (or this year by month) up to today, and the whole of it a year before. */
export function trendWindows(interval, today) {
  const [y, m] = today.split('-').map(Number);
  if (interval === 'day') {
    return {
      current: { from: isoDay(y, m, 1), to: today },
      lastYear: { from: isoDay(y - 1, m, 1), to: isoDay(y - 1, m, lastDayOfMonth(y - 1, m)) },
    };
  }
  return { current: { from: isoDay(y, 1, 1), to: today }, lastYear: { from: isoDay(y - 1, 1, 1), to: isoDay(y - 1, 12, 31) } };
}

/** Milliseconds until the next Beijing HH:MM on the server's clock. */
export function msUntil(hhmm) {
  const [h, min] = hhmm.split(':').map(Number);
  const p = beijingParts();
  let ms = ((h - p.hours) * 60 + (min - p.minutes)) * 60000 - p.seconds * 1000;
  if (ms <= 0) ms += 24 * 3600 * 1000;
  return ms;
}
