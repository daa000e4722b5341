import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { Role } from '@juntos/common';
import {
  grant,
  makeLocal,
  makeMember,
  makeOneOnOne,
  makeUnit,
  makeUser,
  makeWorkplace,
} from '@juntos/test-support';
import {
  checkScreen,
  describeInBrowser,
  LAPTOP,
  NOTHING_STORED,
  PHONE,
  phone,
  rigForFile,
  settled,
  SHELL_WORDS,
  shot,
  signIn,
  signOutClean,
  stored,
} from './browser';

/** The words the test reads on screen, in each language (as the catalogs say them). */
const WORDS = {
  en: {
    ...SHELL_WORDS.en,
    myMembers: 'My members',
    newMember: 'New member',
    import: 'Import',
    filters: 'Filters',
    status: 'Membership status',
    tag: 'Tag',
    includeArchived: 'Include archived members',
    firstName: 'First name',
    lastName: 'Last name',
    preferredName: 'Preferred name (optional)',
    memberEmail: 'Email (optional)',
    memberPhone: 'Phone (optional)',
    language: 'Preferred language',
    workplace: 'Workplace',
    unit: 'Unit',
    tags: 'Tags, separated by commas (optional)',
    card: 'Date the union card was signed (optional)',
    optIn: 'They agreed to receive rapid-response alerts by text message.',
    add: 'Add member',
    saveChanges: 'Save changes',
    emailTaken: 'Another member of this local already has this email.',
    badPhone: 'This is not a phone number.',
    member: 'Member',
    edit: 'Edit',
    archive: 'Archive',
    yesArchive: 'Yes, archive',
    archived: (n: string) => `${n} was archived.`,
    eraseForGood: 'Erase for good',
    typeName: 'To confirm, type their first name',
    erase: (n: string) => `Erase ${n} for good`,
    erased: (n: string) => `${n} was erased for good.`,
    eraseWhat: 'their conversations and notes, their signatures',
    optedIn: 'Agreed to receive rapid-response alerts by text.',
    cardSigned: 'Card signed on',
    export: "Download the members' CSV",
    exportWarning: 'The file holds the names and phone numbers of every member.',
    csvFile: 'CSV file',
    stepTwo: 'Step 2 of 3',
    columnFirst: 'First name',
    notImported: 'Not imported',
    lastMissing: 'Row 3: The last name is missing.',
    created: '2 new members',
    updated: '0 members updated',
    refused: '1 row refused',
    apiRefused: 'Row 3: The last name is missing or longer than 100 characters.',
    importAnother: 'Import another file',
    actionNetwork: 'This file is an Action Network export.',
    phoneField: 'Phone',
    anCreated: '5 new members',
    anUpdated: '1 member updated',
    anRefused: 'Row 5: The first name is missing or longer than 100 characters.',
    statusPill: 'Membership status: Member',
    oneMember: '1 member',
    archivedCard: 'Archived member',
    clear: 'Clear filters',
  },
  es: {
    ...SHELL_WORDS.es,
    myMembers: 'Mis miembros',
    newMember: 'Nuevo miembro',
    import: 'Importar',
    filters: 'Filtros',
    status: 'Estatus de membresía',
    tag: 'Etiqueta',
    includeArchived: 'Incluir miembros archivados',
    firstName: 'Nombre',
    lastName: 'Apellido',
    preferredName: 'Nombre preferido (opcional)',
    memberEmail: 'Correo electrónico (opcional)',
    memberPhone: 'Teléfono (opcional)',
    language: 'Idioma preferido',
    workplace: 'Centro de trabajo',
    unit: 'Área',
    tags: 'Etiquetas, separadas por comas (opcional)',
    card: 'Fecha en que firmó la tarjeta del sindicato (opcional)',
    optIn: 'Aceptó recibir alertas de la red de respuesta rápida por mensaje de texto.',
    add: 'Agregar miembro',
    saveChanges: 'Guardar cambios',
    emailTaken: 'Otro miembro de este local ya tiene este correo.',
    badPhone: 'Esto no es un número de teléfono.',
    member: 'Miembro',
    edit: 'Editar',
    archive: 'Archivar',
    yesArchive: 'Sí, archivar',
    archived: (n: string) => `Se archivó a ${n}.`,
    eraseForGood: 'Borrar para siempre',
    typeName: 'Para confirmar, escribe su nombre',
    erase: (n: string) => `Borrar a ${n} para siempre`,
    erased: (n: string) => `Se borró a ${n} para siempre.`,
    eraseWhat: 'sus conversaciones y notas, sus firmas',
    optedIn: 'Aceptó recibir alertas de la red de respuesta rápida por mensaje de texto.',
    cardSigned: 'Firmó la tarjeta el',
    export: 'Descargar el CSV de miembros',
    exportWarning: 'El archivo tiene los nombres y teléfonos de todos los miembros.',
    csvFile: 'Archivo CSV',
    stepTwo: 'Paso 2 de 3',
    columnFirst: 'Nombre',
    notImported: 'No se importa',
    lastMissing: 'Fila 3: Falta el apellido.',
    created: '2 miembros nuevos',
    updated: '0 miembros actualizados',
    refused: '1 fila rechazada',
    apiRefused: 'Fila 3: Falta el apellido o tiene más de 100 caracteres.',
    importAnother: 'Importar otro archivo',
    actionNetwork: 'Este archivo es una exportación de Action Network.',
    phoneField: 'Teléfono',
    anCreated: '5 miembros nuevos',
    anUpdated: '1 miembro actualizado',
    anRefused: 'Fila 5: Falta el nombre o tiene más de 100 caracteres.',
    statusPill: 'Estatus de membresía: Miembro',
    oneMember: '1 miembro',
    archivedCard: 'Miembro archivado',
    clear: 'Quitar filtros',
  },
};
type Lang = keyof typeof WORDS;

