import { Trans } from '@lingui/react/macro';

/**
 * The one-time code of an invitation, labelled, in a form. Typed here only: never in the address
 * and never kept by the browser, so no autofill, and no spelling help that would learn it.
 */
export function CodeField(aria: { 'aria-invalid'?: boolean; 'aria-describedby'?: string }) {
  return (
    <>
      <label htmlFor="token">
        <Trans>One-time code</Trans>
      </label>
      <input
        id="token"
        name="token"
        type="text"
        autoComplete="off"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        {...aria}
      />
    </>
  );
}

/** The code in a form holding CodeField. Read aloud or copied from paper, a code may carry spaces or line breaks; it never holds any. */
export const codeIn = (form: FormData): string => String(form.get('token') ?? '').replace(/\s+/g, '');
