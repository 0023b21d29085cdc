/**
 * `Broadcaster` over Redis pub/sub (ioredis): one channel per document, `duet:doc:{name}`, binary messages
 * (encodeClusterMessage). Two connections, because a subscribed Redis connection cannot publish.
 *
 * Commands are never queued while Redis is away (`enableOfflineQueue: false`): a publish fails at once and
 * the node goes on serving and storing its own clients. When a connection is ready again every channel is
 * subscribed anew and `onResubscribed` listeners run, so each loaded document catches up from the store
 * and announces its head — what pub/sub dropped meanwhile is read back, never assumed delivered.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Broadcaster, ClusterMessage } from './Broadcaster';
import { decodeClusterMessage, encodeClusterMessage } from './encodeClusterMessage';

const CHANNEL_PREFIX = 'duet:doc:';

/** A Redis URL with its password masked, for logs. */
export function describeRedisUrl(redisUrl: string): string {
  try {
    const url = new URL(redisUrl);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '(an invalid Redis URL)';
  }
}

/** Fan-out between cluster nodes through one Redis server. */
export class RedisBroadcaster implements Broadcaster {
  readonly nodeId = randomBytes(8).toString('hex');
  readonly clustered = true;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, (message: ClusterMessage) => void>();
  private readonly listeners = new Set<() => void>();
  private closed = false;

  constructor(redisUrl: string) {
    const options = {
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 3_000,
      // Reconnect quickly and keep trying: convergence after Redis returns is bounded by this delay.
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
    };
    this.publisher = new Redis(redisUrl, options);
    this.subscriber = new Redis(redisUrl, options);
    for (const [role, connection] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      let warned = false;
      connection.on('error', (error: Error) => {
        // ioredis reports every failed reconnect; one line per outage is enough.
        if (!warned) console.warn(`[cluster] Redis ${role}: ${error.message} (retrying)`);
        warned = true;
      });
      connection.on('ready', () => {
        if (warned) console.log(`[cluster] Redis ${role} is back`);
        warned = false;
        void this.handleReady(role);
      });
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, bytes: Buffer) => {
      const handler = this.handlers.get(channel.toString('utf8'));
      const message = handler && decodeClusterMessage(bytes);
      if (handler && message && message.node !== this.nodeId) handler(message);
    });
  }

  async publish(docName: string, message: ClusterMessage): Promise<void> {
    await this.publisher.publish(CHANNEL_PREFIX + docName, Buffer.from(encodeClusterMessage(message)));
  }

  async subscribe(docName: string, onMessage: (message: ClusterMessage) => void): Promise<() => void> {
    const channel = CHANNEL_PREFIX + docName;
    this.handlers.set(channel, onMessage);
    if (this.subscriber.status === 'ready') {
      try {
        await this.subscriber.subscribe(channel);
      } catch (error) {
        // Lost the connection meanwhile: `handleReady` subscribes it with the others.
        console.warn(`[cluster] could not subscribe to ${docName} yet: ${(error as Error).message}`);
      }
    }
    return () => {
      if (this.handlers.get(channel) !== onMessage) return;
      this.handlers.delete(channel);
      if (this.subscriber.status === 'ready') {
        this.subscriber.unsubscribe(channel).catch((error: unknown) => {
          console.warn(`[cluster] could not unsubscribe from ${docName}: ${(error as Error).message}`);
        });
      }
    };
  }

  onResubscribed(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reachable(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private async handleReady(role: 'publisher' | 'subscriber'): Promise<void> {
    if (role === 'subscriber' && this.handlers.size > 0) {
      try {
        await this.subscriber.subscribe(...this.handlers.keys());
      } catch (error) {
        console.warn(`[cluster] resubscribing failed: ${(error as Error).message}`);
        return; // the next 'ready' tries again
      }
    }
    for (const listener of this.listeners) listener();
  }
}