describeInBrowser("the organizer's and admin's member management in the web app", () => {
  const rig = rigForFile();

  /** A local with a workplace and its units, an organizer, an admin, a steward and two members. */
  async function seed(lang: Lang) {
    const db = rig.t.db;
    const local = await makeLocal(db, `Local 11 members (${lang})`);
    const site = await makeWorkplace(db, local, { name: `Hotel Figueroa ${lang}`, headcount: 40 });
    const kitchen = await makeUnit(db, local, site, lang === 'es' ? 'Cocina' : 'Kitchen');
    const organizer = await makeUser(db, { displayName: 'Olga' });
    await grant(db, local, organizer.id, Role.ORGANIZER);
    const admin = await makeUser(db, { displayName: 'Adela' });
    await grant(db, local, admin.id, Role.LOCAL_ADMIN);
    const steward = await makeUser(db, { displayName: 'Sergio' });
    await grant(db, local, steward.id, Role.STEWARD, [site]);
    const taken = `ana.${lang}@example.org`;
    const ana = await makeMember(db, local, {
      workplaceId: site,
      unitId: kitchen,
      firstName: 'Ana',
      lastName: 'López',
      email: taken,
      phone: '+13105550101',
    });
    const ramon = await makeMember(db, local, {
      workplaceId: site,
      firstName: 'Ramón',
      lastName: 'Borrado',
      phone: '+13105550199',
    });
    await makeOneOnOne(db, local, ramon, steward.id, { followUpAt: null, issues: ['breaks'] });
    return { local, site, kitchen, organizer, admin, steward, ana, ramon, taken };
  }

  /** Every screen, at a laptop's size and a phone's. */
  const screen = (page: Page) => checkScreen(page, { sizes: [LAPTOP, PHONE] });

  for (const lang of ['es', 'en'] as const) {
    it(`lets an organizer create, edit, archive and import members in ${lang === 'es' ? 'Spanish' : 'English'}`, async () => {
      const w = WORDS[lang];
      const s = await seed(lang);
      const page = await phone(rig.browser, w.locale);
      await signIn(page, rig.base, s.organizer.email, w, { tabs: true });

      // The list: the organizer's actions and every filter the API has.
      await page.goto(`${rig.base}/members`);
      await page.getByRole('heading', { name: w.myMembers }).waitFor();
      await page.getByText(w.filters, { exact: true }).click();
      await page.getByLabel(w.status).waitFor();
      await page.getByLabel(w.tag, { exact: true }).waitFor();
      await page.getByLabel(w.includeArchived).waitFor();
      await screen(page);

      // A new member: the API refuses an email another member has, next to the email field.
      await page.getByRole('link', { name: w.newMember }).click();
      await page.getByLabel(w.firstName, { exact: true }).fill('Marisol');
      await page.getByLabel(w.lastName, { exact: true }).fill('Nuevo');
      await page.getByLabel(w.memberEmail).fill(s.taken);
      await page.getByLabel(w.memberPhone).fill('not a phone');
      await page.getByLabel(w.workplace).selectOption({ label: `Hotel Figueroa ${lang}` });
      await page.getByLabel(w.unit).selectOption({ label: lang === 'es' ? 'Cocina' : 'Kitchen' });
      await page.getByRole('button', { name: w.add }).click();
      await page.getByRole('alert').filter({ hasText: w.badPhone }).waitFor();
      expect(await page.getByLabel(w.memberPhone).getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel(w.memberPhone).fill('(213) 555-0142');
      await page.getByRole('button', { name: w.add }).click();
      await page.getByRole('alert').filter({ hasText: w.emailTaken }).waitFor();
      // What was typed is still there.
      expect(await page.getByLabel(w.firstName, { exact: true }).inputValue()).toBe('Marisol');
      await screen(page);
      await page.getByLabel(w.memberEmail).fill(`marisol.${lang}@example.org`);
      await page.getByLabel(w.tags).fill('Kitchen Committee, night shift');
      await page.getByLabel(w.optIn).check();
      await page.getByRole('button', { name: w.add }).click();
      await page.getByRole('heading', { name: 'Marisol Nuevo' }).waitFor();
      const { rows: made } = await rig.t.db.query(
        `select id, phone, email, tags, alert_opt_in, unit_id from member where local_id = $1 and first_name = 'Marisol'`,
        [s.local],
      );
      expect(made).toHaveLength(1);
      expect(made[0]).toMatchObject({
        phone: '+12135550142',
        email: `marisol.${lang}@example.org`,
        tags: ['kitchen committee', 'night shift'],
        alert_opt_in: true,
        unit_id: s.kitchen,
      });
      await page.getByText(w.optedIn).waitFor();
      await screen(page);

      // Edit: a preferred name, the status and the card date; the page shows the change.
      await page.getByRole('link', { name: w.edit, exact: true }).click();
      await page.getByLabel(w.preferredName).fill('Mari');
      await page.getByLabel(w.status).selectOption({ label: w.member });
      await page.getByLabel(w.card).fill('2026-03-15');
      await page.getByLabel(w.language).selectOption({ value: 'es' });
      await screen(page);
      if (lang === 'es') await shot(page, 'member-form', { top: true });
      await page.getByRole('button', { name: w.saveChanges }).click();
      await page.getByRole('heading', { name: 'Mari Nuevo' }).waitFor();
      await page.getByText(w.statusPill).waitFor();
      await page.getByText(w.cardSigned).waitFor();
      const { rows: edited } = await rig.t.db.query(
        `select preferred_name, status, preferred_language, card_signed_at from member where id = $1`,
        [made[0].id],
      );
      expect(edited[0]).toMatchObject({ preferred_name: 'Mari', status: 'MEMBER', preferred_language: 'es' });
      expect(edited[0].card_signed_at).not.toBeNull();

      // Archive, after a confirmation: gone from the list, back with "include archived".
      await page.getByRole('button', { name: w.archive, exact: true }).click();
      await page.getByRole('button', { name: w.yesArchive }).waitFor();
      await screen(page);
      await page.getByRole('button', { name: w.yesArchive }).click();
      await page.getByText(w.archived('Mari Nuevo')).waitFor();
      await page.getByRole('heading', { name: w.myMembers }).waitFor();
      await settled(page);
      expect(await page.locator('.cards').innerText()).not.toContain('Mari');
      const { rows: archived } = await rig.t.db.query(`select archived_at from member where id = $1`, [
        made[0].id,
      ]);
      expect(archived[0].archived_at).not.toBeNull();
      await page.getByText(w.filters, { exact: true }).click();
      await page.getByLabel(w.includeArchived).check();
      await page.locator('.cards').getByText('Mari', { exact: true }).waitFor();
      await page.locator('.cards').getByText(w.archivedCard, { exact: true }).waitFor();
      // Tag and status narrow it: the archived member has both.
      await page.getByLabel(w.tag, { exact: true }).fill('Night Shift');
      await page.getByLabel(w.status).selectOption({ label: w.member });
      await page.getByText(w.oneMember, { exact: true }).waitFor();
      await page.locator('.cards').getByText('Mari', { exact: true }).waitFor();
      await page.getByRole('button', { name: w.clear }).click();

      // Import: a small CSV, its columns matched, the refused row named, then the result.
      await page.getByRole('link', { name: w.import, exact: true }).click();
      const csv = [
        'First Name,last_name,Email,Phone,Workplace,Shoe size',
        `Lupe,Reyes,lupe.${lang}@example.org,213-555-0170,Hotel Figueroa ${lang},8`,
        `Chuy,Mendoza,,(213) 555-0171,,9`,
        `Solo,,solo.${lang}@example.org,,,10`,
      ].join('\r\n');
      await page.getByLabel(w.csvFile, { exact: true }).setInputFiles({
        name: 'members.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await page.getByText(w.stepTwo).waitFor();
      const mapping = page.locator('table.mapping');
      await mapping.getByRole('row', { name: `First Name ${w.columnFirst}` }).waitFor();
      await mapping.getByRole('row', { name: `Shoe size ${w.notImported}` }).waitFor();
      await page.getByText(w.lastMissing).waitFor();
      await page.getByText('Lupe').first().waitFor();
      await screen(page);
      await page.getByRole('button', { name: w.import, exact: true }).click();
      await page.getByText(w.created).waitFor();
      await page.getByText(w.updated).waitFor();
      await page.getByText(w.refused).waitFor();
      await page.getByText(w.apiRefused).waitFor();
      await screen(page);
      const { rows: imported } = await rig.t.db.query(
        `select first_name, last_name, phone, workplace_id from member where local_id = $1 and first_name in ('Lupe', 'Chuy', 'Solo') order by first_name`,
        [s.local],
      );
      expect(imported).toEqual([
        { first_name: 'Chuy', last_name: 'Mendoza', phone: '+12135550171', workplace_id: null },
        { first_name: 'Lupe', last_name: 'Reyes', phone: '+12135550170', workplace_id: s.site },
      ]);

      // An Action Network export as it comes: recognised, its phone and tags matched, its address not.
      await page.getByRole('button', { name: w.importAnother }).click();
      await page
        .getByLabel(w.csvFile, { exact: true })
        .setInputFiles(join(__dirname, '..', 'fixtures', 'action-network-export.csv'));
      await page.getByText(w.actionNetwork).waitFor();
      await mapping.getByRole('row', { name: `can2_phone ${w.phoneField}` }).waitFor();
      await mapping.getByRole('row', { name: `zip_code ${w.notImported}` }).waitFor();
      await screen(page);
      await page.getByRole('button', { name: w.import, exact: true }).click();
      await page.getByText(w.anCreated).waitFor();
      await page.getByText(w.anUpdated).waitFor();
      await page.getByText(w.anRefused).waitFor();
      const { rows: fromAn } = await rig.t.db.query(
        `select tags from member where local_id = $1 and email = 'mj.hernandez@example.org'`,
        [s.local],
      );
      expect(fromAn).toEqual([{ tags: ['comité de inquilinos', 'westlake', 'rent strike 2024'] }]);

      // No export and no erasure for an organizer.
      await page.goto(`${rig.base}/members`);
      await page.getByRole('heading', { name: w.myMembers }).waitFor();
      await settled(page);
      expect(await page.getByRole('button', { name: w.export }).count()).toBe(0);
      await page.goto(`${rig.base}/members/${s.ana}`);
      await page.getByRole('link', { name: w.edit, exact: true }).waitFor();
      expect(await page.getByRole('button', { name: w.eraseForGood }).count()).toBe(0);

      await signOutClean(page, w, rig.base);
    }, 180_000);

    it(`lets a local admin export the members and erase one for good in ${lang === 'es' ? 'Spanish' : 'English'}`, async () => {
      const w = WORDS[lang];
      const s = await seed(lang);
      const page = await phone(rig.browser, w.locale);
      await signIn(page, rig.base, s.admin.email, w, { tabs: true });

      // Export: a warning, then a CSV download; the browser keeps nothing of it.
      await page.goto(`${rig.base}/members`);
      await page.getByText(w.exportWarning).waitFor();
      await screen(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: w.export }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^members-\d{4}-\d{2}-\d{2}\.csv$/);
      const file = readFileSync((await download.path())!, 'utf8');
      expect(file.split(/\r?\n/)[0]).toMatch(/firstName/i);
      expect(file).toContain('López');
      expect(file).toContain('+13105550101');
      expect(await stored(page)).toEqual(NOTHING_STORED);

      // Erase: what goes is named, and the first name must be typed.
      await page.goto(`${rig.base}/members/${s.ramon}`);
      await page.getByRole('button', { name: w.eraseForGood }).click();
      await page.getByText(w.eraseWhat).waitFor();
      const confirm = page.getByRole('button', { name: w.erase('Ramón Borrado') });
      expect(await confirm.isDisabled()).toBe(true);
      await page.getByLabel(w.typeName).fill('Ramon Borrado');
      expect(await confirm.isDisabled()).toBe(true);
      await page.getByLabel(w.typeName).fill('ramón');
      await screen(page);
      expect(await confirm.isDisabled()).toBe(false);
      await confirm.click();
      await page.getByText(w.erased('Ramón Borrado')).waitFor();
      await page.getByRole('heading', { name: w.myMembers }).waitFor();
      const { rows: left } = await rig.t.db.query(
        `select (select count(*) from member where id = $1)::int as members,
                (select count(*) from one_on_one where member_id = $1)::int as conversations`,
        [s.ramon],
      );
      expect(left).toEqual([{ members: 0, conversations: 0 }]);

      await signOutClean(page, w, rig.base);
    }, 120_000);
  }

  it('shows a steward none of the admin buttons, and refuses them the new-member screen', async () => {
    const w = WORDS.es;
    const s = await seed('es');
    const page = await phone(rig.browser, w.locale);
    await signIn(page, rig.base, s.steward.email, w, { tabs: true });
    await page.goto(`${rig.base}/members`);
    await page.getByRole('heading', { name: w.myMembers }).waitFor();
    await settled(page);
    await page.getByText(w.filters, { exact: true }).click();
    for (const name of [w.newMember, w.import])
      expect(await page.getByRole('link', { name, exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: w.export }).count()).toBe(0);
    expect(await page.getByLabel(w.status).count()).toBe(0);
    expect(await page.getByLabel(w.includeArchived).count()).toBe(0);
    await page.goto(`${rig.base}/members/${s.ana}`);
    await page.getByRole('heading', { name: 'Ana López' }).waitFor();
    await settled(page);
    for (const name of [w.edit, w.archive, w.eraseForGood]) {
      expect(await page.getByRole('link', { name, exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    await screen(page);
    for (const path of ['/members/new', `/members/${s.ana}/edit`, '/members/import']) {
      await page.goto(`${rig.base}${path}`);
      await page.getByRole('alert').filter({ hasText: w.noAccess }).waitFor();
      expect(await page.locator('form.member-form, input[type=file]').count()).toBe(0);
    }
    await screen(page);
    await signOutClean(page, w, rig.base);
  }, 120_000);
});
