/** Playbooks as listed in a workspace directory. */
import { compareText } from '../format/compareText';

/** Templates a new playbook can start from. */
export const PLAYBOOK_TEMPLATES = ['blank', 'messaging-house', 'persona-pitch'] as const;
export type PlaybookTemplate = (typeof PLAYBOOK_TEMPLATES)[number];

/** What the template picker shows for each template. */
export const PLAYBOOK_TEMPLATE_INFO: Record<PlaybookTemplate, { label: string; description: string }> = {
  blank: { label: 'Blank', description: 'An empty playbook with one narrative to start from.' },
  'messaging-house': {
    label: 'Messaging house',
    description: 'Positioning, three pillars, proof points and objection handling.',
  },
  'persona-pitch': {
    label: 'Persona pitch',
    description: 'Pain, promise and proof for one buyer persona, stage by stage.',
  },
};

/** One entry of the workspace directory. Times are epoch milliseconds. */
export interface PlaybookMeta {
  id: string;
  title: string;
  template: PlaybookTemplate;
  owner: string;
  createdAt: number;
  updatedAt: number;
}

/** Longest playbook title we store; longer input is cut, never rejected silently elsewhere. */
export const PLAYBOOK_TITLE_MAX = 200;

/** Trims and bounds a title typed by a user; an empty result becomes "Untitled playbook". */
export function cleanPlaybookTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim().slice(0, PLAYBOOK_TITLE_MAX);
  return title.length > 0 ? title : 'Untitled playbook';
}

/** True when `value` is a known template. */
export function isPlaybookTemplate(value: unknown): value is PlaybookTemplate {
  return typeof value === 'string' && (PLAYBOOK_TEMPLATES as readonly string[]).includes(value);
}

/** Case-insensitive title filter used by the sidebar. */
export function filterPlaybooks(playbooks: readonly PlaybookMeta[], query: string): PlaybookMeta[] {
  const q = query.trim().toLocaleLowerCase();
  const sorted = [...playbooks].sort((a, b) => compareText(a.title, b.title) || a.createdAt - b.createdAt);
  return q ? sorted.filter((p) => p.title.toLocaleLowerCase().includes(q)) : sorted;
}
