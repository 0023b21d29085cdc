/**
 * Duet needs no browser permission (camera, notifications, geolocation, HID, ...), so the session grants
 * none: a compromised page gets nothing by asking. Typing, copy and paste via clipboard events need no
 * permission and keep working.
 */

/** The two session hooks this module sets (structural, so tests pass a fake). */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/**
 * Denies every permission request and check. Deliberately returns no disposer: undoing this would restore
 * Chromium's permissive defaults, which nothing in Duet should ever do.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    console.warn(`[security] denied permission request: ${permission}`);
    callback(false);
  });
  // Checks are frequent and silent probes (e.g. feature detection); denying them needs no log line.
  session.setPermissionCheckHandler(() => false);
}
