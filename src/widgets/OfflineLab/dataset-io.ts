/** Downloads and reads dataset files for the offline lab (validated by src/lib/dataset-file.ts). */
import {
  DATASET_MAX_FILE_BYTES,
  parseDatasetFile,
  serialiseDataset,
  type DatasetParse,
} from '@/lib/dataset-file';
import type { OfflineDataset } from '@/spec';

export function downloadDataset(d: OfflineDataset): void {
  const url = URL.createObjectURL(new Blob([serialiseDataset(d)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${d.env}-eps${d.behaviour.epsilon}-${d.size}.dataset.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
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
