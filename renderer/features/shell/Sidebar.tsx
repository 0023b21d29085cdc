/**
 * The workspace sidebar: switch workspace, filter playbooks by title, create one, and rename, duplicate or
 * delete any of them from its menu.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { filterPlaybooks, type PlaybookMeta } from '@shared/domain/playbook';
import { Kbd } from '../../ui/Kbd';
import { ConnectionIndicator, useLinkState } from '../sync';
import { useSettings, useWorkspaceState } from './AppContext';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';
import { mayDo } from '@shared/domain/permissions';

/** Props of Sidebar. */
export interface SidebarProps {
  playbooks: PlaybookMeta[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
  onRename: (id: string, title: string) => void;
  onDuplicate: (id: string) => void;
  onDelete: (meta: PlaybookMeta) => void;
  onOpenSettings: () => void;
  filterRef: React.RefObject<HTMLInputElement | null>;
  /** Shown above the playbook list (the "Needs review" entry). */
  extra?: React.ReactNode;
  /** The joint reviews: whether they are shown, and how to show them. */
  meetingsOpen?: boolean;
  onOpenMeetings?: () => void;
}

/** The left column of the workspace. */
export function Sidebar(props: SidebarProps) {
  const settings = useSettings('role', 'displayName');
  const workspace = useWorkspaceState();
  const open = workspace.status === 'open' ? workspace : null;
  const directoryLink = useLinkState(open?.workspace.directoryLink ?? null);
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const shown = filterPlaybooks(props.playbooks, query);
  const canEdit = mayDo('playbooks.manage', settings.role, directoryLink?.session);

  return (
    <nav className="sidebar" aria-label="Playbooks">
      <WorkspaceSwitcher />
      <ConnectionIndicator
        state={directoryLink}
        serverUrl={open?.ref.server?.url ?? null}
        problem={open?.syncProblem ?? null}
        onRetry={() => open?.workspace.retrySync()}
      />
      {props.onOpenMeetings && (
        <button
          type="button"
          className={props.meetingsOpen ? 'sidebar-meetings is-selected' : 'sidebar-meetings'}
          aria-current={props.meetingsOpen ? 'page' : undefined}
          onClick={props.onOpenMeetings}
          data-testid="open-meetings"
        >
          <span className="sidebar-meetings-icon" aria-hidden="true" />
          Joint reviews &amp; goals
        </button>
      )}
      <div className="sidebar-search">
        <input
          ref={props.filterRef}
          type="search"
          placeholder="Filter playbooks"
          aria-label="Filter playbooks by title"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="playbook-filter"
        />
      </div>
      {props.extra}
      <div className="sidebar-section-head">
        <span>Playbooks</span>
        {canEdit && (
          <button
            type="button"
            className="icon-button"
            onClick={props.onNew}
            aria-label="New playbook"
            title="New playbook"
            data-testid="new-playbook"
          >
            +
          </button>
        )}
      </div>
      <ul className="playbook-list" data-testid="playbook-list">
        {shown.map((p) => (
          <PlaybookRow
            key={p.id}
            meta={p}
            selected={p.id === props.selectedId}
            renaming={renaming === p.id}
            canEdit={canEdit}
            onSelect={() => props.onSelect(p.id)}
            onStartRename={() => setRenaming(p.id)}
            onRename={(title) => {
              setRenaming(null);
              if (title !== null) props.onRename(p.id, title);
            }}
            onDuplicate={() => props.onDuplicate(p.id)}
            onDelete={() => props.onDelete(p)}
          />
        ))}
      </ul>
      {props.playbooks.length > 0 && shown.length === 0 && (
        <p className="sidebar-note">No playbook title contains “{query}”.</p>
      )}
      {props.playbooks.length === 0 && <p className="sidebar-note">No playbooks yet.</p>}
      <div className="sidebar-footer">
        {canEdit && (
          <button type="button" className="button button-primary sidebar-new" onClick={props.onNew}>
            New playbook
          </button>
        )}
        <button
          type="button"
          className="sidebar-user"
          onClick={props.onOpenSettings}
          title={`${settings.displayName || 'No name yet'} · your name and role`}
          data-testid="sidebar-user"
        >
          <span className="avatar">{(settings.displayName || '?').slice(0, 1).toUpperCase()}</span>
          <span className="sidebar-user-text">
            <strong>{settings.displayName || 'Set your name'}</strong>
            <span>{directoryLink?.session?.role ?? settings.role}</span>
          </span>
          <Kbd keys="Mod+/" />
        </button>
      </div>
    </nav>
  );
}

interface RowProps {
  meta: PlaybookMeta;
  selected: boolean;
  renaming: boolean;
  canEdit: boolean;
  onSelect: () => void;
  onStartRename: () => void;
  onRename: (title: string | null) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

function PlaybookRow({
  meta,
  selected,
  renaming,
  canEdit,
  onSelect,
  onStartRename,
  onRename,
  onDuplicate,
  onDelete,
}: RowProps) {
  const [menu, setMenu] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    const close = (e: PointerEvent) => !menuRef.current?.contains(e.target as Node) && setMenu(false);
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [menu]);

  if (renaming) {
    const handleKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') onRename(e.currentTarget.value);
      if (e.key === 'Escape') onRename(null);
    };
    return (
      <li className="playbook-row is-renaming">
        <input
          autoFocus
          defaultValue={meta.title}
          aria-label="New title"
          onKeyDown={handleKeyDown}
          onBlur={(e) => onRename(e.currentTarget.value)}
          data-testid="rename-input"
        />
      </li>
    );
  }
  return (
    <li className={selected ? 'playbook-row is-selected' : 'playbook-row'}>
      <button
        type="button"
        className="playbook-link"
        onClick={onSelect}
        aria-current={selected ? 'page' : undefined}
        onDoubleClick={canEdit ? onStartRename : undefined}
      >
        <span className={`playbook-icon template-${meta.template}`} aria-hidden="true" />
        {/* The full title on hover: a long one is cut short with an ellipsis. */}
        <span className="playbook-name" title={meta.title}>
          {meta.title}
        </span>
      </button>
      {canEdit && (
        <div className="row-menu" ref={menuRef}>
          <button
            type="button"
            className="icon-button row-menu-button"
            aria-label={`Actions for ${meta.title}`}
            aria-haspopup="menu"
            aria-expanded={menu}
            onClick={() => setMenu((m) => !m)}
          >
            ⋯
          </button>
          {menu && (
            <div className="menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setMenu(false)}>
              {[
                ['Rename', onStartRename],
                ['Duplicate', onDuplicate],
                ['Delete…', onDelete],
              ].map(([label, run]) => (
                <button
                  key={label as string}
                  type="button"
                  role="menuitem"
                  className={label === 'Delete…' ? 'menu-item menu-item-danger' : 'menu-item'}
                  onClick={() => {
                    setMenu(false);
                    (run as () => void)();
                  }}
                >
                  {label as string}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </li>
  );
}
