import { Group, Select, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from './queries';
import { nameOf, useDistricts, useProvinces, useSubdistricts } from '../../reference';
import { parseThaiDate, toBuddhistYear } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';

/** '1985-03-05' → '05/03/2528', as Thai forms show dates. */
export const isoToThai = (iso: string | null | undefined) => {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${toBuddhistYear(Number(y))}`;
};

/**
 * A date typed in B.E. (วว/ดด/ปปปป), as people write it; `onChange` gets ISO (C.E.) or null while
 * incomplete. A year typed in C.E. is refused rather than stored 543 years off.
 */
export function ThaiDateInput({
  label,
  value,
  onChange,
  required,
  error,
  name,
}: {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  required?: boolean;
  error?: string;
  name?: string;
}) {
  const { t } = useTranslation('registry', { keyPrefix: 'fields' });
  const [text, setText] = useState(isoToThai(value));
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (value && parseThaiDate(text) !== value) setText(isoToThai(value));
    // Only an outside change of `value` resets the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const parsed = text.trim() ? parseThaiDate(text) : null;
  return (
    <TextInput
      label={label}
      name={name}
      description={t('dateHint')}
      placeholder="05/03/2528"
      inputMode="numeric"
      required={required}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(parseThaiDate(e.currentTarget.value));
      }}
      onBlur={() => setTouched(true)}
      error={error ?? (touched && text.trim() && !parsed ? t('badDate') : undefined)}
    />
  );
}

/** Province → district → sub-district, each a searchable list; `onChange` gets the sub-district code. */
export function AddressPicker({
  value,
  onChange,
  error,
  required,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation('registry', { keyPrefix: 'fields' });
  const lang = useLanguage();
  const provinces = useProvinces();
  const [province, setProvince] = useState<string | null>(value ? value.slice(0, 2) : null);
  const [district, setDistrict] = useState<string | null>(value ? value.slice(0, 4) : null);
  const districts = useDistricts(province);
  const subdistricts = useSubdistricts(district);
  const options = (items: { code: string; nameTh: string; nameEn: string }[] | undefined) =>
    (items ?? []).map((i) => ({ value: i.code, label: nameOf(i, lang) }));
  return (
    <Group grow align="start" wrap="wrap" gap="sm">
      <Select
        label={t('province')}
        placeholder={t('pick')}
        searchable
        required={required}
        data={options(provinces.data)}
        value={province}
        miw={180}
        // A missing address is said at the first box still empty, where the officer starts.
        error={!province ? error : undefined}
        onChange={(v) => {
          setProvince(v);
          setDistrict(null);
          onChange(null);
        }}
      />
      <Select
        label={t('district')}
        placeholder={t('pick')}
        searchable
        required={required}
        data={options(districts.data)}
        value={district}
        disabled={!province}
        miw={180}
        error={province && !district ? error : undefined}
        onChange={(v) => {
          setDistrict(v);
          onChange(null);
        }}
      />
      <Select
        label={t('subdistrict')}
        placeholder={t('pick')}
        searchable
        required={required}
        data={options(subdistricts.data)}
        value={value}
        disabled={!district}
        miw={180}
        onChange={(v) => onChange(v)}
        error={province && district ? error : undefined}
      />
    </Group>
  );
}

/** A person chosen by typing part of their name or their ID; answers while typing. */
export function PersonPicker({
  label,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation('registry', { keyPrefix: 'picker' });
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 200);
    return () => clearTimeout(timer);
  }, [search]);
  const found = usePeople({ q, limit: 10 }, { enabled: q.length >= 2 });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const data = [
    ...(chosen ? [chosen] : []),
    ...(found.data?.items ?? [])
      .filter((p) => String(p.id) !== chosen?.value)
      .map((p) => ({ value: String(p.id), label: `${p.firstNameTh} ${p.lastNameTh} · ${p.docNumberMasked}` })),
  ];
  return (
    <Select
      label={label}
      required={required}
      searchable
      clearable
      filter={({ options }) => options}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('nothing')}
      onChange={(v, option) => {
        setChosen(option ? { value: option.value, label: option.label } : null);
        onChange(v);
      }}
      error={error}
      miw={260}
    />
  );
}
