import { describe, expect, it } from 'vitest';
import {
  applyThemeSetting,
  windowBackground,
  type ThemeTarget,
} from '../../../../../electron/main/app/nativeThemeSetting';

describe('the appearance setting drives Electron’s nativeTheme', () => {
  it('forces dark or light, and gives the choice back to the OS with "system"', () => {
    const theme: ThemeTarget = { themeSource: 'system', shouldUseDarkColors: false };
    applyThemeSetting(theme, 'dark');
    expect(theme.themeSource).toBe('dark');
    applyThemeSetting(theme, 'system');
    expect(theme.themeSource).toBe('system');
  });

  it('does not touch nativeTheme when nothing changed (each change repaints every window)', () => {
    let writes = 0;
    const theme = {
      get themeSource() {
        return 'light' as const;
      },
      set themeSource(_value) {
        writes++;
      },
      shouldUseDarkColors: false,
    } as ThemeTarget;
    applyThemeSetting(theme, 'light');
    expect(writes).toBe(0);
  });

  it('paints the window in the page’s own background before the page loads', () => {
    expect(windowBackground(true)).toBe('#14171d');
    expect(windowBackground(false)).toBe('#f7f6f3');
  });
});
