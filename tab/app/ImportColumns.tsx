import { Field, Input, Select, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { normaliseHeader } from '../../core/import/columns/header-rules';
import type { ImportReport } from '../../core/import/import-report';
import { IMPORT_FIELD_LABELS, IMPORT_FIELD_ORDER } from './import-fields';
import { choiceFor, overrideFor, type ColumnChoice, type MappedField, type MappingFile, type TableHeaders } from './import-mapping';

const useStyles = makeStyles({
  table: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { ...typographyStyles.body1Strong, padding: 0, marginBottom: tokens.spacingVerticalXS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(17rem, 1fr))', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface ImportColumnsProps {
  headers: TableHeaders;
  report: ImportReport | undefined;
  guesses: Map<string, ColumnChoice>;
  mapping: MappingFile;
  onChange: (header: string, choice: ColumnChoice) => void;
}

function hintFor(choice: ColumnChoice, guess: ColumnChoice | undefined, changed: boolean): string | undefined {
  if (changed && guess) return `Changed by you. The import read it as: ${IMPORT_FIELD_LABELS[guess.field]}${guess.date ? `, dated ${guess.date}` : ''}.`;
  if (changed) return 'Changed by you.';
  if (choice.field === 'ignore') return 'Not recognised, so not imported. Choose what it holds to bring it in.';
  return undefined;
}

/** One header: what it means (a list of every field, "Ignore" first), and the date of a past update. */
function ColumnChoiceField({ header, choice, guess, changed, onChange }: { header: string; choice: ColumnChoice; guess?: ColumnChoice; changed: boolean; onChange: ImportColumnsProps['onChange'] }) {
  const styles = useStyles();
  const pick = (field: MappedField) => onChange(header, field === 'history' ? { field, date: choice.date ?? guess?.date } : field === guess?.field ? guess : { field });
  return (
    <div className={styles.column} data-import-column={header}>
      <Field label={header} hint={hintFor(choice, guess, changed)}>
        <Select value={choice.field} onChange={(_, data) => pick(data.value as MappedField)}>
          {IMPORT_FIELD_ORDER.map((field) => (
            <option key={field} value={field}>
              {IMPORT_FIELD_LABELS[field]}
            </option>
          ))}
        </Select>
      </Field>
      {choice.field === 'history' && (
        <Field label={`Date of the "${header}" update`} hint="Each past update becomes a closed update round with this date.">
          <Input type="date" value={choice.date ?? ''} onChange={(_, data) => onChange(header, { field: 'history', ...(data.value && { date: data.value }) })} />
        </Field>
      )}
    </div>
  );
}

/**
 * Every column of every table the import found, each with what it means. A header the import did
 * not recognise reads "Ignore this column"; choosing a meaning brings it in. A choice applies to
 * every table with the same header, as the mapping file does.
 */
export function ImportColumns({ headers, report, guesses, mapping, onChange }: ImportColumnsProps) {
  const styles = useStyles();
  return (
    <>
      {headers.map((table) => (
        <fieldset key={table.name} className={styles.table}>
          <legend className={styles.legend}>Columns in {table.name}</legend>
          <div className={styles.grid}>
            {table.headers.map((header) => (
              <ColumnChoiceField
                key={header}
                header={header}
                choice={choiceFor(mapping, report, guesses, header)}
                guess={guesses.get(normaliseHeader(header))}
                changed={overrideFor(mapping, header) !== undefined}
                onChange={onChange}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}
