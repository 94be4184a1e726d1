import i18n from 'i18next';
import type { TFunction } from 'i18next';
import { Accordion, Alert, Badge, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { Fact } from '../../components/Fact';
import { useCurricula } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CURRICULUM_CATEGORIES, DELIVERY_MODES } from '../../../shared/training-categories';
import { useLanguage } from '../../i18n/language';
import { useAgencies, useTargetGroups } from '../../reference';

type Curriculum = components['schemas']['Curriculum'];
type Language = 'th' | 'en';

/** Words for a curriculum's rules, shared with the citizen's session page. */

/** Yellow's own dark shades fall below 4.5:1 on the light yellow background; brown-black passes. */
export const ASSUMED_STYLES = { title: { color: '#4a2c00' }, message: { color: '#212529' } };

const byCode = (list: readonly { code: string; th: string; en: string }[]) => new Map(list.map((x) => [x.code, x]));
const CATEGORIES = byCode(CURRICULUM_CATEGORIES);
const MODES = byCode(DELIVERY_MODES);

export const categoryName = (code: string, lang: Language) => CATEGORIES.get(code)?.[lang] ?? code;
export const modeName = (code: string, lang: Language) => MODES.get(code)?.[lang] ?? code;

/** "เข้าอบรมไม่น้อยกว่า 80% และคะแนนทดสอบหลังอบรม 60 ขึ้นไป" */
export function completionRule(c: Pick<Curriculum, 'minAttendancePercent' | 'minPostTestScore'>, lang: Language): string {
  return c.minPostTestScore === null
    ? i18n.t('training:rules.attendance', { lng: lang, p: c.minAttendancePercent })
    : i18n.t('training:rules.attendanceAndScore', { lng: lang, p: c.minAttendancePercent, s: c.minPostTestScore });
}

/** Who may apply: everyone, or the target groups by name; and the minimum age. */
export function WhoMayApply({ c, groupName }: { c: Pick<Curriculum, 'targetGroups' | 'minAge'>; groupName: (code: string) => string }) {
  const { t } = useTranslation('training', { keyPrefix: 'rules' });
  return (
    <>
      {c.targetGroups.length === 0 ? (
        <Text>{t('everyone')}</Text>
      ) : (
        <>
          <Text>{t('groups')}</Text>
          <List spacing={2}>
            {c.targetGroups.map((code) => (
              <List.Item key={code}>{groupName(code)}</List.Item>
            ))}
          </List>
        </>
      )}
      {c.minAge !== null && <Text mt={4}>{t('minAge', { n: c.minAge })}</Text>}
    </>
  );
}

/** Target groups' and agencies' names (public reference data, fetched once). */
export function useReferenceNames(lang: Language) {
  const groups = useTargetGroups();
  const agencies = useAgencies();
  const name = (item: { nameTh: string; nameEn: string } | undefined) => (item ? (lang === 'th' ? item.nameTh : item.nameEn) : undefined);
  return {
    groupName: (code: string) => name(groups.data?.find((g) => g.code === code)) ?? code,
    agencyName: (code: string) => name(agencies.data?.find((a) => a.code === code)) ?? code,
  };
}

