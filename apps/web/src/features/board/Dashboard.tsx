import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../ui/chrome';

/** The board's summary: until its charts are built, it says so, and shows nothing personal. */
export default function Dashboard() {
  const { t } = useLingui();
  return (
    <Screen title={t`Board`}>
      <p>
        <Trans>
          The board&apos;s screens (campaigns and the local&apos;s numbers) come in the next part of the app.
          Until then, your organizers can share the summary with you.
        </Trans>
      </p>
    </Screen>
  );
}
