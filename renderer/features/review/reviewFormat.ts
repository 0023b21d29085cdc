/** How the review writes numbers. */

/** A rate in [0, 1] as a whole percentage: "67%". */
export const pct = (v: number): string => `${Math.round(v * 100)}%`;

const COUNT = new Intl.NumberFormat('en-US');

/** A count with thousands separators: "20,000". */
export const count = (n: number): string => COUNT.format(n);

/** "1 deal", "20,000 deals". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;
