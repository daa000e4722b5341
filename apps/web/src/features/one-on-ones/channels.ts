import { useLingui } from '@lingui/react/macro';
import type { ConversationChannel } from '../../gql/graphql';

export const CHANNELS: ConversationChannel[] = ['IN_PERSON', 'PHONE', 'TEXT', 'VIDEO'];

export function useChannelLabels(): Record<ConversationChannel, string> {
  const { t } = useLingui();
  return { IN_PERSON: t`In person`, PHONE: t`Phone call`, TEXT: t`Text messages`, VIDEO: t`Video call` };
}
