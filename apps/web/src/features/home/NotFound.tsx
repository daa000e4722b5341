import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../ui/chrome';

export function NotFound() {
  const { t } = useLingui();
  return (
    <Screen title={t`Not found`}>
      <p>
        <Trans>This page does not exist, or you don&apos;t have access to it.</Trans>
      </p>
    </Screen>
  );
}
