import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';
import { questionnaireWorkbook } from '../../../../test/support/vsaq.js';
import type { Page } from '../../../contracts/paging.js';
import type {
  BulkApproveResult,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireUploadResult,
} from '../../../contracts/questionnaires.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TOPICS = [
  'Is customer data encrypted at rest',
  'Where is customer data stored',
  'How many parking spaces does the office have',
];
/** 2,000 questions: every third one has no answer in the FAQ, so it stays unanswered. */
const bigQuestions = Array.from({ length: 2000 }, (_, i) => `${TOPICS[i % 3]} (question ${i + 1})?`);

describe('questionnaire workflow over HTTP: paging, bulk approval, re-mapping, renaming, deleting', () => {
  let t: TestApp;
  let manager: Session;
  let api: ReturnType<typeof apiClient>;

  async function upload(name: string, body: Buffer): Promise<QuestionnaireUploadResult> {
    const form = await multipartBody([], { name, type: XLSX_TYPE, body });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/questionnaires',
      payload: form.payload,
      headers: { ...sessionHeaders(manager), ...form.headers },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  }
  const mapping = { sheet: 'Questions', questionColumn: 'B', answerColumn: 'C', firstRow: 3 };

  before(async () => {
    t = await startTestApp();
    manager = await t.signIn('compliance-manager');
    api = apiClient(t, manager);
    const section = await api.expect<{ id: string }>(201, 'POST', '/api/faq/sections', { title: 'Security' });
    for (const [question, answer] of [
      ['Is customer data encrypted at rest?', 'Yes, every customer disk is encrypted at rest.'],
      ['Where is customer data stored?', 'In Stockholm and Oslo; it never leaves the Nordics.'],
    ]) {
      await api.expect(201, 'POST', '/api/faq/entries', {
        sectionId: section.id,
        question,
        answer,
        published: true,
      });
    }
  });
  after(() => t.close());

  test('a 2,000-question workbook: the last item is reachable, approvable and exported', async () => {
    const { questionnaire } = await upload('big.xlsx', await questionnaireWorkbook(bigQuestions));
    const id = questionnaire.id;
    const mapped = await api.expect<Questionnaire>(200, 'POST', `/api/questionnaires/${id}/mapping`, mapping);
    assert.equal(mapped.progress.total, 2000);

    const lastPage = await api.expect<Page<QuestionnaireItem>>(
      200,
      'GET',
      `/api/questionnaires/${id}/items?page=10&pageSize=200`,
    );
    assert.equal(lastPage.total, 2000);
    const last = lastPage.items.at(-1);
    assert.equal(last?.row, 2002);
    assert.equal(last?.question, 'Where is customer data stored (question 2000)?');
    assert.equal(last?.status, 'proposed');

    // Approve every proposed item on every page at once: the 2,000th is among them.
    const bulk = await api.expect<BulkApproveResult>(200, 'POST', `/api/questionnaires/${id}/items/approve`, {
      filter: { status: 'proposed' },
    });
    const expected = bigQuestions.filter((_, i) => i % 3 !== 2).length;
    assert.deepEqual(bulk, { approved: expected, skipped: 0 });
    const after = await api.expect<Questionnaire>(200, 'GET', `/api/questionnaires/${id}`);
    assert.equal(after.progress.approved, expected);
    assert.equal(after.progress.proposed, 0);
    const unanswered = await api.expect<Page<QuestionnaireItem>>(
      200,
      'GET',
      `/api/questionnaires/${id}/items?status=unanswered&page=4&pageSize=200`,
    );
    assert.equal(unanswered.total, 2000 - expected);
    assert.equal(unanswered.items.at(-1)?.row, 2000, 'the last unanswered row is on the last filtered page');

    // Selected items on a late page: one without an answer is skipped, not approved empty.
    const listed = await api.expect<BulkApproveResult>(
      200,
      'POST',
      `/api/questionnaires/${id}/items/approve`,
      {
        itemIds: [unanswered.items.at(-1)?.id],
      },
    );
    assert.deepEqual(listed, { approved: 0, skipped: 1 });
    await api.expect(400, 'POST', `/api/questionnaires/${id}/items/approve`, {
      itemIds: ['00000000-0000-4000-8000-000000000000'],
    });

    const file = await t.app.inject({
      method: 'GET',
      url: `/api/questionnaires/${id}/export`,
      headers: sessionHeaders(manager),
    });
    assert.equal(file.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file.rawPayload).buffer);
    const sheet = workbook.getWorksheet('Questions');
    assert.equal(sheet?.getCell('C2002').value, 'In Stockholm and Oslo; it never leaves the Nordics.');
    assert.equal(sheet?.getCell('C2000').value, null, 'an unanswered row stays empty');
    assert.ok((await auditActions(t)).includes('questionnaire.bulk-approved'));
  });

  test('an unmapped questionnaire is mapped later, re-mapped until an answer is decided, renamed and deleted', async () => {
    const { questionnaire } = await upload(
      'acme.xlsx',
      await questionnaireWorkbook(bigQuestions.slice(0, 4)),
    );
    const id = questionnaire.id;
    // Later: the preview is read again and the mapping made from the questionnaire's own page.
    const preview = await api.expect<{ name: string }[]>(200, 'GET', `/api/questionnaires/${id}/preview`);
    assert.deepEqual(
      preview.map((s) => s.name),
      ['Questions', 'Instructions'],
    );
    const wrong = await api.expect<Questionnaire>(200, 'POST', `/api/questionnaires/${id}/mapping`, {
      ...mapping,
      firstRow: 2,
    });
    assert.equal(wrong.progress.total, 5, 'the header row was taken for a question');
    const remapped = await api.expect<Questionnaire>(
      200,
      'POST',
      `/api/questionnaires/${id}/mapping`,
      mapping,
    );
    assert.equal(remapped.progress.total, 4);
    assert.equal(remapped.firstRow, 3);

    const items = await api.expect<Page<QuestionnaireItem>>(200, 'GET', `/api/questionnaires/${id}/items`);
    await api.expect(200, 'POST', `/api/questionnaires/${id}/items/${items.items[0]?.id}/approve`, {});
    const refused = await api.call('POST', `/api/questionnaires/${id}/mapping`, { ...mapping, firstRow: 4 });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.message, /1 answers are already written, approved or set aside/);
    assert.equal(
      (await api.expect<Questionnaire>(200, 'GET', `/api/questionnaires/${id}`)).progress.total,
      4,
    );

    const renamed = await api.expect<Questionnaire>(200, 'PATCH', `/api/questionnaires/${id}`, {
      title: 'Acme 2027 review',
    });
    assert.equal(renamed.title, 'Acme 2027 review');
    await api.expect(400, 'PATCH', `/api/questionnaires/${id}`, { title: '  ' });
    await api.expect(400, 'PATCH', `/api/questionnaires/${id}`, {});
    assert.equal(renamed.includeInternalSources, false, 'internal sources are left out by default');
    const opened = await api.expect<Questionnaire>(200, 'PATCH', `/api/questionnaires/${id}`, {
      includeInternalSources: true,
    });
    assert.equal(opened.includeInternalSources, true);
    assert.equal(opened.title, 'Acme 2027 review');
    await api.expect(409, 'PATCH', `/api/questionnaires/${id}`, { includeInternalSources: true });
    const viewer = apiClient(t, await t.signIn('viewer'));
    await viewer.expect(403, 'DELETE', `/api/questionnaires/${id}`);
    await api.expect(204, 'DELETE', `/api/questionnaires/${id}`);
    await api.expect(404, 'GET', `/api/questionnaires/${id}`);
    const left = await t.handle.db
      .selectFrom('questionnaire_items')
      .select('id')
      .where('questionnaire_id', '=', id)
      .execute();
    assert.equal(left.length, 0);
    const actions = await auditActions(t);
    for (const a of ['questionnaire.renamed', 'questionnaire.sources-changed', 'questionnaire.deleted'])
      assert.ok(actions.includes(a), a);
  });
});
