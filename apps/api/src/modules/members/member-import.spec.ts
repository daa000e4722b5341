import { MemberEntity } from '@juntos/db';
import { ImportFormat, parseMemberCsv, planImport, readMemberCsv, ValidRow, yesNo } from './member-import';

describe('parseMemberCsv', () => {
  it('maps headers without case, spaces or underscores, and numbers data rows from 1', () => {
    const rows = parseMemberCsv(
      '\uFEFFFirst Name,LAST_NAME,E-mail,Phone,Workplace,Notes\nNguyễn,Thị Lan,lan@example.org,,Bakery,x\n',
    );
    expect(rows).toEqual([
      {
        row: 1,
        values: { firstName: 'Nguyễn', lastName: 'Thị Lan', email: 'lan@example.org', workplace: 'Bakery' },
      },
    ]);
  });

  it('reads an alertOptIn column under the header spellings it matches, and leaves a blank cell out', () => {
    for (const header of ['alertOptIn', 'Alert Opt-In', 'ALERT_OPT_IN', 'alert opt in']) {
      const rows = parseMemberCsv(`firstName,lastName,${header}\nAna,Lopez, Sí \nLuis,Perez,\n`);
      expect(rows).toEqual([
        { row: 1, values: { firstName: 'Ana', lastName: 'Lopez', alertOptIn: 'Sí' } },
        { row: 2, values: { firstName: 'Luis', lastName: 'Perez' } },
      ]);
    }
  });

  it('needs the name columns', () => {
    expect(() => parseMemberCsv('email\nx@example.org')).toThrow('The CSV needs a firstName column.');
  });

  it('refuses more than 10,000 rows', () => {
    const csv = 'firstName,lastName\n' + 'A,B\n'.repeat(10_001);
    expect(() => parseMemberCsv(csv)).toThrow(/At most 10,000 rows/);
  });

  it('reports a malformed file', () => {
    expect(() => parseMemberCsv('firstName,lastName\n"open,quote\n')).toThrow(/could not be read/);
  });
});

describe('readMemberCsv', () => {
  const header =
    'uuid,first_name,last_name,email,zip_code,can2_user_address,can2_phone,can2_sms_status,can2_subscription_status,can2_user_tags,Phone,language';

  it("takes an Action Network export as it comes: its phone, its tags split at ', ', its language", () => {
    const csv = `${header}\nu1,Ana,López,ana@example.org,90057,1 Main St,(213) 555-0142,subscribed,subscribed,"Rent Strike 2024, Westlake",(213) 555-0100,Spanish\n`;
    expect(readMemberCsv(csv)).toEqual({
      format: ImportFormat.ACTION_NETWORK,
      ignoredColumns: [
        'uuid',
        'zip_code',
        'can2_user_address',
        'can2_sms_status',
        'can2_subscription_status',
      ],
      rows: [
        {
          row: 1,
          values: {
            firstName: 'Ana',
            lastName: 'López',
            email: 'ana@example.org',
            phone: '(213) 555-0142',
            tags: 'Rent Strike 2024;Westlake',
            preferredLanguage: 'Spanish',
          },
        },
      ],
    });
  });

  it('falls back to a Phone custom field where can2_phone is blank, whichever comes first', () => {
    const csv =
      'Phone,first_name,last_name,can2_phone\n(213) 555-0100,Ana,López,\n(213) 555-0100,Luis,Pérez,(213) 555-0199\n';
    expect(readMemberCsv(csv).rows.map((r) => r.values.phone)).toEqual(['(213) 555-0100', '(213) 555-0199']);
  });

  it('knows an export by its four basic columns even without can2_ ones', () => {
    expect(readMemberCsv('first_name,last_name,email,zip_code\nA,B,a@example.org,90001').format).toBe(
      ImportFormat.ACTION_NETWORK,
    );
  });

  it("reads Juntos's own file as before, where Action Network's names mean nothing", () => {
    const read = readMemberCsv('firstName,lastName,tags,language,Phone Number\nA,B,"x, y",es,555\n');
    expect(read.format).toBe(ImportFormat.JUNTOS);
    expect(read.ignoredColumns).toEqual(['language', 'Phone Number']);
    expect(read.rows[0].values).toEqual({ firstName: 'A', lastName: 'B', tags: 'x, y' });
  });
});

