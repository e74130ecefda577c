// A ranking list that scrolls in a seamless loop, one row at a time, with a pause on each. Rows are keyed:
// a refresh updates a row's cells in place, so nothing jumps or flickers when the figures change.

const stepMs = 3000;
const slideMs = 600;

export class ScrollList {
  constructor(element, columns) {
    this.element = element;
    this.columns = columns; // [{ className, text: item => string }]
    this.track = element.querySelector('.scroll-track') ?? element.appendChild(Object.assign(document.createElement('div'), { className: 'scroll-track' }));
    this.rows = new Map(); // key → row element
    this.timer = setInterval(() => this.step(), stepMs);
  }

  /** Shows the ranked items (in rank order), reusing the row of every key already shown. */
  update(items) {
    const keys = new Set(items.map((item) => item.key));
    for (const [key, row] of this.rows) {
      if (!keys.has(key)) { row.remove(); this.rows.delete(key); }
    }
    for (const item of items) {
      let row = this.rows.get(item.key);
      if (!row) {
        row = document.createElement('div');
        row.className = 'row';
        row.dataset.key = item.key;
        for (const column of this.columns) row.appendChild(Object.assign(document.createElement('span'), { className: column.className }));
        this.rows.set(item.key, row);
        this.track.appendChild(row);
      }
      this.columns.forEach((column, i) => {
        const text = column.text(item);
        if (row.children[i].textContent !== text) row.children[i].textContent = text;
      });
      row.dataset.rank = item.rank;
    }
    // Keep the loop where it is: the row now on top stays on top; the others follow in rank order.
    const ordered = items.map((item) => this.rows.get(item.key));
    const top = this.track.firstElementChild;
    const start = Math.max(0, ordered.indexOf(top));
    ordered.slice(start).concat(ordered.slice(0, start)).forEach((row, i) => {
      if (this.track.children[i] !== row) this.track.insertBefore(row, this.track.children[i] ?? null);
    });
  }

  /** Slides up by one row and moves the row that left at the top to the bottom; only when the rows overflow. */
  step() {
    const first = this.track.firstElementChild;
    if (!first || this.track.scrollHeight <= this.element.clientHeight || document.hidden) return;
    const height = first.offsetHeight;
    this.track.style.transition = `transform ${slideMs}ms ease-in-out`;
    this.track.style.transform = `translateY(-${height}px)`;
    setTimeout(() => {
      this.track.style.transition = 'none';
      this.track.appendChild(first);
      this.track.style.transform = 'translateY(0)';
    }, slideMs);
  }

  dispose() {
    clearInterval(this.timer);
  }
}
