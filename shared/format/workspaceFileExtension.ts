/**
 * The `.duet` file's extension, apart from its format (workspaceFile.ts, which re-exports it): recognising a
 * dropped or picked file by name must not load the decoder and its schemas.
 */

/** File extension, without the dot. */
export const WORKSPACE_FILE_EXTENSION = 'duet';