describe('yesNo', () => {
  it.each([
    ['yes', true],
    ['YES', true],
    [' Yes ', true],
    ['no', false],
    ['No', false],
    ['NO', false],
    ['sí', true],
    ['SÍ', true],
    ['Sí', true],
    ['si\u0301', true], // sí typed with a combining accent
    ['si', true],
    ['Si', true],
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['1', true],
    ['0', false],
  ])('reads %p as %p', (cell, expected) => {
    expect(yesNo(cell)).toBe(expected);
  });

  it.each(['maybe', 'y', 'n', 'oui', 'nó', '2', '-1', '01', 'yes please', 'constructor', ''])(
    'refuses %p',
    (cell) => {
      expect(yesNo(cell)).toBeUndefined();
    },
  );
});

describe('planImport', () => {
  const existing = [
    {
      id: 'a',
      firstName: 'José',
      lastName: 'García',
      email: 'jose@example.org',
      phone: null,
      workplaceId: 'w1',
    },
    { id: 'b', firstName: 'Mai', lastName: 'Tran', email: null, phone: '+12125550100', workplaceId: 'w1' },
    { id: 'c', firstName: 'Ana', lastName: 'Lopez', email: null, phone: null, workplaceId: 'w2' },
  ].map(
    (m) =>
      ({
        unitId: null,
        preferredName: null,
        preferredLanguage: null,
        status: 'MEMBER',
        cardSignedAt: null,
        tags: [],
        alertOptIn: m.id === 'b',
        ...m,
      }) as unknown as MemberEntity,
  );
  let n = 0;
  const newId = () => `new-${++n}`;
  const row = (
    r: number,
    fields: Partial<ValidRow['fields']> & { firstName: string; lastName: string },
  ): ValidRow => ({ row: r, fields });

  it('matches by email, then phone, then name and workplace, and creates the rest', () => {
    const plan = planImport(
      [
        row(1, { firstName: 'Jose', lastName: 'Garcia', email: 'jose@example.org', tags: ['leader'] }),
        row(2, { firstName: 'Mai', lastName: 'Trần', phone: '+12125550100' }),
        row(3, { firstName: 'ana', lastName: 'LOPEZ', workplaceId: 'w2', email: 'ana@example.org' }),
        row(4, { firstName: 'Ana', lastName: 'Lopez', workplaceId: 'w1' }),
      ],
      existing,
      newId,
    );
    expect(plan).toMatchObject({ created: 1, updated: 3, errors: [] });
    expect(plan.updates.map((u) => u.id).sort()).toEqual(['a', 'b', 'c']);
    // "Jose" in the file keeps the stored "José" (a match never degrades a name).
    expect(plan.updates.find((u) => u.id === 'a')).toMatchObject({
      firstName: 'José',
      tags: ['leader'],
      status: 'MEMBER',
    });
    expect(plan.creates).toEqual([
      expect.objectContaining({ firstName: 'Ana', workplaceId: 'w1', status: 'PROSPECT', tags: [] }),
    ]);
  });

  it('never creates the same person twice from one file', () => {
    const plan = planImport(
      [
        row(1, { firstName: 'Luis', lastName: 'Perez', email: 'luis@example.org' }),
        row(2, { firstName: 'Luis', lastName: 'Pérez', email: 'luis@example.org', phone: '+12125550199' }),
      ],
      existing,
      newId,
    );
    expect(plan).toMatchObject({ created: 1, updated: 1 });
    // The second row adds the phone; the name keeps the spelling the first row stored.
    expect(plan.creates).toEqual([expect.objectContaining({ lastName: 'Perez', phone: '+12125550199' })]);
    expect(plan.updates).toEqual([]);
  });

  it('keeps two people with one name apart when their emails differ', () => {
    const plan = planImport(
      [
        row(1, {
          firstName: 'José',
          lastName: 'García',
          workplaceId: 'w1',
          email: 'another.jose@example.org',
        }),
      ],
      existing,
      newId,
    );
    expect(plan).toMatchObject({ created: 1, updated: 0 });
    const sameNoEmail = planImport(
      [row(2, { firstName: 'jose', lastName: 'garcia', workplaceId: 'w1' })],
      existing,
      newId,
    );
    expect(sameNoEmail).toMatchObject({ created: 0, updated: 1 });
  });

  it('reports a row whose email or phone belongs to someone else', () => {
    const plan = planImport(
      [row(7, { firstName: 'Mai', lastName: 'Tran', phone: '+12125550100', email: 'jose@example.org' })],
      existing,
      newId,
    );
    // The email matches José; the phone is Mai's, so the row is refused rather than merging two people.
    expect(plan.errors).toEqual([
      { row: 7, message: 'phone: another member of this local already has this phone number.' },
    ]);
    expect(plan.created + plan.updated).toBe(0);
  });
  it('gives a row whose email two members share (a possible duplicate) to the one with its name, else the oldest', () => {
    const twins = [
      { ...existing[0], id: 'older', firstName: 'Rosa', lastName: 'Díaz', email: 'twin@example.org' },
      { ...existing[0], id: 'newer', firstName: 'Rosita', lastName: 'Diaz', email: 'twin@example.org' },
    ] as MemberEntity[];
    // An export of both, imported again: each row goes back to its own record.
    const back = planImport(
      [
        row(1, { firstName: 'Rosita', lastName: 'Diaz', email: 'twin@example.org', tags: ['b'] }),
        row(2, { firstName: 'Rosa', lastName: 'Díaz', email: 'twin@example.org', tags: ['a'] }),
      ],
      twins,
      newId,
    );
    expect(back.errors).toEqual([]);
    expect(back.updates.map((m) => [m.id, m.firstName, m.tags])).toEqual([
      ['newer', 'Rosita', ['b']],
      ['older', 'Rosa', ['a']],
    ]);
    // A row with neither name updates the oldest, and creates nobody.
    const other = planImport(
      [row(1, { firstName: 'R', lastName: 'D', email: 'twin@example.org' })],
      twins,
      newId,
    );
    expect(other).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect(other.updates.map((m) => m.id)).toEqual(['older']);
  });

  it("sets alertOptIn where a row gives it, keeps a matched member's where it does not, and starts a new member without it", () => {
    const plan = planImport(
      [
        row(1, { firstName: 'José', lastName: 'García', email: 'jose@example.org', alertOptIn: true }),
        row(2, { firstName: 'Mai', lastName: 'Tran', phone: '+12125550100' }),
        row(3, { firstName: 'Ana', lastName: 'Lopez', workplaceId: 'w2', alertOptIn: false }),
        row(4, { firstName: 'New', lastName: 'Person' }),
        row(5, { firstName: 'Other', lastName: 'Person', alertOptIn: true }),
      ],
      existing,
      newId,
    );
    expect(plan).toMatchObject({ created: 2, updated: 3, errors: [] });
    const optIn = (ms: { firstName: string; alertOptIn: boolean }[]) =>
      Object.fromEntries(ms.map((m) => [m.firstName, m.alertOptIn]));
    // Mai (b) opted in before; a row without the cell keeps it.
    expect(optIn(plan.updates)).toEqual({ José: true, Mai: true, Ana: false });
    expect(optIn(plan.creates)).toEqual({ New: false, Other: true });
  });
});
