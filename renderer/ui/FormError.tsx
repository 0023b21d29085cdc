/** A form's error line: announced when it appears (role="alert"), nothing at all while there is none. */

/** Props of FormError. */
export interface FormErrorProps {
  error: string | null;
}

/** The error under a form, or nothing. */
export function FormError({ error }: FormErrorProps) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error}
    </p>
  );
}
