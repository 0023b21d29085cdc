/**
 * The workspace brand theme: colours, fonts and logo. Stored in the directory document (shared with every
 * member); only a storyteller edits it, everyone else sees it applied.
 */
import { useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import { BRAND_FONTS, MAX_LOGO_BYTES, writeBrand, type BrandPatch, type BrandTheme } from '@shared/collab/brand';

/** Props of BrandThemeEditor. */
export interface BrandThemeEditorProps {
  directory: Y.Doc;
  theme: BrandTheme;
  canEdit: boolean;
}

const COLORS = [
  ['primary', 'Primary'],
  ['accent', 'Accent'],
  ['background', 'Background'],
  ['text', 'Text'],
] as const;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', () => reject(reader.error ?? new Error('[deck] the logo could not be read')));
    reader.readAsDataURL(file);
  });
}

/** Colour pickers, font choices and a logo picker for the workspace brand. */
export function BrandThemeEditor({ directory, theme, canEdit }: BrandThemeEditorProps) {
  const [error, setError] = useState<string | null>(null);
  const apply = (patch: BrandPatch): void => {
    const result = writeBrand(directory, patch);
    setError(result.ok ? null : result.error.message);
  };
  const handleLogo = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type) || file.size > MAX_LOGO_BYTES) {
      setError(`The logo must be a PNG or JPEG image of at most ${MAX_LOGO_BYTES / 1024} KB.`);
      return;
    }
    apply({ logo: await readAsDataUrl(file) });
  };

  return (
    <fieldset className="deck-brand" disabled={!canEdit} data-testid="deck-brand">
      <legend>Brand {canEdit ? '' : '(set by the storyteller)'}</legend>
      <div className="deck-brand-colors">
        {COLORS.map(([key, label]) => (
          <label key={key} className="deck-color">
            <input type="color" value={theme[key]} onChange={(e) => apply({ [key]: e.target.value })} />
            {label}
          </label>
        ))}
      </div>
      <div className="deck-row">
        <label>
          Headings
          <select
            value={theme.headingFont}
            onChange={(e) => apply({ headingFont: e.target.value as BrandTheme['headingFont'] })}
          >
            {BRAND_FONTS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <label>
          Text
          <select
            value={theme.bodyFont}
            onChange={(e) => apply({ bodyFont: e.target.value as BrandTheme['bodyFont'] })}
          >
            {BRAND_FONTS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="deck-row deck-logo-row">
        {theme.logo ? (
          <img src={theme.logo.dataUrl} alt="Workspace logo" className="deck-logo-thumb" />
        ) : (
          <span className="muted">No logo</span>
        )}
        <label className="button button-small">
          {theme.logo ? 'Replace logo…' : 'Add logo…'}
          <input
            type="file"
            accept="image/png,image/jpeg"
            className="visually-hidden"
            onChange={(e) => void handleLogo(e)}
          />
        </label>
        {theme.logo && (
          <button type="button" className="button button-small button-quiet" onClick={() => apply({ logo: null })}>
            Remove
          </button>
        )}
      </div>
      {error && (
        <p className="deck-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
