// Every number on the screen comes from the metrics API; a call that fails leaves the old figures up.

const timeoutMs = 15000;

export async function getJson(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null));
  const url = query.size ? `${path}?${query}` : path;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    // The default cache mode: 'no-store' would send Cache-Control: no-cache and skip the server's answer cache.
    const response = await fetch(url, { signal: abort.signal });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return await response.json();
  } finally {
    clearTimeout(timer);
  }
}