export function CurriculaPage() {
  const { t } = useTranslation('training', { keyPrefix: 'curricula' });
  const lang = useLanguage();
  const curricula = useCurricula();
  const names = useReferenceNames(lang);
  const nameOfCode = new Map((curricula.data ?? []).map((c) => [c.code, lang === 'th' ? c.nameTh : c.nameEn]));

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <ProblemAlert error={curricula.error} />
      {curricula.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('loading')}</Text>
        </Group>
      )}
      {curricula.data && (
        <Stack maw={960}>
          <Text role="status">{curricula.data.length === 0 ? t('none') : t('count', { n: curricula.data.length })}</Text>
          <Accordion multiple variant="separated" order={2} chevronPosition="right">
            {curricula.data.map((c) => (
              <Accordion.Item key={c.code} value={c.code}>
                <Accordion.Control>
                  <Text fw={600} size="lg" lh={1.4}>
                    {lang === 'th' ? c.nameTh : c.nameEn}
                  </Text>
                  <Group gap={6} mt={4}>
                    <Badge variant="light" color="indigo" c="indigo.9" tt="none" size="lg">
                      {categoryName(c.category, lang)}
                    </Badge>
                    <Badge variant="light" color="gray" c="dark" tt="none" size="lg">
                      {t('hoursValue', { n: c.hours })}
                    </Badge>
                    {c.assumedFields.length > 0 && (
                      <Badge variant="filled" color="yellow" c="dark" tt="none" size="lg">
                        {t('assumed')}
                      </Badge>
                    )}
                    {c.status === 'retired' && (
                      <Badge variant="filled" color="gray.7" tt="none" size="lg">
                        {t('retired')}
                      </Badge>
                    )}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <CurriculumDetails c={c} t={t} lang={lang} names={names} nameOfCode={nameOfCode} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      )}
    </>
  );
}

type Words = TFunction<'training', 'curricula'>;

function CurriculumDetails({
  c,
  t,
  lang,
  names,
  nameOfCode,
}: {
  c: Curriculum;
  t: Words;
  lang: Language;
  names: ReturnType<typeof useReferenceNames>;
  nameOfCode: Map<string, string>;
}) {
  const { t: words } = useTranslation('training');
  const provider = `${names.agencyName(c.providerAgencyCode)}${c.providerPartner ? ` ${t('partner', { p: c.providerPartner })}` : ''}`;
  return (
    <Stack gap="md">
      {lang === 'en' || c.nameEn === c.nameTh ? null : (
        <Text lang="en" c="dimmed">
          {c.nameEn}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Fact label={t('provider')}>{provider}</Fact>
        <Fact label={t('category')}>{categoryName(c.category, lang)}</Fact>
        <Fact label={t('mode')}>{modeName(c.mode, lang)}</Fact>
        <Fact label={t('hours')}>{t('hoursValue', { n: c.hours })}</Fact>
        <Fact label={t('rule')}>{completionRule(c, lang)}</Fact>
        <Fact label={t('code')}>{c.code}</Fact>
      </SimpleGrid>

      <div>
        <Title order={3} size="h5" mb={4}>
          {t('topics')}
        </Title>
        <List spacing={4}>
          {c.topics.map((topic) => (
            <List.Item key={topic.en}>
              {lang === 'th' ? topic.th : topic.en}{' '}
              <Text span c="dimmed">
                ({t('topicHours', { n: topic.hours })})
              </Text>
            </List.Item>
          ))}
        </List>
      </div>

      <div>
        <Title order={3} size="h5" mb={4}>
          {t('forWhom')}
        </Title>
        <WhoMayApply c={c} groupName={names.groupName} />
        {c.prerequisites.length > 0 && (
          <Text>
            {t('prerequisites')}: {c.prerequisites.map((code) => nameOfCode.get(code) ?? code).join(', ')}
          </Text>
        )}
      </div>

      <div>
        <Title order={3} size="h5" mb={4}>
          {t('units')}
        </Title>
        {c.competencyUnits.length === 0 ? (
          <Text>{t('noUnits')}</Text>
        ) : (
          <List spacing={4}>
            {c.competencyUnits.map((unit) => (
              <List.Item key={unit}>{unit}</List.Item>
            ))}
          </List>
        )}
      </div>

      {c.assumedFields.length > 0 && (
        <Alert color="yellow" variant="light" title={t('assumed')} styles={ASSUMED_STYLES}>
          <Text size="sm">{t('assumedIntro')}</Text>
          <List size="sm" spacing={2} mt={4}>
            {c.assumedFields.map((field) => (
              <List.Item key={field}>{words(`assumedFields.${field}` as 'assumedFields.mode', { defaultValue: field })}</List.Item>
            ))}
          </List>
          {c.sourceNote && (
            <Text size="sm" mt="xs">
              {t('source')}: <span lang="en">{c.sourceNote}</span>
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
