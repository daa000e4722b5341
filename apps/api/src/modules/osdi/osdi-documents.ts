import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { OSDI_MAX_PAGE } from './osdi-paging';
import { OsdiPersonRow } from './osdi.repository';

const CURIES = [{ name: 'osdi', href: 'https://opensupporter.github.io/osdi-docs/{rel}', templated: true }];

/** The API entry point: what this server offers, and where. */
export function entryPoint(base: string) {
  return {
    motd: 'Juntos: OSDI for union locals and tenant unions',
    osdi_version: '1.2.0',
    vendor_name: 'Juntos',
    product_name: 'Juntos',
    namespace: 'juntos',
    max_pagesize: OSDI_MAX_PAGE,
    _links: {
      self: { href: `${base}/`, title: 'The OSDI entry point' },
      curies: CURIES,
      'osdi:people': { href: `${base}/people`, title: "The local's members" },
    },
  };
}

/**
 * A phone's kind as OSDI names it. A number that may be mobile (North America cannot tell) is
 * taken as mobile, as texting tools do.
 */
function phoneNumber(phone: string) {
  const type = parsePhoneNumberFromString(phone)?.getType();
  const mobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  return {
    primary: true,
    number: phone,
    number_type: mobile ? 'Mobile' : type === 'FIXED_LINE' ? 'Home' : 'Other',
    sms_capable: mobile,
  };
}

/**
 * A member as an OSDI person. Only what OSDI carries and a local may share: never an assessment,
 * a conversation, a note, a committee seat or alert consent.
 */
export function person(base: string, r: OsdiPersonRow) {
  const custom: Record<string, string> = { juntos_status: r.status };
  if (r.workplace_name) custom.juntos_workplace = r.workplace_name;
  if (r.unit_name) custom.juntos_unit = r.unit_name;
  if (r.preferred_name) custom.juntos_preferred_name = r.preferred_name;
  return {
    identifiers: [`juntos:${r.id}`],
    created_date: r.created_at.toISOString(),
    modified_date: r.updated_at.toISOString(),
    given_name: r.first_name,
    family_name: r.last_name,
    ...(r.preferred_language && { preferred_language: r.preferred_language }),
    ...((r.employer ?? r.workplace_name) && { employer: r.employer ?? r.workplace_name }),
    email_addresses: r.email ? [{ primary: true, address: r.email }] : [],
    phone_numbers: r.phone ? [phoneNumber(r.phone)] : [],
    custom_fields: custom,
    _links: { self: { href: `${base}/people/${r.id}` } },
  };
}

export { CURIES };
