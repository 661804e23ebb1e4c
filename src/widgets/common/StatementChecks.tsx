/**
 * Every statement of a "break this theorem" lab on one instance, corrected and as the notes state it, as rows of a
 * derivation table (left side ≥ right side, with the verdict): what a widget shows when a lab's link loads an
 * instance into it. Test ids `${prefix}-${statement}-${variant}-lhs|rhs|holds`.
 */
import { evaluateStatement, STATEMENTS, type LabInstance, type StatementId } from '@/rl';
import { DerivationTable } from './DerivationTable';

export function StatementChecks({
  instance,
  statements,
  prefix,
}: {
  instance: LabInstance;
  statements: readonly StatementId[];
  prefix: string;
}) {
  const steps = statements.flatMap((id) =>
    (['corrected', 'notes'] as const)
      .filter((v) => v === 'corrected' || STATEMENTS[id].notes)
      .map((variant) => {
        const v = evaluateStatement(id, variant, instance);
        return {
          id: `${prefix}-${id}-${variant}`,
          label: `${STATEMENTS[id].title}, ${variant === 'notes' ? "notes' statement" : 'corrected'}`,
          formula: variant === 'notes' ? STATEMENTS[id].notes : STATEMENTS[id].corrected,
          lhs: v.lhs,
          rhs: v.rhs,
          relation: '≥' as const,
        };
      }),
  );
  return (
    <DerivationTable
      caption="The lab's statements on this instance: left side, relation, right side, difference and verdict"
      filename={`${prefix}-statements`}
      steps={steps}
    />
  );
}
