/**
 * Search for the open workspace: one worker while the workspace is open (started when the app has settled),
 * following every open document.
 */
import { useEffect, useState } from 'react';
import type { PlaybookMeta } from '@shared/domain/playbook';
import type { Workspace } from '../workspace/Workspace';
import { deferredWorker } from './deferredWorker';
import { SearchClient, startSearchWorker } from './SearchClient';

const brief = (list: readonly PlaybookMeta[]) => list.map((p) => ({ id: p.id, title: p.title }));

/** Starts search for `workspace` and keeps its playbook list current; null until started. */
export function useWorkspaceSearch(workspace: Workspace): SearchClient | null {
  const [client, setClient] = useState<SearchClient | null>(null);
  useEffect(() => {
    let started: SearchClient | null = null;
    // The directory reports its list at once, so the worker opens with it (and titles follow every change).
    // The worker itself starts once the first screen is up and input has settled, or when someone searches.
    const stopList = workspace.observePlaybooks((list) => {
      if (started === null) started = new SearchClient(deferredWorker(startSearchWorker), workspace.id, brief(list));
      else started.setPlaybooks(brief(list));
    });
    const client = started as SearchClient | null;
    if (client === null) throw new Error('[search] the directory did not report its playbooks');
    const stopWatching = workspace.watchOpenDocs((docName, doc) => client.follow(docName, doc));
    const stopTyping = client.watchTyping(window);
    setClient(client);
    return () => {
      stopTyping();
      stopWatching();
      stopList();
      client.dispose();
      setClient(null);
    };
  }, [workspace]);
  return client;
}
