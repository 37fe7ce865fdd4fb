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
import { questionnaireCsv, questionnaireWorkbook, vsaqQuestions } from '../../../../test/support/vsaq.js';
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireUploadResult,
} from '../../../contracts/questionnaires.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('questionnaires over HTTP', () => {
  let t: TestApp;
  let manager: Session;
  let api: ReturnType<typeof apiClient>;
  const questions = ['Is data at rest encrypted?', ...vsaqQuestions().slice(0, 6), 'Var lagras vår data?'];

  async function upload(session: Session, name: string, type: string, body: Buffer) {
    const form = await multipartBody([['title', 'Acme supplier review']], { name, type, body });
    return t.app.inject({
      method: 'POST',
      url: '/api/questionnaires',
      payload: form.payload,
      headers: { ...sessionHeaders(session), ...form.headers },
    });
  }
  const count = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('questionnaires')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    t = await startTestApp();
    manager = await t.signIn('compliance-manager');
    api = apiClient(t, manager);
    const section = await api.expect<{ id: string }>(201, 'POST', '/api/faq/sections', {
      title: 'Security',
      language: 'en',
    });
    for (const [question, answer] of [
      ['Is customer data encrypted at rest?', 'Yes, every customer disk is encrypted at rest.'],
      ['Where is my data stored?', 'In Stockholm and Oslo; it never leaves the Nordics.'],
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

  test('bad files are refused with the reason and nothing is kept', async () => {
    const good = await questionnaireWorkbook(questions);
    const cases: [string, Buffer, RegExp][] = [
      ['renamed.xlsx', Buffer.from('%PDF-1.7 this is not a workbook'), /not an Excel workbook/],
      ['truncated.xlsx', good.subarray(0, 1000), /damaged|truncated/],
      ['latin1.csv', Buffer.from([0x71, 0x3b, 0xe5, 0x0a]), /not UTF-8/],
    ];
    for (const [name, body, message] of cases) {
      const res = await upload(manager, name, XLSX_TYPE, body);
      assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
      assert.match(res.json().error.message, message);
    }
    const huge = await upload(manager, 'huge.csv', 'text/csv', Buffer.alloc(10 * 1024 * 1024 + 10, 'a'));
    assert.equal(huge.statusCode, 413);
    assert.equal(await count(), 0);
    const viewer = await upload(await t.signIn('viewer'), 'q.xlsx', XLSX_TYPE, good);
    assert.equal(viewer.statusCode, 403);
  });

  test('upload, map, review, approve and export an XLSX questionnaire', async () => {
    const res = await upload(manager, 'acme.xlsx', XLSX_TYPE, await questionnaireWorkbook(questions));
    assert.equal(res.statusCode, 201, res.body);
    const uploaded = res.json() as QuestionnaireUploadResult;
    assert.equal(uploaded.questionnaire.status, 'mapping');
    assert.deepEqual(uploaded.sheets[0]?.columns, ['A', 'B', 'C', 'D']);
    const id = uploaded.questionnaire.id;
    const wrong = await api.call('POST', `/api/questionnaires/${id}/mapping`, {
      sheet: 'Questions',
      questionColumn: 'K',
      answerColumn: 'C',
      firstRow: 3,
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.json().error.message, /outside the used columns/);
    const mapped = await api.expect<Questionnaire>(200, 'POST', `/api/questionnaires/${id}/mapping`, {
      sheet: 'Questions',
      questionColumn: 'B',
      answerColumn: 'C',
      firstRow: 3,
    });
    assert.equal(mapped.progress.total, questions.length);
    // Mapping again is allowed until an answer is written or approved (refused with 409 after that:
    // questionnaire-workflow.routes.test.ts); the questions are read afresh, not added twice.
    const remapped = await api.expect<Questionnaire>(200, 'POST', `/api/questionnaires/${id}/mapping`, {
      sheet: 'Questions',
      questionColumn: 'B',
      answerColumn: 'C',
      firstRow: 3,
    });
    assert.equal(remapped.progress.total, questions.length);
    const items = await api.expect<{ items: QuestionnaireItem[] }>(
      200,
      'GET',
      `/api/questionnaires/${id}/items?pageSize=200`,
    );
    const first = items.items[0];
    assert.equal(first?.status, 'proposed');
    assert.equal(first?.proposedAnswer, 'Yes, every customer disk is encrypted at rest.');
    assert.equal(first?.sources[0]?.title, 'Is customer data encrypted at rest?');
    const proposed = await api.expect<{ total: number }>(
      200,
      'GET',
      `/api/questionnaires/${id}/items?status=proposed`,
    );
    assert.ok(proposed.total >= 2);

    await api.expect(200, 'POST', `/api/questionnaires/${id}/items/${first?.id}/approve`, {});
    const last = items.items.at(-1);
    const edited = await api.expect<QuestionnaireItem>(
      200,
      'PUT',
      `/api/questionnaires/${id}/items/${last?.id}/answer`,
      {
        answer: '=Stockholm and Oslo',
      },
    );
    assert.equal(edited.status, 'edited');
    const approved = await api.expect<QuestionnaireItem>(
      200,
      'POST',
      `/api/questionnaires/${id}/items/${last?.id}/approve`,
      {},
    );
    assert.equal(approved.approvedByName, 'Test compliance-manager');
    await api.expect(200, 'POST', `/api/questionnaires/${id}/items/${items.items[1]?.id}/not-applicable`);
    await api.expect(200, 'POST', `/api/questionnaires/${id}/proposals`);

    const file = await t.app.inject({
      method: 'GET',
      url: `/api/questionnaires/${id}/export`,
      headers: sessionHeaders(manager),
    });
    assert.equal(file.statusCode, 200);
    assert.match(file.headers['content-disposition'] ?? '', /acme \(answered\)\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file.rawPayload).buffer);
    const sheet = workbook.getWorksheet('Questions');
    assert.equal(sheet?.getCell('C3').value, 'Yes, every customer disk is encrypted at rest.');
    assert.equal(sheet?.getCell('C4').value, 'Not applicable');
    assert.equal(sheet?.getCell('C5').value, null, 'unapproved rows stay empty');
    const lastRow = 2 + questions.length;
    assert.equal(sheet?.getCell(`C${lastRow}`).value, '=Stockholm and Oslo');
    assert.equal(sheet?.getCell(`C${lastRow}`).type, ExcelJS.ValueType.String);
    assert.equal(sheet?.getRow(2).font?.bold, true);
    assert.equal(sheet?.getColumn(2).width, 80);
    assert.ok(workbook.getWorksheet('Instructions'));

    const actions = await auditActions(t);
    for (const a of [
      'questionnaire.uploaded',
      'questionnaire.mapped',
      'questionnaire.proposals-run',
      'questionnaire-item.edited',
      'questionnaire-item.approved',
      'questionnaire-item.not-applicable',
    ]) {
      assert.ok(actions.includes(a), a);
    }
  });

  test('a CSV questionnaire is filled in place, formula-safe', async () => {
    const res = await upload(manager, 'acme.csv', 'text/csv', questionnaireCsv(questions.slice(0, 2)));
    assert.equal(res.statusCode, 201, res.body);
    const id = (res.json() as QuestionnaireUploadResult).questionnaire.id;
    await api.expect(200, 'POST', `/api/questionnaires/${id}/mapping`, {
      sheet: 'CSV',
      questionColumn: 'B',
      answerColumn: 'C',
      firstRow: 2,
    });
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/questionnaires/${id}/export?includeProposed=true`,
      headers: sessionHeaders(manager),
    });
    assert.equal(file.statusCode, 200);
    assert.match(
      file.body,
      /^\ufeffID;Question;Answer\r\nQ1;Is data at rest encrypted\?;Yes, every customer disk is encrypted at rest\.\r\n/,
    );
  });
});
