/**
 * Who may write which kind of document: the shared table (`shared/domain/permissions.ts`), which the app
 * reads too. Everyone in a workspace reads everything; the server enforces the write side by dropping a
 * read-only connection's updates.
 */
export { canWrite } from '@shared/domain/permissions';
