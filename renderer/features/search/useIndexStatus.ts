/** The search index's status (loading, building with progress, ready), as React state. */
import { useEffect, useState } from 'react';
import type { SearchClient } from './SearchClient';
import type { IndexStatus } from './searchProtocol';

/** Subscribes to `client`'s status while mounted. */
export function useIndexStatus(client: SearchClient): IndexStatus {
  const [status, setStatus] = useState<IndexStatus>(client.status);
  useEffect(() => {
    setStatus(client.status);
    return client.onStatus(setStatus);
  }, [client]);
  return status;
}
