import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FieldNode, Kind, parse, visit } from 'graphql';
import { Page } from 'playwright-core';
import { Role } from '@juntos/common';
import {
  grant,
  makeAttendance,
  makeCommittee,
  makeCommitteeContact,
  makeCommitteeMembership,
  makeEvent,
  makeLocal,
  makeMember,
  makeOneOnOne,
  makePetition,
  makeSignature,
  makeUser,
  makeWorkplace,
} from '@juntos/test-support';
import {
  checkScreen,
  describeInBrowser,
  LAPTOP,
  largeTextPhone,
  phone,
  rigForFile,
  settled,
  SHELL_WORDS,
  shot,
  signIn,
  signOutClean,
} from './browser';

/** Fields that name or reach a person: a board document must select none of them. */
const PERSONAL = new Set([
  'firstName',
  'lastName',
  'preferredName',
  'email',
  'phone',
  'notes',
  'note',
  'displayName',
  'location',
  'details',
  'address',
  'member',
  'members',
  'signatures',
  'attendances',
  'memberships',
  'contacts',
  'actor',
  'by',
  'steward',
  'collectedBy',
  'recordedBy',
  'proposedBy',
  'approvedBy',
  'user',
  'ip',
]);
/** StageChange.note is the campaign's own record ("vote recorded: 7 for…"), not a person's. */
const ALLOWED_IN_BOARD = new Set(['note']);
/** The one organizer-only document: who changed a stage; the browser test shows a board member never sends it. */
const ORGANIZER_ONLY = new Set(['CampaignsOrganizerWho']);

const BOARD_DIR = join(__dirname, '..', '..', 'apps', 'web', 'src', 'features', 'board');

