/**
 * The grid bench's floor: the same rows, columns, row height, frozen first column and filter function as Lockstep's
 * grid, drawn with no framework at all: a fixed set of row elements whose text is rewritten on each keystroke. What a
 * keystroke costs this browser on this machine before any library does anything; reported beside the two React pages
 * so the one-frame budget can be read against it. Bundled by the bench with esbuild; never part of the product.
 */
import { filterRows, type ServerRow } from '../../lib/readiness/rows';
import { COLUMNS, ROW } from './bare-grid-columns';

const TOTAL = COLUMNS.reduce((a, c) => a + c.width, 0);
/** Rows on screen in a 560 px scroller plus the virtualizer's overscan of 8 on each side, as the React pages mount. */
const SLOTS = Math.ceil(560 / ROW) + 8;

void fetch('./rows.json')
  .then((r) => r.json() as Promise<ServerRow[]>)
  .then((all) => {
    const root = document.getElementById('root')!;
    root.style.font = '14px/20px "Segoe UI", sans-serif';
    const input = root.appendChild(document.createElement('input'));
    input.setAttribute('aria-label', 'Filter servers');
    const caption = root.appendChild(document.createElement('span'));
    const scroller = root.appendChild(document.createElement('div'));
    scroller.style.cssText = 'height:560px;overflow:auto';
    const body = scroller.appendChild(document.createElement('div'));
    body.style.cssText = `position:relative;min-width:${TOTAL}px`;
    const slots = Array.from({ length: SLOTS }, (_, i) => {
      const row = body.appendChild(document.createElement('div'));
      row.style.cssText = `position:absolute;left:0;top:${i * ROW}px;height:${ROW}px;line-height:${ROW - 1}px;display:flex;min-width:${TOTAL}px;width:100%;box-sizing:border-box;border-bottom:1px solid #e0e0e0;background:#fff`;
      return COLUMNS.map((c, j) => {
        const cell = row.appendChild(document.createElement('div'));
        cell.style.cssText = `flex:0 0 ${c.width}px;padding:0 8px;box-sizing:border-box;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;unicode-bidi:isolate${j === 0 ? ';position:sticky;left:0;z-index:1;background:inherit;font-weight:600' : ''}`;
        return cell;
      });
    });
    let rows = all;
    const draw = () => {
      caption.textContent = `Showing ${rows.length} of ${all.length} servers`;
      body.style.height = `${rows.length * ROW}px`;
      slots.forEach((cells, i) => {
        const r = rows[i];
        cells.forEach((cell, j) => {
          const text = r ? COLUMNS[j]!.text(r) : '';
          if (cell.textContent !== text) cell.textContent = text;
        });
      });
    };
    input.addEventListener('input', () => {
      rows = filterRows(all, { q: input.value });
      draw();
    });
    draw();
  });
