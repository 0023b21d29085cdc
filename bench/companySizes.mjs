/**
 * The deal counts the company benchmark runs (bench/company.mjs and its UI and sync parts all go by them).
 */

/** `DUET_BENCH_COMPANY_SIZES=200,2000` runs fewer sizes (for trying a change); the first is the baseline. */
export const SIZES = (process.env.DUET_BENCH_COMPANY_SIZES ?? '200,2000,20000').split(',').map(Number);
