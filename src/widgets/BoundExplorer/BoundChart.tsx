/**
 * The bound explorer's chart: J(π'), L_π(π') and the two lower bounds as lines, and the region below the larger
 * bound shaded (values the theorem rules out for J(π')).
 */
import { band, Chart, line, rule } from '@/widgets/common';
import { SHADE_LABEL, type CurvePoint } from './compute';

export function BoundChart({
  data,
  t,
  yDomain,
  caption,
}: {
  data: CurvePoint[];
  t: number;
  yDomain: [number, number];
  caption: string;
}) {
  return (
    <Chart
      caption={`${caption} Shaded: ${SHADE_LABEL}; the table's column "floor" is the larger of the two bounds.`}
      description={`Shaded: ${SHADE_LABEL}.`}
      data={data}
      x="t"
      xLabel="step size"
      yLabel="value"
      yDomain={yDomain}
      height={300}
      filename="trpo-bounds"
      testId="trpo-chart"
      layers={[
        band(-Infinity, 'floor', {
          label: SHADE_LABEL,
          color: 'series-4',
          opacity: 0.16,
          className: 'trpo-shaded-region',
        }),
        line('J', "J(π')"),
        line('L', 'L_π(π′)', { dashed: true }),
        line('tvBound', 'L − Cα²'),
        line('klBound', 'L − C·KLmax'),
        rule({ x: t, label: 'π′' }),
      ]}
    />
  );
}
