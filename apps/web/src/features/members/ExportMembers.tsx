import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import { Problem, problemOf, ProblemText } from '../../ui/problems';

const Export = graphql(`
  query MembersExport($localId: ID!) {
    exportMembers(localId: $localId)
  }
`);

/**
 * The local admin's export: a CSV of every member, handed to the browser as a download and
 * forgotten at once (the object URL is revoked right after the click; nothing is stored).
 */
export function ExportMembers({ localId }: { localId: string }) {
  const client = useClient();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    const { data, error } = await client
      .query(Export, { localId }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(false);
    if (!data) return setProblem(problemOf(error));
    const url = URL.createObjectURL(new Blob([data.exportMembers], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `members-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="export" aria-labelledby="export">
      <h2 id="export">
        <Trans>Export members</Trans>
      </h2>
      <p className="notice">
        <Trans>
          The file holds the names and phone numbers of every member. Do not keep it on a shared device, and
          delete it when you are done.
        </Trans>
      </p>
      <button type="button" onClick={() => void download()} disabled={busy}>
        <Trans>Download the members&apos; CSV</Trans>
      </button>
      <ProblemText problem={problem} />
    </section>
  );
}
