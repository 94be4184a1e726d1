import { ActionIcon, Button, Group, Select, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nameOf } from '../../reference';
import { useUnits } from '../org/queries';
import type { Role } from '../../session';

export const ROLES: Role[] = [
  'system_admin',
  'executive',
  'officer',
  'course_provider',
  'assessor',
  'fund_maker',
  'fund_checker',
  'fund_approver',
  'employer',
  'marketplace_partner',
  'citizen',
];
const WITHOUT_UNIT: Role[] = ['employer', 'marketplace_partner', 'citizen'];

export interface RoleRow {
  role: Role | null;
  unitCode: string | null;
  unitLabel?: string;
}

/** A unit picker that searches the server as you type. */
function UnitSelect({
  value,
  label,
  initialLabel,
  onChange,
  error,
  disabled,
}: {
  value: string | null;
  label: string;
  initialLabel?: string;
  onChange: (code: string | null, label?: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation(['users', 'common']);
  const [search, setSearch] = useState(initialLabel ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  const units = useUnits({ q: q || undefined, limit: 20, offset: 0 }, { enabled: !disabled });
  const options = (units.data?.items ?? []).map((u) => ({ value: u.code, label: nameOf(u, i18n.language) }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      label={label}
      description={t('unitHint')}
      placeholder={disabled ? t('noUnit') : undefined}
      data={options}
      value={value}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(code) => onChange(code, options.find((o) => o.value === code)?.label)}
      clearable
      disabled={disabled}
      error={error}
      nothingFoundMessage={units.isFetching ? t('common:common.loading') : '—'}
      miw={220}
      style={{ flex: 1 }}
    />
  );
}

/** Edits a list of role × unit assignments. Errors are keyed like the API's `roles[0].unitCode`. */
export function RolesEditor({ value, onChange, errors }: { value: RoleRow[]; onChange: (rows: RoleRow[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation(['users', 'common']);
  const update = (index: number, patch: Partial<RoleRow>) => onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs">
      {value.map((row, index) => (
        <Group key={index} align="start" wrap="wrap" gap="xs">
          <Select
            label={t('role')}
            data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            value={row.role}
            onChange={(role) => update(index, { role: role as Role | null, ...(role && WITHOUT_UNIT.includes(role as Role) ? { unitCode: null } : {}) })}
            error={errors[`roles[${index}]`] ?? errors[`roles[${index}].role`]}
            allowDeselect={false}
            miw={200}
          />
          <UnitSelect
            label={t('unit')}
            value={row.unitCode}
            initialLabel={row.unitLabel}
            disabled={row.role !== null && WITHOUT_UNIT.includes(row.role)}
            onChange={(unitCode, unitLabel) => update(index, { unitCode, unitLabel })}
            error={errors[`roles[${index}].unitCode`]}
          />
          {value.length > 1 && (
            <ActionIcon variant="subtle" color="red" mt={28} aria-label={t('removeRole')} onClick={() => onChange(value.filter((_, i) => i !== index))}>
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      <Button variant="light" size="compact-sm" w="fit-content" onClick={() => onChange([...value, { role: null, unitCode: null }])}>
        {t('addRole')}
      </Button>
    </Stack>
  );
}
