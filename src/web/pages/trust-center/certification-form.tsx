import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Certification } from '../../../contracts/trust-center.js';
import { useChange } from '../../api/change.js';
import { fieldErrors } from '../../api/client.js';
import { trustApi, trustKeys } from '../../api/trust-center.js';
import { useTrustDocuments } from '../../api/trust-documents.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';

export const certificationStatusLabels: Record<Certification['status'], string> = {
  certified: 'Certified',
  'in-progress': 'In progress',
  planned: 'Planned',
};
const statuses = Object.keys(certificationStatusLabels) as Certification['status'][];

interface Values {
  name: string;
  status: Certification['status'];
  targetQuarter: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
  certificateDocumentId: string | null;
}

const initial = (c: Certification | null): Values => ({
  name: c?.name ?? '',
  status: c?.status ?? 'certified',
  targetQuarter: c?.targetQuarter ?? '',
  issuer: c?.issuer ?? '',
  issuedOn: c?.issuedOn ?? '',
  expiresOn: c?.expiresOn ?? '',
  certificateDocumentId: c?.certificateDocument?.id ?? null,
});

/**
 * One form to list or change a certification. A certified claim is published only with its certificate attached:
 * an uploaded trust document, which visitors can obtain at its access level.
 */
export function CertificationModal({
  certification,
  onClose,
}: {
  certification: Certification | null;
  onClose: () => void;
}) {
  const [v, setV] = useState<Values>(() => initial(certification));
  const documents = useTrustDocuments();
  const certificates = (documents.data?.items ?? [])
    .filter((d) => d.source === 'upload')
    .map((d) => ({ value: d.id, label: `${d.title}${d.published ? '' : ' (not published)'}` }));
  const save = useChange(
    () =>
      trustApi.saveCertification(certification?.id, {
        name: v.name.trim(),
        frameworkId: certification?.frameworkId ?? null,
        status: v.status,
        targetQuarter: v.targetQuarter || null,
        issuer: v.issuer,
        issuedOn: v.issuedOn || null,
        expiresOn: v.expiresOn || null,
        position: certification?.position ?? 0,
        certificateDocumentId: v.certificateDocumentId,
      }),
    () => [trustKeys.certifications, trustKeys.claims],
    {
      onSuccess: () => {
        notifySuccess(certification ? 'Certification saved' : 'Certification added');
        onClose();
      },
    },
  );
  const errors = fieldErrors(save.error);
  const text = (key: 'name' | 'targetQuarter' | 'issuer' | 'issuedOn' | 'expiresOn') => ({
    value: v[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [key]: e.currentTarget.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={certification ? `Edit ${certification.name}` : 'Add certification'}
    >
      <form onSubmit={submit}>
        <Stack>
          <FormAlert error={save.error} />
          <TextInput label="Name" required data-autofocus {...text('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Status"
              data={statuses.map((s) => ({ value: s, label: certificationStatusLabels[s] }))}
              value={v.status}
              allowDeselect={false}
              onChange={(s) => setV({ ...v, status: statuses.find((x) => x === s) ?? 'certified' })}
            />
            <TextInput label="Target quarter" placeholder="2027-Q2" {...text('targetQuarter')} />
            <TextInput label="Issuer" {...text('issuer')} />
            <TextInput label="Issued on" placeholder="YYYY-MM-DD" {...text('issuedOn')} />
            <TextInput label="Expires on" placeholder="YYYY-MM-DD" {...text('expiresOn')} />
          </SimpleGrid>
          <Select
            label="Certificate document"
            description="Upload the certificate under Documents first; without it a certified claim is withheld."
            placeholder="No certificate attached"
            data={certificates}
            value={v.certificateDocumentId}
            clearable
            searchable
            error={errors.certificateDocumentId}
            onChange={(id) => setV({ ...v, certificateDocumentId: id })}
          />
          <FormFooter busy={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
