import { Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useChange } from '../../api/change.js';
import { fieldErrors } from '../../api/client.js';
import { type FaqSection, trustApi, trustKeys, useFaqSections } from '../../api/trust-center.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';

/** The languages of the app and the trust center (DESIGN: English, Swedish, Norwegian Bokmål). */
const faqLanguages = [
  { value: 'en', label: 'English (en)' },
  { value: 'sv', label: 'Swedish (sv)' },
  { value: 'nb', label: 'Norwegian Bokmål (nb)' },
];

type Section = FaqSection;

function NewSection() {
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState('en');
  const add = useChange(
    () => trustApi.addFaqSection({ title, language }),
    () => [trustKeys.faqSections],
    {
      onSuccess: () => {
        notifySuccess('Section added');
        setTitle('');
      },
      onError: notifyError,
    },
  );
  const errors = fieldErrors(add.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Group align="flex-end">
        <TextInput
          label="New section"
          value={title}
          error={errors.title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Select
          label="Language"
          w={170}
          data={faqLanguages}
          value={language}
          allowDeselect={false}
          error={errors.language}
          onChange={(v) => v && setLanguage(v)}
        />
        <Button type="submit" variant="light" loading={add.isPending} disabled={!title.trim()}>
          Add section
        </Button>
      </Group>
    </form>
  );
}

function NewEntry({ sections }: { sections: Section[] }) {
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const add = useChange(
    () => trustApi.addFaqEntry({ sectionId, question, answer }),
    () => [trustKeys.faqEntries],
    {
      onSuccess: () => {
        notifySuccess('Question added');
        setQuestion('');
        setAnswer('');
      },
      onError: notifyError,
    },
  );
  const errors = fieldErrors(add.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Stack>
        <Select
          label="Section"
          data={sections.map((s) => ({ value: s.id, label: `${s.title} (${s.language})` }))}
          value={sectionId}
          onChange={setSectionId}
          error={errors.sectionId}
        />
        <TextInput
          label="Question"
          value={question}
          error={errors.question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
        />
        <Textarea
          label="Answer (Markdown)"
          autosize
          minRows={3}
          value={answer}
          error={errors.answer}
          onChange={(e) => setAnswer(e.currentTarget.value)}
        />
        <Button
          type="submit"
          w="fit-content"
          loading={add.isPending}
          disabled={!sectionId || !question.trim()}
        >
          Add question
        </Button>
      </Stack>
    </form>
  );
}

/** Adding sections and questions by hand, next to importing them from Hugo. */
export function NewFaqContent() {
  const sections = useFaqSections();
  return (
    <Card withBorder padding="lg" mt="md" id="faq-add">
      <Title order={2} size="h4" mb="sm">
        Add to the FAQ
      </Title>
      <Stack>
        <NewSection />
        <NewEntry sections={sections.data?.items ?? []} />
      </Stack>
    </Card>
  );
}