/** Every graphql(`…`) document in the board's source files, parsed. */
function boardDocuments() {
  return readdirSync(BOARD_DIR)
    .filter((f) => /\.tsx?$/.test(f))
    .flatMap((f) =>
      [...readFileSync(join(BOARD_DIR, f), 'utf8').matchAll(/graphql\(`([^`]*)`\)/g)].map((m) => ({
        file: f,
        doc: parse(m[1]),
      })),
    );
}

/** The personal fields a query selects, as paths ("localDashboard.workplaces.workplace.address"). */
function personalFields(query: string, allowed = new Set<string>()): string[] {
  const found: string[] = [];
  const path: string[] = [];
  visit(parse(query), {
    Field: {
      enter(node: FieldNode) {
        path.push(node.name.value);
        if (PERSONAL.has(node.name.value) && !allowed.has(node.name.value)) found.push(path.join('.'));
      },
      leave() {
        path.pop();
      },
    },
  });
  return found;
}

const nameOf = (doc: ReturnType<typeof parse>) =>
  doc.definitions
    .map((d) =>
      d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION ? d.name?.value : '',
    )
    .join(',');

describe("the board's GraphQL documents", () => {
  it('select no personal field (the organizer-only document aside, run only for organizers)', () => {
    const docs = boardDocuments();
    expect(docs.length).toBeGreaterThanOrEqual(8);
    const offending = docs
      .filter(({ doc }) => !ORGANIZER_ONLY.has(nameOf(doc)))
      .flatMap(({ file, doc }) =>
        personalFields(doc.loc!.source.body, ALLOWED_IN_BOARD).map(
          (p) => `${file}: ${nameOf(doc)} selects ${p}`,
        ),
      );
    expect(offending).toEqual([]);
    // The check itself catches a personal field.
    expect(
      personalFields('{ localDashboard(localId: "x") { workplaces { workplace { address } } } }'),
    ).toEqual(['localDashboard.workplaces.workplace.address']);
    expect(docs.map(({ doc }) => nameOf(doc))).toContain('CampaignsOrganizerWho');
    // The generated documents the app ships carry the same board documents.
    const generated = readFileSync(join(BOARD_DIR, '..', '..', 'gql', 'gql.ts'), 'utf8');
    expect(generated).toMatch(/query BoardDashboard/);
  });
});

const WORDS = {
  en: {
    ...SHELL_WORDS.en,
    summary: 'Summary',
    campaigns: 'Campaigns',
    supporter: '2 · Supporter: 2 of 6 members',
    notAssessed: 'Not assessed: 1 of 6 members',
    petition: 'No ICE in the kitchen: 3 of 8 signatures',
    trained: /^Trained in “Know your rights”: 2 of 4 · 50\s?%$/,
    committee: /^With a committee contact: 25\s?%$/,
    introducedBar: 'Introduced: 1',
    history: /^Coverage over the last 12 weeks: 0\s?% in the week to .+, 33\s?% this week$/,
    historyNumbers: 'The weeks in numbers',
    historyNow: /^33\s?% · 2 of 6$/,
    introduced: 'Introduced',
    votesFor: 'Votes for',
    votesAgainst: 'Votes against',
    abstentions: 'Abstentions',
    recordVote: 'Record the vote',
    voted: 'Voted',
    passed: 'Passed',
    moveToPassed: 'Move to “Passed”',
    introducedToVoted: 'Introduced → Voted',
    voteResult: '7 for, 2 against, 1 abstaining',
    newCampaign: 'New campaign',
    title: 'Title',
    resolution: 'The resolution',
    create: 'Create the campaign',
    newMilestone: 'New milestone',
    addMilestone: 'Add milestone',
    markDone: 'Mark done: Deliver the petition',
    doneOn: /^Done /,
    linkPetition: 'Link a petition',
    link: 'Link',
    by: 'By Olga Organizer',
    started: 'Started: Drafting',
  },
  es: {
    ...SHELL_WORDS.es,
    summary: 'Resumen',
    campaigns: 'Campañas',
    supporter: '2 · A favor: 2 de 6 miembros',
    notAssessed: 'Sin evaluar: 1 de 6 miembros',
    petition: 'No ICE in the kitchen: 3 de 8 firmas',
    trained: /^Tomaron el taller “Conoce tus derechos”: 2 de 4 · 50\s?%$/,
    committee: /^Con contacto del comité: 25\s?%$/,
    introducedBar: 'Presentada: 1',
    history: /^Cobertura en las últimas 12 semanas: 0\s?% en la semana al .+, 33\s?% esta semana$/,
    historyNumbers: 'Las semanas en números',
    historyNow: /^33\s?% · 2 de 6$/,
    introduced: 'Presentada',
    votesFor: 'Votos a favor',
    votesAgainst: 'Votos en contra',
    abstentions: 'Abstenciones',
    recordVote: 'Anotar la votación',
    voted: 'Votada',
    passed: 'Aprobada',
    moveToPassed: 'Pasar a “Aprobada”',
    introducedToVoted: 'Presentada → Votada',
    voteResult: '7 a favor, 2 en contra, 1 abstenciones',
    newCampaign: 'Nueva campaña',
    title: 'Título',
    resolution: 'La resolución',
    create: 'Crear la campaña',
    newMilestone: 'Nueva meta intermedia',
    addMilestone: 'Agregar meta intermedia',
    markDone: 'Marcar como cumplida: Deliver the petition',
    doneOn: /^Cumplida el /,
    linkPetition: 'Vincular una petición',
    link: 'Vincular',
    by: 'Por Olga Organizer',
    started: 'Comenzó: Redacción',
  },
};
const DAY = 86_400_000;

describeInBrowser("the board's dashboard and campaigns in the web app", () => {
  const rig = rigForFile();

  /**
   * Six members over two workplaces (2 supporters, one never assessed), two with a recent
   * one-on-one, two trained, one with a committee contact, an open petition at 3 of 8, and a
   * campaign the organizer brought to INTRODUCED through the API.
   */
  async function seed(lang: string) {
    const db = rig.t.db;
    const local = await makeLocal(db, `Local 11 (${lang})`);
    const board = await makeUser(db, { displayName: 'Beto Board' });
    await grant(db, local, board.id, Role.BOARD_MEMBER);
    const organizer = await makeUser(db, { displayName: 'Olga Organizer' });
    await grant(db, local, organizer.id, Role.ORGANIZER);
    const bonaventure = await makeWorkplace(db, local, { name: 'Hotel Bonaventure', headcount: 4 });
    const figueroa = await makeWorkplace(db, local, { name: 'Hotel Figueroa', headcount: 2 });
    const people: [string, string, string, number | null][] = [
      ['Ana', 'López', bonaventure, 1],
      ['Bea', 'Ramos', bonaventure, 2],
      ['Carla', 'Díaz', bonaventure, 2],
      ['Dora', 'Vega', bonaventure, 3],
      ['Eva', 'Soto', figueroa, 5],
      ['Flor', 'Ruiz', figueroa, null],
    ];
    const ids: string[] = [];
    for (const [firstName, lastName, workplaceId, level] of people) {
      const id = await makeMember(db, local, {
        firstName,
        lastName,
        workplaceId,
        email: `${firstName.toLowerCase()}@example.org`,
        phone: '+13105550101',
      });
      if (level) await db.query('update member set support_level = $1 where id = $2', [level, id]);
      ids.push(id);
    }
    const [ana, bea, carla] = ids;
    // Members for months, so the coverage history has them every week: met only this week.
    await db.query(`update member set created_at = now() - interval '100 days' where local_id = $1`, [local]);
    for (const m of [ana, bea])
      await makeOneOnOne(db, local, m, organizer.id, {
        occurredAt: new Date(Date.now() - 5 * DAY),
        followUpAt: null,
      });
    const kyr = await makeEvent(db, local, {
      kind: 'KYR_TRAINING',
      startsAt: new Date(Date.now() - 10 * DAY),
    });
    for (const m of [ana, bea]) await makeAttendance(db, local, kyr, m, organizer.id, { attended: true });
    const committee = await makeCommittee(db, local, { workplaceId: bonaventure });
    const seat = await makeCommitteeMembership(db, local, committee, ana);
    await makeCommitteeContact(db, local, seat, bea);
    const petition = await makePetition(db, local, {
      workplaceId: bonaventure,
      status: 'OPEN',
      goal: 8,
      title: 'No ICE in the kitchen',
    });
    for (const m of [ana, bea, carla]) await makeSignature(db, local, petition, m, organizer.id);
    // A campaign brought to INTRODUCED by the organizer: its history names them.
    const token = rig.t.tokenFor(organizer.id);
    const made = await rig.t.gql<{ createCampaign: { id: string } }>(
      token,
      `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`,
      {
        input: {
          localId: local,
          title: 'Stop the raids',
          resolutionText: 'Resolved: no raids at work.',
          decisionBody: 'EXECUTIVE_BOARD',
        },
      },
    );
    const campaign = made.data!.createCampaign.id;
    for (const stage of ['BUILDING_SUPPORT', 'INTRODUCED'])
      expect(
        (
          await rig.t.gql(
            token,
            `mutation($input: AdvanceStageInput!) { advanceCampaignStage(input: $input) { stage } }`,
            { input: { campaignId: campaign, stage } },
          )
        ).errors,
      ).toBeUndefined();
    return { local, board, organizer, campaign, petition };
  }

  /** Every GraphQL request the page sends, as its operation name and query. */
  function recordQueries(page: Page): { name: string; query: string }[] {
    const sent: { name: string; query: string }[] = [];
    page.on('request', (r) => {
      if (!r.url().endsWith('/graphql') || r.method() !== 'POST') return;
      const body = JSON.parse(r.postData() ?? '{}') as { query?: string; operationName?: string };
      if (body.query) sent.push({ name: body.operationName ?? '', query: body.query });
    });
    return sent;
  }

  for (const lang of ['es', 'en'] as const) {
    it(`shows a board member the numbers as bars and nothing personal, and lets them record the vote and advance the stage, in ${lang === 'es' ? 'Spanish' : 'English'}`, async () => {
      const w = WORDS[lang];
      const s = await seed(lang);
      const page = await phone(rig.browser, w.locale);
      // Spanish on a phone, English on a laptop; the organizer's test below swaps them.
      if (lang === 'en') await page.setViewportSize(LAPTOP);
      const sent = recordQueries(page);
      // The board member's home is the summary: bars with their numbers for the seeded data.
      await signIn(page, rig.base, s.board.email, w, { heading: w.summary });
      await page.getByRole('img', { name: w.supporter }).waitFor();
      await page.getByRole('img', { name: w.notAssessed }).waitFor();
      await page.getByRole('img', { name: w.petition }).waitFor();
      await page.getByRole('img', { name: w.trained }).waitFor();
      await page.getByRole('img', { name: w.committee }).waitFor();
      await page.getByRole('img', { name: w.introducedBar }).waitFor();
      // Coverage over time: a column a week, named by where it starts and ends; each week in a table.
      await page.getByRole('img', { name: w.history }).waitFor();
      await page.getByText(w.historyNumbers).click();
      const weeks = page.locator('.history-table tbody tr');
      expect(await weeks.count()).toBe(12);
      expect(await weeks.last().locator('td').innerText()).toMatch(w.historyNow);
      // The numbers are written beside the bars, not only in their names.
      const supportRow = page
        .locator('.bar-row')
        .filter({ has: page.getByRole('img', { name: w.supporter }) });
      expect(await supportRow.locator('.bar-value').innerText()).toBe('2');
      const petitionRow = page
        .locator('.bar-row')
        .filter({ has: page.getByRole('img', { name: w.petition }) });
      expect(await petitionRow.locator('.bar-value').innerText()).toMatch(/^3 (of|de) 8$/);
      await checkScreen(page);
      if (lang === 'es') await shot(page, 'board-summary');
      expect(await page.locator('body').innerText()).not.toMatch(/Ana|López|Bea|Ramos|Olga|Beto|@|\+1310/);

      // Campaigns: the list by stage, then the campaign's timeline without who changed it.
      await page.locator('nav.tabs').getByRole('link', { name: w.campaigns }).click();
      await page.getByRole('heading', { name: w.introduced, level: 2 }).waitFor();
      await checkScreen(page);
      await page.getByRole('link', { name: /Stop the raids/ }).click();
      await page.getByRole('heading', { name: 'Stop the raids', level: 1 }).waitFor();
      await page.getByText(w.started).waitFor();
      await checkScreen(page);
      if (lang === 'es') await shot(page, 'campaign');

      // Record the vote: the campaign moves to VOTED, and the timeline says so.
      await page.getByLabel(w.votesFor).fill('7');
      await page.getByLabel(w.votesAgainst).fill('2');
      await page.getByLabel(w.abstentions).fill('1');
      // A lost connection says so, and keeps the counts typed.
      await page.context().setOffline(true);
      await page.getByRole('button', { name: w.recordVote }).click();
      await page.getByRole('alert').filter({ hasText: w.offline }).waitFor();
      expect(await page.getByLabel(w.votesFor).inputValue()).toBe('7');
      await page.context().setOffline(false);
      await page.getByRole('button', { name: w.recordVote }).click();
      await page.getByText(w.introducedToVoted).waitFor();
      await page.locator('section[aria-labelledby="vote"]').getByText(w.voteResult).waitFor();
      const voted = await rig.t.db.query(
        'select stage, votes_for, votes_against, abstentions from campaign where id = $1',
        [s.campaign],
      );
      expect(voted.rows[0]).toEqual({ stage: 'VOTED', votes_for: 7, votes_against: 2, abstentions: 1 });

      // Advance to PASSED (more votes for than against).
      await page.getByRole('button', { name: w.passed, exact: true }).click();
      await page.getByRole('button', { name: w.moveToPassed }).click();
      await page.locator('.stage').filter({ hasText: w.passed }).waitFor();
      expect(
        (await rig.t.db.query('select stage from campaign where id = $1', [s.campaign])).rows[0].stage,
      ).toBe('PASSED');
      await checkScreen(page);
      expect(await page.locator('body').innerText()).not.toMatch(/Olga|Beto|@/);

      // Nothing this board member's screens asked for names or reaches a person.
      const asked = sent.filter((q) => q.name !== 'Me');
      expect(asked.map((q) => q.name)).toEqual(
        expect.arrayContaining(['BoardDashboard', 'CampaignsCampaign']),
      );
      expect(asked.map((q) => q.name)).not.toContain('CampaignsOrganizerWho');
      expect(
        asked.flatMap((q) => personalFields(q.query, ALLOWED_IN_BOARD).map((p) => `${q.name}: ${p}`)),
      ).toEqual([]);

      // An organizer's and a board member's Settings are under More: open them by their address.
      await signOutClean(page, w, rig.base);
    }, 120_000);

    it(`lets an organizer create a campaign, add and complete a milestone, link a petition, and see who moved each stage, in ${lang === 'es' ? 'Spanish' : 'English'}`, async () => {
      const w = WORDS[lang];
      const s = await seed(`${lang}, organizer`);
      const page = await phone(rig.browser, w.locale);
      if (lang === 'es') await page.setViewportSize(LAPTOP);
      await signIn(page, rig.base, s.organizer.email, w, { tabs: true });
      await page.goto(`${rig.base}/dashboard`);
      await page.getByRole('img', { name: w.supporter }).waitFor();
      await checkScreen(page);

      await page.goto(`${rig.base}/campaigns`);
      await page.getByRole('link', { name: w.newCampaign }).click();
      await page.getByLabel(w.title).fill('Deliver the petition');
      await page.getByLabel(w.resolution).fill('Resolved: the employer meets the committee.');
      await checkScreen(page);
      await page.getByRole('button', { name: w.create }).click();
      await page.getByRole('heading', { name: 'Deliver the petition', level: 1 }).waitFor();
      await page.getByText(w.started).waitFor();
      await page.getByText(w.by).waitFor();

      await page.getByLabel(w.newMilestone).fill('Deliver the petition');
      await page.getByRole('button', { name: w.addMilestone }).click();
      await page.getByRole('button', { name: w.markDone }).click();
      await page.locator('.milestones').getByText(w.doneOn).waitFor();
      const done = await rig.t.db.query(
        `select m.done_at from milestone m join campaign c on c.id = m.campaign_id where c.local_id = $1 and c.title = 'Deliver the petition'`,
        [s.local],
      );
      expect(done.rows).toHaveLength(1);
      expect(done.rows[0].done_at).not.toBeNull();

      await page.getByLabel(w.linkPetition).selectOption({ label: 'No ICE in the kitchen' });
      await page.getByRole('button', { name: w.link, exact: true }).click();
      await page.getByRole('img', { name: w.petition }).waitFor();
      await checkScreen(page);
      // An organizer's and a board member's Settings are under More: open them by their address.
      await signOutClean(page, w, rig.base);
    }, 120_000);
  }
  it('keeps the summary and a campaign within a 360 px phone at 200% text', async () => {
    const w = WORDS.es;
    const s = await seed('200%');
    const page = await largeTextPhone(rig.browser, w.locale);
    const overflow = () =>
      page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    await signIn(page, rig.base, s.board.email, w);
    await page.getByRole('img', { name: w.supporter }).waitFor();
    await settled(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto(`${rig.base}/campaigns/${s.campaign}`);
    await page.getByRole('heading', { name: 'Stop the raids', level: 1 }).waitFor();
    await settled(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.context().close();
  }, 120_000);
});
