/**
 * Search by containment ("who holds 10.2.3.4?", or a block: its holders and what it holds) and by
 * text (description, status, RIR), across every address space. Results open as a list under the
 * box: arrow keys move, Enter opens the block, Escape closes.
 */
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import type { PrefixRow, SearchResult } from '../../../shared/contract';
import { useContractQuery } from '../../data/query';
import { errorsFrom } from '../../state';

interface Props {
  inputRef: Ref<HTMLInputElement>;
  onOpen(row: PrefixRow): void;
  /** Escape with nothing to close: back to the grid. */
  onLeave(): void;
}

function headline(q: string, r: SearchResult): string {
  if (r.kind === 'text')
    return r.rows.length ? `${r.rows.length}${r.truncated ? '+' : ''} block${r.rows.length === 1 ? '' : 's'} match “${q}”` : `No block matches “${q}”`;
  if (!r.holder) return `No block holds ${q}`;
  return `${q} is held by ${r.holder.prefix}${r.holder.description ? ` (${r.holder.description})` : ''}`;
}

export function SearchBox({ inputRef, onOpen, onLeave }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const box = useRef<HTMLDivElement>(null);
  /** The query last shown: a change to the workspace refreshes the results without reopening them. */
  const [shown, setShown] = useState('');

  // Typing searches after a pause; Enter searches at once.
  useEffect(() => {
    const q = text.trim();
    const t = setTimeout(() => setQuery(q), q ? 300 : 0);
    return () => clearTimeout(t);
  }, [text]);

  const search = useContractQuery('registry.search', { query, limit: 200 }, { enabled: query !== '' });
  const answered = query !== '' && !search.isPlaceholderData && !search.isPending;
  const result = query && !search.isError ? (search.data ?? null) : null;
  const failure = query && search.isError ? search.error : null;
  const error = failure ? (errorsFrom(failure).query ?? Object.values(errorsFrom(failure))[0] ?? 'the search failed') : null;
  // A new query's first answer opens the list on its holder (or its first row).
  if (answered && shown !== query) {
    setShown(query);
    const r = search.data;
    setActive(r ? (r.holder ? r.rows.findIndex((x) => x.id === r.holder!.id) : r.rows.length ? 0 : -1) : active);
    setOpen(true);
  }
  if (!query && shown !== '') setShown('');

  const rows = result?.rows ?? [];
  const choose = (r: PrefixRow) => {
    setOpen(false);
    onOpen(r);
  };
  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (rows.length) setActive((a) => Math.max(0, Math.min(rows.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const q = text.trim();
      if (q !== query) setQuery(q);
      else if (open && rows[active]) choose(rows[active]!);
      else setOpen(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (open && (result || error)) setOpen(false);
      else onLeave();
    }
  };

  useEffect(() => {
    if (active >= 0) document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  const showing = open && (result !== null || error !== null) && text.trim() !== '';
  return (
    <div
      className="reg-search"
      ref={box}
      onBlur={(e) => {
        if (!box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label="Search blocks"
        aria-expanded={showing}
        aria-controls={`${id}-list`}
        aria-activedescendant={showing && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        placeholder="Search: an address (who holds it?), a block or a name — press /"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => setOpen(true)}
        onKeyDown={onKey}
      />
      {showing && (
        <div className="reg-search-pop">
          {error ? (
            <div className="field-error" id={`${id}-error`} role="alert">
              {error}
            </div>
          ) : (
            result && (
              <>
                <div className="reg-search-head" role="status">
                  {headline(query, result)}
                </div>
                <ul className="reg-search-list" role="listbox" id={`${id}-list`} aria-label="Search results">
                  {rows.map((r, i) => {
                    const held = result.kind === 'containment' && result.holder?.id === r.id;
                    return (
                      <li
                        key={r.id}
                        id={`${id}-opt-${i}`}
                        role="option"
                        aria-selected={i === active}
                        className={`${i === active ? 'active' : ''}${held ? ' holder' : ''}`}
                        data-block={r.prefix}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => choose(r)}
                      >
                        <span className="mono">{r.prefix}</span>
                        <span className={`status status-${r.status}`}>{r.status}</span>
                        <span className="ellipsis">{r.description}</span>
                        <span className="muted">{r.space}</span>
                        {held && <span className="badge reg-holder-badge">holds it</span>}
                      </li>
                    );
                  })}
                </ul>
              </>
            )
          )}
        </div>
      )}
    </div>
  );
}
