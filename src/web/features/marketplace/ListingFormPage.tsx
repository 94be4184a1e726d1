import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/language';
import { bahtToSatang, satangToBaht } from '../../../shared/money';
import { useGroupProducts, useListing, useMarketplaceRefresh } from './queries';
import { MARKS } from './words';

type Mark = (typeof MARKS)[number];
const blank = (s: string) => (s.trim() ? s.trim() : null);
const whole = (v: number | string) => (v === '' ? null : Number(v));

/**
 * A listing proposed by a group's leader on her phone (or an officer), or changed after it was
 * returned (`/marketplace/listings/:id/edit`, which sends it to be checked again): the product,
 * Thai and English text, the price in baht (sent as satang), the marks it claims (only those the
 * product holds today are offered), stock and package for the channels, and the group's contact.
 */
export function ListingFormPage() {
  const params = useParams();
  const editing = params.listingId ? Number(params.listingId) : null;
  const existing = useListing(editing ?? 0);
  const groupId = editing ? (existing.data?.groupId ?? 0) : Number(params.id);
  const { t } = useTranslation('marketplace', { keyPrefix: 'form' });
  const { t: w } = useTranslation('marketplace', { keyPrefix: 'words' });
  const lang = useLanguage();
  const navigate = useNavigate();
  const refresh = useMarketplaceRefresh();
  const products = useGroupProducts(groupId);
  const [productId, setProductId] = useState<string | null>(null);
  const [titleTh, setTitleTh] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [descriptionTh, setDescriptionTh] = useState('');
  const [descriptionEn, setDescriptionEn] = useState('');
  const [price, setPrice] = useState('');
  const [marks, setMarks] = useState<Mark[]>([]);
  const [stock, setStock] = useState<number | string>('');
  const [weight, setWeight] = useState<number | string>('');
  const [size, setSize] = useState<(number | string)[]>(['', '', '']);
  const [phone, setPhone] = useState('');
  const [lineId, setLineId] = useState('');

  useEffect(() => {
    const l = existing.data;
    if (!editing || !l) return;
    setProductId(String(l.productId));
    setTitleTh(l.titleTh);
    setTitleEn(l.titleEn ?? '');
    setDescriptionTh(l.descriptionTh);
    setDescriptionEn(l.descriptionEn ?? '');
    setPrice(satangToBaht(l.priceSatang));
    setMarks(l.requiredMarks as Mark[]);
    setStock(l.stock ?? '');
    setWeight(l.packageWeightGrams ?? '');
    setSize(l.packageCm ?? ['', '', '']);
    setPhone(l.contactPhone ?? '');
    setLineId(l.lineId ?? '');
  }, [editing, existing.data]);

  const product = products.data?.find((p) => String(p.id) === productId);
  const priceSatang = useMemo(() => {
    try {
      return price.trim() ? bahtToSatang(price) : null;
    } catch {
      return null;
    }
  }, [price]);
  const fields = () => ({
    titleTh: titleTh.trim(),
    titleEn: blank(titleEn),
    descriptionTh: descriptionTh.trim(),
    descriptionEn: blank(descriptionEn),
    ...(priceSatang !== null ? { priceSatang } : {}),
    requiredMarks: marks,
    stock: whole(stock),
    packageWeightGrams: whole(weight),
    packageCm: size.every((v) => v !== '') ? size.map(Number) : null,
    contactPhone: blank(phone),
    lineId: blank(lineId),
  });
  const save = useMutation({
    mutationFn: () =>
      editing
        ? unwrap(api.PATCH('/api/marketplace/listings/{id}', { params: { path: { id: editing } }, body: fields() }))
        : unwrap(api.POST('/api/marketplace/listings', { body: { productId: Number(productId), ...fields() } })),
    onSuccess: async (l) => {
      await refresh.listing(l.id, l.groupId);
      navigate(`/marketplace/listings/${l.id}`);
    },
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  const offered = (product?.marks ?? []).filter((m): m is Mark => (MARKS as readonly string[]).includes(m));

  return (
    <>
      <PageHeader title={editing ? t('editTitle') : t('title')} intro={t('intro')} />
      <Paper withBorder p="md" maw={720}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <ProblemAlert error={products.error ?? existing.error} />
            <Select
              label={t('product')}
              data={(products.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              value={productId}
              onChange={(v) => {
                setProductId(v);
                const p = products.data?.find((x) => String(x.id) === v);
                if (p && !editing) {
                  if (!titleTh) setTitleTh(p.name);
                  if (!price) setPrice(satangToBaht(p.unitPriceSatang));
                  setMarks([]);
                }
              }}
              disabled={Boolean(editing)}
              required
              error={errors.productId}
              nothingFoundMessage={t('noProducts')}
            />
            <TextInput
              label={t('titleTh')}
              value={titleTh}
              onChange={(e) => setTitleTh(e.currentTarget.value)}
              required
              maxLength={200}
              error={errors.titleTh}
            />
            <TextInput
              label={t('titleEn')}
              lang="en"
              value={titleEn}
              onChange={(e) => setTitleEn(e.currentTarget.value)}
              maxLength={200}
              error={errors.titleEn}
            />
            <Textarea
              label={t('descriptionTh')}
              value={descriptionTh}
              onChange={(e) => setDescriptionTh(e.currentTarget.value)}
              required
              autosize
              minRows={3}
              error={errors.descriptionTh}
            />
            <Textarea
              label={t('descriptionEn')}
              lang="en"
              value={descriptionEn}
              onChange={(e) => setDescriptionEn(e.currentTarget.value)}
              autosize
              minRows={2}
              error={errors.descriptionEn}
            />
            <TextInput
              label={t('price')}
              description={t('priceHint')}
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.currentTarget.value)}
              required
              error={(price.trim() && priceSatang === null ? t('badAmount') : undefined) ?? errors.priceSatang}
            />
            <Checkbox.Group
              label={t('marks')}
              description={offered.length ? t('marksHint') : t('noMarks')}
              value={marks}
              onChange={(v) => setMarks(v as Mark[])}
              error={errors.requiredMarks}
            >
              <Group mt="xs">
                {offered.map((m) => (
                  <Checkbox key={m} value={m} label={w(`mark.${m}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <NumberInput label={t('stock')} min={0} allowDecimal={false} value={stock} onChange={setStock} error={errors.stock} />
              <NumberInput label={t('weight')} min={1} allowDecimal={false} value={weight} onChange={setWeight} error={errors.packageWeightGrams} />
            </SimpleGrid>
            <Text size="sm" fw={500}>
              {t('package')}
            </Text>
            <SimpleGrid cols={3}>
              {(['length', 'width', 'height'] as const).map((d, i) => (
                <NumberInput
                  key={d}
                  label={t(d)}
                  min={1}
                  allowDecimal={false}
                  value={size[i]}
                  onChange={(v) => setSize((s) => s.map((x, j) => (j === i ? v : x)))}
                  error={i === 0 ? errors.packageCm : undefined}
                />
              ))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('phone')}
                type="tel"
                inputMode="tel"
                value={phone}
                onChange={(e) => setPhone(e.currentTarget.value)}
                error={errors.contactPhone}
              />
              <TextInput label={t('lineId')} value={lineId} onChange={(e) => setLineId(e.currentTarget.value)} error={errors.lineId} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('contactHint')}
            </Text>
            <ProblemAlert error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!productId || !titleTh.trim() || !descriptionTh.trim() || priceSatang === null}>
                {editing ? t('resubmit') : t('submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
