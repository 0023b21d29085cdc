import { describe, expect, it } from 'vitest';
import { MAX_WORKSPACE_FILE_BYTES } from '@shared/ipc/contract';
import { droppedKind, readDroppedWorkspace } from '../../../../../renderer/features/transfer/droppedFiles';

describe('files dropped on the window', () => {
  it('knows a workspace file and a CRM export by their names, in any case', () => {
    expect(droppedKind('Fernway-2026-12-01.duet')).toBe('workspace');
    expect(droppedKind('BACKUP.DUET')).toBe('workspace');
    expect(droppedKind('pipeline.csv')).toBe('csv');
    expect(droppedKind('holiday.png')).toBe('other');
    expect(droppedKind('notes.duet.txt')).toBe('other');
  });

  it('reads a workspace file within the import’s limit, and refuses a larger one without reading it', async () => {
    const small = new File([new Uint8Array([1, 2, 3])], 'a.duet');
    expect(await readDroppedWorkspace(small)).toEqual({
      ok: true,
      value: { fileName: 'a.duet', bytes: new Uint8Array([1, 2, 3]) },
    });
    const huge = { name: 'huge.duet', size: MAX_WORKSPACE_FILE_BYTES + 1 } as File;
    expect(await readDroppedWorkspace(huge)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});
