/**
 * CRM connections as plain files, for runtimes without `node:sqlite`: `{dataDir}/crm/{workspace}.json`,
 * each replaced atomically (written beside, flushed, renamed) so a kill never leaves half a file and the
 * `crm` commands can write while a server reads.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isValidId } from '@shared/domain/ids';
import { replaceFile } from '../../storage/replaceFile';
import type { CrmCursor } from '../CrmConnector';
import { fromCrmRow, toCrmRow, type CrmConnection, type CrmRow, type CrmStatus, type CrmStore } from './CrmStore';

/** The folder inside the data directory. */
export const CRM_FOLDER = 'crm';

/** `CrmStore` over one JSON file per workspace. */
export class FileCrmStore implements CrmStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, CRM_FOLDER);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  async list(): Promise<CrmConnection[]> {
    const names = readdirSync(this.dir).filter((name) => name.endsWith('.json'));
    const out: CrmConnection[] = [];
    for (const name of names.sort()) {
      const connection = this.read(name.slice(0, -'.json'.length));
      if (connection) out.push(connection);
    }
    return out;
  }

  async get(workspace: string): Promise<CrmConnection | null> {
    return this.read(workspace);
  }

  async put(connection: CrmConnection): Promise<void> {
    this.write(toCrmRow(connection));
  }

  async saveProgress(workspace: string, revision: number, cursor: CrmCursor, status: CrmStatus): Promise<boolean> {
    const current = this.read(workspace);
    if (current === null || current.revision !== revision) return false;
    this.write(toCrmRow({ ...current, cursor, status }));
    return true;
  }

  async claimRunner(): Promise<boolean> {
    return true;
  }

  releaseRunner(): void {}

  async remove(workspace: string): Promise<boolean> {
    const path = this.path(workspace);
    if (this.read(workspace) === null) return false;
    rmSync(path, { force: true });
    return true;
  }

  private path(workspace: string): string {
    if (!isValidId(workspace)) throw new Error(`[crm] not a workspace id: ${workspace}`);
    return join(this.dir, `${workspace}.json`);
  }

  private read(workspace: string): CrmConnection | null {
    let text: string;
    try {
      text = readFileSync(this.path(workspace), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return fromCrmRow(JSON.parse(text) as CrmRow);
  }

  private write(row: CrmRow): void {
    const path = this.path(row.workspace);
    replaceFile(path, `${path}.${process.pid}.tmp`, JSON.stringify(row));
  }
}
