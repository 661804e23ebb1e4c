/** Downloads and reads dataset files for the offline lab (validated by src/lib/dataset-file.ts). */
import {
  DATASET_MAX_FILE_BYTES,
  parseDatasetFile,
  serialiseDataset,
  type DatasetParse,
} from '@/lib/dataset-file';
import { downloadBlob } from '@/lib/export';
import type { OfflineDataset } from '@/spec';

export function downloadDataset(d: OfflineDataset): void {
  downloadBlob(
    `${d.env}-eps${d.behaviour.epsilon}-${d.size}.dataset.json`,
    new Blob([serialiseDataset(d)], { type: 'application/json' }),
  );
}

/** Reads a chosen file as a dataset for `env`; refuses a file over the size limit before reading it. */
export async function readDatasetFile(file: File, env: OfflineDataset['env']): Promise<DatasetParse> {
  if (file.size > DATASET_MAX_FILE_BYTES)
    return {
      ok: false,
      errors: [
        `The file is ${(file.size / 2 ** 20).toFixed(1)} MB; a dataset file may be at most ${DATASET_MAX_FILE_BYTES / 2 ** 20} MB.`,
      ],
    };
  return parseDatasetFile(await file.text(), env);
}
