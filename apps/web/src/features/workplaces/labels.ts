import { useLingui } from '@lingui/react/macro';
import type { WorkplaceKind } from '../../gql/graphql';

/** The words that change with a workplace's kind: a worksite has an employer and workers, a building a landlord and homes. */
export function useKindWords() {
  const { t } = useLingui();
  return {
    kind: { WORKSITE: t`Worksite`, BUILDING: t`Building` } as Record<WorkplaceKind, string>,
    employer: { WORKSITE: t`Employer`, BUILDING: t`Landlord` } as Record<WorkplaceKind, string>,
    headcount: { WORKSITE: t`Number of workers`, BUILDING: t`Number of homes` } as Record<
      WorkplaceKind,
      string
    >,
  };
}
