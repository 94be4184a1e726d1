import { Button, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { bahtToSatang } from '../../../shared/money';
import { ThaiDateInput } from '../registry/fields';
import { useFundingRefresh, type Contact, type Loan } from './queries';
import { useBaht } from './words';

type Method = Contact['method'];
type Outcome = Contact['outcome'];
const METHODS: Method[] = ['call', 'visit', 'message'];
const OUTCOMES: Outcome[] = ['reached', 'no-answer', 'promised', 'refused', 'paid'];
/** Baht typed by the officer in satang; -1 (refused by the server, with the field named) when it is not an amount. */
const satangOrInvalid = (text: string) => {
  try {
    return bahtToSatang(text);
  } catch {
    return -1;
  }
};
const todayInBangkok = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());

/** One contact as a line: date, how, outcome and any promise to pay. */
export function useContactLine() {
  const { t } = useTranslation('funding', { keyPrefix: 'collection' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const { date } = useFormat();
  const baht = useBaht();
  return (c: Contact) => {
    const line = t('contactLine', { date: date(c.contactedOn), method: w(`contactMethod.${c.method}`), outcome: w(`contactOutcome.${c.outcome}`) });
    if (!c.promisedOn) return line;
    const promise =
      c.promisedAmountSatang === null
        ? t('promisedNoAmount', { date: date(c.promisedOn) })
        : t('promised', { amount: baht(c.promisedAmountSatang), date: date(c.promisedOn) });
    return `${line} · ${promise}`;
  };
}

/**
 * A loan's collection: the reminders written for it (in the reader's language, with whether they
 * were sent) and, for the fund's office, its contacts with the group and a form to record one.
 */
export function LoanCollection({ loan: l, office }: { loan: Loan; office: boolean }) {
  const { t } = useTranslation('funding', { keyPrefix: 'collection' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const lang = useLanguage();
  const { date } = useFormat();
  const contactLine = useContactLine();
  if (l.reminders.length === 0 && l.contacts.length === 0 && !(office && l.status === 'active')) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="collection">
      <Title order={2} size="h4" id="collection" mb="sm">
        {t('title')}
      </Title>
      <Stack>
        <Title order={3} size="h5">
          {t('reminders')}
        </Title>
        {l.reminders.length === 0 && <Text>{t('noReminders')}</Text>}
        {l.reminders.map((r) => (
          <div key={r.id} data-testid={`reminder-${r.id}`}>
            <Text size="sm" fw={600}>
              {t('reminderOf', {
                kind: w(`reminderKind.${r.kind}`),
                number: r.instalmentNumber,
                date: date(r.dueOn),
                status: w(`reminderStatus.${r.status}`),
              })}
            </Text>
            <Text size="sm">{lang === 'th' ? r.messageTh : r.messageEn}</Text>
          </div>
        ))}
        {office && (
          <>
            <Title order={3} size="h5">
              {t('contacts')}
            </Title>
            {l.contacts.length === 0 && <Text>{t('noContacts')}</Text>}
            {l.contacts.map((c) => (
              <div key={c.id} data-testid={`contact-${c.id}`}>
                <Text size="sm">{contactLine(c)}</Text>
                {c.note && (
                  <Text size="sm" c="dimmed">
                    {c.note}
                  </Text>
                )}
              </div>
            ))}
            {l.status === 'active' && <RecordContact loan={l} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function RecordContact({ loan: l }: { loan: Loan }) {
  const { t } = useTranslation('funding', { keyPrefix: 'collection' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const lang = useLanguage();
  const refresh = useFundingRefresh();
  const [method, setMethod] = useState<Method>('call');
  const [outcome, setOutcome] = useState<Outcome>('reached');
  const [contactedOn, setContactedOn] = useState<string | null>(todayInBangkok());
  const [promisedOn, setPromisedOn] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const promised = outcome === 'promised';
  const save = useMutation({
    mutationFn: () => {
      const promisedAmountSatang = promised && amount.trim() ? satangOrInvalid(amount) : null;
      return unwrap(
        api.POST('/api/funding/loans/{id}/contacts', {
          params: { path: { id: l.id } },
          body: {
            method,
            outcome,
            contactedOn: contactedOn ?? '',
            promisedOn: promised ? (promisedOn ?? '') : null,
            promisedAmountSatang,
            note: note.trim() || null,
          },
        }),
      );
    },
    onSuccess: () => {
      setNote('');
      setAmount('');
      setPromisedOn(null);
      return refresh.money(l.fundId, l.id);
    },
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  return (
    <Stack gap="sm" data-testid="record-contact">
      <Title order={3} size="h5">
        {t('record')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('method')}
          data={METHODS.map((m) => ({ value: m, label: w(`contactMethod.${m}`) }))}
          value={method}
          onChange={(v) => setMethod((v as Method) ?? 'call')}
          allowDeselect={false}
        />
        <Select
          label={t('outcome')}
          data={OUTCOMES.map((o) => ({ value: o, label: w(`contactOutcome.${o}`) }))}
          value={outcome}
          onChange={(v) => setOutcome((v as Outcome) ?? 'reached')}
          allowDeselect={false}
        />
        <ThaiDateInput label={t('contactedOn')} value={contactedOn} onChange={setContactedOn} required error={errors.contactedOn} />
        {promised && <ThaiDateInput label={t('promisedOn')} value={promisedOn} onChange={setPromisedOn} required error={errors.promisedOn} />}
        {promised && (
          <TextInput
            label={t('promisedAmount')}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.promisedAmountSatang}
          />
        )}
        <TextInput label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
      </SimpleGrid>
      <div>
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {t('save')}
        </Button>
      </div>
      <ProblemAlert error={save.error} />
    </Stack>
  );
}
