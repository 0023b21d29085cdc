/** Picks a template and a title for a new playbook. */
import { useState, type FormEvent } from 'react';
import {
  PLAYBOOK_TEMPLATES,
  PLAYBOOK_TEMPLATE_INFO,
  PLAYBOOK_TITLE_MAX,
  type PlaybookTemplate,
} from '@shared/domain/playbook';
import { FormActions } from '../../ui/FormActions';
import { Dialog } from '../../ui/Dialog';

/** Props of NewPlaybookDialog. */
export interface NewPlaybookDialogProps {
  onCreate: (input: { title: string; template: PlaybookTemplate }) => void;
  onCancel: () => void;
}

/** The "new playbook" dialog. */
export function NewPlaybookDialog({ onCreate, onCancel }: NewPlaybookDialogProps) {
  const [template, setTemplate] = useState<PlaybookTemplate>('messaging-house');
  const [title, setTitle] = useState('');
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    onCreate({ title: title.trim() || PLAYBOOK_TEMPLATE_INFO[template].label, template });
  };
  return (
    <Dialog
      title="New playbook"
      open
      wide
      onClose={onCancel}
      testId="new-playbook-dialog"
      footer={<FormActions formId="new-playbook-form" submitLabel="Create playbook" onCancel={onCancel} />}
    >
      <form id="new-playbook-form" className="form" onSubmit={handleSubmit}>
        <label className="field">
          <span>Title</span>
          <input
            autoFocus
            name="title"
            value={title}
            maxLength={PLAYBOOK_TITLE_MAX}
            placeholder={`e.g. ${PLAYBOOK_TEMPLATE_INFO[template].label} — Q1 launch`}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <fieldset className="field">
          <legend>Start from</legend>
          <div className="template-grid" role="radiogroup">
            {PLAYBOOK_TEMPLATES.map((t) => (
              <label key={t} className={template === t ? 'template-card is-selected' : 'template-card'}>
                <input
                  type="radio"
                  name="template"
                  value={t}
                  checked={template === t}
                  onChange={() => setTemplate(t)}
                />
                <span className={`template-art template-art-${t}`} aria-hidden="true" />
                <strong>{PLAYBOOK_TEMPLATE_INFO[t].label}</strong>
                <span>{PLAYBOOK_TEMPLATE_INFO[t].description}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
