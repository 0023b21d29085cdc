/**
 * Stored settings read without zod, when that reading is certain to be the schema's. The browser client reads
 * its settings before its first screen, and zod (31 kB) would be a sixth of that screen's script. Like
 * `coerceSettings` (settings.ts), a field left out gets its default and keys the schema does not know are
 * ignored; a field that is present must be valid exactly as it stands (no unknown keys inside either), or the
 * answer is null and the caller asks the schema — which may repair or drop what this check does not know.
 * So it never accepts what the schema would refuse or change: tests/unit/shared/domain/quickSettings.test.ts
 * compares the two on many near-valid inputs.
 */
import { isValidId } from './ids';
import type { Settings } from './settings';
import { DEFAULT_SETTINGS, ROLES, SETTINGS_LIMITS as LIMITS, SYNC_URL_PATTERN, THEMES } from './settingsDefaults';

type Check = (value: unknown) => boolean;

function isString(max: number, min = 0): Check {
  return (v) => typeof v === 'string' && v.length >= min && v.length <= max;
}
function isInt(min: number, max: number): Check {
  return (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
}
function isOneOf(options: readonly string[]): Check {
  return (v) => typeof v === 'string' && options.includes(v);
}
function isNullOr(check: Check): Check {
  return (v) => v === null || check(v);
}
function isOptional(check: Check): Check {
  return (v) => v === undefined || check(v);
}
const isBoolean: Check = (v) => typeof v === 'boolean';
/** Every index is checked, holes too (`every` would skip them; the schema does not). */
function isArray(max: number, item: Check): Check {
  return (v) => {
    if (!Array.isArray(v) || v.length > max) return false;
    for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
    return true;
  };
}
/**
 * An object (as the schema's `z.object` sees one) with no keys but these, each valid; a field whose check
 * accepts undefined may be left out. An unknown key, which the schema would drop, is left to the schema.
 */
function isObjectOf(fields: Record<string, Check>): Check {
  const keys = Object.keys(fields);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const object = v as Record<string, unknown>;
    return Object.keys(object).every((key) => keys.includes(key)) && keys.every((key) => fields[key]!(object[key]));
  };
}

const isSyncUrl: Check = (v) => isString(LIMITS.syncUrl)(v) && SYNC_URL_PATTERN.test(v as string);
const isWindowSize = isInt(LIMITS.windowSizeMin, LIMITS.windowSizeMax);

/** Each field of the settings and its check, in the schema's order. */
const FIELDS: Record<keyof Settings, Check> = {
  displayName: isString(LIMITS.displayName),
  role: isOneOf(ROLES),
  workspaces: isArray(
    LIMITS.workspaces,
    isObjectOf({
      id: isValidId,
      name: isString(LIMITS.workspaceName, 1),
      sample: isOptional(isBoolean),
      server: isOptional(isObjectOf({ url: isSyncUrl })),
    }),
  ),
  activeWorkspaceId: isNullOr(isValidId),
  recentPlaybooks: isArray(LIMITS.recentPlaybooks, isObjectOf({ workspaceId: isValidId, playbookId: isValidId })),
  windowBounds: isNullOr(
    isObjectOf({
      x: isInt(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      y: isInt(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      width: isWindowSize,
      height: isWindowSize,
      maximized: isOptional(isBoolean),
    }),
  ),
  host: isNullOr(isObjectOf({ port: isInt(LIMITS.portMin, LIMITS.portMax), shareOnNetwork: isBoolean })),
  notifyDecisions: isBoolean,
  theme: isOneOf(THEMES),
  recentFiles: isArray(LIMITS.recentFiles, isString(LIMITS.recentFilePath, 1)),
};

/** A field's default, never shared with another result (the defaults are empty lists, null or plain values). */
function freshDefault(key: keyof Settings): unknown {
  const value = DEFAULT_SETTINGS[key];
  return Array.isArray(value) ? [...(value as unknown[])] : value;
}

/**
 * The settings `raw` holds, as `coerceSettings(raw)` would read them, or null when only the schema can say
 * (a field present but not valid exactly as it stands, or `raw` not an object).
 */
export function quickSettings(raw: unknown): Settings | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const source = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    const value = source[key];
    // Absent: the default, as the schema's reading gives it (every field is required there).
    if (value === undefined) out[key] = freshDefault(key);
    else if (FIELDS[key](value)) out[key] = value;
    else return null;
  }
  return out as Settings;
}
