import { Trans, useLingui } from '@lingui/react/macro';
import { LanguageAndSignOut, Screen } from '../../ui/chrome';

/**
 * A board member's screen until the board's part of the app arrives: it says so, and shows
 * nothing personal (not even their own name).
 */
export function BoardHome({ signOut }: { signOut: () => Promise<void> }) {
  const { t } = useLingui();
  return (
    <Screen title={t`Board`} tabs={false}>
      <p>
        <Trans>
          The board&apos;s screens (campaigns and the local&apos;s numbers) come in the next part of the app.
          Until then, your organizers can share the summary with you.
        </Trans>
      </p>
      <LanguageAndSignOut signOut={signOut} />
    </Screen>
  );
}
