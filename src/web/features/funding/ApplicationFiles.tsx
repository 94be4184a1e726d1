import { Anchor, FileInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useFundingRefresh, type Application } from './queries';

/**
 * The documents uploaded with an application, each opened as uploaded; while the application is
 * submitted or returned, its applicant (or the office) adds more: PDF, JPEG or PNG up to 10 MB.
 */
export function ApplicationFiles({ application: a, canUpload }: { application: Application; canUpload: boolean }) {
  const { t } = useTranslation('funding', { keyPrefix: 'files' });
  const { number, dateTime } = useFormat();
  const refresh = useFundingRefresh();
  const upload = useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/funding/applications/{id}/files', {
          params: { path: { id: a.id }, query: { name: file.name } },
          // The server knows the type by the file's first bytes; the body is the file itself.
          body: file as never,
          bodySerializer: (body: unknown) => body as Blob,
          headers: { 'content-type': 'application/octet-stream' },
        }),
      ),
    onSuccess: () => refresh.application(a.id, a.fundId),
  });
  const open = canUpload && (a.status === 'submitted' || a.status === 'returned');
  if (!open && a.files.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="files">
      <Title order={2} size="h4" id="files" mb="sm">
        {t('title')}
      </Title>
      <Stack gap="xs">
        {a.files.length === 0 && <Text>{t('none')}</Text>}
        {a.files.map((f) => (
          <Text key={f.id} size="sm" data-testid={`file-${f.id}`}>
            <Anchor href={`/api/funding/applications/${a.id}/files/${f.id}`} target="_blank" rel="noopener">
              {f.name}
            </Anchor>{' '}
            · {t('size', { kb: number(Math.ceil(f.sizeBytes / 1024)) })} · {dateTime(f.uploadedAt)}
          </Text>
        ))}
        {open && (
          <FileInput
            label={t('add')}
            description={t('hint')}
            accept="application/pdf,image/jpeg,image/png"
            value={null}
            onChange={(file) => file && upload.mutate(file)}
            disabled={upload.isPending}
            clearable={false}
          />
        )}
        <ProblemAlert error={upload.error} />
      </Stack>
    </Paper>
  );
}
