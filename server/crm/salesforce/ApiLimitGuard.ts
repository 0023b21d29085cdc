/**
 * Keeps the connector well inside the org's daily API allowance. Salesforce reports the rolling 24-hour
 * usage on every REST response (`Sforce-Limit-Info: api-usage=used/max`); other integrations share that
 * allowance, so Duet stops at a threshold (80 % by default) instead of running the org into
 * REQUEST_LIMIT_EXCEEDED, and looks again after a pause.
 */
import type { CrmFailure } from '../CrmConnector';

/** One reading of the header. */
export interface ApiUsage {
  used: number;
  max: number;
}

/** Parses `api-usage=NNN/MMMM` out of a Sforce-Limit-Info value (which may list other limits too). */
export function parseLimitInfo(header: string | null): ApiUsage | null {
  const match = header === null ? null : /(?:^|[\s,;])api-usage=(\d+)\/(\d+)/.exec(header);
  if (!match) return null;
  const used = Number(match[1]);
  const max = Number(match[2]);
  return max > 0 ? { used, max } : null;
}

/** Remembers the latest usage and refuses calls while it is above the threshold. */
export class ApiLimitGuard {
  private reading: (ApiUsage & { at: number }) | null = null;

  constructor(
    private readonly threshold: number,
    private readonly pauseMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The latest reading (for status and tests). */
  get usage(): ApiUsage | null {
    return this.reading && { used: this.reading.used, max: this.reading.max };
  }

  /** Notes the header of a response; responses without it (the token endpoint) leave the reading alone. */
  record(header: string | null): void {
    const usage = parseLimitInfo(header);
    if (usage) this.reading = { ...usage, at: this.now() };
  }

  /**
   * A 'quota' failure while the last reading is at or above the threshold and the pause since it has not
   * passed; null when a call may go out. After the pause one call goes out and its header decides again
   * (the allowance is a rolling window, so there is no reset time to wait for).
   */
  check(): CrmFailure | null {
    const r = this.reading;
    if (!r || r.used / r.max < this.threshold) return null;
    const waited = this.now() - r.at;
    if (waited >= this.pauseMs) return null;
    const percent = Math.floor((r.used / r.max) * 100);
    return {
      ok: false,
      code: 'quota',
      message:
        `Salesforce's daily API allowance is ${percent} % used (${r.used.toLocaleString('en')} of ` +
        `${r.max.toLocaleString('en')} calls). Duet pauses at ${Math.round(this.threshold * 100)} % to leave the rest ` +
        `to your other integrations and will look again later.`,
      retryAfterMs: this.pauseMs - waited,
    };
  }
}
