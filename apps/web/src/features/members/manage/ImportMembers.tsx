import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { ChangeEvent, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { MembersImportMutation } from '../../../gql/graphql';

type ImportResult = MembersImportMutation['importMembers'];
import { Screen, useLocal } from '../../../ui/chrome';
import { problemOf, ProblemText } from '../../../ui/problems';
import { MyWorkplaces } from '../MembersList';
import { IMPORT_MAX_ROWS, ImportField, preview, RowProblem } from './csv';
import { ManagersOnly } from './Gate';

const Import = graphql(`
  mutation MembersImport($localId: ID!, $csv: String!) {
    importMembers(localId: $localId, csv: $csv) {
      created
      updated
      skipped
      errors {
        row
        message
      }
    }
  }
`);

/** Rows shown in the preview: enough to see the columns were read right. */
const SHOWN = 5;

/** `/members/import`: a CSV read in the browser, previewed, imported, and what came of it. */
export default function ImportMembers() {
  return (
    <ManagersOnly>
      <ImportSteps />
    </ManagersOnly>
  );
}

function useFieldLabels(): Record<ImportField, string> {
  const { t } = useLingui();
  return {
    firstName: t`First name`,
    lastName: t`Last name`,
    preferredName: t`Preferred name`,
    email: t`Email`,
    phone: t`Phone`,
    workplace: t`Workplace`,
    unit: t`Unit`,
    status: t`Membership status`,
    preferredLanguage: t`Preferred language`,
    tags: t`Tags`,
    alertOptIn: t`Rapid-response alerts by text`,
  };
}

/** Why the browser expects a row to be refused. */
function useRowProblem(): (p: RowProblem) => string {
  const { t } = useLingui();
  const labels = useFieldLabels();
  return (p) => {
    switch (p.kind) {
      case 'firstName':
        return t`The first name is missing.`;
      case 'lastName':
        return t`The last name is missing.`;
      case 'email':
        return t`The email is not an email address.`;
      case 'phone':
        return t`The phone is not a phone number.`;
      case 'status':
        return t`The status must be prospect, member, non-member or former.`;
      case 'alertOptIn':
        return t`Alerts by text must be yes or no (sí, no, true, false, 1 or 0).`;
      case 'tags':
        return t`At most 20 tags, separated by semicolons, each up to 40 characters.`;
      case 'workplace': {
        const name = p.value;
        return t`The local has no workplace named “${name}”.`;
      }
      case 'tooLong': {
        const field = labels[p.field];
        return t`${field}: up to 100 characters.`;
      }
    }
  };
}

/** The API's reason for a refused row, in the user's language when it is one of the known ones. */
function useApiReason(): (message: string) => string {
  const { t } = useLingui();
  // The API says "field: rule" (a validation rule, or a check of its own).
  return (message) => {
    const [field, ...rule] = message.split(':');
    const taken = /another member/.test(rule.join(':'));
    switch (field.trim()) {
      case 'email':
        return taken
          ? t`Another member of this local already has this email.`
          : t`The email is not an email address.`;
      case 'phone':
        return taken
          ? t`Another member of this local already has this phone number.`
          : t`The phone is not a phone number.`;
      case 'firstName':
        return t`The first name is missing or longer than 100 characters.`;
      case 'lastName':
        return t`The last name is missing or longer than 100 characters.`;
      case 'preferredName':
        return t`The preferred name is longer than 100 characters.`;
      case 'preferredLanguage':
        return t`The preferred language is not a language code (es, en, zh-Hant).`;
      case 'status':
        return t`The status must be prospect, member, non-member or former.`;
      case 'alertOptIn':
        return t`Alerts by text must be yes or no (sí, no, true, false, 1 or 0).`;
      case 'tags':
        return t`At most 20 tags, separated by semicolons, each up to 40 characters.`;
      case 'workplace':
      case 'workplaceId':
        return t`The local has no workplace by that name.`;
      case 'unit':
      case 'unitId':
        return t`The workplace has no unit by that name.`;
      default:
        // A reason this screen does not know yet, in the API's words (English).
        return message;
    }
  };
}

type Step = 'choose' | 'preview' | 'result';

function ImportSteps() {
  const { t } = useLingui();
  const local = useLocal();
  const fileId = useId();
  const labels = useFieldLabels();
  const rowProblem = useRowProblem();
  const apiReason = useApiReason();
  const [step, setStep] = useState<Step>('choose');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [{ data: places }] = useQuery({ query: MyWorkplaces, variables: { localId: local.id } });
  const [{ fetching, error }, importMembers] = useMutation(Import);
  const workplaceNames = useMemo(() => (places?.workplaces.nodes ?? []).map((w) => w.name), [places]);
  const seen = useMemo(() => (file ? preview(file.text, workplaceNames) : null), [file, workplaceNames]);
  const refused = seen?.rows.filter((r) => r.problems.length) ?? [];

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setUnreadable(false);
    if (!chosen) return;
    // Read here, in the browser: the file goes nowhere but to Juntos's import, and only on "Import".
    chosen.text().then(
      (text) => {
        setFile({ name: chosen.name, text });
        setStep('preview');
      },
      () => setUnreadable(true),
    );
  };

  const run = async () => {
    if (!file) return;
    const r = await importMembers({ localId: local.id, csv: file.text });
    if (r.data) {
      setResult(r.data.importMembers);
      setStep('result');
    }
  };

  const again = () => {
    setFile(null);
    setResult(null);
    setStep('choose');
  };

  const back = (
    <Link to="/members" className="back">
      <Trans>← My members</Trans>
    </Link>
  );
  const stepNumber = step === 'choose' ? 1 : step === 'preview' ? 2 : 3;

  return (
    <Screen title={t`Import members`} back={back}>
      <p className="muted">
        <Trans>Step {stepNumber} of 3</Trans>
      </p>
      {step === 'choose' && (
        <section aria-labelledby="choose" className="import">
          <h2 id="choose">
            <Trans>Choose a CSV file</Trans>
          </h2>
          <p>
            <Trans>
              A spreadsheet saved as CSV, with a header row: firstName and lastName are required;
              preferredName, email, phone, workplace, unit, status, preferredLanguage, tags (separated by
              semicolons) and alertOptIn (yes or no) are optional. A row that matches a member already here
              (by email, then phone, then name and workplace) updates them; a blank cell never clears
              anything.
            </Trans>
          </p>
          <p>
            <Trans>
              An Action Network export can be chosen as it comes: Juntos takes names, email, phone, tags and
              language from it.
            </Trans>
          </p>
          <p className="notice">
            <Trans>
              The file is read on this device and sent only to Juntos, when you press Import. Never add a
              column for immigration or citizenship status.
            </Trans>
          </p>
          <label htmlFor={fileId}>
            <Trans>CSV file</Trans>
          </label>
          <input id={fileId} type="file" accept=".csv,text/csv" onChange={choose} />
          {unreadable && (
            <p role="alert" className="problem">
              <Trans>This file could not be read. Choose a CSV file.</Trans>
            </p>
          )}
        </section>
      )}

      {step === 'preview' && file && seen && (
        <section aria-labelledby="preview" className="import">
          <h2 id="preview">
            <Trans>Check the file</Trans>
          </h2>
          <p>
            {file.name}: <Plural value={seen.rows.length} one="# row" other="# rows" />
          </p>
          {seen.format === 'ACTION_NETWORK' && (
            <p className="notice">
              <Trans>
                This file is an Action Network export. Juntos takes names, email, phone (can2_phone first),
                tags and language from it. It does not keep addresses, ZIP codes or subscription statuses:
                those columns are not imported.
              </Trans>
            </p>
          )}
          <h3>
            <Trans>Columns</Trans>
          </h3>
          <table className="mapping">
            <thead>
              <tr>
                <th scope="col">
                  <Trans>Column in the file</Trans>
                </th>
                <th scope="col">
                  <Trans>Field in Juntos</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {seen.headers.map((h, i) => (
                <tr key={i}>
                  <td>{h.header}</td>
                  <td>{h.field ? labels[h.field] : <span className="muted">{t`Not imported`}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {seen.missing.length > 0 && (
            <p role="alert" className="problem">
              <Trans>
                The file needs a firstName column and a lastName column in its header row. Fix the file and
                choose it again.
              </Trans>
            </p>
          )}
          {seen.rows.length > IMPORT_MAX_ROWS && (
            <p role="alert" className="problem">
              <Trans>At most 10,000 rows per import. Split the file.</Trans>
            </p>
          )}
          <h3>
            <Trans>First rows, as read</Trans>
          </h3>
          <ol className="cards preview-rows">
            {seen.rows.slice(0, SHOWN).map((r) => (
              <li key={r.row} className="card">
                <p>
                  <strong>
                    <Trans>Row {r.row}</Trans>
                  </strong>
                </p>
                <dl>
                  {(Object.keys(r.values) as ImportField[]).map((k) => (
                    <div key={k}>
                      <dt>{labels[k]}</dt>
                      <dd>{r.values[k]}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
          <h3>
            <Trans>Rows that would be refused</Trans>
          </h3>
          {refused.length === 0 ? (
            <p>
              <Trans>None that this device can see. Juntos checks again when you import.</Trans>
            </p>
          ) : (
            <>
              <p>
                <Trans>
                  These rows will be skipped; the others will be imported. Juntos checks every row again
                  (units, emails and phones already used by other members).
                </Trans>
              </p>
              <ul className="refused">
                {refused.map((r) => (
                  <li key={r.row}>
                    <Trans>Row {r.row}</Trans>: {r.problems.map(rowProblem).join(' ')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <ProblemText
            problem={problemOf(error)}
            fields={{ csv: t`Juntos could not read this file: check its header row and that it is a CSV.` }}
          />
          <div className="steps">
            <button type="button" onClick={again}>
              <Trans>Choose another file</Trans>
            </button>
            <button
              type="button"
              className="primary"
              disabled={
                fetching ||
                seen.missing.length > 0 ||
                seen.rows.length === 0 ||
                seen.rows.length > IMPORT_MAX_ROWS
              }
              onClick={() => void run()}
            >
              <Trans>Import</Trans>
            </button>
          </div>
        </section>
      )}

      {step === 'result' && result && (
        <section aria-labelledby="result" className="import">
          <h2 id="result">
            <Trans>Imported</Trans>
          </h2>
          <div role="status">
            <ul className="result">
              <li>
                <Plural value={result.created} one="# new member" other="# new members" />
              </li>
              <li>
                <Plural value={result.updated} one="# member updated" other="# members updated" />
              </li>
              <li>
                <Plural value={result.skipped} one="# row refused" other="# rows refused" />
              </li>
            </ul>
          </div>
          {result.errors.length > 0 && (
            <>
              <h3>
                <Trans>Rows Juntos refused</Trans>
              </h3>
              <ul className="refused">
                {result.errors.map((e) => (
                  <li key={`${e.row}:${e.message}`}>
                    <Trans>Row {e.row}</Trans>: {apiReason(e.message)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="steps">
            <Link to="/members" className="button primary">
              <Trans>See the members</Trans>
            </Link>
            <button type="button" onClick={again}>
              <Trans>Import another file</Trans>
            </button>
          </div>
        </section>
      )}
    </Screen>
  );
}
