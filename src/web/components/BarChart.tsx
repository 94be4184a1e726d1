import { Table, Text } from '@mantine/core';
import type { ECharts } from 'echarts/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { ScrollTable } from './ScrollTable';

let echartsLoaded: Promise<typeof import('echarts/core')> | null = null;
/**
 * ECharts with only what a bar chart needs, loaded when the first chart is drawn: it stays out of
 * the bundle every page loads (a phone on a slow line pays for it only where a chart is shown).
 */
function loadECharts() {
  echartsLoaded ??= Promise.all([
    import('echarts/core'),
    import('echarts/charts').then(({ BarChart }) => [BarChart]),
    import('echarts/components').then(({ GridComponent, TooltipComponent, LegendComponent, AriaComponent }) => [
      GridComponent,
      TooltipComponent,
      LegendComponent,
      AriaComponent,
    ]),
    import('echarts/renderers').then(({ SVGRenderer }) => [SVGRenderer]),
  ]).then(([core, ...parts]) => {
    core.use(parts.flat());
    return core;
  });
  return echartsLoaded;
}

export interface BarSeries {
  name: string;
  values: number[];
  /** A colour that stays apart from the others for colour-blind readers, and against white. */
  color: string;
}

/**
 * A bar chart (ECharts, drawn as SVG) with the same figures in a table that opens under it, so a
 * screen-reader or keyboard user reads what a sighted reader sees. The chart follows its
 * container's width and is disposed with the component.
 */
export function BarChart({
  label,
  description,
  categories,
  categoryHeader,
  series,
  horizontal = false,
  height,
}: {
  /** The chart's name: its accessible label and the table's caption. */
  label: string;
  /** What a screen reader announces for the picture; a summary naming the series by default. */
  description?: string;
  /** The bars' labels, one per value of each series. */
  categories: string[];
  /** The table's first column header (what the categories are). */
  categoryHeader: string;
  series: BarSeries[];
  /** Bars running sideways with labels on the left: long names stay readable on a phone. */
  horizontal?: boolean;
  height?: number;
}) {
  const { t } = useTranslation('common', { keyPrefix: 'barChart' });
  const { number } = useFormat();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);
  const captionId = useId();
  const shownHeight = height ?? (horizontal ? Math.max(200, categories.length * (12 * series.length + 14) + 50) : 360);
  const summary =
    description ??
    t('summary')
      .replace('{label}', label)
      .replace('{n}', number(categories.length))
      .replace('{series}', series.map((s) => s.name).join(', '));

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void loadECharts().then((echarts) => {
      const element = box.current;
      if (disposed || !element) return;
      const instance = echarts.init(element, undefined, { renderer: 'svg' });
      const observer = new ResizeObserver(() => instance.resize());
      observer.observe(element);
      chart.current = instance;
      setReady(true);
      cleanup = () => {
        observer.disconnect();
        instance.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const categoryAxis = {
      type: 'category' as const,
      data: categories,
      inverse: horizontal,
      axisLabel: {
        color: '#212529',
        fontSize: 13,
        width: horizontal ? 110 : 80,
        overflow: 'truncate' as const,
        interval: 0,
        rotate: horizontal ? 0 : categories.length > 6 ? 35 : 0,
        hideOverlap: true,
      },
    };
    // Numbers along the value axis: on a phone ECharts would draw them into each other; those that
    // would touch are left out (the table below the chart carries every figure).
    const valueAxis = { type: 'value' as const, axisLabel: { color: '#212529', formatter: number, hideOverlap: true } };
    chart.current?.setOption(
      {
        aria: { enabled: true, label: { enabled: true, description: summary } },
        textStyle: { fontFamily: 'Sarabun, system-ui, sans-serif' },
        animation: false,
        // The legend is drawn in HTML above the chart: it wraps on a phone and a screen reader reads it.
        legend: { show: false },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (v: unknown) => (typeof v === 'number' ? number(v) : String(v ?? '')),
        },
        grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? categoryAxis : valueAxis,
        series: series.map((s) => ({ type: 'bar' as const, name: s.name, data: s.values, itemStyle: { color: s.color }, barMaxWidth: 28 })),
      },
      { notMerge: true },
    );
  }, [ready, categories, series, horizontal, summary, number]);

  return (
    <figure style={{ margin: 0 }} aria-labelledby={captionId}>
      <Text component="figcaption" id={captionId} fw={600} mb={4}>
        {label}
      </Text>
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', listStyle: 'none', padding: 0, margin: '0 0 4px' }}>
        {series.map((s) => (
          <li key={s.name} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            <span aria-hidden style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 2, background: s.color }} />
            <Text size="sm" component="span">
              {s.name}
            </Text>
          </li>
        ))}
      </ul>
      <div ref={box} style={{ width: '100%', height: shownHeight }} />
      <details>
        <summary style={{ cursor: 'pointer', padding: '6px 0', minHeight: 24 }}>{t('table')}</summary>
        <ScrollTable label={label} minWidth={Math.min(640, 160 + 110 * series.length)} striped>
          <caption style={{ captionSide: 'top', textAlign: 'start' }}>{label}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{categoryHeader}</Table.Th>
              {series.map((s) => (
                <Table.Th key={s.name} scope="col" style={{ textAlign: 'end' }}>
                  {s.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {categories.map((category, i) => (
              <Table.Tr key={`${category}-${i}`}>
                <Table.Th scope="row" fw={400}>
                  {category}
                </Table.Th>
                {series.map((s) => (
                  <Table.Td key={s.name} style={{ textAlign: 'end' }}>
                    {number(s.values[i] ?? 0)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </details>
    </figure>
  );
}
