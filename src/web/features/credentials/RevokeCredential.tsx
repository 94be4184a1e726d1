import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';

/** An officer's revocation of a credential by code, with the reason asked for first. */
export function RevokeCredential({ code, onRevoked }: { code: string; onRevoked: () => void }) {
  const { t } = useTranslation('credentials', { keyPrefix: 'revokeCredential' });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => unwrap(api.POST('/api/credentials/{code}/revoke', { params: { path: { code } }, body: { reason } })),
    onSuccess: () => {
      setOpen(false);
      setReason('');
      onRevoked();
    },
  });
  return (
    <>
      <Button color="red.9" variant="outline" size="md" onClick={() => setOpen(true)} aria-label={t('revokeNamed', { code })}>
        {t('revoke')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('title')}>
        <Stack>
          <Text>{t('intro')}</Text>
          <Textarea label={t('reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={500} />
          <ProblemAlert error={revoke.error} />
          <Group justify="end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('back')}
            </Button>
            <Button color="red.9" onClick={() => revoke.mutate()} loading={revoke.isPending} disabled={reason.trim().length < 3}>
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
