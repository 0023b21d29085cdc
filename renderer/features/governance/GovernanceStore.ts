/**
 * The governance of the open playbook, as a small external store: it is fed the narratives' content hashes
 * (by `GovernancePlugin`, from the editor), the records (decisions, workflow, versions) and the deal log's
 * verdicts, derives each narrative's state with `shared/governance`, and hands the editor one badge object
 * per narrative that changes identity only when what it shows changes — so a new record re-renders only
 * the chrome of the narrative it is about.
 */
import type { ApprovalDecision } from '@shared/collab/approvals';
import type { WorkflowRecord } from '@shared/collab/reviewRequests';
import type { NarrativeStatus } from '@shared/domain/narrative';
import {
  describeGovernance,
  eventsByNarrative,
  GOVERNANCE_LABELS,
  governanceOf,
  needsCaution,
  type GovernanceState,
  type NarrativeGovernance,
} from '@shared/governance/narrativeGovernance';
import type { NarrativeBadge, NarrativeGovernanceSource } from '../../editor/plugins/narrativeGovernanceSource';

/** A narrative as governance reads it from the editor. */
export interface GovernedNarrative {
  id: string;
  title: string;
  owner: string;
  hash: string;
}

/** Who this person is for governance. */
export interface GovernanceRights {
  /** A storyteller: approve, send back, set the review period. */
  canApprove: boolean;
  /** Storytellers and marketing: request review, retire, reopen. */
  canRequest: boolean;
}

const STATUS_OF: Record<GovernanceState, NarrativeStatus> = {
  draft: 'draft',
  'in-review': 'in-review',
  approved: 'approved',
  changed: 'draft',
  'sent-back': 'draft',
  retired: 'retired',
};

// One label for everyone who may act — the dialog offers what their role may do — so the chrome (which sits
// in the editor's DOM) reads the same for every writer and differs only for readers, who get nothing.
function actionFor(rights: GovernanceRights): string | null {
  return rights.canApprove || rights.canRequest ? 'Approval…' : null;
}

function sameBadge(a: NarrativeBadge | undefined, b: NarrativeBadge): boolean {
  return a !== undefined && a.state === b.state && a.label === b.label && a.stale === b.stale && a.action === b.action;
}

/** One open playbook's governance. */
export class GovernanceStore implements NarrativeGovernanceSource {
  private narratives: readonly GovernedNarrative[] = [];
  private records = { decisions: [] as readonly ApprovalDecision[], workflow: [] as readonly WorkflowRecord[] };
  private attention: ReadonlySet<string> = new Set();
  private rights: GovernanceRights = { canApprove: false, canRequest: false };
  private states = new Map<string, NarrativeGovernance>();
  private badges = new Map<string, NarrativeBadge>();
  private readonly listeners = new Set<() => void>();
  private dialogFor: string | null = null;
  private computedFor = '';
  /** True once the editor has reported the narratives (before that nothing is known, not "all draft"). */
  ready = false;
  private statusHandler: (narrativeId: string, status: NarrativeStatus) => boolean = () => false;

  constructor(private readonly today: () => string) {}

  /** Subscribes to any change; returns the disposer. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The narratives as last read from the editor, in document order. */
  getNarratives(): readonly GovernedNarrative[] {
    return this.narratives;
  }

  /** The derived governance of a narrative. */
  get(narrativeId: string): NarrativeGovernance | undefined {
    return this.states.get(narrativeId);
  }

  /** Every narrative's governance (a new map after each change, for React). */
  all(): ReadonlyMap<string, NarrativeGovernance> {
    return this.states;
  }

  getRecords(): { decisions: readonly ApprovalDecision[]; workflow: readonly WorkflowRecord[] } {
    return this.records;
  }

  getRights(): GovernanceRights {
    return this.rights;
  }

  /** The narrative whose approval dialog is open, or null. */
  getDialog(): string | null {
    return this.dialogFor;
  }

  setNarratives(narratives: readonly GovernedNarrative[]): void {
    this.narratives = narratives;
    this.ready = true;
    this.recompute();
  }

  setRecords(decisions: readonly ApprovalDecision[], workflow: readonly WorkflowRecord[]): void {
    this.records = { decisions, workflow };
    this.recompute();
  }

  setAttention(attention: ReadonlySet<string>): void {
    this.attention = attention;
    this.recompute();
  }

  setRights(rights: GovernanceRights): void {
    if (rights.canApprove === this.rights.canApprove && rights.canRequest === this.rights.canRequest) return;
    this.rights = rights;
    this.recompute();
  }

  /**
   * What a deck should know about a narrative: its badge words, and a warning unless it is approved, unchanged
   * since and not stale. Null before the narrative is known.
   */
  caution = (narrativeId: string): { state: string; label: string; warning: string | null } | null => {
    const g = this.states.get(narrativeId);
    if (!g) return null;
    return {
      state: g.state,
      label: GOVERNANCE_LABELS[g.state],
      warning: needsCaution(g) ? describeGovernance(g) : null,
    };
  };

  // NarrativeGovernanceSource, for the editor's chrome.
  badge = (narrativeId: string): NarrativeBadge | undefined => this.badges.get(narrativeId);

  openApproval = (narrativeId: string | null): void => {
    this.dialogFor = narrativeId;
    this.emit();
  };

  chooseStatus = (narrativeId: string, status: NarrativeStatus): boolean => this.statusHandler(narrativeId, status);

  /** Sets what carries out a status picked in the details dialog (the plugin); returns the disposer. */
  handleStatusChoices(handler: (narrativeId: string, status: NarrativeStatus) => boolean): () => void {
    this.statusHandler = handler;
    return () => {
      if (this.statusHandler === handler) this.statusHandler = () => false;
    };
  }

  lockedStatuses = (): { statuses: readonly NarrativeStatus[]; reason: string } =>
    this.rights.canApprove
      ? { statuses: [], reason: '' }
      : {
          statuses: ['approved'],
          reason: 'Only a storyteller can approve. Choose “In review” to ask one to review it.',
        };

  /** Re-derives when the day changed since the last derivation (review-by dates pass at midnight). */
  refreshDay(): void {
    if (this.today() !== this.computedFor) this.recompute();
  }

  private recompute(): void {
    const events = eventsByNarrative(this.records);
    const context = { today: this.today(), attention: this.attention };
    this.computedFor = context.today;
    const states = new Map<string, NarrativeGovernance>();
    const badges = new Map<string, NarrativeBadge>();
    for (const n of this.narratives) {
      const g = governanceOf(n.id, n.hash, events.get(n.id) ?? [], context);
      states.set(n.id, g);
      const next: NarrativeBadge = {
        state: g.state,
        label: GOVERNANCE_LABELS[g.state],
        stale: g.stale.length > 0 ? describeGovernance(g) : null,
        status: STATUS_OF[g.state],
        action: actionFor(this.rights),
      };
      const previous = this.badges.get(n.id);
      badges.set(n.id, previous && sameBadge(previous, next) ? previous : next);
    }
    this.states = states;
    this.badges = badges;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
