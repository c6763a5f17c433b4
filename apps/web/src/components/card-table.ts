// Tables that reflow into one card per row on narrow screens (CSS: .table--cards in areas.css). Each
// cell needs its column's name beside it there; this ref copies the header's text into the cells'
// data-label, and again whenever rows change, so a table's markup stays an ordinary table.
const LABELLED_ROWS = 'tbody tr, tfoot tr';

function labelCells(table: HTMLTableElement): void {
  const headers = Array.from(table.tHead?.rows[0]?.cells ?? []);
  const names: string[] = [];
  for (const header of headers) {
    // Visually hidden header text (an actions column) labels nothing visible.
    const name = header.querySelector('.visually-hidden') && header.textContent === header.querySelector('.visually-hidden')?.textContent ? '' : (header.textContent ?? '').trim();
    for (let span = 0; span < header.colSpan; span++) names.push(name);
  }
  for (const row of Array.from(table.querySelectorAll<HTMLTableRowElement>(LABELLED_ROWS))) {
    let column = 0;
    for (const cell of Array.from(row.cells)) {
      const name = names[column] ?? '';
      if (name && cell.dataset.label !== name) cell.dataset.label = name;
      if (!name && cell.dataset.label !== undefined) delete cell.dataset.label;
      column += cell.colSpan;
    }
  }
}

/** A callback ref for `<table className="table table--cards">`. */
export function cardTable(table: HTMLTableElement | null): (() => void) | undefined {
  if (!table) return undefined;
  labelCells(table);
  const observer = new MutationObserver(() => labelCells(table));
  observer.observe(table, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
