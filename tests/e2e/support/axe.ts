/**
 * Accessibility checks with axe-core (through @axe-core/playwright) on the screen as it is: WCAG 2.0–2.2
 * A and AA rules plus axe's best practices (landmarks, one level-one heading, content inside regions).
 * Serious and critical findings fail the test; every finding is listed with the elements it names, so a
 * failure says what to mend.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The rule sets checked: WCAG 2.2 AA and everything below it, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One finding, short enough to read in a test failure. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe over the whole page (open dialogs included) and returns every finding. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes
      .slice(0, 8)
      .map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${firstLine(n.failureSummary)}` : ''}`),
  }));
}

/** Expects no serious or critical finding on the page as it is now; `screen` names it in the failure. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const findings = await axeFindings(page);
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  expect.soft(blocking, `axe on "${screen}": ${JSON.stringify(findings, null, 1)}`).toEqual([]);
}

function firstLine(summary: string): string {
  return summary.split('\n').slice(1, 2).join(' ').trim().slice(0, 160);
}
